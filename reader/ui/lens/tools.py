"""The lens in the pair window: Tools ▸ Framing Lens…, the Label Shifts dock, Annotate Shifts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.core.annotate.annotations import Annotation
from reader.core.lens.families import FamilyError, TermFamily, load_families
from reader.core.lens.shifts import ShiftRow, label_shifts, shift_annotations
from reader.core.pair import Pair
from reader.ui.annotate.commands import AddAnnotationCommand
from reader.ui.app.actions import window_action
from reader.ui.app.workers import Job, describe_error
from reader.ui.lens.shifts_panel import ShiftsPanel
from reader.ui.lens.window import LensWindow

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def _same_file(a: Path | None, b: Path) -> bool:
    try:
        return a is not None and a.resolve() == b.resolve()
    except OSError:
        return False


class LensTools(QObject):
    """Installed after the annotation controller (Annotate Shifts uses its workspace and undo)."""

    shifts_shown = Signal()  # the shifts of the open pair were listed (again)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lens_window: LensWindow | None = None
        self.families: list[TermFamily] = []
        self.job: Job | None = None
        self._pairing: dict[int, int] = {}  # id of a ShiftRow → its next pairing to show
        self.side = "source"  # the side shifts are read from: the original's

        self.panel = ShiftsPanel(window)
        self.dock = QDockWidget(self.tr("Label Shifts"), window)
        self.dock.setObjectName("label-shifts")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.dock, self.dock)
        self.dock.hide()  # shown when asked for
        window.dock.raise_()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

        self._build_actions()
        self.panel.row_chosen.connect(self._on_panel_row_chosen)
        self.panel.row_activated.connect(self._on_panel_row_activated)
        self.panel.annotate_requested.connect(self.annotate_selected)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        window.pair_opened.connect(lambda _pair: self._timer.start())
        window.divergences_shown.connect(self._timer.start)  # the alignment was edited
        window.installEventFilter(self)  # the lens window closes with the pair window

    @classmethod
    def install(cls, window: MainWindow) -> LensTools:
        return cls(window)

    def _action(self, text: str, slot: object, shortcut: str, tip: str) -> QAction:
        return window_action(self.window, text, slot, shortcut, tip)  # type: ignore[arg-type]

    def _build_actions(self) -> None:
        self.lens_action = self._action(
            self.tr("&Framing Lens…"), lambda: self.show_lens(), "Ctrl+Alt+L",
            self.tr("How each document of a collection names the same events"))
        self.shifts_action = self._action(
            self.tr("&Label Shifts"), lambda: self.show_shifts(), "Ctrl+Alt+H",
            self.tr("Where the translation names a referent with another label"))
        self.annotate_action = self._action(
            self.tr("Annotate &Shifts"), lambda: self.annotate_selected(), "Ctrl+Alt+N",
            self.tr("Annotate the selected label shifts (translation-shifts codebook)"))
        bar = self.window.menuBar()
        menus = {m.title().replace("&", ""): m for m in bar.findChildren(QMenu)}
        tools = QMenu(self.tr("&Tools"), bar)
        tools.addActions([self.lens_action, self.shifts_action])
        help_menu = menus.get("Help")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), tools)
        else:
            bar.addMenu(tools)
        self.tools_menu = tools
        self.window.annotations.menu.addAction(self.annotate_action)

    # the lens window
    def show_lens(self) -> LensWindow:
        if self.lens_window is None:
            self.lens_window = LensWindow(self.window.settings, self.go_to)
        if self.lens_window.isVisible():
            self.lens_window.raise_()  # already open behind: brought forward
            self.lens_window.activateWindow()
        else:
            self.lens_window.show()
        return self.lens_window

    def go_to(self, path: Path, paragraph: int, start: int, end: int) -> bool:
        """Show a spot of the open pair's text in this window; False when `path` is neither."""
        pair = self.window.pair
        if pair is None:
            return False
        side = ("source" if _same_file(pair.source.path, path)
                else "target" if _same_file(pair.target.path, path) else None)
        if side is None:
            return False
        self.window.pair_view.select_paragraph(side, paragraph)
        self.window.annotations.select(side, paragraph, start, end)
        pane = self.window.pair_view.pane(side)
        pane.ensureCursorVisible()
        pane.setFocus()
        self.window.activateWindow()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and self.lens_window is not None:
            self.lens_window.close()
        return False

    # the shifts of the open pair (in the pool)
    def show_shifts(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.table.setFocus()
        self._timer.start()

    @Slot(bool)
    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._timer.start()

    @Slot()
    def refresh(self) -> Job | None:
        """Find the pair's label shifts again (only while the dock shows: a hidden dock costs
        nothing as the pair changes)."""
        pair = self.window.pair
        if pair is None or not self.dock.isVisible():
            return None
        errors: list[FamilyError] = []
        self.families = load_families(errors=errors)
        families = list(self.families)
        if self.job is not None:
            self.job.cancel()
            self.job.done.disconnect()

        # from the original's side (an English original with its Arabic version: the target)
        verdict = pair.verdict
        side = "target" if verdict is not None and verdict.original == "target" else "source"

        def work(_control: object) -> list[ShiftRow]:
            return label_shifts(pair.source, pair.target, pair.alignment, families, side=side)

        job = Job(work, self)
        job.done.connect(lambda rows: self._on_shifts_done(pair, side, rows))
        job.failed.connect(lambda exc: self._status(describe_error(exc)))
        self.job = job
        job.start()
        return job

    def _on_shifts_done(self, pair: Pair, side: str, rows: object) -> None:
        assert isinstance(rows, list)
        if pair is not self.window.pair:
            return  # another pair was opened meanwhile
        self.side = side
        self._pairing.clear()
        self.panel.set_rows(rows, self.families)
        self.shifts_shown.emit()

    @Slot(object)
    def _on_panel_row_chosen(self, row: object) -> None:
        assert isinstance(row, ShiftRow)
        self._pairing[id(row)] = 0
        self._show_pairing(row, 0)

    @Slot(object)
    def _on_panel_row_activated(self, row: object) -> None:
        """Enter / double click: the row's next occurrence (round the row's beads)."""
        assert isinstance(row, ShiftRow)
        n = (self._pairing.get(id(row), -1) + 1) % max(row.count, 1)
        self._pairing[id(row)] = n
        self._show_pairing(row, n)

    def _show_pairing(self, row: ShiftRow, n: int) -> None:
        if not row.pairings or self.window.pair is None:
            return
        pairing = row.pairings[n]
        o = pairing.occurrence
        view = self.window.pair_view
        view.select_bead(pairing.bead)
        other = "target" if self.side == "source" else "source"
        self.window.annotations.select(self.side, o.paragraph, o.start, o.end)
        c = pairing.counterpart
        if c is not None:  # and what the translation says there, selected in its pane
            self.window.annotations.select(other, c.paragraph, c.start, c.end)
        self._status(self.tr("{0}: occurrence {1} of {2}, bead {3}").format(
            self.panel.model.describe(row), n + 1, row.count, pairing.bead + 1))

    # annotating
    def annotate_selected(self, rows: list[ShiftRow] | None = None) -> int:
        """Annotate the rows' shifts in ONE undoable step; returns how many were added."""
        controller = self.window.annotations
        workspace, pair = controller.workspace, self.window.pair
        rows = self.panel.selected_rows() if rows is None else rows
        if workspace is None or workspace.read_only or pair is None:
            self._status(self.tr("Annotations cannot be saved: no writable workspace is open."))
            return 0
        if not rows:
            self._status(self.tr("Select the shifts to annotate first."))
            return 0
        records = shift_annotations(
            rows, workspace.text("source"), workspace.text("target"), side=self.side,
            families=self.families,
            author=self.window.settings.author_name, existing=controller.panel.model.annotations())
        if not records:
            self._status(self.tr("These shifts are annotated already (or no label changed)."))
            return 0
        stack = controller.undo_stack
        stack.beginMacro(self.tr("Annotate {0} label shift(s)").format(len(records)))
        for record in records:
            stack.push(AddAnnotationCommand(workspace, record, self._on_annotation_changed,
                                            self._on_annotation_failed))
        stack.endMacro()
        controller.highlights.paint()
        self._status(self.tr("{0} annotation(s) added (Ctrl+Z removes them)").format(len(records)))
        return len(records)

    def _on_annotation_changed(self, annotation_id: str, record: Annotation | None) -> None:
        model = self.window.annotations.panel.model
        if record is None:
            model.remove(annotation_id)
        else:
            model.put(record)
        self._timer_paint()

    def _timer_paint(self) -> None:
        # one repaint after the whole macro, not one per annotation
        QTimer.singleShot(0, self.window.annotations.highlights.paint)

    def _on_annotation_failed(self, message: str) -> None:
        self._status(message)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
