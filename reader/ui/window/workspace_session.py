"""Which workspace file a pair uses, opening and saving it, and the messages when it cannot."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.align.beads import Alignment, Bead
from reader.core.annotate.annotations import SIDES, Annotation
from reader.core.annotate.reanchor import ReanchorResult
from reader.core.errors import ReaderError
from reader.core.files import atomic_write_text
from reader.core.pair import Pair
from reader.core.store.workspace import (
    SUFFIX,
    Workspace,
    WorkspaceError,
    WorkspaceReadOnlyError,
    default_workspace_dir,
)
from reader.core.text.document import Text
from reader.ui.app.settings import Settings

INDEX_FILE = "pairs.json"


def pair_key(source: Text, target: Text) -> str:
    """A file-name-safe key for a pair: the start of both texts' SHA-256."""
    return f"{source.sha256[:16]}-{target.sha256[:16]}"


def default_path_for(source: Text, target: Text, folder: Path | None = None) -> Path:
    """The pair's own workspace in the user data folder, named for the source and both hashes."""
    stem = source.path.stem if source.path else "pair"
    return (folder or default_workspace_dir()) / f"{stem}-{pair_key(source, target)}{SUFFIX}"


def _paths_key(source: Text, target: Text) -> str | None:
    if source.path is None or target.path is None:
        return None
    return f"{source.path.resolve()}\t{target.path.resolve()}"


class PairIndex:
    """Remembers which workspace a pair of files used last, so that an edited text still finds
    its annotations (its hash, and so its default file name, changed)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or default_workspace_dir()) / INDEX_FILE

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # a missing or damaged index only costs the lookup, never a workspace
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if (
            isinstance(data, dict)
        ) else {}

    def get(self, source: Text, target: Text) -> Path | None:
        key = _paths_key(source, target)
        found = self._read().get(key) if key else None
        return Path(found) if found else None

    def put(self, source: Text, target: Text, workspace: Path) -> None:
        key = _paths_key(source, target)
        if key is None:
            return
        data = self._read()
        if data.get(key) == str(workspace):
            return
        data[key] = str(workspace)
        # the index is a convenience; the workspace itself is safe without it
        with contextlib.suppress(ReaderError):
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@dataclass(slots=True)
class SyncReport:
    """What bringing a workspace up to date with the texts shown did."""

    reanchored: list[ReanchorResult] = field(default_factory=list)

    @property
    def orphans(self) -> list[Annotation]:
        return [a for r in self.reanchored for a in r.annotations if a.id in set(r.orphaned)]

    @property
    def changed_sides(self) -> int:
        return len(self.reanchored)


def matches_pair(workspace: Workspace, pair: Pair) -> bool:
    """Whether a workspace is about this pair: each text is its side by hash or file name."""
    return (
        workspace.side_of(pair.source) == "source" and workspace.side_of(pair.target) == "target"
    )


def _null_alignment(n_src: int, n_tgt: int) -> Alignment:
    beads = [Bead((i,), (), 0.0) for i in range(n_src)]
    beads += [Bead((), (j,), 0.0) for j in range(n_tgt)]
    return Alignment(beads, n_src, n_tgt)


def sync_with_pair(workspace: Workspace, pair: Pair) -> SyncReport:
    """Re-anchor the annotations of each side whose text changed since the workspace saw it."""
    report = SyncReport()
    texts = {"source": pair.source, "target": pair.target}
    for side in SIDES:
        text = texts[side]
        stored = workspace.document(side)
        if stored.sha256 == text.sha256:
            continue
        other = workspace.document("target" if side == "source" else "source")
        counts = (len(text), other.paragraphs) if side == "source" else (
            other.paragraphs, len(text))
        alignment: Alignment | None = None
        if counts == (len(pair.source), len(pair.target)):
            alignment = pair.alignment
        elif len(text) != stored.paragraphs:
            # the other side changes too; its turn brings the real alignment
            alignment = _null_alignment(*counts)
        report.reanchored.append(workspace.reanchor(text, side, alignment))
    return report


def open_for_pair(
    pair: Pair, path: Path | None = None, folder: Path | None = None
) -> tuple[Workspace, SyncReport]:
    """Open (making it if need be) the workspace of a pair and bring it up to date.

    Without `path`: the pair's default file, else the one these files used last, else a new
    default file. Raises WorkspaceError (nothing changed) when the file cannot be used."""
    index = PairIndex(folder)
    if path is None:
        path = default_path_for(pair.source, pair.target, folder)
        if not path.exists():
            last = index.get(pair.source, pair.target)
            if last is not None and last.exists():
                path = last
    if path.exists():
        workspace = Workspace.open(path)
    else:
        workspace = Workspace.create(path, pair.source, pair.target, pair.alignment)
    try:
        if not matches_pair(workspace, pair):
            raise WorkspaceError(
                f"holds annotations of another pair ({workspace.document('source').name} ↔ "
                f"{workspace.document('target').name})",
                path,
            )
        report = sync_with_pair(workspace, pair)
    except BaseException:
        workspace.close()
        raise
    index.put(pair.source, pair.target, workspace.path)
    return workspace, report


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

    # the pair shown
    def attach(self, pair: Pair) -> Workspace | None:
        """Use the workspace of a newly shown pair (or the one the user just chose for it)."""
        self.close()
        self.pair = pair
        chosen, self.pending = self.pending, None
        workspace: Workspace | None
        try:
            workspace, report = open_for_pair(pair, chosen, self.folder)
        except WorkspaceReadOnlyError as exc:
            workspace = self._open_read_only(exc, chosen or default_path_for(
                pair.source, pair.target, self.folder))
            report = SyncReport()
        except ReaderError as exc:
            self._error(self.tr("Cannot use the workspace"), str(exc) + "\n\n" + self.tr(
                "Nothing was changed. Annotations are off until a workspace can be used "
                "(File ▸ Open Workspace…)."))
            workspace, report = None, SyncReport()
        self.workspace = workspace
        if workspace is not None:
            self.settings.last_workspace_path = str(workspace.path)
        self.workspace_changed.emit(workspace)
        if report.changed_sides:
            self.reanchored.emit(report)
            self._report(report)
        return workspace

    def _open_read_only(self, exc: ReaderError, path: Path) -> Workspace | None:
        try:
            workspace = Workspace.open(path, read_only=True)
            if self.pair is not None and not matches_pair(workspace, self.pair):
                workspace.close()
                raise exc
        except ReaderError as second:
            self._error(self.tr("Cannot use the workspace"), str(second))
            return None
        QMessageBox.warning(
            self.window, self.tr("Workspace opened read-only"),
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
        elif self.window is not None and hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(text, 8000)

    def close(self) -> None:
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
        paths = [Path(d.path) if d.path else None for d in documents]
        missing = [str(p or d.name) for p, d in zip(paths, documents, strict=True)
                   if p is None or not p.exists()]
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

    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.window, title, message)
