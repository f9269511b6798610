"""The workspace of the pair shown, for the window: opening, re-anchoring off the GUI thread,
saving it elsewhere, and the messages when it cannot."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.core.pair import Pair
from reader.core.store.pair_index import (
    PairIndex,
    default_path_for,
    default_workspace_dir,
    matches_pair,
    open_for_pair,
    text_files,
)
from reader.core.store.schema import SUFFIX, WorkspaceReadOnlyError
from reader.core.store.sync import SyncReport, is_up_to_date, sync_with_pair
from reader.core.store.workspace import Workspace
from reader.ui.app.settings import Settings
from reader.ui.app.workers import describe_error, run_in_pool


class WorkspaceSession(QObject):
    """The workspace of the pair shown: opens it when a pair opens, saves it elsewhere, opens
    another; every failure is a message, and the file is left as it was."""

    workspace_changed = Signal(object)  # Workspace | None
    reanchored = Signal(object)  # SyncReport, when a text had changed

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = parent
        self.workspace: Workspace | None = None
        self.pair: Pair | None = None
        self.folder: Path | None = None  # None: the platform's user data folder
        self.pending: Path | None = None  # a workspace chosen for the pair now being opened
        self._syncing: Workspace | None = None  # being re-anchored in the pool for this pair

    # the pair shown
    def attach(self, pair: Pair) -> Workspace | None:
        """Use the workspace of a newly shown pair (or the one the user just chose for it).

        When a text changed since the workspace saw it, its annotations are found again in the
        thread pool first; the workspace is used (`workspace_changed`) once that is done, and
        None is returned meanwhile."""
        self.close()
        self.pair = pair
        chosen, self.pending = self.pending, None
        path = chosen or default_path_for(pair.source, pair.target, self.folder)
        try:
            workspace = open_for_pair(pair, chosen, self.folder)
        except ReaderError as exc:
            self._cannot_use(exc, path)
            return self.workspace
        try:
            current = is_up_to_date(workspace, pair)
        except ReaderError as exc:
            workspace.close()
            self._cannot_use(exc, path)
            return self.workspace
        if current:
            PairIndex(self.folder).put(pair.source, pair.target, workspace.path)
            self._use(workspace)
            return workspace
        self._syncing = workspace
        self._status(self.tr("A text changed since this workspace was saved; finding its "
                             "annotations again…"), 0)
        run_in_pool(
            sync_with_pair, workspace, pair,
            on_done=partial(self._on_synced, workspace),
            on_error=partial(self._on_sync_failed, workspace, path),
        )
        return None

    def is_syncing(self) -> bool:
        """Whether the workspace of the pair shown is being brought up to date."""
        return self._syncing is not None

    def _on_synced(self, workspace: Workspace, report: SyncReport) -> None:
        if workspace is not self._syncing:
            workspace.close()  # the window moved on (another pair, or closed) meanwhile
            return
        self._syncing = None
        self._status("", 0)
        assert self.pair is not None
        PairIndex(self.folder).put(self.pair.source, self.pair.target, workspace.path)
        self._use(workspace, report)

    def _on_sync_failed(self, workspace: Workspace, path: Path, exc: BaseException) -> None:
        workspace.close()
        if workspace is not self._syncing:
            return
        self._syncing = None
        self._status("", 0)
        if isinstance(exc, ReaderError):
            self._cannot_use(exc, path)
        else:
            self._cannot_use(ReaderError(describe_error(exc, path)), path)

    def _use(self, workspace: Workspace | None, report: SyncReport | None = None) -> None:
        self.workspace = workspace
        if workspace is not None:
            self.settings.last_workspace_path = str(workspace.path)
        self.workspace_changed.emit(workspace)
        if report is not None and report.changed_sides:
            self.reanchored.emit(report)
            self._report(report)

    def _cannot_use(self, exc: ReaderError, path: Path) -> None:
        """Open a read-only workspace as such; else say why annotations are off."""
        if isinstance(exc, WorkspaceReadOnlyError):
            self._use(self._open_read_only(exc, path))
            return
        self._tell(QMessageBox.Icon.Critical, self.tr("Cannot use the workspace"),
                   str(exc) + "\n\n" + self.tr(
                       "Nothing was changed. Annotations are off until a workspace can be used "
                       "(File ▸ Open Workspace…)."))
        self._use(None)

    def _open_read_only(self, exc: ReaderError, path: Path) -> Workspace | None:
        try:
            workspace = Workspace.open(path, read_only=True)
            if self.pair is not None and not matches_pair(workspace, self.pair):
                workspace.close()
                raise exc
        except ReaderError as second:
            self._tell(QMessageBox.Icon.Critical, self.tr("Cannot use the workspace"), str(second))
            return None
        self._tell(
            QMessageBox.Icon.Warning, self.tr("Workspace opened read-only"),
            str(exc) + "\n\n" + self.tr(
                "Its annotations are shown, but new ones cannot be saved. Use "
                "File ▸ Save Workspace As… to keep working in a copy."),
        )
        return workspace

    def _report(self, report: SyncReport) -> None:
        orphans = report.orphans
        text = self.tr("A text changed since this workspace was saved; its annotations were "
                       "found again in the new text.")
        if orphans:
            quotes = "\n".join(f"• «{a.quote[:60]}»" for a in orphans[:10])
            text = self.tr(
                "A text changed since this workspace was saved. {0} annotation(s) could not be "
                "found in the new text; they are kept as orphans in the Annotations panel:\n\n{1}"
            ).format(len(orphans), quotes)
            QMessageBox.warning(self.window, self.tr("Annotations re-anchored"), text)
        else:
            self._status(text, 8000)

    def _status(self, text: str, timeout: int) -> None:
        """Show a message in the window's status bar (an empty one clears it)."""
        if self.window is not None and hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(text, timeout)

    def close(self) -> None:
        if self._syncing is not None:
            self._syncing = None  # a re-anchoring still running closes its workspace when done
            self._status("", 0)
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
            self.workspace_changed.emit(None)

    # File menu
    def save_as(self, path: str | Path | None = None) -> Path | None:
        """Copy the workspace to another file and carry on in the copy."""
        if self.workspace is None or self.pair is None:
            self._error(self.tr("No workspace"), self.tr("Open a pair first."))
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save Workspace As"),
                str(Path.home() / f"annotations{SUFFIX}"),
                self.tr("Parallel Reader workspaces (*{0})").format(SUFFIX),
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix != SUFFIX:
                path = path.with_suffix(SUFFIX)
        path = Path(path)
        try:
            if path.resolve() == self.workspace.path.resolve():
                return path
            # the file dialog already asked before overwriting
            self.workspace.save_as(path, overwrite=True)
            copy = Workspace.open(path)
        except ReaderError as exc:
            self._error(self.tr("Cannot save the workspace"), str(exc))
            return None
        self.workspace.close()
        self.workspace = copy
        PairIndex(self.folder).put(self.pair.source, self.pair.target, copy.path)
        self.settings.last_workspace_path = str(copy.path)
        self.workspace_changed.emit(copy)
        return path

    def open_file(self, path: str | Path | None = None) -> Path | None:
        """Open a workspace: for the pair shown, switch to it; for another pair, open that pair
        (the window then calls attach(), which uses this file). Returns the path, if used."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open Workspace"), str(default_workspace_dir()),
                self.tr("Parallel Reader workspaces (*{0});;All files (*)").format(SUFFIX),
            )
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        try:
            with Workspace.open(path, read_only=True) as probe:
                documents = probe.documents()
                same = self.pair is not None and matches_pair(probe, self.pair)
        except ReaderError as exc:
            self._error(self.tr("Cannot open the workspace"), str(exc))
            return None
        self.pending = path
        if same:
            assert self.pair is not None
            self.attach(self.pair)
            return path
        paths, missing = text_files(documents)
        if missing:
            self.pending = None
            self._error(self.tr("Cannot open the workspace"), self.tr(
                "{0}: its texts are not found:\n{1}").format(path, "\n".join(missing)))
            return None
        opener = getattr(self.window, "open_pair", None)
        if opener is None:
            self.pending = None
            return None
        opener(str(paths[0]), str(paths[1]))
        return path

    def _tell(self, icon: QMessageBox.Icon, title: str, message: str) -> QMessageBox:
        """Show a message without waiting for it to be read: these come while a pair opens, from
        inside `pair_opened`, and a blocking box would hold back that signal's other listeners
        (the review, the editor, a script waiting for the pair) until someone closes it."""
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.window, title, message)
