"""The report's three tables (annotations, divergences, beads) as rows of neutralised cells."""

from __future__ import annotations

from collections.abc import Iterator

from reader.core.annotate.annotations import Annotation
from reader.core.diverge.records import Divergence
from reader.core.export.escaping import spreadsheet_cells
from reader.core.export.report import Report

Cell = str | int | float

ANNOTATION_COLUMNS = (
    "id", "side", "document", "paragraph", "start", "end", "abs_start", "abs_end", "quote",
    "prefix", "suffix", "tags", "tag_labels", "comment", "severity", "author", "created",
    "modified", "status", "link_side", "link_paragraph", "link_start", "link_end", "link_quote",
)
DIVERGENCE_COLUMNS = (
    "kind", "label", "severity", "side", "bead", "paragraphs", "values", "spans", "detail",
)
# the spreadsheet's divergence sheet also says where each one's review stands
DIVERGENCE_SHEET_COLUMNS = (*DIVERGENCE_COLUMNS, "state")
BEAD_COLUMNS = (
    "bead", "src", "tgt", "confidence", "state", "source_text", "target_text",
)
# Separates tags inside the `tags` cell; ids cannot hold it (see the codebook format).
TAG_SEPARATOR = "; "


def _cells(values: list[str | int | float | None]) -> list[Cell]:
    return spreadsheet_cells(values)


def annotation_row(report: Report, a: Annotation) -> list[Cell]:
    link = a.link
    return _cells([
        a.id, a.side, report.document(a.side).name, a.paragraph, a.start, a.end, a.abs_start,
        a.abs_end, a.quote, a.prefix, a.suffix,
        TAG_SEPARATOR.join(str(t) for t in a.tags),
        TAG_SEPARATOR.join(report.labels.tag(t) for t in a.tags),
        a.comment, a.severity or "", a.author, a.created, a.modified, str(a.status),
        link.side if link else "", link.paragraph if link else "",
        link.start if link else "", link.end if link else "", link.quote if link else "",
    ])


def annotation_rows(report: Report) -> Iterator[list[Cell]]:
    """One row per annotation, in text order; offsets are code points."""
    for a in report.annotations:
        yield annotation_row(report, a)


def divergence_row(report: Report, d: Divergence) -> list[Cell]:
    """Paragraphs 0-based and space-separated, spans as `s4:0-107` (side, paragraph, range)."""
    return _cells([
        str(d.kind), report.labels.kind(d.kind), str(d.severity), d.side,
        "" if d.bead is None else d.bead,
        " ".join(str(i) for i in d.paragraphs),
        " | ".join(d.values),
        " ".join(f"{s.side[0]}{s.paragraph}:{s.start}-{s.end}" for s in d.spans),
        d.detail,
    ])


def divergence_rows(report: Report, *, with_state: bool = False) -> Iterator[list[Cell]]:
    for r in report.divergences:
        row = divergence_row(report, r.divergence)
        yield [*row, *_cells([r.state])] if with_state else row


def bead_rows(report: Report) -> Iterator[list[Cell]]:
    """One row per bead: its paragraphs (0-based), confidence, state and both texts."""
    for k, bead in enumerate(report.beads):
        yield _cells([
            k,
            " ".join(str(i) for i in bead.src),
            " ".join(str(j) for j in bead.tgt),
            round(bead.confidence, 4),
            bead.state,
            "\n".join(report.source.paragraphs[i].text for i in bead.src),
            "\n".join(report.target.paragraphs[j].text for j in bead.tgt),
        ])
