"""The built-in pair's gold for the fidelity checks (tests/data/*.fidelity.json) is well-formed."""

from __future__ import annotations

import json

from reader.core.diverge.records import DivergenceKind, Severity
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.paths import DATA

FIDELITY = DATA / "iraq-assad-lesson.fidelity.json"
GOLD = DATA / "iraq-assad-lesson.gold.json"


def test_records_are_well_formed_and_point_at_gold_beads() -> None:
    records = json.loads(FIDELITY.read_text(encoding="utf-8"))
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    beads = [(tuple(s), tuple(t)) for s, t in json.loads(GOLD.read_text(encoding="utf-8"))]
    kinds = {str(k) for k in DivergenceKind}
    for r in records:
        assert set(r) == {"kind", "side", "src", "tgt", "values", "severity", "note"}
        assert r["kind"] in kinds and r["side"] == "source"
        assert Severity(r["severity"]) and r["note"].endswith(".")
        if r["kind"] == "phrase_omission":
            assert (tuple(r["src"]), tuple(r["tgt"])) in beads
            assert all(v in source.paragraphs[r["src"][0]].text for v in r["values"])
        else:
            assert r["kind"] == "term_inconsistent"
            assert all(r["values"][0] in source.paragraphs[i].text for i in r["src"])
    assert sum(r["kind"] == "phrase_omission" for r in records) == 13
    assert sum(r["kind"] == "term_inconsistent" for r in records) == 2
