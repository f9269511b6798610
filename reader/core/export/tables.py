"""The report's three tables (annotations, divergences, beads): raw rows, their free-text columns.

Paragraph and bead numbers count from 1, as the window and the reports show them; offsets
(`start`, `end`, …) are code points from 0. Rows are raw: CSV and TSV neutralise the free-text
columns (escaping.neutralise_row), XLSX writes every text as a string cell.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reader.core.annotate.annotations import Annotation
from reader.core.diverge.records import Divergence
from reader.core.export.report import Report

Row = list[str | int | float | None]

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
# For each column, whether it holds text from a file or a person, which a spreadsheet must
# not evaluate. The others hold what we write ourselves: ids (UUIDs or IRIs, see
# w3c_import), sides, states, kinds, severities of divergences, numbers.
_ANNOTATION_TEXT = {
    "document", "quote", "prefix", "suffix", "tags", "tag_labels", "comment", "severity",
    "author", "created", "modified", "link_quote",
}
ANNOTATION_FREE = [c in _ANNOTATION_TEXT for c in ANNOTATION_COLUMNS]
DIVERGENCE_FREE = [c in ("label", "values", "detail") for c in DIVERGENCE_COLUMNS]
DIVERGENCE_SHEET_FREE = [*DIVERGENCE_FREE, False]
BEAD_FREE = [c.endswith("_text") for c in BEAD_COLUMNS]
# Separates tags inside the `tags` cell; ids cannot hold it (see the codebook format).
TAG_SEPARATOR = "; "


def _numbers(paragraphs: Sequence[int]) -> str:
    return " ".join(str(i + 1) for i in paragraphs)


def annotation_row(report: Report, a: Annotation) -> Row:
    link = a.link
    return [
        a.id, a.side, report.document(a.side).name, a.paragraph + 1, a.start, a.end,
        a.abs_start, a.abs_end, a.quote, a.prefix, a.suffix,
        TAG_SEPARATOR.join(str(t) for t in a.tags),
        TAG_SEPARATOR.join(report.labels.tag(t) for t in a.tags),
        a.comment, a.severity or "", a.author, a.created, a.modified, str(a.status),
        link.side if link else "", link.paragraph + 1 if link else "",
        link.start if link else "", link.end if link else "", link.quote if link else "",
    ]


def annotation_rows(report: Report) -> Iterator[Row]:
    """One row per annotation, in text order; offsets are code points."""
    for a in report.annotations:
        yield annotation_row(report, a)


def divergence_row(report: Report, d: Divergence) -> Row:
    """Paragraphs space-separated, spans as `s5:0-107` (side, paragraph, range)."""
    return [
        str(d.kind), report.labels.kind(d.kind), str(d.severity), d.side,
        "" if d.bead is None else d.bead + 1,
        _numbers(d.paragraphs),
        " | ".join(d.values),
        " ".join(f"{s.side[0]}{s.paragraph + 1}:{s.start}-{s.end}" for s in d.spans),
        d.detail,
    ]


def divergence_rows(report: Report, *, with_state: bool = False) -> Iterator[Row]:
    for r in report.divergences:
        row = divergence_row(report, r.divergence)
        yield [*row, r.state] if with_state else row


def bead_rows(report: Report) -> Iterator[Row]:
    """One row per bead: its paragraphs, confidence, state and both texts."""
    for k, bead in enumerate(report.beads):
        yield [
            k + 1,
            _numbers(bead.src),
            _numbers(bead.tgt),
            round(bead.confidence, 4),
            bead.state,
            "\n".join(report.source.paragraphs[i].text for i in bead.src),
            "\n".join(report.target.paragraphs[j].text for j in bead.tgt),
        ]

