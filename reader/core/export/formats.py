"""The file formats of `reader export`: each renders a Report to the bytes of its file."""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import InputError
from reader.core.export.report import Report
from reader.core.files import atomic_write_bytes

FORMATS: dict[str, str] = {
    "csv": "CSV table of annotations (UTF-8 with BOM)",
    "xlsx": "Excel workbook: annotations, divergences and beads, one sheet each",
    "w3c": "W3C Web Annotation JSON-LD (AnnotationCollection)",
    "md": "Markdown report",
    "html": "standalone HTML report, side by side",
    "tmx": "TMX 1.4b of the aligned pairs, notes included",
    "tsv": "the aligned pairs, one bead a line: source text TAB target text",
    "alignment": "the alignment as `reader align --format json` prints it, each bead with its "
    "state (the input of `reader align --fix`)",
    "tei": "the alignment as InterText's TEI XML: the links in FILE, the two documents beside it",
}
# the formats that show divergences: only for these does `reader export` run the detectors
WITH_DIVERGENCES = frozenset({"xlsx", "md", "html", "alignment"})


def render(report: Report, fmt: str) -> bytes:
    """The file of `report` in format `fmt` (a key of FORMATS), byte for byte."""
    if fmt == "csv":
        from reader.core.export.csv_export import render_csv

        # the byte-order mark tells spreadsheets the file is UTF-8
        return ("\ufeff" + render_csv(report)).encode("utf-8")
    if fmt == "xlsx":
        from reader.core.export.xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "w3c":
        from reader.core.export.w3c import render_w3c

        return render_w3c(report).encode("utf-8")
    if fmt == "md":
        from reader.core.export.markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "html":
        from reader.core.export.html_report import render_html

        return render_html(report).encode("utf-8")
    if fmt == "tmx":
        from reader.core.export.tmx import render_tmx

        return render_tmx(report).encode("utf-8")
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


def export(report: Report, fmt: str, path: str | Path) -> Path:
    """Write the export to `path` atomically (a crash leaves the old file or the new one);
    `tei` writes its two documents beside it."""
    path = Path(path)
    if fmt == "tei":  # three files: the links and the two documents they point into
        from reader.core.export.tei import write_tei

        return write_tei(report, path)[0]
    atomic_write_bytes(path, render(report, fmt))
    return path
