"""What File ▸ Export… writes: the choice, the target it refuses, and the work done in the pool."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.annotate.codebooks import Codebook
from reader.core.diverge.records import Divergence
from reader.core.errors import InputError
from reader.core.export.formats import FORMATS, SUFFIXES, export
from reader.core.export.report import report_from_workspace
from reader.core.files import check_output
from reader.core.store.workspace import Workspace

PARTS = ("annotations", "divergences", "alignment")
# files SQLite keeps beside a workspace while it is open
_COMPANIONS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """A format of the registry, the file to write, and which parts of the report go in."""

    fmt: str
    path: Path
    parts: frozenset[str] = frozenset(PARTS)


def suffix_for(fmt: str) -> str:
    return SUFFIXES.get(fmt, f".{fmt}")


def with_suffix(path: Path, fmt: str) -> Path:
    """The path with the suffix of `fmt` (another format's suffix replaced, any other kept)."""
    known = {suffix_for(f) for f in FORMATS}
    if path.suffix.lower() in known:
        return path.with_suffix(suffix_for(fmt))
    return path if path.suffix.lower() == suffix_for(fmt) else Path(f"{path}{suffix_for(fmt)}")


def protected_files(protected: Iterable[Path | None]) -> list[Path]:
    """The files an export must never replace: each one given (the open workspace, the pair's
    texts) and the files SQLite keeps beside it while it is open."""
    return [Path(f"{item}{suffix}") for item in protected if item is not None
            for suffix in _COMPANIONS]


def run_export(
    workspace: Workspace,
    choice: ExportChoice,
    *,
    codebooks: Mapping[str, Codebook] | None = None,
    divergences: Sequence[Divergence] = (),
    protected: Iterable[Path | None] = (),
    progress: Callable[[float], None] = lambda _f: None,
) -> Path:
    """Build the workspace's report with the parts chosen and write it atomically."""
    if choice.fmt not in FORMATS:
        raise InputError(f"unknown export format {choice.fmt!r}")
    inputs = protected_files([workspace.path, *protected])
    check_output(choice.path, inputs)  # before the report is built: refusing is instant
    progress(0.05)
    wanted = choice.parts
    report = report_from_workspace(
        workspace, codebooks, divergences if "divergences" in wanted else ()
    )
    progress(0.4)
    report = replace(
        report,
        annotations=report.annotations if "annotations" in wanted else (),
        beads=report.beads if "alignment" in wanted else (),
    )
    path = export(report, choice.fmt, choice.path, inputs=inputs)
    progress(1.0)
    return path
