"""Markdown report: documents, counts by tag, divergences, then every note in text order."""

from __future__ import annotations

from collections import Counter

from reader.core.annotate.annotations import Annotation, Status
from reader.core.export.escaping import md_cell, md_escape
from reader.core.export.report import Report


def _tags(a: Annotation, report: Report) -> str:
    return ", ".join(md_cell(report.labels.tag(t)) for t in a.tags)


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in md_escape(text).split("\n"))


def _item(label: str, value: str) -> str:
    """A list item whose value may span lines: continuation lines indented into the item,
    blank lines kept inside it."""
    return f"- {label}{md_escape(value, indent='  ')}"


def render_markdown(report: Report) -> str:
    """Every field that comes from a file or a person goes through md_escape."""
    annotations = report.annotations
    source, target = report.source, report.target
    lines = [
        f"# Annotations: {md_cell(source.name)} ↔ {md_cell(target.name)}",
        "",
        "| Side | File | Language | Paragraphs | SHA-256 |",
        "|---|---|---|---|---|",
    ]
    for d in (source, target):
        lines.append(
            f"| {d.side} | {md_cell(d.name)} | {md_cell(d.language)} | {len(d)} "
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
            label = md_cell(report.labels.tag(tag))
            lines.append(f"| {label} | {md_cell(tag.codebook)} | {n} |")
    authors = Counter(a.author or "(anonymous)" for a in annotations)
    if authors:
        lines += ["", "## Annotators", ""]
        lines += [f"- {md_cell(name)}: {n}" for name, n in sorted(authors.items())]
    if report.divergences:
        lines += ["", "## Divergences", ""]
        for r in report.divergences:
            div = r.divergence
            paras = ", ".join(str(p + 1) for p in div.paragraphs)
            lines.append(
                f"- **{md_cell(report.labels.kind(div.kind))}** ({div.severity}), "
                f"{div.side} ¶{paras}: {md_escape(div.detail, indent='  ')}"
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
            lines.append(_item("Severity: ", a.severity))
        if a.comment:
            lines.append(_item("Comment: ", a.comment))
        lines.append(f"- By {md_cell(a.author or '(anonymous)')}, {md_cell(a.modified)}")
    lines.append("")
    return "\n".join(lines)
