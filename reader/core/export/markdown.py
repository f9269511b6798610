"""Markdown report: documents, counts by tag, divergences, then every note in text order."""

from __future__ import annotations

from collections import Counter

from reader.core.annotate.annotations import Annotation, Status
from reader.core.export.escaping import md_escape
from reader.core.export.report import Report


def _tags(a: Annotation, report: Report) -> str:
    return ", ".join(md_escape(report.labels.tag(t)) for t in a.tags)


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in md_escape(text).split("\n"))


def render_markdown(report: Report) -> str:
    """Every field that comes from a file or a person goes through md_escape."""
    annotations = report.annotations
    source, target = report.source, report.target
    lines = [
        f"# Annotations: {md_escape(source.name)} ↔ {md_escape(target.name)}",
        "",
        "| Side | File | Language | Paragraphs | SHA-256 |",
        "|---|---|---|---|---|",
    ]
    for d in (source, target):
        lines.append(
            f"| {d.side} | {md_escape(d.name)} | {md_escape(d.language)} | {len(d)} "
            f"| `{d.sha256}` |"
        )
    lines += ["", f"{len(annotations)} annotations."]
    orphans = sum(1 for a in annotations if a.status is Status.ORPHAN)
    if orphans:
        lines.append(
            f"{orphans} could not be found in the current text (orphans); they keep their quote."
        )
    counts = Counter(t for a in annotations for t in a.tags)
    if counts:
        lines += ["", "## Tags", "", "| Tag | Codebook | Count |", "|---|---|---|"]
        for tag, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            label = md_escape(report.labels.tag(tag))
            lines.append(f"| {label} | {md_escape(tag.codebook)} | {n} |")
    authors = Counter(a.author or "(anonymous)" for a in annotations)
    if authors:
        lines += ["", "## Annotators", ""]
        lines += [f"- {md_escape(name)}: {n}" for name, n in sorted(authors.items())]
    if report.divergences:
        lines += ["", "## Divergences", ""]
        for r in report.divergences:
            div = r.divergence
            paras = ", ".join(str(p + 1) for p in div.paragraphs)
            lines.append(
                f"- **{md_escape(report.labels.kind(div.kind))}** ({div.severity}), "
                f"{div.side} ¶{paras}: {md_escape(div.detail)}"
            )
    lines += ["", "## Notes"]
    for a in annotations:
        title = f"{a.side.capitalize()} ¶{a.paragraph + 1}, {a.start}–{a.end}"
        if a.status is Status.ORPHAN:
            title += " (orphan)"
        lines += ["", f"### {title}", "", _quote_block(a.quote)]
        if a.link is not None:
            lines += [
                "",
                f"Linked: {a.link.side} ¶{a.link.paragraph + 1}, "
                f"{a.link.start}–{a.link.end}",
                "",
                _quote_block(a.link.quote),
            ]
        lines.append("")
        if a.tags:
            lines.append(f"- Tags: {_tags(a, report)}")
        if a.severity:
            lines.append(f"- Severity: {md_escape(a.severity)}")
        if a.comment:
            lines.append(f"- Comment: {md_escape(a.comment)}")
        lines.append(f"- By {md_escape(a.author or '(anonymous)')}, {md_escape(a.modified)}")
    lines.append("")
    return "\n".join(lines)
