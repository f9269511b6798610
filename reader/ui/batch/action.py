"""File ▸ Open Batch Results…: choose a batch's OUTDIR (or its summary.csv) and show it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.core.archive.summary import read_summary
from reader.ui.app.workers import Job, describe_error, run_in_pool
from reader.ui.batch.results import BatchResultsDialog

if TYPE_CHECKING:
    from reader.core.archive.job import PairOutcome
    from reader.ui.window.main_window import MainWindow

SUMMARY_NAME = "summary.csv"


def summary_of(chosen: str | Path) -> Path:
    """The summary a chosen OUTDIR or file stands for."""
    path = Path(chosen)
    return path / SUMMARY_NAME if path.is_dir() else path


class BatchResults(QObject):
    """The action, its file dialog, the summary read off the GUI thread, and the results
    dialog, whose rows open in the window."""

    shown = Signal(object)  # the BatchResultsDialog, once it shows a summary
    failed = Signal(str)  # the message shown when a summary cannot be read

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: BatchResultsDialog | None = None
        self._job: Job | None = None
        self.action = QAction(self.tr("Open &Batch Results…"), window)
        self.action.setStatusTip(self.tr(
            "Show the summary of a reader batch run and open its pairs"))
        self.action.setShortcut("Ctrl+Alt+B")
        self.action.triggered.connect(lambda: self.choose_and_show())
        window.addAction(self.action)

    @classmethod
    def install(cls, window: MainWindow) -> BatchResults:
        """Add the action to the window's File menu, after the recent pairs: another way of
        choosing a pair to open."""
        self = cls(window)
        for menu in window.menuBar().findChildren(QMenu):
            if menu.title().replace("&", "") == "File":
                actions = menu.actions()
                recent = window.recent_menu.menuAction()
                after = actions.index(recent) + 1 if recent in actions else len(actions)
                if after < len(actions):
                    menu.insertAction(actions[after], self.action)
                else:
                    menu.addAction(self.action)
        return self

    def choose_and_show(self, chosen: str | Path | None = None) -> None:
        """Ask for a summary (unless given: an OUTDIR or its summary.csv) and show it."""
        if chosen is None:
            start = self.dialog.outdir if self.dialog is not None else Path.home()
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open Batch Results"), str(start),
                self.tr("Batch summaries (summary.csv);;CSV files (*.csv)"),
            )
            if not name:
                return
            chosen = name
        summary = summary_of(chosen)
        self._job = run_in_pool(read_summary, summary, on_done=lambda outcomes: self._show(
            outcomes, summary), on_error=lambda exc: self._fail(describe_error(exc, summary)))

    def _show(self, outcomes: list[PairOutcome], summary: Path) -> None:
        self._job = None
        if self.dialog is None or not shiboken6.isValid(self.dialog):
            self.dialog = BatchResultsDialog(self.window)
            self.dialog.pair_chosen.connect(self.window.open_pair)
        self.dialog.set_results(outcomes, summary.parent)
        if self.dialog.isVisible():  # already open, perhaps behind the window: to the front
            self.dialog.raise_()
        self.dialog.show()
        self.dialog.activateWindow()
        self.shown.emit(self.dialog)

    def _fail(self, message: str) -> None:
        self._job = None
        self.failed.emit(message)
        QMessageBox.warning(self.window, self.tr("Cannot open the batch results"), message)
