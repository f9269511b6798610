"""Writing a workspace out: CSV, W3C Web Annotation JSON-LD, Markdown, HTML report, TMX."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.core.annotate.codebooks import Codebook, builtin_codebooks, codebook_index
from reader.core.diverge.records import Divergence
from reader.core.errors import InputError
from reader.core.files import atomic_write_text
from reader.core.store.workspace import Workspace

FORMATS: dict[str, str] = {
    "csv": "CSV table of annotations (UTF-8 with BOM)",
    "w3c": "W3C Web Annotation JSON-LD (AnnotationCollection)",
    "md": "Markdown report",
    "html": "standalone HTML report, side by side",
    "tmx": "TMX 1.4b of the aligned pairs, notes included",
}
SUFFIXES: dict[str, str] = {
    "csv": ".csv", "w3c": ".jsonld", "md": ".md", "html": ".html", "tmx": ".tmx",
}


def render(
    workspace: Workspace,
    fmt: str,
    *,
    codebooks: Mapping[str, Codebook] | None = None,
    divergences: Sequence[Divergence] = (),
) -> str:
    """The export of `workspace` in format `fmt` (a key of FORMATS), as text."""
    books = dict(codebooks) if codebooks is not None else codebook_index(builtin_codebooks())
    if fmt == "csv":
        from reader.core.export.csv_export import render_csv

        return render_csv(workspace, books)
    if fmt == "w3c":
        from reader.core.export.w3c import render_w3c

        return render_w3c(workspace, books)
    if fmt == "md":
        from reader.core.export.markdown import render_markdown

        return render_markdown(workspace, books, divergences)
    if fmt == "html":
        from reader.core.export.html_report import render_html

        return render_html(workspace, books, divergences)
    if fmt == "tmx":
        from reader.core.export.tmx import render_tmx

        return render_tmx(workspace, books)
    raise InputError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")


def export(
    workspace: Workspace,
    fmt: str,
    path: str | Path,
    *,
    codebooks: Mapping[str, Codebook] | None = None,
    divergences: Sequence[Divergence] = (),
) -> Path:
    """Write the export to `path` atomically; CSV gets a byte-order mark for spreadsheets."""
    path = Path(path)
    text = render(workspace, fmt, codebooks=codebooks, divergences=divergences)
    if fmt == "csv":
        text = "\ufeff" + text
    # newline="": the CSV module writes its own CRLF row ends; other formats use LF as built.
    atomic_write_text(path, text, newline="")
    return path
