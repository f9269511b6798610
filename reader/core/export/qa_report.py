"""The QA report of a review: findings by severity with both texts (CSV, XLSX, Markdown, HTML)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.core.diverge.labels import SEVERITY_ORDER, severity_label, severity_rank
from reader.core.diverge.records import Divergence
from reader.core.diverge.review import STATUS_ORDER, ReviewStatus
from reader.core.export.escaping import md_escape
from reader.core.export.report import Report, ReportDivergence
from reader.core.export.tables import Row

QA_COLUMNS = (
    "number", "severity", "kind", "label", "status", "side", "bead", "source_paragraphs",
    "target_paragraphs", "values", "detail", "comment", "source_text", "target_text",
)
# the cells a person or a document wrote: the ones a spreadsheet must not evaluate
QA_FREE = [c in ("label", "values", "detail", "comment", "source_text", "target_text")
           for c in QA_COLUMNS]


@dataclass(frozen=True, slots=True)
class Finding:
    """One divergence as the report lists it: numbered, with the paragraphs of both sides that
    hold it (its bead in the report's alignment) and where, in them, it sits."""

    number: int
    item: ReportDivergence
    bead: int | None
    source: tuple[int, ...]
    target: tuple[int, ...]

    @property
    def divergence(self) -> Divergence:
        return self.item.divergence

    def paragraphs(self, side: str) -> tuple[int, ...]:
        return self.source if side == "source" else self.target


def _place(report: Report, d: Divergence) -> tuple[int | None, tuple[int, ...], tuple[int, ...]]:
    """The bead by the divergence's own paragraphs (its `bead` may number another alignment)."""
    bead = report.bead_of(d.side, d.paragraphs[0]) if d.paragraphs else d.bead
    if bead is None or not 0 <= bead < len(report.beads):
        mine = tuple(d.paragraphs)
        return None, *((mine, ()) if d.side == "source" else ((), mine))
    b = report.beads[bead]
    source, target = set(b.src), set(b.tgt)
    # a divergence may reach past its bead (a post split over beads): show all of it
    (source if d.side == "source" else target).update(d.paragraphs)
    return bead, tuple(sorted(source)), tuple(sorted(target))


def findings(report: Report, statuses: Iterable[str] | None = None) -> list[Finding]:
    """The report's divergences whose status is among `statuses` (all when None), the most
    serious first, then in reading order, numbered from 1."""
    wanted = None if statuses is None else {str(s) for s in statuses}
    chosen = []
    for order, item in enumerate(report.divergences):
        if wanted is not None and item.state not in wanted:
            continue
        bead, source, target = _place(report, item.divergence)
        chosen.append((severity_rank(item.divergence.severity),
                       bead if bead is not None else len(report.beads), order,
                       item, bead, source, target))
    chosen.sort(key=lambda t: t[:3])
    return [Finding(n, item, bead, source, target)
            for n, (_, _, _, item, bead, source, target) in enumerate(chosen, 1)]


def side_text(report: Report, finding: Finding, side: str) -> str:
    doc = report.document(side)
    return "\n\n".join(doc.paragraphs[i].text for i in finding.paragraphs(side))


def qa_rows(report: Report, found: Sequence[Finding]) -> Iterator[Row]:
    """The findings as table rows; the writer neutralises the QA_FREE cells for its format."""
    for f in found:
        d = f.divergence
        yield [
            f.number, str(d.severity), str(d.kind), report.labels.kind(d.kind), f.item.state,
            d.side, "" if f.bead is None else f.bead,
            " ".join(str(i) for i in f.source), " ".join(str(i) for i in f.target),
            " | ".join(d.values), d.detail, f.item.comment,
            side_text(report, f, "source"), side_text(report, f, "target"),
        ]


def summary(found: Sequence[Finding]) -> list[tuple[str, int]]:
    """(severity label, count) for each severity that has findings, most serious first."""
    counts = {s: 0 for s in SEVERITY_ORDER}
    for f in found:
        counts[f.divergence.severity] = counts.get(f.divergence.severity, 0) + 1
    return [(severity_label(s), n) for s, n in counts.items() if n]


def status_words(statuses: Iterable[str] | None) -> str:
    """`open`, `open and confirmed`, `every status`: what the report lists, in words."""
    if statuses is None or set(statuses) >= set(ReviewStatus):
        return "every status"
    ordered = sorted({str(s) for s in statuses}, key=lambda s: STATUS_ORDER.get(s, 99))
    return ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " and " + ordered[-1]


def marked_pieces(
    d: Divergence, side: str, paragraph: int, text: str
) -> list[tuple[str, bool]]:
    """A paragraph cut into (piece, is part of the divergence) at its spans; a span covering
    the whole paragraph marks nothing (the whole text is the finding)."""
    cuts = sorted((s.start, s.end) for s in d.spans if s.side == side and s.paragraph == paragraph
                  and 0 <= s.start < s.end <= len(text) and (s.start, s.end) != (0, len(text)))
    out, at = [], 0
    for start, end in cuts:
        if start >= at:
            out += [(text[at:start], False), (text[start:end], True)]
            at = end
    out.append((text[at:], False))
    return [(piece, marked) for piece, marked in out if piece]


def _where(report: Report, f: Finding, side: str) -> str:
    numbers = ", ".join(str(i + 1) for i in f.paragraphs(side))
    return f"{report.document(side).name} ¶{numbers}"


def _md_text(report: Report, f: Finding, side: str) -> list[str]:
    """A side's paragraphs as a quote block, the divergence's own spans in bold."""
    d = f.divergence
    lines: list[str] = []
    for i in f.paragraphs(side):
        text = report.document(side).paragraphs[i].text
        parts = [f"**{md_escape(piece, mid_line=k > 0)}**" if marked
                 else md_escape(piece, mid_line=k > 0)
                 for k, (piece, marked) in enumerate(marked_pieces(d, side, i, text))]
        if lines:
            lines.append(">")
        lines += ["> " + line if line else ">" for line in "".join(parts).split("\n")]
    return lines


def render_qa_markdown(report: Report, found: Sequence[Finding], listed: str) -> str:
    source, target = report.source, report.target
    lines = [
        f"# Fidelity review: {md_escape(source.name)} ↔ {md_escape(target.name)}", "",
        f"{len(found)} findings ({md_escape(listed)}), generated {md_escape(report.generated)}.",
    ]
    counts = summary(found)
    if counts:
        lines += ["", "| Severity | Findings |", "|---|---|"]
        lines += [f"| {label} | {n} |" for label, n in counts]
    severity = None
    for f in found:
        d = f.divergence
        if d.severity != severity:
            severity = d.severity
            lines += [*([""] if lines[-1] else []), f"## {severity_label(severity)}"]
        title = f"{f.number}. {md_escape(report.labels.kind(d.kind))} · {md_escape(f.item.state)}"
        lines += ["", f"### {title}", "", md_escape(d.detail), ""]
        for side in ("source", "target"):
            if not f.paragraphs(side):
                lines += [f"**{side.capitalize()}**: nothing corresponds.", ""]
                continue
            lines += [f"**{side.capitalize()}** ({md_escape(_where(report, f, side))})", ""]
            lines += [*_md_text(report, f, side), ""]
        if f.item.comment:
            lines += [f"Comment: {md_escape(f.item.comment)}", ""]
    if lines[-1]:
        lines.append("")
    return "\n".join(lines)
