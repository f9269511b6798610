"""IBM Model 1 word pairs learnt from a pair's own beads (reader.core.align.model_one)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align import model_one
from reader.core.align.beads import Bead
from reader.core.align.model_one import (
    SpaceWords,
    Triples,
    bead_words,
    evenly_spread,
    matching_beads,
    model_one_matrix,
    model_one_of_words,
    train,
    triples,
)
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.space import Space
from tests.core.align import model_one_reference as reference


def presence(rows: list[list[int]], n_cols: int) -> sp.csr_matrix:
    cells = [(r, c) for r, cols in enumerate(rows) for c in sorted(set(cols))]
    r, c = zip(*cells, strict=True) if cells else ((), ())
    m = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(rows), n_cols))
    m.sort_indices()
    return m


def table(src_rows: list[list[int]], tgt_rows: list[list[int]], n_src: int, n_tgt: int,
          known: list[tuple[int, int]] = (), iterations: int = 10, prior: float = 1.0,
          ) -> dict[tuple[int, int], float]:
    """t(target | source) per pair met, trained on beads given as word numbers."""
    xa, xe = presence(src_rows, n_src), presence(tgt_rows, n_tgt)
    lex = sp.csr_matrix((np.ones(len(known)), tuple(zip(*known, strict=True)) or ([], [])),
                        shape=(n_src, n_tgt))
    tr = triples(xa, xe, 1, lex)
    t = train(tr, prior * tr.known, iterations, 0.2)
    return {(int(a), int(e)): float(p) for a, e, p in zip(tr.src, tr.tgt, t, strict=True)}


# source words: 0 "kitab", 1 "bayt", 2 "kabir", 3 "al" (everywhere); target words in the same
# order: 0 "book", 1 "house", 2 "big", 3 "the"
BEADS_SRC = [[3, 0], [3, 1], [3, 0, 2], [3, 1, 2], [3, 0], [3, 2]]
BEADS_TGT = [[3, 0], [3, 1], [3, 0, 2], [3, 1, 2], [3, 0], [3, 2]]


def test_em_finds_the_word_pairs_of_a_hand_made_pair() -> None:
    t = table(BEADS_SRC, BEADS_TGT, 4, 4)
    for a in range(4):
        partners = {e: p for (s, e), p in t.items() if s == a}
        assert max(partners, key=partners.__getitem__) == a, (a, partners)
    # "al" is beside every word: Model 1 gives "the" to it, and the others their own partner
    assert t[(3, 3)] > 0.9
    assert t[(0, 0)] > 0.8 and t[(1, 1)] > 0.8 and t[(2, 2)] > 0.8


def test_the_lexicon_prior_explains_a_word_away() -> None:
    # x and y (0, 1) always come together, with X and Y (0, 1): nothing tells them apart ...
    src, tgt = [[0, 1]] * 4, [[0, 1]] * 4
    t = table(src, tgt, 2, 2)
    assert abs(t[(0, 0)] - t[(0, 1)]) < 1e-9
    # ... until the lexicon says y is Y: then x takes X
    t = table(src, tgt, 2, 2, known=[(1, 1)])
    assert t[(0, 0)] > 0.6 > t[(0, 1)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(st.integers(0, 7), max_size=6),
                          st.lists(st.integers(0, 6), max_size=6)), min_size=1, max_size=12),
       st.integers(0, 6), st.floats(0.0, 5.0))
def test_probabilities_sum_to_one_per_source_word(
    beads: list[tuple[list[int], list[int]]], iterations: int, prior: float,
) -> None:
    src = [list(s) for s, _ in beads]
    tgt = [list(e) for _, e in beads]
    xa, xe = presence(src, 8), presence(tgt, 7)
    lex = sp.csr_matrix(np.eye(8, 7))
    for min_count in (1, 2):
        tr = triples(xa, xe, min_count, lex)
        t = train(tr, prior * tr.known, iterations, 0.2)
        assert np.all(np.isfinite(t)) and np.all((t > 0) & (t <= 1 + 1e-9))
        sums = np.bincount(tr.src, t, minlength=8)
        words = np.unique(tr.src)
        assert np.allclose(sums[words], 1.0)
        # every pair is one that meets in a bead, counted right
        met = (xa.T @ xe).toarray()
        assert np.array_equal(tr.met, met[tr.src, tr.tgt])


def space_of(src_rows: list[list[int]], tgt_rows: list[list[int]], n_src: int,
             n_tgt: int) -> Space:
    """A space with no anchor keys: paragraph k holds the words of row k."""
    xa, xe = presence(src_rows, n_src), presence(tgt_rows, n_tgt)
    return Space(xa, sp.csr_matrix((len(src_rows), n_tgt), dtype=np.float32), xe,
                 np.ones(n_tgt, dtype=np.float32), [f"s{a}" for a in range(n_src)],
                 {f"t{e}": e for e in range(n_tgt)}, n_tgt)


def test_matrix_holds_the_best_new_partner_of_each_word() -> None:
    src, tgt = BEADS_SRC * 2, BEADS_TGT * 2
    space = space_of(src, tgt, 4, 4)
    beads = [Bead((k,), (k,), 0.9) for k in range(len(src))]
    lexicon = sp.csr_matrix(([1.0], ([0], [0])), shape=(4, 4))  # kitab: book, known
    params = replace(DEFAULT_PARAMS, model_one=True)
    got = model_one_matrix(space, beads, lexicon, params).toarray()
    # the known pair is not learnt again; the others are, each word's best partner only
    assert got[0].sum() == 0
    assert got[1, 1] > 0 and got[2, 2] > 0 and got[3, 3] > 0
    assert np.count_nonzero(got) == 3 and got.max() <= 1.0
    # beads not sure enough, or too few, teach nothing
    unsure = [replace(b, confidence=0.3) for b in beads]
    assert model_one_matrix(space, unsure, lexicon, params).nnz == 0
    assert model_one_matrix(space, beads[:7], lexicon, params).nnz == 0


def test_what_a_second_process_is_handed_learns_the_same_pairs() -> None:
    import pickle

    src, tgt = BEADS_SRC * 3, BEADS_TGT * 3
    space = space_of(src, tgt, 4, 4)
    beads = [Bead((k,), (k,), 0.5 + 0.05 * (k % 10)) for k in range(len(src))]
    lexicon = sp.csr_matrix(([1.0], ([0], [0])), shape=(4, 4))
    params = replace(DEFAULT_PARAMS, model_one=True, model_one_max_beads=9)
    handed = pickle.loads(pickle.dumps((SpaceWords.of(space), matching_beads(beads, params),
                                        lexicon[:, : space.n_tgt_words], params)))
    assert len(handed[1]) == 9 and all(isinstance(b, tuple) for b in handed[1])
    got, want = model_one_of_words(*handed), model_one_matrix(space, beads, lexicon, params)
    assert got.nnz > 0 and (got != want).nnz == 0 and got.shape == want.shape


def test_bead_words_are_the_union_of_the_beads_paragraphs() -> None:
    space = space_of([[0], [1, 2], [3]], [[0, 1], [2], [3]], 4, 4)
    xa, xe = bead_words(SpaceWords.of(space), [((0, 1), (0,)), ((2,), (1, 2))])
    assert xa.toarray().tolist() == [[1, 1, 1, 0], [0, 0, 0, 1]]
    assert xe.toarray().tolist() == [[1, 1, 0, 0], [0, 0, 1, 1]]



def test_a_very_long_pair_learns_from_an_even_sample_of_its_beads() -> None:
    beads = [Bead((i,), (i,)) for i in range(100_003)]
    sample = evenly_spread(beads, 12_000)
    assert len(sample) == 12_000 and sample[0] is beads[0]
    assert all(a.src[0] < b.src[0] for a, b in pairwise(sample))
    # spread over the whole pair, not its start: no gap much wider than the step
    gaps = [b.src[0] - a.src[0] for a, b in pairwise(sample)]
    assert max(gaps) <= 100_003 // 12_000 + 1 and sample[-1].src[0] > 99_990
    assert evenly_spread(beads[:50], 12_000) == beads[:50]


# ------------------------------------------------- the faster triples and rounds, bit for bit

def _same_triples(a: Triples, b: Triples) -> None:
    for name in ("pair", "slot", "src", "tgt", "met", "known"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name
    assert (a.n_slots, a.n_src) == (b.n_slots, b.n_src)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(st.integers(0, 30), max_size=12),
                          st.lists(st.integers(0, 25), max_size=12)), min_size=1, max_size=40),
       st.integers(1, 3), st.integers(1, 3),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 25)), max_size=20),
       st.integers(0, 5), st.floats(0.0, 3.0), st.sampled_from([1 << 20, 64, 7, 1]))
def test_triples_and_rounds_are_the_references(
    beads: list[tuple[list[int], list[int]]], min_count: int, support: int,
    known_cells: list[tuple[int, int]], iterations: int, prior: float, table_cells: int,
) -> None:
    # small tables make `_cells_of` work block by block, as on a pair of 100 MB
    model_one._TABLE_CELLS, kept = table_cells, model_one._TABLE_CELLS
    try:
        xa = presence([s for s, _ in beads], 31)
        xe = presence([e for _, e in beads], 26)
        rows, cols = zip(*known_cells, strict=True) if known_cells else ((), ())
        known = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(31, 26))
        fast, slow = (triples(xa, xe, min_count, known, support),
                      reference.triples(xa, xe, min_count, known, support))
    finally:
        model_one._TABLE_CELLS = kept
    _same_triples(fast, slow)
    weights = prior * fast.known
    assert np.array_equal(train(fast, weights, iterations, 0.2),
                          reference.train(slow, weights, iterations, 0.2))


def test_the_triples_of_a_real_pair_are_the_references() -> None:
    from reader.core.align import aligner
    from reader.core.align.prepared import PreparedPair
    from reader.core.text.document import load_text
    from reader.resources import CORPUS

    pair = PreparedPair.of_texts(load_text(CORPUS / "iraq-assad-lesson.ar.txt"),
                                 load_text(CORPUS / "iraq-assad-lesson.en.txt"))
    beads = aligner._align_sides(pair, None, None, 0)
    ready = pair.vectors()
    params = replace(DEFAULT_PARAMS, learn_min_count=1)  # a short pair: every word counts
    match = [b for b in beads if b.src and b.tgt]
    xa, xe = bead_words(SpaceWords.of(ready.space), [(b.src, b.tgt) for b in match])
    lex = ready.base_translation[:, : ready.space.n_tgt_words]
    for support in (1, 2):
        fast, slow = (triples(xa, xe, 1, lex, support),
                      reference.triples(xa, xe, 1, lex, support))
        _same_triples(fast, slow)
        assert len(fast.pair) > 300
        prior = params.model_one_prior * fast.known
        assert np.array_equal(train(fast, prior, 5, 0.2), reference.train(slow, prior, 5, 0.2))


def test_no_triples_at_all_train_as_the_reference() -> None:
    # every word in one bead only: at min_count 2 nothing is left (bincount of nothing counts
    # in integers, which the in-place rounds must not trip on)
    xa, xe = presence([[0], [1]], 2), presence([[0], [1]], 2)
    known = sp.csr_matrix((2, 2))
    fast, slow = triples(xa, xe, 2, known), reference.triples(xa, xe, 2, known)
    _same_triples(fast, slow)
    assert len(fast.pair) == 0
    for rounds in (0, 3):
        t = train(fast, 1.0 * fast.known, rounds, 0.2)
        assert t.dtype == np.float64 and np.array_equal(t, reference.train(slow, 1.0 * slow.known,
                                                                           rounds, 0.2))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 9)), max_size=60),
       st.lists(st.tuples(st.integers(0, 12), st.integers(0, 9), st.sampled_from([0.0, 1.0, -1.0,
                                                                              0.5])),
                max_size=40),
       st.booleans())
def test_the_known_cells_are_the_references(
    co_cells: list[tuple[int, int]], known_cells: list[tuple[int, int, float]], canonical: bool,
) -> None:
    rows, cols = zip(*sorted(set(co_cells)), strict=True) if co_cells else ((), ())
    co = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(13, 10))
    r, c, v = zip(*known_cells, strict=True) if known_cells else ((), (), ())
    # explicit zeros and duplicates (cancelling each other: +1 and -1) as a sum may leave
    known = sp.csr_matrix((np.array(v, dtype=np.float64), (np.array(r, dtype=np.int64),
                                                           np.array(c, dtype=np.int64))),
                          shape=(13, 10))
    if canonical:
        known.sum_duplicates()
    else:  # the constructor sums duplicates: lay them out again, unsorted
        known = sp.csr_matrix((np.array(v[::-1], dtype=np.float64),
                               np.array(c[::-1], dtype=np.int32),
                               np.r_[0, np.cumsum(np.bincount(np.array(r[::-1], dtype=np.int64),
                                                              minlength=13))]), shape=(13, 10))
        order = np.argsort(np.array(r[::-1], dtype=np.int64), kind="stable")
        known.data, known.indices = known.data[order], known.indices[order]
    assert np.array_equal(model_one._known_at(co, known), reference._known_at(co, known))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=40),
       st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=240, max_size=240))
def test_runs_add_in_the_order_bincount_adds(lengths: list[int], values: list[float]) -> None:
    runs = model_one._Runs(np.array(lengths, dtype=np.int64))
    cells = values[: sum(lengths)]
    x = np.array(cells, dtype=np.float64)
    of_cell = np.repeat(np.arange(len(lengths)), lengths)
    assert np.array_equal(runs.sums(x), np.bincount(of_cell, x, minlength=len(lengths)))
    assert np.array_equal(runs.spread(np.arange(len(lengths), dtype=np.float64)), of_cell)
