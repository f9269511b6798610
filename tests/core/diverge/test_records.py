"""Divergence records keep the JSON shape of the design notes."""

from __future__ import annotations

from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span


def test_to_json_keeps_its_shape() -> None:
    d = Divergence(DivergenceKind.NUMBER_MISMATCH, Severity.SERIOUS, "source", (14,), "180 …",
                   bead=13, spans=(Span("source", 14, 192, 195),), values=("180",))
    assert d.to_json() == {
        "kind": "number_mismatch", "severity": "serious", "side": "source", "paragraphs": [14],
        "detail": "180 …", "bead": 13, "values": ["180"],
        "spans": [{"side": "source", "paragraph": 14, "start": 192, "end": 195}],
    }
