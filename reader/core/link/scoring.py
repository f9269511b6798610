"""Weighing the concepts two paragraphs share, and turning the weight into a capped set of links."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core.link.concepts import Concepts, Occurrence
from reader.core.link.records import EVIDENCE_KINDS, Evidence, LinkParams, PassageLink

# Paragraphs a concept is imagined to be missing from, beyond the two documents: without them a
# word of a two-paragraph document would weigh nothing; with them a rare word of a long pair
# still weighs several times a common one.
_PRIOR_PARAGRAPHS = 20
# Numbers this small are counted like words ("two weeks", "3 brigades"): they say little.
_SMALL_NUMBER = 12


# Glossary categories whose terms name one person, group or place: as telling as a name. The
# others (politics, military, economy, …) are the subject's common vocabulary.
NAMING_CATEGORIES = frozenset({
    "person", "city", "militia", "party", "place", "region", "province", "country", "body",
    "media", "militant", "force",
})
# Words the stopword lists keep but that only join a sentence: that two passages both say
# "however" or "regarding" says nothing about their event (the lexicon gives them to many
# Arabic particles: أما "however", تجاه "regarding", ضمن "among").
DISCOURSE_WORDS = frozenset({
    "however", "despite", "regarding", "among", "amid", "might", "may", "also", "still",
    "even", "early", "ensure", "remain", "become", "became", "began", "begin", "start", "seem",
    "seemed", "particularly", "especially", "including", "previously", "within", "without",
    "around", "toward", "towards", "across", "since", "already", "yet", "instead", "whether",
    "part", "way", "time", "day", "year", "make", "made", "take", "taken", "said", "say",
    "used", "use", "well", "many", "much", "more", "most", "other", "such", "new", "first",
    "last", "next", "now", "today", "two", "three", "one", "several", "reference", "term",
})


def concept_kind(key: str, a: Occurrence, b: Occurrence, cross: bool,
                 categories: Mapping[str, str] | None = None) -> str:
    """What sort of evidence a shared concept is (records.EVIDENCE_KINDS); `categories` gives
    each glossary term's category (a person's or a group's name counts as a name)."""
    prefix, _, value = key.partition(":")
    if prefix in ("d", "dm", "ym"):
        return "date"
    if prefix == "y":
        return "year"
    if prefix == "n":
        try:
            small = abs(float(value)) <= _SMALL_NUMBER
        except ValueError:
            small = False
        return "word" if small else "number"
    if prefix == "g":
        return "name" if (categories or {}).get(value) in NAMING_CATEGORIES else "term"
    if prefix in ("h", "t", "u"):
        return "handle"
    capital = (a.capital or b.capital) if cross else (a.capital and b.capital)
    return "name" if capital else "word"


@dataclass(slots=True)
class Weights:
    """Each shareable concept's rarity (inverse document frequency over both documents)."""

    idf: dict[str, float]

    @classmethod
    def of(cls, a: Sequence[Concepts], b: Sequence[Concepts]) -> Weights:
        df_a = Counter(k for c in a for k in c)
        df_b = Counter(k for c in b for k in c)
        n = len(a) + len(b) + _PRIOR_PARAGRAPHS
        return cls({k: math.log(n / (df_a[k] + df_b[k])) for k in df_a
                    if k in df_b and k[2:] not in DISCOURSE_WORDS})


@dataclass(frozen=True, slots=True)
class Pairing:
    """What two paragraphs share, weighed: the evidence, its total, and each side's total of
    shareable concepts (what it could have shared)."""

    evidence: tuple[Evidence, ...]
    shared: float
    mass_a: float
    mass_b: float


def mass(concepts: Concepts, weights: Weights, rarity: float = 1.0) -> float:
    return sum(weights.idf.get(k, 0.0) ** rarity for k in concepts)


def pairing(
    a: Concepts, b: Concepts, weights: Weights, params: LinkParams, cross: bool,
    mass_a: float, mass_b: float, categories: Mapping[str, str] | None = None,
) -> Pairing:
    found = []
    for key in a.keys() & b.keys():
        idf = weights.idf.get(key, 0.0)
        if idf <= 0.0:
            continue
        oa, ob = a[key], b[key]
        kind = concept_kind(key, oa, ob, cross, categories)
        w = idf**params.rarity * params.kind_weight(kind) * min(oa.strength, ob.strength)
        found.append(Evidence(kind, key, oa.text, ob.text, round(w, 4), (oa.start, oa.end),
                              (ob.start, ob.end)))
    order = {k: i for i, k in enumerate(EVIDENCE_KINDS)}
    found.sort(key=lambda e: (-e.weight, order.get(e.kind, 99), e.key))
    kept = _one_reading_each(found)
    return Pairing(tuple(kept), sum(e.weight for e in kept), mass_a, mass_b)


def _one_reading_each(found: list[Evidence]) -> list[Evidence]:
    """The heaviest reading of each stretch of text only: an Arabic word the lexicon
    translates three ways (بدا: seemed, started, began), a date shared at the day and the
    month, or the year inside a shared date, is one piece of evidence, not three."""
    used_a: list[tuple[int, int]] = []
    used_b: list[tuple[int, int]] = []
    kept = []
    for e in found:
        if _overlaps(e.a_span, used_a) or _overlaps(e.b_span, used_b):
            continue
        kept.append(e)
        used_a.append(e.a_span)
        used_b.append(e.b_span)
    return kept


def _overlaps(span: tuple[int, int], used: list[tuple[int, int]]) -> bool:
    start, end = span
    return end > start and any(start < e and s < end for s, e in used)


def raw_evidence(p: Pairing, damping: float = 0.5) -> float:
    """The shared weight, damped by how much the two paragraphs could have shared: a long
    paragraph shares something with everything, and sharing much of little says more."""
    return raw_evidence_of(p.shared, p.mass_a, p.mass_b, damping)


def raw_evidence_of(shared: float, mass_a: float, mass_b: float, damping: float) -> float:
    """raw_evidence from its parts (it grows with `shared`, which prune.py relies on)."""
    if shared <= 0.0:
        return 0.0
    overlap = shared / math.sqrt(max(mass_a, 1e-9) * max(mass_b, 1e-9))
    return shared * overlap**damping


def calibrated(raw: float, params: LinkParams) -> float:
    """The score in [0, 1]: a logistic curve fitted so that `params.threshold` means what the
    benchmark says it means (docs/benchmarks.md)."""
    if raw <= 0.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-params.slope * (raw - params.centre)))


def capped(links: list[PassageLink], cap: int, tie_a: Sequence[str], tie_b: Sequence[str]
           ) -> list[PassageLink]:
    """The links both of whose paragraphs count them among their `cap` best (ties broken by
    the paragraphs' texts, so that reordering a document does not change which are kept)."""
    if cap <= 0:
        return links

    def best(side: str) -> set[tuple[int, int]]:
        by: dict[int, list[PassageLink]] = {}
        for link in links:
            by.setdefault(link.a if side == "a" else link.b, []).append(link)
        kept: set[tuple[int, int]] = set()
        for group in by.values():
            group.sort(key=lambda k: (-k.score, tie_b[k.b] if side == "a" else tie_a[k.a]))
            kept.update((k.a, k.b) for k in group[:cap])
        return kept

    keep = best("a") & best("b")
    return [k for k in links if (k.a, k.b) in keep]
