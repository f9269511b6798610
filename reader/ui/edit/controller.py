"""Correcting the alignment in the window: edits of the focused bead, checking, re-aligning."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from reader.core.align import edits
from reader.core.align.beads import Alignment, Bead
from reader.core.align.edits import Edit, EditError
from reader.core.errors import ReaderError
from reader.core.pair import Pair
from reader.core.store.workspace import Workspace
from reader.ui.edit.actions import EditorActions
from reader.ui.edit.commands import AlignmentEditCommand
from reader.ui.edit.navigation import (
    find_bead,
    low_confidence,
    next_unconfirmed_after,
    not_one_to_one,
    unconfirmed,
)
from reader.ui.edit.realign import RealignJob, fixed_beads
from reader.ui.edit.refresh import DivergenceRefresher, moved_divergences
from reader.ui.edit.split_dialog import SplitDialog

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

SIDES = ("source", "target")
LANGUAGES = {"ar": "Arabic", "en": "English", "fr": "French", "fa": "Persian"}


class AlignmentEditor(QObject):
    """Edits the beads of the pair shown, on the window's one undo stack; each edit is written
    to the workspace at once and the divergences are found again in the pool."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.pair_view = window.pair_view
        self.session = window.annotations.session
        self.undo_stack = window.annotations.undo_stack  # one stack: Edit ▸ Undo undoes either
        self.refresher = DivergenceRefresher(self)
        self.realigner = RealignJob(self)
        self._realigning_from: Alignment | None = None
        self._side = self.pair_view.left_side  # until a pane has had the focus
        self.split_dialog: SplitDialog | None = None

        self.status_label = QLabel(window)
        self.status_label.setAccessibleName(self.tr("Beads confirmed"))
        self.status_label.setContentsMargins(12, 0, 4, 0)  # apart from the divergence counts
        window.statusBar().addPermanentWidget(self.status_label)

        self.actions = EditorActions(self)
        window.pair_opened.connect(self._on_window_pair_opened)
        self.session.workspace_changed.connect(self._on_session_workspace_changed)
        self.refresher.refreshed.connect(self._on_refresher_refreshed)
        self.refresher.failed.connect(self._status)
        self.realigner.finished.connect(self._on_realigner_finished)
        self.realigner.failed.connect(self._on_realigner_failed)
        self.realigner.cancelled.connect(self._on_realigner_cancelled)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        self.update_status()

    @classmethod
    def install(cls, window: MainWindow) -> AlignmentEditor:
        """Add the alignment editor to a main window: menus, shortcuts, context menus."""
        return cls(window)

    # what an edit acts on
    @property
    def pair(self) -> Pair | None:
        return self.window.pair

    @property
    def workspace(self) -> Workspace | None:
        return self.session.workspace

    @property
    def focused_bead(self) -> int:
        """The bead the reader selected (a click, a key) or holding the caret."""
        return self.pair_view.current_bead

    @property
    def focused_side(self) -> str:
        """The side of the pane with the focus, else of the pane that had it last."""
        for side in SIDES:
            if self.pair_view.pane(side).hasFocus():
                self._side = side
        return self._side

    def side_name(self, side: str) -> str:
        pane = self.pair_view.pane(side)
        if pane.text is not None and pane.text.language in LANGUAGES:
            return self.tr(LANGUAGES[pane.text.language])
        return self.tr("source") if side == "source" else self.tr("target")

    def caret_paragraph(self, side: str) -> int | None:
        """The paragraph of the focused bead holding the side's caret, else its first one."""
        if self.pair is None or self.focused_bead < 0:
            return None
        run = self._run(side)
        pane = self.pair_view.pane(side)
        at = pane.textCursor().blockNumber() - 1
        return at if at in run else (run[0] if run else None)

    def _run(self, side: str) -> tuple[int, ...]:
        assert self.pair is not None
        bead = self.pair.alignment.beads[self.focused_bead]
        return bead.src if side == "source" else bead.tgt

    # the edits (each returns whether it was made)
    def merge_next(self) -> bool:
        return self._edit(edits.merge_next, lambda e: e.first)

    def merge_previous(self) -> bool:
        return self._edit(edits.merge_previous, lambda e: e.first)

    def split(self, cut: tuple[int, int] | None = None) -> bool:
        """Split the focused bead after `cut` = (source, target) paragraphs; without it, ask
        (the dialog starts at the caret) and split when the reader says OK."""
        if cut is not None:
            return self._edit(lambda a, k: edits.split(a, k, *cut), lambda e: e.first)
        if not self._can_edit():
            return False
        assert self.pair is not None
        bead = self.pair.alignment.beads[self.focused_bead]
        dialog = SplitDialog(self.focused_bead, bead, {s: self.side_name(s) for s in SIDES},
                             self._default_cut(), self.window)
        dialog.accepted.connect(lambda: self.split(dialog.cut()))
        dialog.finished.connect(dialog.deleteLater)
        self.split_dialog = dialog
        dialog.open()
        return False

    def _default_cut(self) -> tuple[int, int]:
        """Before the caret's paragraph on the focused side, at the same share on the other."""
        side = self.focused_side
        run, other = self._run(side), self._run("target" if side == "source" else "source")
        at = self.caret_paragraph(side)
        cut = run.index(at) if at in run and run.index(at) > 0 else max(len(run) // 2, 1)
        cut = min(cut, len(run))
        share = round(len(other) * cut / len(run)) if run else 0
        share = min(max(share, 1 if len(other) > 1 else 0), len(other))
        return (cut, share) if side == "source" else (share, cut)

    def move_first(self, side: str | None = None) -> bool:
        """Give the first paragraph of a side of the focused bead to the bead above."""
        s = side or self.focused_side
        return self._edit(lambda a, k: edits.move_first(a, k, s),
                          lambda e: e.first + len(e.after) - 1)

    def move_last(self, side: str | None = None) -> bool:
        """Give the last paragraph of a side of the focused bead to the bead below."""
        s = side or self.focused_side
        return self._edit(lambda a, k: edits.move_last(a, k, s), lambda e: e.first)

    def leave_out(self, side: str | None = None, paragraph: int | None = None) -> bool:
        """Leave a paragraph out (1:0 or 0:1): the caret's, on the focused side by default."""
        s = side or self.focused_side
        if paragraph is None and self.pair is not None and self.focused_bead >= 0:
            paragraph = self.caret_paragraph(s)
            if paragraph is None:
                bead = self.focused_bead + 1
                self._status(self.tr("Bead {0} has no {1} paragraph to leave out.").format(
                    bead, self.side_name(s)))
                return False
        p = paragraph if paragraph is not None else -1

        def keep(e: Edit) -> int:  # the bead that keeps the counterpart, if any
            left_first = e.after[0].is_null and len(e.after) == 2 and not e.after[1].is_null
            return e.first + 1 if left_first else e.first

        return self._edit(lambda a, k: edits.leave_out(a, s, p), keep)

    def pair_left_out(self) -> bool:
        return self._edit(edits.pair_left_out, lambda e: e.first)

    def confirm(self) -> bool:
        """Confirm the focused bead and go on to the next unconfirmed one below it."""
        alignment = self.pair.alignment if self.pair is not None else None
        if alignment is not None and 0 <= self.focused_bead < len(alignment) and (
            alignment.beads[self.focused_bead].is_confirmed
        ):
            self.pair_view.select_bead(next_unconfirmed_after(alignment, self.focused_bead))
            return False
        return self._edit(
            edits.confirm,
            lambda e: next_unconfirmed_after(edits.apply_edit(self._alignment(), e), e.first),
        )

    def confirm_through(self) -> bool:
        """Confirm every bead from the first to the focused one."""
        bead = self.focused_bead
        return self._edit(edits.confirm_through, lambda e: bead)

    def _alignment(self) -> Alignment:
        assert self.pair is not None
        return self.pair.alignment

    # making an edit
    def _can_edit(self) -> bool:
        workspace = self.workspace
        if self.pair is None or self.focused_bead < 0:
            self._status(self.tr("Open a pair and choose a bead first."))
            return False
        if self.session.is_syncing():
            self._status(self.tr("The workspace is being brought up to date; edit in a moment."))
            return False
        if workspace is None or workspace.read_only:
            self._status(self.tr("The alignment cannot be corrected: no writable workspace is "
                                 "open to keep the corrections."))
            return False
        if self.realigner.is_running():
            self._status(self.tr("Re-aligning: edit when it is done, or cancel it."))
            return False
        return True

    def _edit(
        self, make: Callable[[Alignment, int], Edit], current_after: Callable[[Edit], int]
    ) -> bool:
        if not self._can_edit():
            return False
        try:
            edit = make(self._alignment(), self.focused_bead)
        except EditError as exc:
            self._status(str(exc).capitalize())
            return False
        return self.push(edit, current_after(edit))

    def push(self, edit: Edit, current_after: int, text: str | None = None) -> bool:
        """Make an edit through the undo stack; False (and a message) if it was not made."""
        command = AlignmentEditCommand(
            edit, text or self.tr(edit.label), self._step, self._on_command_failed,
            current_before=self.focused_bead, current_after=current_after,
            stack=self.undo_stack,
        )
        self.undo_stack.push(command)  # runs redo(); a failed one is dropped as obsolete
        return command.error is None

    def _step(self, edit: Edit, current: int) -> None:
        """One step of a command: the workspace first (it may refuse), then the window."""
        pair, workspace = self.pair, self.workspace
        if pair is None or workspace is None:
            raise ReaderError("the pair this edit was made on is no longer shown")
        alignment = edits.apply_edit(pair.alignment, edit)
        workspace.set_alignment(alignment)
        self._show(pair, alignment, edit, current)

    def _show(self, pair: Pair, alignment: Alignment, edit: Edit, current: int) -> None:
        pair.divergences = moved_divergences(pair.divergences, edit, alignment)
        self.pair_view.set_alignment(alignment, current, unchanged=edit.first)
        self.window.show_divergences()
        self.update_status()
        self.refresher.schedule(pair)

    # checking
    def go_to_next(self, what: str, step: int = 1) -> int | None:
        """Select the next (step 1) or previous (-1) bead that is `unconfirmed`, `not_1_1` or
        `low_confidence` (below the threshold of Preferences)."""
        if self.pair is None:
            return None
        wanted = {"unconfirmed": unconfirmed, "not_1_1": not_one_to_one,
                  "low_confidence": low_confidence(self.settings.low_confidence)}[what]
        found = find_bead(self.pair.alignment, self.focused_bead, step, wanted)
        if found is None:
            names = {"unconfirmed": self.tr("No bead is left unconfirmed."),
                     "not_1_1": self.tr("Every bead is 1:1."),
                     "low_confidence": self.tr("No unconfirmed bead has a confidence below "
                                               "{0:.2f}.").format(self.settings.low_confidence)}
            self._status(names[what])
            return None
        self.pair_view.select_bead(found)
        return found

    def update_status(self) -> None:
        """'31 of 46 beads confirmed' in the status bar."""
        if self.pair is None:
            self.status_label.setText("")
            return
        counts = edits.count_states(self.pair.alignment)
        self.status_label.setText(self.tr("{0} of {1} beads confirmed").format(
            counts["confirmed"], len(self.pair.alignment)))

    # re-aligning
    def realign_unconfirmed(self) -> bool:
        """Align again every bead nobody confirmed, the confirmed ones held in place."""
        if not self._can_edit():
            return False
        alignment = self._alignment()
        if all(b.is_confirmed for b in alignment):
            self._status(self.tr("Every bead is confirmed: nothing to re-align."))
            return False
        return self._realign(fixed_beads(alignment), self.tr("Re-aligning unconfirmed beads…"))

    def realign_selection(self, beads: range | None = None) -> bool:
        """Align again the beads of the selected text (else the focused bead and its two
        neighbours), everything else and every confirmed bead held in place."""
        if not self._can_edit():
            return False
        alignment = self._alignment()
        free = beads or self._selected_beads()
        label = self.tr("Re-aligning beads {0}–{1}…").format(free[0] + 1, free[-1] + 1)
        return self._realign(fixed_beads(alignment, free), label)

    def _selected_beads(self) -> range:
        alignment = self._alignment()
        for side in (self.focused_side, *SIDES):
            cursor = self.pair_view.pane(side).textCursor()
            if cursor.hasSelection():
                doc = self.pair_view.pane(side).document()
                first = doc.findBlock(cursor.selectionStart()).blockNumber() - 1
                last = doc.findBlock(cursor.selectionEnd()).blockNumber() - 1
                count = self.pair_view.pane(side).paragraph_count
                first, last = min(max(first, 0), count - 1), min(max(last, 0), count - 1)
                return range(alignment.bead_of(side, first), alignment.bead_of(side, last) + 1)
        k = self.focused_bead
        return range(max(k - 1, 0), min(k + 2, len(alignment)))

    def _realign(self, fixed: list[Bead], label: str) -> bool:
        pair = self.pair
        assert pair is not None
        self._realigning_from = pair.alignment
        self.realigner.start(pair, fixed)
        self.window.progress.watch(self.realigner, label)  # type: ignore[arg-type]
        self.actions.update_enabled()
        return True

    def cancel_realign(self) -> None:
        self.realigner.cancel()

    @Slot(object)
    def _on_realigner_finished(self, result: object) -> None:
        started, self._realigning_from = self._realigning_from, None
        self.actions.update_enabled()
        pair = self.pair
        if pair is None or started is not pair.alignment or not isinstance(result, Alignment):
            self._status(self.tr("The pair changed while re-aligning; nothing was changed."))
            return
        edit = edits.replace_all(pair.alignment, result, "Re-align")
        if not edit.before and not edit.after:
            self._status(self.tr("Re-aligning changed nothing."))
            return
        self.push(edit, min(self.focused_bead, len(result) - 1), self.tr("Re-align"))
        self._status(self.tr("Re-aligned: beads {0}–{1} changed (Ctrl+Z undoes it).").format(
            edit.first + 1, edit.first + max(len(edit.after), 1)))

    @Slot(str)
    def _on_realigner_failed(self, message: str) -> None:
        self._realigning_from = None
        self.actions.update_enabled()
        QMessageBox.critical(self.window, self.tr("Cannot re-align"), message)

    @Slot()
    def _on_realigner_cancelled(self) -> None:
        self._realigning_from = None
        self.actions.update_enabled()
        self._status(self.tr("Re-alignment cancelled; the alignment is as it was."))

    # the pair and its workspace
    @Slot(object)
    def _on_window_pair_opened(self, _pair: object) -> None:
        self.refresher.forget()
        self.realigner.cancel()
        self.update_status()
        self.actions.update_enabled()

    @Slot(object)
    def _on_session_workspace_changed(self, workspace: object) -> None:
        """A workspace whose beads a person touched shows them, not the aligner's fresh ones."""
        self.actions.update_enabled()
        pair = self.pair
        if not isinstance(workspace, Workspace) or pair is None:
            return
        try:
            stored = workspace.alignment()
        except ReaderError as exc:
            self._status(str(exc))
            return
        touched = any(b.state != "automatic" for b in stored)
        fits = (stored.n_src, stored.n_tgt) == (pair.alignment.n_src, pair.alignment.n_tgt)
        if not touched or not fits or stored.beads == pair.alignment.beads:
            return
        edit = edits.replace_all(pair.alignment, stored)
        self._show(pair, stored, edit, min(self.focused_bead, len(stored) - 1))

    @Slot()
    def _on_refresher_refreshed(self) -> None:
        self.pair_view.set_hidden_kinds(self.window.panel.hidden_kinds())
        self.window.show_divergences()

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for side in SIDES:
            if new is self.pair_view.pane(side):
                self._side = side

    # messages
    def _on_command_failed(self, message: str) -> None:
        QMessageBox.critical(self.window, self.tr("The alignment was not changed"), message)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)
