"""Standalone HTML report: the aligned pair side by side, notes highlighted, divergences marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from reader.core.annotate.annotations import Annotation, SpanRef, Status
from reader.core.export.escaping import (
    html_attr,
    html_block,
    html_text,
    html_user,
    plain_isolate,
)
from reader.core.export.report import Document, Report
from reader.core.text.language import paragraph_is_rtl

# (abs_start, abs_end, css class, title) of a highlighted span
Span = tuple[int, int, str, str]

_CSS = """
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", sans-serif; margin: 1.5em; }
table.pair { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.pair td, table.pair th { border: 1px solid #ccc; padding: .4em .6em; vertical-align: top; }
table.pair th.n, table.pair td.n { width: 3em; color: #666; text-align: right; }
table.pair col.notes { width: 24%; }
td[dir=rtl] { text-align: right; font-size: 1.1em; line-height: 1.7; }
p { margin: 0 0 .5em 0; white-space: pre-wrap; }
mark { background: #fff1a8; padding: 0; }
mark.linked { background: #d7ecff; }
mark.orphan { background: #f6d0d0; }
tr.null td.text { background: #fdeaea; }
tr.divergent td.n { border-left: 4px solid #d9534f; }
.notes ol { margin: 0; padding-left: 1.4em; }
.div { color: #a12622; }
.meta { color: #666; font-size: .85em; }
.tags { font-weight: 600; }
"""


def _marks(
    para_text: str, para_start: int, spans: Sequence[tuple[int, int, str, str]]
) -> str:
    """The paragraph escaped, with each (abs_start, abs_end, css class, title) as a <mark>."""
    cuts = {0, len(para_text)}
    for s, e, _, _ in spans:
        cuts.update((max(0, s - para_start), min(len(para_text), e - para_start)))
    points = sorted(c for c in cuts if 0 <= c <= len(para_text))
    out = []
    for a, b in pairwise(points):
        piece = html_block(para_text[a:b])
        over = [sp for sp in spans if sp[0] - para_start <= a and b <= sp[1] - para_start]
        if over:
            classes = " ".join(sorted({sp[2] for sp in over}))
            title = "; ".join(sp[3] for sp in over)
            piece = f'<mark class="{html_attr(classes)}" title="{html_attr(title)}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def _title(a: Annotation, number: int, report: Report) -> str:
    tags = ", ".join(report.labels.tag(t) for t in a.tags)
    return f"#{number}" + (f" {tags}" if tags else "") + (f": {a.comment}" if a.comment else "")


def _cell(
    document: Document, paragraphs: Sequence[int], spans: Mapping[int, list[Span]]
) -> str:
    default_rtl = document.direction == "rtl"
    parts = []
    for i in paragraphs:
        p = document.paragraphs[i]
        rtl = paragraph_is_rtl(p.text, default_rtl)
        parts.append(
            f'<p id="{document.side}-{i + 1}" dir="{"rtl" if rtl else "ltr"}">'
            f"{_marks(p.text, p.start, spans.get(i, []))}</p>"
        )
    return "".join(parts)


def _note(a: Annotation, number: int, report: Report) -> str:
    tags = ", ".join(report.labels.tag(t) for t in a.tags)
    item = [f'<li value="{number}">']
    if a.status is Status.ORPHAN:
        item.append('<span class="div">[orphan: not found in the current text]</span> ')
    # every field in its own isolate: an Arabic quote with numbers keeps its order here
    item.append(f"“{html_user(a.quote)}”")
    if a.link is not None:
        item.append(f" ↔ “{html_user(a.link.quote)}”")
    if tags:
        item.append(f' <span class="tags">{html_user(tags)}</span>')
    if a.severity:
        item.append(f" ({html_user(a.severity)})")
    if a.comment:
        comment = "<br>".join(html_text(line) for line in a.comment.splitlines())
        item.append(f'<br><span class="comment" dir="auto">{comment}</span>')
    item.append(
        f'<br><span class="meta">{html_user(a.author or "anonymous")}, '
        f"{html_user(a.modified)}</span></li>"
    )
    return "".join(item)


def render_html(report: Report) -> str:
    docs = {"source": report.source, "target": report.target}
    annotations = report.annotations
    spans: dict[str, dict[int, list[Span]]] = {"source": {}, "target": {}}
    notes_by_bead: dict[int, list[str]] = {}

    def add_span(span: SpanRef, css: str, title: str) -> None:
        if 0 <= span.paragraph < len(docs[span.side]):
            spans[span.side].setdefault(span.paragraph, []).append(
                (span.abs_start, span.abs_end, css, title)
            )

    for number, a in enumerate(annotations, 1):
        title = _title(a, number, report)
        if a.status is not Status.ORPHAN:
            add_span(a.span, "note", title)
            if a.link is not None:
                add_span(a.link, "note linked", title)
        bead_index = report.bead_of(a.side, a.paragraph)
        if bead_index is not None:
            notes_by_bead.setdefault(bead_index, []).append(_note(a, number, report))

    divs_by_bead: dict[int, list[str]] = {}
    for r in report.divergences:
        d = r.divergence
        where = report.divergence_bead(d)
        if where is not None:
            divs_by_bead.setdefault(where, []).append(
                f'<div class="div">{html_user(report.labels.kind(d.kind))} '
                f"({html_text(str(d.severity))}): {html_user(d.detail)}</div>"
            )

    src_name, tgt_name = html_user(report.source.name), html_user(report.target.name)
    # a <title> holds no markup: each name in a first-strong isolate instead of a <bdi>
    title = html_block(
        f"{plain_isolate(report.source.name)} ↔ {plain_isolate(report.target.name)}"
    )
    rows = []
    for k, bead in enumerate(report.beads):
        classes = []
        if bead.is_null:
            classes.append("null")
        if k in divs_by_bead or bead.is_null:
            classes.append("divergent")
        notes = "".join(divs_by_bead.get(k, []))
        if bead.is_null:
            missing = "target" if not bead.tgt else "source"
            notes = f'<div class="div">no counterpart in the {missing}</div>' + notes
        if k in notes_by_bead:
            notes += "<ol>" + "".join(notes_by_bead[k]) + "</ol>"
        rows.append(
            f'<tr class="{" ".join(classes)}"><td class="n">{k + 1}</td>'
            f'<td class="text" dir="{report.source.direction}" '
            f'lang="{html_attr(report.source.language)}">'
            f"{_cell(report.source, bead.src, spans['source'])}</td>"
            f'<td class="text" dir="{report.target.direction}" '
            f'lang="{html_attr(report.target.language)}">'
            f"{_cell(report.target, bead.tgt, spans['target'])}</td>"
            f'<td class="notes">{notes}</td></tr>'
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{src_name} ↔ {tgt_name}</h1>
<p class="meta">{len(report.beads)} aligned steps, {len(annotations)} notes, \
{len(report.divergences)} divergences. SHA-256: {html_text(report.source.sha256)} / \
{html_text(report.target.sha256)}</p>
<table class="pair">
<colgroup><col class="n"><col><col><col class="notes"></colgroup>
<thead><tr><th class="n">#</th><th>{src_name}</th><th>{tgt_name}</th><th>Notes</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
