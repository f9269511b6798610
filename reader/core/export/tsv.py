"""TSV of a report's beads: one bead a line, source text, tab, target text."""

from __future__ import annotations

from reader.core.export.escaping import tsv_cell
from reader.core.export.report import Report


def render_tsv(report: Report) -> str:
    """A bead's paragraphs are joined by a space, each cell on one line and neutralised."""
    lines = []
    for bead in report.beads:
        src = " ".join(report.source.paragraphs[i].text for i in bead.src)
        tgt = " ".join(report.target.paragraphs[j].text for j in bead.tgt)
        lines.append(f"{tsv_cell(src)}\t{tsv_cell(tgt)}")
    return "\n".join(lines) + "\n"
