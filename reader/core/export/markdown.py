"""Markdown report of a workspace: documents, counts by tag, then every note in text order."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from reader.core.annotate.annotations import Annotation, Status
from reader.core.annotate.codebooks import Codebook, tag_label
from reader.core.diverge.records import Divergence
from reader.core.store.workspace import Workspace

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md_escape(text: str) -> str:
    """User text made inert in Markdown: HTML escaped, markup characters backslash-escaped,
    line ends kept as hard breaks."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return "  \n".join(escaped.splitlines()) if "\n" in escaped else escaped


def _tags(a: Annotation, codebooks: Mapping[str, Codebook]) -> str:
    return ", ".join(md_escape(tag_label(codebooks, t.codebook, t.tag)) for t in a.tags)


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in md_escape(text).split("\n"))


def render_markdown(
    workspace: Workspace,
    codebooks: Mapping[str, Codebook],
    divergences: Sequence[Divergence] = (),
) -> str:
    docs = {d.side: d for d in workspace.documents()}
    annotations = workspace.annotations()
    lines = [
        f"# Annotations: {md_escape(docs['source'].name)} ↔ {md_escape(docs['target'].name)}",
        "",
        "| Side | File | Language | Paragraphs | SHA-256 |",
        "|---|---|---|---|---|",
    ]
    for side in ("source", "target"):
        d = docs[side]
        lines.append(
            f"| {side} | {md_escape(d.name)} | {d.language} | {d.paragraphs} | `{d.sha256}` |"
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
            label = md_escape(tag_label(codebooks, tag.codebook, tag.tag))
            lines.append(f"| {label} | {md_escape(tag.codebook)} | {n} |")
    authors = Counter(a.author or "(anonymous)" for a in annotations)
    if authors:
        lines += ["", "## Annotators", ""]
        lines += [f"- {md_escape(name)}: {n}" for name, n in sorted(authors.items())]
    if divergences:
        lines += ["", "## Divergences", ""]
        for div in divergences:
            paras = ", ".join(str(p + 1) for p in div.paragraphs)
            lines.append(
                f"- **{div.kind}** ({div.severity}), {div.side} ¶{paras}: {md_escape(div.detail)}"
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
            lines.append(f"- Tags: {_tags(a, codebooks)}")
        if a.severity:
            lines.append(f"- Severity: {md_escape(a.severity)}")
        if a.comment:
            lines.append(f"- Comment: {md_escape(a.comment)}")
        lines.append(f"- By {md_escape(a.author or '(anonymous)')}, {a.modified}")
    lines.append("")
    return "\n".join(lines)
