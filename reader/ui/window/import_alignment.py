"""File ▸ Import Alignment…: an InterText (TEI) alignment becomes the pair's alignment."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.core.align.beads import Alignment
from reader.core.errors import ReaderError
from reader.core.export.tei_import import read_tei_alignment
from reader.core.pair import Pair, find_again
from reader.ui.app.workers import describe_error, run_in_pool

if TYPE_CHECKING:
    from reader.core.store.workspace import Workspace
    from reader.ui.window.main_window import MainWindow


def _with_divergences(pair: Pair, alignment: Alignment) -> Pair:
    """The pair under the imported alignment, its divergences found with what it was opened
    with (glossaries, thresholds, checks, original side), which it keeps."""
    return replace(pair, alignment=alignment, divergences=find_again(pair, alignment))


class AlignmentImport(QObject):
    """The action, its file dialog, the question before hand-made beads are replaced, and the
    work: read the file, store it in the workspace, find the divergences again off the GUI
    thread, show the pair with it."""

    imported = Signal(object)  # the Pair now shown, with the imported alignment
    failed = Signal(str)  # the message shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Import &Alignment…"), window)
        self.action.setStatusTip(self.tr(
            "Replace the alignment of the pair shown by one made in InterText (TEI XML)"))
        self.action.setShortcut("Ctrl+Alt+I")
        self.action.triggered.connect(lambda: self.choose_and_import())
        window.addAction(self.action)

    @classmethod
    def install(cls, window: MainWindow) -> AlignmentImport:
        """Add the action to the window's File menu, before Cancel Alignment."""
        self = cls(window)
        for menu in window.menuBar().findChildren(QMenu):
            if menu.title().replace("&", "") == "File":
                menu.insertAction(window.cancel_action, self.action)
                menu.insertSeparator(window.cancel_action)
        return self

    def _workspace(self) -> Workspace | None:
        controller = getattr(self.window, "annotations", None)
        return getattr(controller, "workspace", None)

    def choose_and_import(self, path: str | Path | None = None) -> bool:
        """Ask for a file (unless given) and import it; False if nothing was changed."""
        pair = self.window.pair
        if pair is None:
            self._fail(self.tr("Open a pair first."))
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import Alignment"), str(Path.home()),
                self.tr("InterText alignments (*.xml);;All files (*)"),
            )
            if not chosen:
                return False
            path = chosen
        try:
            alignment = read_tei_alignment(
                path, len(pair.source), len(pair.target),
                source_language=pair.source.language, target_language=pair.target.language,
            )
        except ReaderError as exc:
            self._fail(str(exc))
            return False
        workspace = self._workspace()
        if workspace is not None and not self._replace(workspace, alignment):
            return False
        run_in_pool(
            _with_divergences, pair, alignment,
            on_done=self._on_done,
            on_error=lambda exc: self._fail(describe_error(exc, Path(path))),
        )
        return True

    def _replace(self, workspace: Workspace, alignment: Alignment) -> bool:
        """Store the alignment, once the person agreed to lose beads made by hand."""
        try:
            kept = Counter(b.state for b in workspace.alignment())
            by_hand = kept["edited"] + kept["confirmed"]
            if by_hand and QMessageBox.question(
                self.window, self.tr("Import Alignment"),
                self.tr("This pair has {0} bead(s) edited or confirmed by hand. Replace its "
                        "whole alignment by the imported one?").format(by_hand),
            ) != QMessageBox.StandardButton.Yes:
                return False
            workspace.set_alignment(alignment)
        except ReaderError as exc:
            self._fail(str(exc) + "\n\n" + self.tr("Nothing was changed."))
            return False
        return True

    def _on_done(self, pair: object) -> None:
        assert isinstance(pair, Pair)
        if not shiboken6.isValid(self.window):
            return  # the window was closed while the divergences were being found
        self.window.show_pair(pair)
        confirmed = sum(b.is_confirmed for b in pair.alignment)
        self.window.statusBar().showMessage(self.tr(
            "Alignment imported: {0} beads, {1} confirmed").format(len(pair.alignment),
                                                                   confirmed), 8000)
        self.imported.emit(pair)

    def _fail(self, message: str) -> None:
        if not shiboken6.isValid(self.window):
            return
        QMessageBox.critical(self.window, self.tr("Cannot import the alignment"), message)
        self.failed.emit(message)
