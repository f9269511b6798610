"""Run-on Arabic sentences cut where the facing English paragraphs break (align/subunits.py)."""

from __future__ import annotations

import logging
from dataclasses import replace
from itertools import pairwise, product

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from reader.core.align.aligner import _align_sides
from reader.core.align.beads import Bead
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.prepared import PreparedPair, Vectors
from reader.core.align.subunits import _monotone_path, _split, cut_sources
from reader.core.align.unit_pieces import Piece, balanced_pieces
from reader.core.text.document import load_text
from tests.core.align.runon_helpers import GROUPED_BY_SEVEN, Beads, runon_beads
from tests.paths import DATA

# Genesis 1:1-2:9 (Smith & Van Dyck, KJV; public domain), grouped into paragraphs independently
# on each side as the bench's `small` case groups TED talks, the Arabic verses with their full
# stops, colons and question marks taken out: as in the TED talks' Arabic, one Arabic
# "sentence" then runs over verses the English has in different paragraphs
RUNON = DATA / "runon" / "genesis-1"
# the true beads: paragraphs sharing a verse
GOLD = GROUPED_BY_SEVEN


def _pair() -> PreparedPair:
    return PreparedPair.of_texts(load_text(RUNON.with_suffix(".ar.txt")),
                                 load_text(RUNON.with_suffix(".en.txt")))


def _beads(params: AlignerParams = DEFAULT_PARAMS) -> Beads:
    return runon_beads("genesis-1", params)


def test_a_run_on_arabic_paragraph_keeps_the_three_english_paragraphs_it_translates() -> None:
    # Arabic paragraph 2 holds verses 6-9 (1:6-9) as one sentence; the English has verse 6,
    # verses 7-8 and verse 9 as three paragraphs. Uncut, the sentence pass lost the bead (the
    # paragraph programme had it); cut where the English paragraphs break, every bead is right
    assert _beads() == GOLD
    uncut = _beads(replace(DEFAULT_PARAMS, unit_cut_min_words=0))
    assert ((2,), (2, 3, 4)) not in uncut


def _paragraph_pass() -> tuple[PreparedPair, list[Bead], Vectors, list[Piece], list[Piece]]:
    """The pair aligned by paragraphs only, its vectors, and the pieces the sentence pass
    would start from."""
    pair = _pair()
    pair.params = replace(pair.params, unit_pass=False)
    beads = _align_sides(pair, None, None, logging.DEBUG)
    ready = pair.vectors()
    src, tgt = balanced_pieces(pair.src, pair.tgt, beads, pair.params.unit_band)
    return pair, beads, ready, src, tgt


def test_the_cuts_fall_where_the_english_paragraphs_break() -> None:
    pair, beads, ready, src, tgt = _paragraph_pass()
    strict = replace(pair.params, unit_cut_sentences=False, unit_cut_punctuated=False)
    cut = cut_sources(pair.src, pair.tgt, ready.space, ready.base_translation.tocsr(), beads,
                      src, tgt, strict)
    text = pair.src.texts[2]
    starts = [p.start for p in cut if p.paragraph == 2]
    # verse 7 (English paragraph 3) and verse 9 (paragraph 4) start there; verse 8 is in the
    # same English paragraph as verse 7, so it is no place to cut between paragraphs
    paragraph_cuts = [
        ["وَقَالَ", "اللهُ", "«لِيَكُنْ"], ["فَعَمِلَ", "اللهُ", "الْجَلَدَ،"],
        ["وَقَالَ", "اللهُ", "«لِتَجْتَمِعِ"],
    ]
    assert [text[s:].split()[:3] for s in starts] == paragraph_cuts
    # cut between English sentences too (the default: the sentence pass joins pieces again),
    # the cuts between paragraphs are among them
    every = cut_sources(pair.src, pair.tgt, ready.space, ready.base_translation.tocsr(), beads,
                        src, tgt, pair.params)
    words = [text[p.start:].split()[:3] for p in every if p.paragraph == 2]
    assert all(w in words for w in paragraph_cuts) and len(words) > len(paragraph_cuts)
    # every part is a piece of one the sentence pass had, in the same order
    for p in cut:
        assert any(q.paragraph == p.paragraph and q.start <= p.start < p.end <= q.end for q in src)
    assert [(p.paragraph, p.start) for p in cut] == sorted((p.paragraph, p.start) for p in cut)


def test_nothing_is_cut_where_the_arabic_has_more_sentences_than_the_english() -> None:
    # the English read as the source side's sentences: every piece stays as it was
    pair, beads, ready, src, tgt = _paragraph_pass()
    few = [Piece(i, 0, len(t), 1.0) for i, t in enumerate(pair.tgt.texts)]  # one a paragraph
    swapped = [Bead(b.src, b.tgt) for b in beads]
    assert cut_sources(pair.src, pair.tgt, ready.space, ready.base_translation.tocsr(),
                       swapped, src, few, pair.params) is src
    # and an English source is never cut
    assert cut_sources(pair.tgt, pair.src, ready.space, ready.base_translation.tocsr(),
                       [Bead(b.tgt, b.src) for b in beads], tgt, src, pair.params) is tgt


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["كان", "و", "،", "الأرض", "  ", "x"]), min_size=1, max_size=12),
       st.data())
def test_the_parts_of_a_cut_piece_cover_its_text_in_order(words: list[str], data) -> None:
    text = " ".join(words).strip() or "x"
    piece = Piece(0, 0, len(text), float(len(text.replace(" ", ""))))
    offsets = data.draw(st.lists(st.integers(1, max(1, len(text) - 1)), max_size=4, unique=True))
    parts = _split(text, piece, offsets)
    assert parts, "a piece with visible text keeps at least one part"
    for a, b in pairwise(parts):
        assert a.end <= b.start
    for p in parts:
        assert p.start < p.end and not text[p.start].isspace() and not text[p.end - 1].isspace()
    assert "".join(text[p.start:p.end] for p in parts).replace(" ", "") == text.replace(" ", "")
    assert abs(sum(p.length for p in parts) - piece.length) < 1e-6 * max(1.0, piece.length)


@settings(max_examples=200, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 4)),
              elements=st.floats(-5, 5, allow_nan=False)),
       st.floats(0, 2))
def test_the_monotone_path_is_the_best_one(score: np.ndarray, switch: float) -> None:
    n, m = score.shape
    path = _monotone_path(score, switch)

    def value(p: tuple[int, ...]) -> float:
        return float(sum(score[i, j] for i, j in enumerate(p))
                     - switch * sum(a != b for a, b in pairwise(p)))

    assert all(a <= b for a, b in pairwise(path))
    best = max(value(p) for p in product(range(m), repeat=n)
               if all(a <= b for a, b in pairwise(p)))
    assert abs(value(tuple(path)) - best) < 1e-9
