"""The batch's overview page: one standalone HTML table, a row per pair, failures first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from urllib.parse import quote

from reader.core.archive.job import PairOutcome
from reader.core.diverge.labels import kind_label
from reader.core.export.escaping import html_attr, html_text, html_user

# Past this many pairs the page lists the failed ones and those with the most divergences:
# a browser would not open a table of a million rows, and summary.csv has them all.
MAX_ROWS = 5000

_CSS = """
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", sans-serif; margin: 1.5em;
       color: #1d1d1d; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: start; }
th { background: #f4f4f4; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { background: #fdecea; } tr.skipped td.status { color: #666; }
tr.unrelated td.verdict { color: #c0392b; font-weight: 600; }
.meta { color: #555; } .error { color: #922; }
"""


def render_summary_html(outcomes: Sequence[PairOutcome]) -> str:
    statuses = Counter(o.status for o in outcomes)
    totals: Counter[str] = Counter()
    for o in outcomes:
        totals.update(o.divergences_by_kind)
    kinds = [k for k, _ in totals.most_common()]
    unrelated = sum(o.is_translation is False for o in outcomes)
    shown = _shown(outcomes)
    counts = ", ".join(f"{statuses[s]} {s}" for s in ("done", "skipped", "failed") if statuses[s])
    found = ", ".join(f"{n} {html_text(kind_label(k).lower())}" for k, n in totals.most_common())
    note = ("" if len(shown) == len(outcomes) else
            f'<p class="meta">The {len(shown)} pairs below are the failed ones and those with '
            f"the most divergences; summary.csv lists all {len(outcomes)}.</p>")
    head = "".join(f"<th>{html_text(kind_label(k))}</th>" for k in kinds)
    rows = "\n".join(_row(o, kinds) for o in shown)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Batch summary: {len(outcomes)} pairs</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Batch summary: {len(outcomes)} pairs</h1>
<p class="meta">{counts or "no pair"}. {unrelated} not a translation of each other.
Divergences: {found or "none"}.</p>
{note}
<table>
<thead><tr><th>Pair</th><th>Source</th><th>Target</th><th>Status</th><th>Paragraphs</th>\
<th>Beads</th><th>Divergences</th>{head}<th>Translation</th><th>Seconds</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def _shown(outcomes: Sequence[PairOutcome]) -> Sequence[PairOutcome]:
    if len(outcomes) <= MAX_ROWS:
        return outcomes
    ranked = sorted(outcomes, key=lambda o: (o.status != "failed", -o.divergences))
    keep = {id(o) for o in ranked[:MAX_ROWS]}
    return [o for o in outcomes if id(o) in keep]


def _row(o: PairOutcome, kinds: Sequence[str]) -> str:
    classes = [o.status] + (["unrelated"] if o.is_translation is False else [])
    name = html_user(o.id)
    if o.status != "failed":  # its JSON sits beside the page
        name = f'<a href="{html_attr(quote(o.id + ".json"))}">{name}</a>'
    cells = [
        f'<td dir="auto">{name}</td>',
        f'<td dir="auto">{html_user(o.source)}</td>',
        f'<td dir="auto">{html_user(o.target)}</td>',
        f'<td class="status">{html_text(o.status)}</td>',
    ]
    if o.status == "failed":
        cells.append(f'<td class="error" colspan="{4 + len(kinds)}">{html_user(o.error or "")}'
                     "</td>")
    else:
        verdict = ("" if o.is_translation is None else
                   ("yes" if o.is_translation else "no")
                   + ("" if o.translation_score is None else f" ({o.translation_score:.2f})"))
        cells += [
            f'<td class="n">{o.paragraphs[0]} / {o.paragraphs[1]}</td>',
            f'<td class="n">{o.beads}</td>', f'<td class="n">{o.divergences}</td>',
            *(f'<td class="n">{o.divergences_by_kind.get(k, 0)}</td>' for k in kinds),
            f'<td class="verdict">{html_text(verdict)}</td>',
        ]
    cells.append(f'<td class="n">{o.seconds:.2f}</td>')
    return f'<tr class="{" ".join(classes)}">' + "".join(cells) + "</tr>"
