"""The real translated documents of tests/data/real: their manifest, gold beads and scores."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "data" / "real"

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class RealPair:
    """One document pair: its files (Arabic source, English target) and its gold beads."""

    name: str
    genre: str
    source: Path
    target: Path
    gold: Path

    def gold_beads(self) -> list[BeadPair]:
        return [(tuple(s), tuple(t)) for s, t in json.loads(self.gold.read_text("utf-8"))]


def real_pairs() -> list[RealPair]:
    entries = json.loads((REAL / "pairs.json").read_text("utf-8"))
    return [
        RealPair(e["name"], e["genre"], REAL / e["source"], REAL / e["target"],
                 REAL / f"{e['name']}.gold.json")
        for e in entries
    ]


def score(gold: list[BeadPair], pred: list[BeadPair]) -> dict[str, float | None]:
    """Strict and lax F1 and omission recall and precision, as ../shared/bench-data/score.py
    counts them (the bench checks both agree), for tests that run without that folder."""
    strict_p, lax_p = _matches(gold, pred)
    pred_nn = [b for b in pred if b[0] and b[1]]
    strict_r, lax_r = _matches(pred_nn, [b for b in gold if b[0] and b[1]])
    gold_null = {b for b in gold if bool(b[0]) != bool(b[1])}
    pred_null = {b for b in pred if bool(b[0]) != bool(b[1])}
    return {
        "strict_f1": _f1(strict_p, strict_r),
        "lax_f1": _f1(lax_p, lax_r),
        "omission_recall": len(gold_null & set(pred)) / len(gold_null) if gold_null else None,
        "omission_precision": len(pred_null & gold_null) / len(pred_null) if pred_null else None,
    }


def _matches(reference: list[BeadPair], candidate: list[BeadPair]) -> tuple[float, float]:
    """Shares of candidate beads that are a reference bead (strict), or share a link with one
    (lax; a null bead only when exact)."""
    ref = {b for b in reference if b[0] or b[1]}
    linked: dict[int, set[int]] = {}
    for s, t in ref:
        for i in s:
            linked.setdefault(i, set()).update(t)
    beads = {b for b in candidate if b[0] or b[1]}
    strict = sum(b in ref for b in beads)
    lax = sum(b in ref or bool(set().union(*(linked.get(i, set()) for i in b[0])) & set(b[1]))
              for b in beads)
    return (strict / len(beads), lax / len(beads)) if beads else (0.0, 0.0)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
