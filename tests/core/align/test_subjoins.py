"""A cut Arabic sentence's pieces joined again at no cost of their own (align/subjoins.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.params import DEFAULT_PARAMS, NEG, UNIT_TYPES, AlignerParams
from reader.core.align.subjoins import continued, free_joins, paragraph_firsts
from reader.core.align.unit_pieces import Piece
from tests.core.align.runon_helpers import Beads, runon_beads

# Genesis 13:2-14:23 grouped into paragraphs independently on each side, the Arabic verses'
# full stops, colons and question marks taken out (tests/data/runon/README.md)
# the true beads: paragraphs sharing a verse
GOLD = [
    ((0, 1, 2, 3), (0, 1, 2, 3)), ((4, 5, 6), (4,)), ((7,), (5,)), ((8, 9), (6, 7)),
    ((10,), (8,)), ((11, 12, 13), (9, 10, 11)), ((14,), (12, 13)), ((15,), (14, 15)),
]


def _beads(params: AlignerParams = DEFAULT_PARAMS) -> Beads:
    return runon_beads("genesis-13", params)


def test_cuts_between_english_sentences_joined_again_give_every_bead() -> None:
    # Arabic paragraphs 14 and 15 run verses 14:13-23 together; English paragraph 14 starts
    # inside Arabic 15's first sentence. Cut only between English paragraphs, the chains at
    # the start and the end came apart; cut between English sentences too but with every
    # piece a sentence of its own, the last English paragraph lost its bead
    assert _beads() == GOLD
    assert ((15,), (14, 15)) not in _beads(replace(DEFAULT_PARAMS, unit_cut_free_joins=False))
    old = _beads(replace(DEFAULT_PARAMS, unit_cut_free_joins=False, unit_cut_sentences=False,
                         unit_cut_punctuated=False))
    assert ((0, 1, 2, 3), (0, 1, 2, 3)) not in old


def _band(rows: int, cols: int, half: int) -> tuple[dict[tuple[int, int], np.ndarray],
                                                     np.ndarray]:
    centre = np.round(np.linspace(0, cols, rows + 1)).astype(np.int64)
    width = 2 * half + 1
    scores = {t: np.zeros((rows + 1, width), dtype=np.float32) for t in UNIT_TYPES}
    return scores, centre


def test_a_bead_of_two_pieces_of_one_sentence_costs_what_the_sentence_whole_does() -> None:
    scores, centre = _band(4, 4, 2)
    prior = DEFAULT_PARAMS.log_prior
    row_continued = np.array([False, False, True, False])  # rows 1 and 2: one sentence cut
    free_joins(scores, centre, 2, row_continued, np.zeros(4, dtype=bool), prior)
    # a 2:1 bead ending before row 3 holds rows 1 and 2: it costs what a 1:1 does
    assert np.allclose(scores[(2, 1)][3], prior[(1, 1)] - prior[(2, 1)])
    # ending before row 2 it holds rows 0 and 1, two sentences: unchanged
    assert np.allclose(scores[(2, 1)][2], 0.0)
    # a 3:1 bead over rows 0-2 holds two sentences: it costs what a 2:1 does
    assert np.allclose(scores[(3, 1)][3], prior[(2, 1)] - prior[(3, 1)])
    # a single piece is a unit like any other
    assert np.allclose(scores[(1, 1)], 0.0) and np.allclose(scores[(1, 2)], 0.0)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=12), st.lists(st.booleans(), min_size=1,
                                                                  max_size=12),
       st.integers(1, 4))
def test_only_beads_holding_pieces_of_one_sentence_change_and_only_upwards(
        rows_flags: list[bool], cols_flags: list[bool], half: int) -> None:
    rows, cols = len(rows_flags), len(cols_flags)
    row_continued = np.array([False, *rows_flags[1:]])
    col_continued = np.array([False, *cols_flags[1:]])
    scores, centre = _band(rows, cols, half)
    scores[(2, 2)][0] = NEG  # a forbidden cell stays forbidden
    free_joins(scores, centre, half, row_continued, col_continued, DEFAULT_PARAMS.log_prior)
    assert (scores[(2, 2)][0] == NEG).all()
    for (ks, kt), table in scores.items():
        live = table > NEG / 2
        # every prior of a smaller type is higher: a join only ever costs less
        assert (table[live] >= 0).all()
        if ks == 1 and kt == 1:
            assert (table == 0).all()
    if not row_continued.any() and not col_continued.any():
        assert all((t[t > NEG / 2] == 0).all() for t in scores.values())


def test_pieces_that_continue_a_sentence_are_those_starting_where_none_did() -> None:
    before = [Piece(0, 0, 10, 10.0), Piece(1, 0, 30, 30.0), Piece(1, 31, 40, 9.0)]
    after = [Piece(0, 0, 10, 10.0), Piece(1, 0, 12, 12.0), Piece(1, 13, 30, 17.0),
             Piece(1, 31, 40, 9.0)]
    assert continued(before, after).tolist() == [False, False, True, False]
    assert paragraph_firsts(before, 3).tolist() == [0, 1, 3, 3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(-2, 30)), max_size=20),
       st.lists(st.tuples(st.integers(0, 4), st.integers(-2, 30)), max_size=20))
def test_continued_is_a_start_no_piece_before_had(before: list[tuple[int, int]],
                                                  after: list[tuple[int, int]]) -> None:
    # any pieces, in any order, negative starts too (the slow path)
    b = [Piece(i, s, s + 1, 1.0) for i, s in before]
    a = [Piece(i, s, s + 1, 1.0) for i, s in after]
    got = continued(b, a)
    assert got.dtype == bool and got.tolist() == [(i, s) not in set(before) for i, s in after]


@settings(max_examples=200, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 4), st.integers(0, 30)), max_size=20),
       st.lists(st.tuples(st.integers(0, 4), st.integers(0, 30)), max_size=20))
def test_continued_of_ordered_pieces_is_a_start_no_piece_before_had(
        before: set[tuple[int, int]], after: list[tuple[int, int]]) -> None:
    # pieces in order (as the sentence pass makes them): the binary-search path
    b = [Piece(i, s, s + 1, 1.0) for i, s in sorted(before)]
    a = [Piece(i, s, s + 1, 1.0) for i, s in after]
    assert continued(b, a).tolist() == [(i, s) not in before for i, s in after]
    # a side nothing was cut on is the same list: no piece continues another
    assert continued(b, b).tolist() == [False] * len(b)
