"""A gold of linked passages (tests/data/links/), and links scored against it: precision, recall."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InputError
from reader.core.files import read_json


@dataclass(frozen=True, slots=True)
class GoldLink:
    a: int
    b: int
    strength: int  # 2: the same event or claim, with specifics; 1: part of it, or in general
    reason: str


@dataclass(frozen=True, slots=True)
class Gold:
    """The links a reader made between two documents (paths as the gold file gives them)."""

    a: str
    b: str
    links: tuple[GoldLink, ...]

    def pairs(self, min_strength: int = 1) -> set[tuple[int, int]]:
        return {(k.a, k.b) for k in self.links if k.strength >= min_strength}


def read_gold(path: str | Path) -> Gold:
    """A gold file: {"a": path, "b": path, "links": [{"a", "b", "strength", "reason"}]}."""
    data = read_json(path, what="gold file")
    try:
        links = tuple(GoldLink(int(k["a"]), int(k["b"]), int(k.get("strength", 2)),
                               str(k.get("reason", ""))) for k in data["links"])
        return Gold(str(data["a"]), str(data["b"]), links)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"is not a gold of links ({exc})", path) from None


@dataclass(frozen=True, slots=True)
class Scores:
    """Links found against a gold: counts, precision, recall (of all gold links and of the
    strong ones) and F1 (of all)."""

    found: int
    correct: int
    gold: int
    strong_found: int
    strong: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def strong_recall(self) -> float:
        return self.strong_found / self.strong if self.strong else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_links(found: Iterable[tuple[int, int]], gold: Gold) -> Scores:
    """Precision and recall of (a, b) pairs against the gold: a link is right when the gold
    has it, whatever its strength."""
    pairs = set(found)
    every, strong = gold.pairs(1), gold.pairs(2)
    return Scores(len(pairs), len(pairs & every), len(every), len(pairs & strong), len(strong))


def sweep(scored: Sequence[tuple[int, int, float]], gold: Gold, thresholds: Sequence[float]
          ) -> list[tuple[float, Scores]]:
    """Scores of the links at or above each threshold (a precision-recall curve)."""
    return [(t, score_links(((a, b) for a, b, s in scored if s >= t), gold)) for t in thresholds]
