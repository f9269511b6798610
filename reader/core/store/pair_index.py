"""Which workspace file a pair uses: its default name, the JSON index of the last one used."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.files import atomic_write_text
from reader.core.pair import Pair
from reader.core.store.schema import SUFFIX, WorkspaceError
from reader.core.store.workspace import StoredDocument, Workspace
from reader.core.text.document import Text

INDEX_FILE = "pairs.json"


def default_workspace_dir() -> Path:
    """Where workspaces go unless the user picks a place (the platform's user data folder)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("parallel-reader", appauthor=False)) / "workspaces"


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


def matches_pair(workspace: Workspace, pair: Pair) -> bool:
    """Whether a workspace is about this pair: each text is its side by hash or file name."""
    return (
        workspace.side_of(pair.source) == "source" and workspace.side_of(pair.target) == "target"
    )


def text_files(documents: list[StoredDocument]) -> tuple[list[Path], list[str]]:
    """Where a workspace's texts are: their files, and the texts not found there (by path, or
    by name for a text the workspace kept no path for)."""
    paths = [Path(d.path) if d.path else None for d in documents]
    missing = [str(p or d.name) for p, d in zip(paths, documents, strict=True)
               if p is None or not p.exists()]
    return [p or Path(d.name) for p, d in zip(paths, documents, strict=True)], missing


def open_for_pair(pair: Pair, path: Path | None = None, folder: Path | None = None) -> Workspace:
    """Open (making it if need be) the workspace of a pair, as it is: a text that changed since
    is brought up to date by reader.core.store.sync.sync_with_pair.

    Without `path`: the pair's default file, else the one these files used last, else a new
    default file. Raises WorkspaceError (nothing changed) when the file cannot be used."""
    if path is None:
        path = default_path_for(pair.source, pair.target, folder)
        if not path.exists():
            last = PairIndex(folder).get(pair.source, pair.target)
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
    except BaseException:
        workspace.close()
        raise
    return workspace
