"""The JSON object of DESIGN.md's command-line contract (`reader align`, `reader diverge`)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.align.beads import Alignment
from reader.core.diverge.verdict import PairVerdict
from reader.core.export.json_text import dumps_indented, dumps_nested
from reader.core.export.report import (
    Document,
    Labels,
    Report,
    ReportDivergence,
    make_labels,
    report_from_pair,
)
from reader.core.gc_pause import gc_paused
from reader.core.pair import Pair


def _document(d: Document) -> dict[str, object]:
    return {"path": d.path, "language": d.language, "paragraphs": len(d)}


def _divergence(r: ReportDivergence, labels: Labels) -> dict[str, object]:
    """The divergence's own JSON, its readable label after the `kind` id."""
    fields = r.divergence.to_json()
    out: dict[str, object] = {
        "kind": fields.pop("kind"), "label": labels.kind(r.divergence.kind)
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
    out["divergences"] = [_divergence(r, report.labels) for r in report.divergences]
    return out


def render_json(report: Report, indent: int = 1) -> str:
    return dumps_indented(pair_json(report), indent) + "\n"


def pair_json_text(pair: Pair, head: PairJsonHead | None = None) -> str:
    """What `reader align --format json` prints for an aligned pair; `reader batch` writes
    the same text, so a pair's JSON never depends on which command made it. `head`: what
    comes before its divergences, written earlier (`pair_json_head`) and used if it fits."""
    # the collector waits: the thousands of small dicts made here set off a full collection
    # over the pair's objects, ten times the cost of the rendering on a 4,000-paragraph pair
    with gc_paused():
        if head is not None and head.fits(pair):
            labels = make_labels((), pair.divergences)
            rest = dumps_nested([_divergence(ReportDivergence(d), labels)
                                 for d in pair.divergences], 1, 1)
            if rest is not None:
                return head.text[: -len(_NO_DIVERGENCES)] + rest + "\n}\n"
        return render_json(report_from_pair(pair), indent=1)


_NO_DIVERGENCES = "[]\n}\n"  # how the JSON of a pair without divergences ends


@dataclass(frozen=True, slots=True)
class PairJsonHead:
    """`pair_json_text` of a pair before its divergences are found: all but its divergences
    (the command line writes it while detection's second process works: reader align)."""

    text: str  # the JSON with no divergences
    pair: Pair
    alignment: Alignment
    verdict: PairVerdict | None

    def fits(self, pair: Pair) -> bool:
        """Whether it was written of this pair as it now is, but for its divergences."""
        return (pair is self.pair and pair.alignment is self.alignment
                and pair.verdict is self.verdict and self.text.endswith(_NO_DIVERGENCES))


def pair_json_head(pair: Pair) -> PairJsonHead:
    """What `pair_json_text` writes of the pair before its divergences."""
    with gc_paused():
        report = report_from_pair(pair)
        out = pair_json(report)
        out["divergences"] = []
        return PairJsonHead(dumps_indented(out, 1) + "\n", pair, pair.alignment, pair.verdict)
