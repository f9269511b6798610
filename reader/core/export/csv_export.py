"""CSV export of annotations: one row each, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from reader.core.annotate.annotations import Annotation
from reader.core.annotate.codebooks import Codebook, tag_label
from reader.core.store.workspace import Workspace

COLUMNS = (
    "id", "side", "document", "paragraph", "start", "end", "abs_start", "abs_end", "quote",
    "prefix", "suffix", "tags", "tag_labels", "comment", "severity", "author", "created",
    "modified", "status", "link_side", "link_paragraph", "link_start", "link_end", "link_quote",
)
# Separates tags inside the `tags` cell; ids cannot hold it (see the codebook format).
TAG_SEPARATOR = "; "
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix a formula-like cell with an apostrophe, so that spreadsheets show it as text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def row_of(
    a: Annotation, names: Mapping[str, str], codebooks: Mapping[str, Codebook]
) -> list[str | int]:
    link = a.link
    cells: list[str | int] = [
        a.id, a.side, names.get(a.side, ""), a.paragraph, a.start, a.end, a.abs_start,
        a.abs_end, a.quote, a.prefix, a.suffix,
        TAG_SEPARATOR.join(str(t) for t in a.tags),
        TAG_SEPARATOR.join(tag_label(codebooks, t.codebook, t.tag) for t in a.tags),
        a.comment, a.severity or "", a.author, a.created, a.modified, str(a.status),
        link.side if link else "", link.paragraph if link else "",
        link.start if link else "", link.end if link else "", link.quote if link else "",
    ]
    return [neutralise(c) if isinstance(c, str) else c for c in cells]


def render_csv(workspace: Workspace, codebooks: Mapping[str, Codebook]) -> str:
    """The annotations as CSV text (no BOM; `export` adds it). Offsets are code points."""
    names = {d.side: d.name for d in workspace.documents()}
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for a in workspace.annotations():
        writer.writerow(row_of(a, names, codebooks))
    return out.getvalue()
