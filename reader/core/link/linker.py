"""The front door: link the paragraphs of two documents that report the same event or claim."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.errors import Cancelled, InputError
from reader.core.link.concepts import Concepts, concept_space
from reader.core.link.prune import promising_pairs
from reader.core.link.records import LinkParams, PassageLink
from reader.core.link.scoring import (
    Pairing,
    Weights,
    calibrated,
    capped,
    mass,
    pairing,
    raw_evidence,
)
from reader.core.progress import CancelCheck
from reader.core.text.document import Text, load_text


def candidate_pairings(
    doc_a: Text,
    doc_b: Text,
    *,
    params: LinkParams | None = None,
    glossary: Glossary | None = None,
    lexicon: Lexicon | None = None,
    min_score: float = 0.0,
    cancelled: CancelCheck | None = None,
) -> list[tuple[int, int, Pairing]]:
    """Every pair of paragraphs (a, b) that shares any evidence, with what it shares, weighed
    (before calibration: what the benchmark fits the calibration on); with `min_score`, only
    the pairs that could score that much (prune.py: the others are not weighed at all)."""
    params = params or LinkParams()
    glossary = glossary if glossary is not None else Glossary.load()
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    for doc in (doc_a, doc_b):
        if not doc.paragraphs:
            raise InputError("has no paragraphs", doc.path)
    space = concept_space(doc_a, doc_b, glossary, lexicon, cancelled)
    weights = Weights.of(space.a, space.b)
    if params.window_words > 0:
        space.a = windows(space.a, doc_a, params.window_words)
        space.b = windows(space.b, doc_b, params.window_words)
    cross = (doc_a.language == "ar") != (doc_b.language == "ar")
    categories = {t.id: t.category for t in glossary}
    mass_a = [mass(c, weights, params.rarity) for c in space.a]
    mass_b = [mass(c, weights, params.rarity) for c in space.b]
    if min_score > 0.0:
        pairs = promising_pairs(space.a, space.b, weights, params, categories, mass_a, mass_b,
                                min_score)
    else:
        # which paragraphs of b hold each concept: only pairs sharing one are looked at
        holders: dict[str, list[int]] = {}
        for j, concepts in enumerate(space.b):
            for key in concepts:
                if key in weights.idf:
                    holders.setdefault(key, []).append(j)
        pairs = [(i, j) for i, concepts in enumerate(space.a)
                 for j in sorted({j for key in concepts for j in holders.get(key, ())})]
    found = []
    for n, (i, j) in enumerate(pairs):
        if cancelled is not None and n % 4096 == 0 and cancelled():
            raise Cancelled()
        p = pairing(space.a[i], space.b[j], weights, params, cross, mass_a[i], mass_b[j],
                    categories)
        if p.evidence:
            found.append((i, j, p))
    return found


def windows(concepts: list[Concepts], doc: Text, words: int) -> list[Concepts]:
    """Each paragraph's concepts with those of the adjacent paragraphs when both are shorter
    than `words` words (a post cut into lines, a heading and its lead): the passage is the
    window, the link stays on the paragraph (the neighbour's words have no place in it)."""
    short = [len(p.text.split()) < words for p in doc.paragraphs]
    out = []
    for i, own in enumerate(concepts):
        merged = dict(own)
        for k in (i - 1, i + 1):
            if 0 <= k < len(concepts) and short[i] and short[k]:
                for key, o in concepts[k].items():
                    merged.setdefault(key, replace(o, start=0, end=0))
        out.append(merged)
    return out


def candidate_links(
    doc_a: Text,
    doc_b: Text,
    *,
    params: LinkParams | None = None,
    glossary: Glossary | None = None,
    lexicon: Lexicon | None = None,
    min_score: float = 0.0,
    cancelled: CancelCheck | None = None,
) -> list[PassageLink]:
    """Every pair of paragraphs that shares any evidence, scored; no cap (what the benchmark
    sweeps; `link_documents` keeps the links worth showing); with `min_score`, those that
    may score that much (all that do, and a few that then fall short)."""
    params = params or LinkParams()
    found = candidate_pairings(doc_a, doc_b, params=params, glossary=glossary, lexicon=lexicon,
                               min_score=min_score, cancelled=cancelled)
    return [PassageLink(i, j, round(calibrated(raw_evidence(p, params.damping), params), 4),
                        p.evidence) for i, j, p in found]


def link_documents(
    doc_a: Text,
    doc_b: Text,
    *,
    threshold: float | None = None,
    cap: int | None = None,
    params: LinkParams | None = None,
    glossary: Glossary | None = None,
    lexicon: Lexicon | None = None,
    cancelled: CancelCheck | None = None,
) -> list[PassageLink]:
    """The links between paragraphs of `doc_a` and `doc_b` scoring at least `threshold`
    (default `params.threshold`), each paragraph keeping at most `cap` (default `params.cap`;
    0: no cap) of its best, ordered by `a` then `b`. Many-to-many and in no particular order
    of the texts: not an alignment. `cancelled` (for a worker) is asked now and then; when it
    says so, Cancelled is raised."""
    params = params or LinkParams()
    threshold = params.threshold if threshold is None else threshold
    cap = params.cap if cap is None else cap
    links = [k for k in candidate_links(doc_a, doc_b, params=params, glossary=glossary,
                                        lexicon=lexicon, min_score=threshold,
                                        cancelled=cancelled)
             if k.score >= threshold]
    links = capped(links, cap, [p.text for p in doc_a.paragraphs],
                   [p.text for p in doc_b.paragraphs])
    return sorted(links, key=lambda k: (k.a, k.b))


def link_files(
    path_a: str | Path,
    path_b: str | Path,
    *,
    threshold: float | None = None,
    glossaries: Iterable[Path] = (),
    blocks: bool = False,
) -> tuple[Text, Text, list[PassageLink]]:
    """Both files read (InputError naming the file on bad input) and linked."""
    doc_a = load_text(path_a, blocks=blocks)
    doc_b = load_text(path_b, blocks=blocks)
    links = link_documents(doc_a, doc_b, threshold=threshold, glossary=Glossary.load(glossaries))
    return doc_a, doc_b, links
