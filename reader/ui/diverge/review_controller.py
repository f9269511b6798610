"""Reviewing divergences in the window: verdicts, comments, ignore rules, F8, the QA report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMenu

from reader.core.diverge.labels import kind_label
from reader.core.diverge.records import Divergence
from reader.core.diverge.review import (
    IgnoreRule,
    Review,
    ReviewKey,
    ReviewState,
    ReviewStatus,
    bead_numbers,
    counterpart_values,
    review_key,
    review_states,
    rule_for,
)
from reader.core.errors import ReaderError
from reader.core.export.qa_formats import REVIEW_FORMATS
from reader.core.pair import Pair
from reader.core.store.workspace import Workspace
from reader.ui.app.actions import window_action
from reader.ui.app.workers import describe_error
from reader.ui.diverge.commands import CallCommand
from reader.ui.diverge.ignore_dialog import GLOBAL, IgnoreDialog
from reader.ui.diverge.navigation import reading_anchor
from reader.ui.diverge.qa_writer import write_qa_report
from reader.ui.diverge.rules_dialog import RulesDialog

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

# Keys: none of these is taken by the window, its panels or Qt's standard keys (F8 and
# Shift+F8, next and previous open divergence, are the window's Go menu actions).
KEYS = {
    "confirm": "Ctrl+Shift+C", "dismiss": "Ctrl+Shift+D", "ignore": "Ctrl+Shift+I",
    "reopen": "Ctrl+Shift+Backspace", "comment": "Ctrl+Shift+N", "reviewed": "Ctrl+Shift+H",
    "report": "Ctrl+Shift+P", "rules": "Ctrl+Shift+G",
}


class ReviewController(QObject):
    """Keeps the review states of the pair shown and the panel, strip and gutter in step."""

    report_written = Signal(str)  # the path of a QA report, once written
    changed = Signal()  # the states were computed again

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.panel = window.panel
        self.pair_view = window.pair_view
        self.pair: Pair | None = None
        self.reviews: dict[ReviewKey, Review] = {}
        self.workspace_rules: list[IgnoreRule] = []
        self.states: list[ReviewState] = []
        self.dialog: IgnoreDialog | None = None
        self.rules_dialog: RulesDialog | None = None
        self._build_actions()
        self.panel.anchor = lambda: reading_anchor(self.pair_view)
        self.panel.comment_edited.connect(self.set_comment)
        self.panel.show_reviewed_changed.connect(self._on_panel_show_reviewed_changed)
        self.panel.nothing_found.connect(self._status)
        self.panel.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions())
        self.panel.set_show_reviewed(self.settings.show_reviewed_divergences)
        window.pair_opened.connect(self._on_window_pair_opened)
        # an edit of the alignment lists new divergence records: the states and the panes' filter
        # (which knows records by identity) must follow them
        window.divergences_shown.connect(self.refresh)
        window.annotations.session.workspace_changed.connect(self._on_workspace_changed)

    @classmethod
    def install(cls, window: MainWindow) -> ReviewController:
        """Add reviewing to a main window (after its annotations: it uses their workspace)."""
        return cls(window)

    # actions and the Review menu
    def _action(self, text: str, slot: Callable[[], object], key: str, tip: str) -> QAction:
        return window_action(self.window, text, lambda _=False: slot(), key, tip,
                             tooltip=f"{tip} ({key})")

    def _build_actions(self) -> None:
        tr = self.tr
        self.confirm_action = self._action(
            tr("&Confirm"), lambda: self.mark(ReviewStatus.CONFIRMED), KEYS["confirm"],
            tr("The divergence chosen is real"))
        self.dismiss_action = self._action(
            tr("&Dismiss"), lambda: self.mark(ReviewStatus.DISMISSED), KEYS["dismiss"],
            tr("The divergence chosen is a false positive"))
        self.ignore_action = self._action(
            tr("&Ignore Everywhere…"), self.ignore_everywhere, KEYS["ignore"],
            tr("Ignore this kind with these values wherever it is found"))
        self.reopen_action = self._action(
            tr("&Reopen"), self.reopen, KEYS["reopen"],
            tr("Make the divergence chosen open again (an ignore rule is removed)"))
        self.rules_action = self._action(
            tr("Ignore Ru&les…"), self.show_rules, KEYS["rules"],
            tr("The ignore rules in force; remove the ones no longer wanted"))
        self.comment_action = self._action(
            tr("Co&mment…"), self.focus_comment, KEYS["comment"],
            tr("Write a comment on the divergence chosen"))
        self.reviewed_action = self._action(
            tr("Show Re&viewed Divergences"), lambda: None, KEYS["reviewed"],
            tr("Show confirmed, dismissed and ignored divergences too"))
        self.reviewed_action.setCheckable(True)
        self.reviewed_action.setChecked(self.panel.shows_reviewed())
        self.reviewed_action.toggled.connect(self.panel.set_show_reviewed)
        self.report_action = self._action(
            tr("Write QA &Report…"), self.choose_and_write_report, KEYS["report"],
            tr("Write the open divergences (all, when reviewed ones are shown) by severity, "
               "with both texts"))
        next_open, previous_open = (self.window.next_divergence_action,
                                    self.window.previous_divergence_action)
        next_open.setText(tr("&Next Open Divergence"))
        previous_open.setText(tr("&Previous Open Divergence"))
        self.menu = QMenu(tr("&Review"), self.window)
        for item in (self.confirm_action, self.dismiss_action, self.ignore_action,
                     self.reopen_action, self.comment_action, self.rules_action, None,
                     next_open, previous_open,
                     self.reviewed_action, None, self.report_action):
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item)
        bar = self.window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        # before Help, the last menu
        if menus:
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)
        self.panel.add_review_actions([self.confirm_action, self.dismiss_action,
                                       self.ignore_action, self.reopen_action])
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.panel.current_divergence() is not None
        writable = self.workspace is not None and not self.workspace.read_only
        for action in (self.confirm_action, self.dismiss_action, self.comment_action):
            action.setEnabled(chosen and writable)
        # a rule in the user's settings needs no file, to be made or taken back
        self.ignore_action.setEnabled(chosen)
        self.reopen_action.setEnabled(chosen)
        self.report_action.setEnabled(self.pair is not None)

    @property
    def workspace(self) -> Workspace | None:
        return self.window.annotations.workspace

    # states
    def global_rules(self) -> list[IgnoreRule]:
        rules = (IgnoreRule.from_json(raw) for raw in self.settings.divergence_ignore_rules)
        return [r for r in rules if r is not None]

    def reload(self) -> None:
        """Read the workspace's reviews and rules again, then compute every state."""
        self.reviews, self.workspace_rules = {}, []
        workspace = self.workspace
        if workspace is not None:
            try:
                self.reviews = workspace.reviews()
                self.workspace_rules = workspace.ignore_rules()
            except ReaderError as exc:
                self._status(str(exc))
        self.refresh()

    def refresh(self) -> None:
        pair = self.pair
        # while the window switches pairs, the workspace may change before pair_opened: the
        # panel then lists another pair's divergences, and pair_opened will refresh again
        if pair is None or pair is not self.window.pair:
            return
        beads = bead_numbers(pair.divergences, pair.alignment.bead_of)
        self.states = review_states(pair.divergences, self.reviews,
                                    [*self.workspace_rules, *self.global_rules()], beads)
        self.panel.set_states(self.states)
        opened = {id(d) for d, s in zip(pair.divergences, self.states, strict=True) if s.is_open}
        self.pair_view.set_divergence_filter(
            None if self.panel.shows_reviewed() else (lambda d: id(d) in opened))
        self._update_actions()
        self.changed.emit()

    def state_of(self, divergence: Divergence) -> ReviewState:
        assert self.pair is not None
        return self.states[self._index(divergence)]

    def _index(self, divergence: Divergence) -> int:
        assert self.pair is not None
        return next(n for n, d in enumerate(self.pair.divergences) if d is divergence)

    # verdicts
    def _chosen(self, needs_workspace: bool = True) -> tuple[int, Divergence] | None:
        chosen = self.panel.current_divergence()
        if chosen is None or self.pair is None:
            self._status(self.tr("Choose a divergence first (F8 goes to the next open one)"))
            return None
        if needs_workspace and (self.workspace is None or self.workspace.read_only):
            self._status(self.tr("Reviews are kept in the workspace, and none can be written"))
            return None
        return chosen

    def mark(self, status: ReviewStatus) -> None:
        """Confirm, dismiss or reopen the divergence chosen; a reviewed one gives way to the
        next open one."""
        chosen = self._chosen()
        if chosen is None:
            return
        row, divergence = chosen
        key = review_key(divergence)
        before = self.reviews.get(key)
        after = Review(key, status, before.comment if before else "", divergence.detail)
        self._set(key, before, after, self.tr("Mark as {0}").format(status))
        if status is not ReviewStatus.OPEN:
            self._advance(row)

    def set_comment(self, divergence: Divergence, comment: str) -> None:
        if self.pair is None or self.workspace is None or self.workspace.read_only:
            self._status(self.tr("Reviews are kept in the workspace, and none can be written"))
            return
        key = review_key(divergence)
        before = self.reviews.get(key)
        status = before.status if before else ReviewStatus.OPEN
        self._set(key, before, Review(key, status, comment, divergence.detail),
                  self.tr("Comment"))

    def reopen(self) -> None:
        chosen = self._chosen(needs_workspace=False)
        if chosen is None:
            return
        state = self.panel.model.state(chosen[0])
        if state.rule is not None:
            self._rule(state.rule, add=False)
        else:
            self.mark(ReviewStatus.OPEN)

    def focus_comment(self) -> None:
        if self._chosen() is not None:
            self.window.dock.show()
            self.panel.comment.setFocus()
            self.panel.comment.selectAll()

    def _set(self, key: ReviewKey, before: Review | None, after: Review, text: str) -> None:
        workspace = self.workspace
        assert workspace is not None

        def put(review: Review | None) -> Callable[[], None]:
            def call() -> None:
                if review is None:
                    workspace.remove_review(key)
                else:
                    workspace.set_review(review)
                self.reload()
            return call

        self._push(CallCommand(text, put(after), put(before), self._status))

    def _push(self, command: QUndoCommand) -> None:
        self.window.annotations.undo_stack.push(command)

    def _advance(self, row: int) -> None:
        """After a verdict, the next open divergence in reading order."""
        if self.panel.model.state(row).is_open:
            return  # the verdict did not take (the message says why)
        target = self.panel.step_target(True, anchor=self.panel.model.beads()[row], current=row)
        if target is not None and target != row:
            self.panel.select_source_row(target)

    # ignore rules
    def ignore_everywhere(self) -> IgnoreDialog | None:
        """Ask what the rule should match, then add it (undoable)."""
        chosen = self._chosen(needs_workspace=False)
        if chosen is None or self.pair is None:
            return None
        row, divergence = chosen
        if not divergence.values:
            self._status(self.tr("This divergence names nothing that could be ignored "
                                 "elsewhere; dismiss it instead"))
            return None
        index = self._index(divergence)
        beads = bead_numbers(self.pair.divergences, self.pair.alignment.bead_of)
        facing = self._facing(index, beads)
        what = f"{kind_label(divergence.kind)} ‘{self._surface(divergence)}’"
        writable = self.workspace is not None and not self.workspace.read_only
        self.dialog = IgnoreDialog(what, facing, writable, self.window)

        def accepted() -> None:
            assert self.pair is not None
            choice = dialog.choice()
            label = f"‘{self._surface(divergence)}’" + (
                f" ↔ ‘{choice.surface}’" if choice.counterpart else "")
            rule = rule_for(self.pair.divergences, index, choice.counterpart, label=label,
                            comment=choice.comment, scope=choice.scope, beads=beads)
            self._rule(rule, add=True)
            self._advance(row)

        dialog = self.dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_rules(self) -> RulesDialog:
        """The rules in force, the workspace's then the user's; Remove is undoable."""
        dialog = RulesDialog(lambda: [*self.workspace_rules, *self.global_rules()],
                             lambda rule: self._rule(rule, add=False), self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.rules_dialog = dialog
        return dialog

    def _surface(self, d: Divergence) -> str:
        """How a divergence's value reads in its text (the first span), else its values."""
        assert self.pair is not None
        text = self.pair.source if d.side == "source" else self.pair.target
        if d.spans:
            s = d.spans[0]
            return text.paragraphs[s.paragraph].text[s.start:s.end]
        return ", ".join(d.values)

    def _facing(self, index: int, beads: list[int]) -> list[tuple[str, str]]:
        assert self.pair is not None
        divergences = self.pair.divergences
        wanted = counterpart_values(divergences, index, beads)
        out: dict[str, str] = {}
        for n, e in enumerate(divergences):
            if beads[n] == beads[index] and e.side != divergences[index].side:
                for value in e.values:
                    if value in wanted and value not in out:
                        out[value] = self._surface(e)
        return list(out.items())

    def _rule(self, rule: IgnoreRule, add: bool) -> None:
        def change(adding: bool) -> Callable[[], None]:
            def call() -> None:
                if rule.scope == GLOBAL:
                    kept = [r for r in self.global_rules() if r.ident != rule.ident]
                    self.settings.divergence_ignore_rules = [
                        r.to_json() for r in (*kept, *([rule] if adding else []))]
                else:
                    workspace = self.workspace
                    if workspace is None:
                        raise ReaderError("no workspace is open for this rule")
                    (workspace.add_ignore_rule if adding else workspace.remove_ignore_rule)(rule)
                self.reload()
            return call

        text = self.tr("Ignore {0}") if add else self.tr("Stop ignoring {0}")
        self._push(CallCommand(text.format(rule.label), change(add), change(not add),
                               self._status))

    # the QA report
    def choose_and_write_report(self) -> None:
        if self.pair is None:
            return
        filters = ";;".join(f"{v.split(',')[0]} (*.{k})" for k, v in REVIEW_FORMATS.items())
        suggested = Path.home() / f"{Path(self.pair.source.name).stem}.review.html"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Write QA Report"), str(suggested), filters)
        if chosen:
            path = Path(chosen)
            if path.suffix.lstrip(".") not in REVIEW_FORMATS:
                path = path.with_name(path.name + ".html")
            statuses = None if self.panel.shows_reviewed() else [ReviewStatus.OPEN]
            self.write_report(path, statuses)

    def write_report(self, path: Path, statuses: Iterable[str] | None) -> None:
        """Write the QA report of the states shown to `path` (its suffix names the format),
        in the thread pool; `report_written` follows."""
        assert self.pair is not None
        write_qa_report(self.pair, self.states, path, statuses, self._on_report_done,
                        lambda exc: self._status(describe_error(exc, path), 0))

    def _on_report_done(self, path: object) -> None:
        self._status(self.tr("QA report written: {0}").format(path))
        self.report_written.emit(str(path))

    # slots
    @Slot(object)
    def _on_window_pair_opened(self, pair: object) -> None:
        assert isinstance(pair, Pair)
        self.pair = pair
        self.reload()

    @Slot(object)
    def _on_workspace_changed(self, _workspace: object) -> None:
        self.reload()

    @Slot(bool)
    def _on_panel_show_reviewed_changed(self, show: bool) -> None:
        self.settings.show_reviewed_divergences = show
        if self.reviewed_action.isChecked() != show:
            self.reviewed_action.setChecked(show)
        self.refresh()

    def _status(self, message: str, timeout: int = 6000) -> None:
        self.window.statusBar().showMessage(message, timeout)
