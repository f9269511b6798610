"""What a link between two passages is: the paragraphs, the score and the evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of evidence, the most specific first: a date or a number shared by two passages
# says more than a shared word (the order is the order evidence is listed in).
EVIDENCE_KINDS = ("date", "number", "name", "term", "handle", "year", "word")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One thing both passages mention: a date, a number, a name, a glossary term, a handle,
    hashtag or link, or a word (in Arabic-English pairs, a word the lexicon translates).

    `key` is language-neutral (`d:2024-12-8`, `n:460000000`, `g:hezbollah`, `w:militia`);
    `a_text`/`b_text` are the words as written in each passage and `a_span`/`b_span` where
    (code points of the paragraph's text; (0, 0) when the place is not known). `weight` is
    what it adds to the link: its rarity in the two documents times its kind's weight."""

    kind: str
    key: str
    a_text: str
    b_text: str
    weight: float
    a_span: tuple[int, int] = (0, 0)
    b_span: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class PassageLink:
    """Paragraph `a` of the first document and `b` of the second report the same event or
    claim, with `score` in [0, 1] (about the chance that a reader would link them: see
    `LinkParams`) and the evidence shared, the heaviest first. Indices are 0-based."""

    a: int
    b: int
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class LinkParams:
    """How evidence is weighed and scores are made; fitted on the gold of one document pair
    (tests/data/links/README.md) and checked on the others (docs/benchmarks.md)."""

    # each kind's weight, times the evidence's rarity (inverse document frequency)
    kind_weights: tuple[tuple[str, float], ...] = (
        ("date", 2.0), ("number", 1.5), ("name", 1.3), ("term", 1.0), ("handle", 1.5),
        ("year", 0.8), ("word", 0.7),
    )
    # how much sharing a small part of what the paragraphs hold counts against a link: the
    # shared weight is multiplied by (shared / sqrt(mass_a * mass_b)) ** damping
    damping: float = 0.5
    # evidence weighs its inverse document frequency to this power: above 1, rare evidence
    # counts for more against common
    rarity: float = 1.0
    # score = 1 / (1 + exp(-slope * (evidence - centre))), evidence being the damped shared
    # weight (scoring.raw_evidence): fitted on Orient XXI's gold by tests.bench.bench_links,
    # so that a score is about the chance that a reader links the two passages
    slope: float = 0.53
    centre: float = 8.73
    # the lowest score `link_documents` keeps: the best F1 on that gold
    threshold: float = 0.4
    # above 0, two adjacent paragraphs both shorter than this many words are scored as one
    # passage (links stay on paragraphs); 0 by default: measured no better, and it makes a
    # link depend on the order of the paragraphs (docs/benchmarks.md)
    window_words: int = 0
    # at most this many links per paragraph, on each side (a paragraph keeps its best)
    cap: int = 5

    def kind_weight(self, kind: str) -> float:
        return dict(self.kind_weights).get(kind, 1.0)
