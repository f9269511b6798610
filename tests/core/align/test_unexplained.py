"""Leftovers of a stale translation: left out on both sides, not paired with each other."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from reader.core.align.aligner import align_texts
from reader.core.align.beads import Bead
from reader.core.align.model import Model, Problem
from reader.core.align.unexplained import LEFT_OUT_CONFIDENCE, leave_out_unexplained
from reader.core.text.document import load_text
from tests.bench.real_pairs import REAL


def test_a_replaced_section_of_software_documentation_is_left_out() -> None:
    # React's "React Developer Tools" page: the Arabic translates the 2023 English, whose
    # section on React Native told how to install the tools; the 2026 English says instead
    # that they are built in. The dropped Arabic paragraphs face nothing.
    alignment = align_texts(load_text(REAL / "react-devtools-stale.ar.txt"),
                            load_text(REAL / "react-devtools-stale.en.txt"))
    beads = {(b.src, b.tgt): b.confidence for b in alignment.beads}
    for i in range(26, 31):
        assert ((i,), ()) in beads
    assert ((31,), (25,)) in beads  # the link to the debugging guide, on both sides
    assert ((), (26,)) in beads  # the note on versions before 0.76, new in English


@pytest.fixture(scope="module")
def stale_covenant() -> dict[tuple[tuple[int, ...], tuple[int, ...]], float]:
    # the Arabic of the Contributor Covenant 1.4 against the English of 2.1
    alignment = align_texts(load_text(REAL / "coc-1.4.ar.txt"), load_text(REAL / "coc-2.1.en.txt"))
    return {(b.src, b.tgt): b.confidence for b in alignment.beads}


def test_list_items_a_newer_version_replaced_are_not_paired(stale_covenant: dict) -> None:
    # "* Using welcoming and inclusive language" (1.4 only) and "* Demonstrating empathy and
    # kindness toward other people" (2.1 only) sit at the same place in the list
    assert ((5,), ()) in stale_covenant and ((), (6,)) in stale_covenant
    assert stale_covenant[((5,), ())] >= LEFT_OUT_CONFIDENCE


def test_the_headings_and_items_that_remain_are_still_paired(stale_covenant: dict) -> None:
    for bead in [((3,), (4,)), ((7,), (8,)), ((16,), (17,)), ((24,), (39,)), ((26,), (43,))]:
        assert bead in stale_covenant


def _problem(src_words: list[list[int]], tgt_words: list[list[int]], src_len: list[float],
             tgt_len: list[float]) -> Problem:
    """A pair as the programme sees it, each paragraph a bag of word ids of one space."""
    def vec(rows: list[list[int]]) -> sp.csr_matrix:
        data = [(r, w) for r, ws in enumerate(rows) for w in ws]
        return sp.csr_matrix((np.ones(len(data)), ([r for r, _ in data], [w for _, w in data])),
                             shape=(len(rows), 50))

    return Problem(len(src_words), len(tgt_words), vec(src_words), vec(tgt_words),
                   np.array(src_len, dtype=np.float32), np.array(tgt_len, dtype=np.float32),
                   np.zeros(len(src_words), dtype=np.float32),
                   np.zeros(len(tgt_words), dtype=np.float32))


def test_a_pair_inside_a_run_left_out_on_both_sides_is_split() -> None:
    # source: A, [dropped], X, B; target: A, Y, [added], B. X and Y share nothing and their
    # lengths are not a translation's (80 against 30)
    pb = _problem([[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 2], [9, 10], [11, 12], [7, 8]],
                  [40, 60, 80, 40], [40, 30, 50, 40])
    model = Model(ratio=1.0, variance=6.8, chance=0.0, threshold=0.2)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((), (2,)),
             Bead((3,), (3,))]
    out = leave_out_unexplained(beads, pb, model)
    assert [(b.src, b.tgt) for b in out] == [
        ((0,), (0,)), ((1,), ()), ((2,), ()), ((), (1,)), ((), (2,)), ((3,), (3,))]
    assert out[2].confidence == LEFT_OUT_CONFIDENCE


def test_a_pair_beside_one_sides_omission_keeps_its_place() -> None:
    # only the source drops a paragraph: X and Y, with nothing in common, are still the pair
    # their place makes them (a translation the lexicon cannot read, bench cases)
    pb = _problem([[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 2], [9, 10], [7, 8]],
                  [40, 60, 80, 40], [40, 30, 40])
    model = Model(ratio=1.0, variance=6.8, chance=0.0, threshold=0.2)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,))]
    assert leave_out_unexplained(beads, pb, model) == beads


def test_lengths_of_a_translation_keep_a_pair_in_a_run() -> None:
    pb = _problem([[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 2], [9, 10], [11, 12], [7, 8]],
                  [40, 60, 30, 40], [40, 30, 50, 40])
    model = Model(ratio=1.0, variance=6.8, chance=0.0, threshold=0.2)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((), (2,)),
             Bead((3,), (3,))]
    assert leave_out_unexplained(beads, pb, model) == beads
