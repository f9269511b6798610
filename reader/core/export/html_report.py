"""Standalone HTML report: the aligned pair side by side, notes highlighted, divergences marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import pairwise

from reader.core.align.beads import Alignment
from reader.core.annotate.annotations import Annotation, SpanRef, Status
from reader.core.annotate.codebooks import Codebook, tag_label
from reader.core.diverge.records import Divergence
from reader.core.store.workspace import Workspace
from reader.core.text.document import Text, paragraph_is_rtl

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


def _attr(text: str) -> str:
    return escape(text, quote=True)


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
        piece = escape(para_text[a:b], quote=False)
        over = [sp for sp in spans if sp[0] - para_start <= a and b <= sp[1] - para_start]
        if over:
            classes = " ".join(sorted({sp[2] for sp in over}))
            title = "; ".join(sp[3] for sp in over)
            piece = f'<mark class="{_attr(classes)}" title="{_attr(title)}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def _label(a: Annotation, number: int, codebooks: Mapping[str, Codebook]) -> str:
    tags = ", ".join(tag_label(codebooks, t.codebook, t.tag) for t in a.tags)
    return f"#{number}" + (f" {tags}" if tags else "") + (f": {a.comment}" if a.comment else "")


def _cell(
    side: str,
    text: Text,
    paragraphs: Sequence[int],
    spans: Mapping[int, list[tuple[int, int, str, str]]],
) -> str:
    default_rtl = text.direction == "rtl"
    parts = []
    for i in paragraphs:
        p = text.paragraphs[i]
        rtl = paragraph_is_rtl(p.text, default_rtl)
        parts.append(
            f'<p id="{side}-{i + 1}" dir="{"rtl" if rtl else "ltr"}">'
            f"{_marks(p.text, p.start, spans.get(i, []))}</p>"
        )
    return "".join(parts)


def _divergence_bead(d: Divergence, alignment: Alignment) -> int | None:
    if d.bead is not None:
        return d.bead
    if d.paragraphs:
        try:
            return alignment.bead_of(d.side, d.paragraphs[0])
        except IndexError:
            return None
    return None


def render_html(
    workspace: Workspace,
    codebooks: Mapping[str, Codebook],
    divergences: Sequence[Divergence] = (),
) -> str:
    docs = {d.side: d for d in workspace.documents()}
    texts = {side: workspace.text(side) for side in docs}
    alignment = workspace.alignment()
    annotations = workspace.annotations()
    spans: dict[str, dict[int, list[tuple[int, int, str, str]]]] = {"source": {}, "target": {}}
    notes_by_bead: dict[int, list[str]] = {}

    def add_span(span: SpanRef, css: str, title: str) -> None:
        if 0 <= span.paragraph < len(texts[span.side]):
            spans[span.side].setdefault(span.paragraph, []).append(
                (span.abs_start, span.abs_end, css, title)
            )

    for number, a in enumerate(annotations, 1):
        title = _label(a, number, codebooks)
        orphan = a.status is Status.ORPHAN
        if not orphan:
            add_span(a.span, "note", title)
            if a.link is not None:
                add_span(a.link, "note linked", title)
        if not 0 <= a.paragraph < len(texts[a.side]):
            continue
        bead_index = alignment.bead_of(a.side, a.paragraph)
        tags = ", ".join(tag_label(codebooks, t.codebook, t.tag) for t in a.tags)
        item = [f'<li value="{number}">']
        if orphan:
            item.append('<span class="div">[orphan: not found in the current text]</span> ')
        item.append(f"“{escape(a.quote)}”")
        if a.link is not None:
            item.append(f" ↔ “{escape(a.link.quote)}”")
        if tags:
            item.append(f' <span class="tags">{escape(tags)}</span>')
        if a.severity:
            item.append(f" ({escape(a.severity)})")
        if a.comment:
            item.append("<br>" + escape(a.comment).replace("\n", "<br>"))
        item.append(
            f'<br><span class="meta">{escape(a.author or "anonymous")}, {escape(a.modified)}'
            "</span></li>"
        )
        notes_by_bead.setdefault(bead_index, []).append("".join(item))

    divs_by_bead: dict[int, list[str]] = {}
    for d in divergences:
        where = _divergence_bead(d, alignment)
        if where is not None:
            divs_by_bead.setdefault(where, []).append(
                f'<div class="div">{escape(str(d.kind))}: {escape(d.detail)}</div>'
            )

    src_name, tgt_name = escape(docs["source"].name), escape(docs["target"].name)
    rows = []
    for k, bead in enumerate(alignment):
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
            f'<td class="text" dir="{texts["source"].direction}" '
            f'lang="{_attr(docs["source"].language)}">'
            f"{_cell('source', texts['source'], bead.src, spans['source'])}</td>"
            f'<td class="text" dir="{texts["target"].direction}" '
            f'lang="{_attr(docs["target"].language)}">'
            f"{_cell('target', texts['target'], bead.tgt, spans['target'])}</td>"
            f'<td class="notes">{notes}</td></tr>'
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{src_name} ↔ {tgt_name}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{src_name} ↔ {tgt_name}</h1>
<p class="meta">{len(alignment)} aligned steps, {len(annotations)} notes, \
{len(divergences)} divergences. SHA-256: {escape(docs["source"].sha256)} / \
{escape(docs["target"].sha256)}</p>
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
