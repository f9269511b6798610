"""Importing several annotators' W3C files into one workspace, each keeping its creator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.export.w3c_import import ImportReport, import_w3c
from reader.core.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class FileImport:
    """What one file brought: the import's report, and the name given to creatorless notes."""

    path: Path
    report: ImportReport
    named: str | None  # the annotator name given to annotations that had no creator


def import_annotators(
    workspace: Workspace,
    paths: Sequence[str | Path],
    *,
    progress: Callable[[float], None] | None = None,
) -> list[FileImport]:
    """Merge each file in turn (one transaction each). An annotation that names no creator is
    given the file's name (`lina.jsonld` → "lina"), so that each file stays one annotator."""
    done: list[FileImport] = []
    for k, raw in enumerate(paths):
        path = Path(raw)
        report = import_w3c(workspace, path)
        nameless = [workspace.get_annotation(i) for i in report.added]
        nameless = [a for a in nameless if not a.author.strip()]
        named = None
        if nameless:
            named = path.stem
            workspace.update_annotations(replace(a, author=named) for a in nameless)
        done.append(FileImport(path, report, named))
        if progress is not None:
            progress((k + 1) / len(paths))
    return done
