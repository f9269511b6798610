"""The QA report as one standalone HTML page: a table of findings per severity, both texts."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.diverge.labels import severity_label
from reader.core.export.escaping import html_attr, html_block, html_text
from reader.core.export.qa_report import Finding, marked_pieces, summary
from reader.core.export.report import Report
from reader.core.text.language import paragraph_is_rtl

_CSS = """
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", sans-serif; margin: 1.5em;
       color: #1d1d1d; }
h2 { margin-top: 1.4em; border-bottom: 2px solid #ddd; }
h2.serious { border-color: #c0392b; } h2.warning { border-color: #d68910; }
h2.info { border-color: #7f8c8d; }
table.findings { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.findings td, table.findings th { border: 1px solid #ccc; padding: .4em .6em;
                                      vertical-align: top; text-align: start; }
table.findings col.n { width: 3em; } table.findings col.what { width: 22%; }
td.n { color: #666; text-align: right; }
td[dir=rtl], p[dir=rtl] { text-align: right; font-size: 1.1em; line-height: 1.7; }
p { margin: 0 0 .5em 0; white-space: pre-wrap; }
mark { background: #fff1a8; padding: 0; }
.kind { font-weight: 600; } .status { color: #555; font-size: .85em; }
.where, .meta { color: #666; font-size: .85em; }
.comment { margin-top: .4em; font-style: italic; }
.none { color: #888; font-style: italic; }
"""


def _paragraphs(report: Report, f: Finding, side: str) -> str:
    doc = report.document(side)
    d = f.divergence
    if not f.paragraphs(side):
        return '<p class="none">nothing corresponds</p>'
    out = []
    for i in f.paragraphs(side):
        text = doc.paragraphs[i].text
        parts = [f"<mark>{html_block(piece)}</mark>" if marked else html_block(piece)
                 for piece, marked in marked_pieces(d, side, i, text)]
        rtl = paragraph_is_rtl(text, doc.direction == "rtl")
        out.append(f'<p id="{side}-{i + 1}" dir="{"rtl" if rtl else "ltr"}" '
                   f'lang="{html_attr(doc.language)}">{"".join(parts)}</p>')
    return "".join(out)


def _row(report: Report, f: Finding) -> str:
    d = f.divergence
    where = " · ".join(
        f"{side} ¶{', '.join(str(i + 1) for i in f.paragraphs(side))}"
        for side in ("source", "target") if f.paragraphs(side)
    )
    comment = (f'<div class="comment">{html_text(f.item.comment)}</div>'
               if f.item.comment else "")
    return (
        f'<tr id="finding-{f.number}"><td class="n">{f.number}</td>'
        f'<td><div class="kind">{html_text(report.labels.kind(d.kind))}</div>'
        f'<div class="status">{html_text(f.item.state)}</div>'
        f"<div>{html_text(d.detail)}</div>"
        f'<div class="where">{html_text(where)}</div>{comment}</td>'
        f"<td>{_paragraphs(report, f, 'source')}</td>"
        f"<td>{_paragraphs(report, f, 'target')}</td></tr>"
    )


def render_qa_html(report: Report, found: Sequence[Finding], listed: str) -> str:
    src_name, tgt_name = html_text(report.source.name), html_text(report.target.name)
    counts = ", ".join(f"{n} {label.lower()}" for label, n in summary(found))
    sections: list[str] = []
    severity = None
    rows: list[str] = []

    def close() -> None:
        if severity is not None:
            sections.append(
                f'<h2 class="{html_attr(str(severity))}">{html_text(severity_label(severity))}'
                f"</h2>\n<table class=\"findings\">"
                '<colgroup><col class="n"><col class="what"><col><col></colgroup>'
                f'<thead><tr><th>#</th><th>Finding</th><th>{src_name}</th><th>{tgt_name}</th>'
                "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
            )

    for f in found:
        if f.divergence.severity != severity:
            close()
            severity, rows = f.divergence.severity, []
        rows.append(_row(report, f))
    close()
    body = "\n".join(sections) if sections else '<p class="none">No findings.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Fidelity review: {src_name} ↔ {tgt_name}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Fidelity review: {src_name} ↔ {tgt_name}</h1>
<p class="meta">{len(found)} findings ({html_text(listed)}){": " + counts if counts else ""}. \
Generated {html_text(report.generated)}. SHA-256: {html_text(report.source.sha256)} / \
{html_text(report.target.sha256)}</p>
{body}
</body>
</html>
"""
