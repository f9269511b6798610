"""The file formats of `reader export`: each renders a Report to the bytes of its file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import InputError
from reader.core.files import check_output, write_output

if TYPE_CHECKING:
    # only named in annotations: `reader --help` lists the formats without the report's
    # imports (the workspace, the verdict, numpy and scipy)
    from reader.core.export.report import Report

FORMATS: dict[str, str] = {
    "csv": "CSV table of annotations (UTF-8 with BOM)",
    "xlsx": "Excel workbook: annotations, divergences and beads, one sheet each",
    "w3c": "W3C Web Annotation JSON-LD (AnnotationCollection)",
    "md": "Markdown report",
    "html": "standalone HTML report, side by side",
    "tmx": "TMX 1.4b of the aligned pairs, notes included",
    "xliff": "XLIFF 2.0, bilingual: one unit per bead, notes on units",
    "tsv": "the aligned pairs, one bead a line: source text TAB target text",
    "alignment": "the alignment as `reader align --format json` prints it, each bead with its "
    "state (the input of `reader align --fix`)",
    "tei": "the alignment as InterText's TEI XML: the links in FILE, the two documents beside it",
}
# the formats that show divergences: only for these does `reader export` run the detectors
WITH_DIVERGENCES = frozenset({"xlsx", "md", "html", "alignment"})


# the file name suffix a format's files usually carry (for file choosers)
SUFFIXES: dict[str, str] = {
    "csv": ".csv", "xlsx": ".xlsx", "w3c": ".jsonld", "md": ".md", "html": ".html",
    "tmx": ".tmx", "xliff": ".xlf", "tsv": ".tsv", "alignment": ".json", "tei": ".tei.xml",
}
# how TextPositionSelector positions count in the W3C export (w3c.OFFSET_UNITS)
OFFSET_UNITS = ("codepoint", "utf16")


def render(report: Report, fmt: str, *, offsets: str = "codepoint") -> bytes:
    """The file of `report` in format `fmt` (a key of FORMATS), byte for byte; `offsets`
    (one of OFFSET_UNITS) says how the W3C export counts positions."""
    if fmt == "csv":
        from reader.core.export.csv_export import render_csv

        # the byte-order mark tells spreadsheets the file is UTF-8
        return ("\ufeff" + render_csv(report)).encode("utf-8")
    if fmt == "xlsx":
        from reader.core.export.xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "w3c":
        from reader.core.export.w3c import render_w3c

        return render_w3c(report, offsets).encode("utf-8")
    if fmt == "md":
        from reader.core.export.markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "html":
        from reader.core.export.html_report import render_html

        return render_html(report).encode("utf-8")
    if fmt == "tmx":
        from reader.core.export.tmx import render_tmx

        return render_tmx(report).encode("utf-8")
    if fmt == "xliff":
        from reader.core.export.xliff import render_xliff

        return render_xliff(report).encode("utf-8")
    if fmt == "tsv":
        from reader.core.export.tsv import render_tsv

        return render_tsv(report).encode("utf-8")
    if fmt == "alignment":
        from reader.core.export.alignment_json import render_alignment_json

        return render_alignment_json(report).encode("utf-8")
    if fmt == "tei":
        from reader.core.export.tei import render_tei_links

        return render_tei_links(report).encode("utf-8")
    raise InputError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")


def export(
    report: Report, fmt: str, path: str | Path, *,
    inputs: Iterable[str | Path | None] = (), offsets: str = "codepoint",
) -> Path:
    """Write the export to `path` atomically (a crash leaves the old file or the new one);
    `tei` writes its two documents beside it. InputError, before anything is rendered, if
    `path` is a directory, a workspace or one of `inputs` (the workspace the report comes
    from, its texts)."""
    check_output(path, inputs)
    if fmt == "tei":  # three files: the links and the two documents they point into
        from reader.core.export.tei import write_tei

        return write_tei(report, Path(path))[0]
    return write_output(path, render(report, fmt, offsets=offsets), inputs)
