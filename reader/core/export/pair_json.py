"""The JSON object of DESIGN.md's command-line contract (`reader align`, `reader diverge`)."""

from __future__ import annotations

from reader.core.export.json_text import dumps_indented
from reader.core.export.report import Document, Report, ReportDivergence, report_from_pair
from reader.core.gc_pause import gc_paused
from reader.core.pair import Pair


def _document(d: Document) -> dict[str, object]:
    return {"path": d.path, "language": d.language, "paragraphs": len(d)}


def _divergence(r: ReportDivergence, report: Report) -> dict[str, object]:
    """The divergence's own JSON, its readable label after the `kind` id."""
    fields = r.divergence.to_json()
    out: dict[str, object] = {
        "kind": fields.pop("kind"), "label": report.labels.kind(r.divergence.kind)
    }
    out.update(fields)
    if r.state != "open":
        out["state"] = r.state
    return out


def pair_json(report: Report) -> dict[str, object]:
    """Source, target, the verdict on the pair (when known), beads (with confidence, and state
    when not automatic), divergences."""
    out: dict[str, object] = {
        "source": _document(report.source),
        "target": _document(report.target),
    }
    if report.pair is not None:
        out["pair"] = report.pair.to_json()
    out["beads"] = [b.to_json() for b in report.beads]
    out["divergences"] = [_divergence(r, report) for r in report.divergences]
    return out


def render_json(report: Report, indent: int = 1) -> str:
    return dumps_indented(pair_json(report), indent) + "\n"


def pair_json_text(pair: Pair) -> str:
    """What `reader align --format json` prints for an aligned pair; `reader batch` writes
    the same text, so a pair's JSON never depends on which command made it."""
    # the collector waits: the thousands of small dicts made here set off a full collection
    # over the pair's objects, ten times the cost of the rendering on a 4,000-paragraph pair
    with gc_paused():
        return render_json(report_from_pair(pair), indent=1)
