"""The work the passes share (runs' norms from views of the rows, one pass's dot band read by
the next, bead lengths summed at once) gives bit for bit what each pass computed alone."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from reader.core.align.band import band_centres, dot_band, dot_window
from reader.core.align.beads import Bead
from reader.core.align.dp import _BlockScores, row_scores
from reader.core.align.memo import BandMemo
from reader.core.align.model import Problem, SelfDots, _run_lengths
from reader.core.align.space import build_space, pieces_space
from reader.core.align.unit_pieces import balanced_pieces
from reader.core.align.unit_space import unit_space
from reader.core.align.units import (
    _matched_ratio,
    null_corners,
    side_units,
    unit_path,
)
from tests.core.align import passes_reference as reference
from tests.core.align.test_fast_paths import assert_same_space
from tests.paths import DATA

# weights as the vector space makes them, and values whose products underflow to zero
WEIGHTS = [0.0, 0.0, 0.0, 1.0, 0.5, 2.25, 0.1, 0.3333, 7.0, 1e-30, 3e-39]


@st.composite
def matrices(draw: st.DrawFn, rows: int | None = None) -> sp.csr_matrix:
    n = draw(st.integers(0, 30)) if rows is None else rows
    words = draw(st.integers(1, 12))
    dense = draw(arrays(np.float32, (n, words), elements=st.sampled_from(WEIGHTS)))
    matrix = sp.csr_matrix(dense)
    order = draw(st.sampled_from(["sorted", "reversed", "shuffled", "some"]))
    if order != "sorted":
        # a product's rows keep their columns out of order (scipy merges those otherwise)
        rng = np.random.default_rng(draw(st.integers(0, 1000)))
        data, indices = matrix.data.copy(), matrix.indices.copy()
        for r in range(n):
            if order == "some" and rng.random() < 0.7:
                continue
            row = slice(matrix.indptr[r], matrix.indptr[r + 1])
            perm = np.arange(row.stop - row.start)
            perm = perm[::-1] if order == "reversed" else rng.permutation(perm)
            data[row], indices[row] = data[row][perm], indices[row][perm]
        matrix = sp.csr_matrix((data, indices, matrix.indptr), shape=matrix.shape)
    return matrix


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(), st.integers(1, 4))
def test_runs_norms_match_the_reference(vec: sp.csr_matrix, longest: int) -> None:
    got = SelfDots.of(vec, longest).run
    want = reference.self_dots(vec, longest)
    assert got.keys() == want.keys()
    for k in want:
        assert got[k].dtype == want[k].dtype and got[k].tobytes() == want[k].tobytes(), k


def test_runs_norms_of_a_large_unsorted_matrix_match_the_reference() -> None:
    rng = np.random.default_rng(3)
    dense = np.where(rng.random((700, 300)) < 0.08, rng.random((700, 300)), 0.0)
    vec = sp.csr_matrix(dense.astype(np.float32))
    # unsorted rows, as a sparse product leaves them
    vec = (vec @ sp.csr_matrix(np.eye(300, dtype=np.float32)[rng.permutation(300)])).tocsr()
    for k, values in reference.self_dots(vec, 4).items():
        assert SelfDots.of(vec, 4).run[k].tobytes() == values.tobytes()


@st.composite
def two_bands(draw: st.DrawFn) -> tuple[Any, ...]:
    n = draw(st.integers(1, 25))
    m = draw(st.integers(1, 25))
    src, tgt = draw(matrices(rows=n)), draw(matrices(rows=m))
    words = max(src.shape[1], tgt.shape[1])
    src = sp.csr_matrix((src.data, src.indices, src.indptr), shape=(n, words))
    tgt = sp.csr_matrix((tgt.data, tgt.indices, tgt.indptr), shape=(m, words))

    def centres() -> np.ndarray:
        if draw(st.booleans()):
            return band_centres(n, m, None)
        return np.array(sorted(draw(st.lists(st.integers(0, m), min_size=n + 1,
                                             max_size=n + 1))), dtype=np.int64)

    return src, tgt, centres(), draw(st.integers(0, m + 4)), centres(), draw(
        st.integers(0, m + 4))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(two_bands())
def test_a_band_read_from_a_wider_one_is_the_band(case: Any) -> None:
    src, tgt, centre, half, new_centre, new_half = case
    wide = dot_band(src, tgt, centre, half)
    window = dot_window(wide, centre, half, new_centre, new_half)
    want = dot_band(src, tgt, new_centre, new_half)
    start = (new_centre - new_half - (centre - half))[: src.shape[0]]
    holds = bool(start.min() >= 0 and start.max() + 2 * new_half + 1 <= 2 * half + 1)
    assert (window is not None) == holds
    if window is not None:
        assert window.dtype == want.dtype and window.tobytes() == want.tobytes()


def test_the_memo_reads_the_second_band_from_the_first_and_computes_a_third() -> None:
    rng = np.random.default_rng(5)
    n, m = 300, 280
    dense = lambda rows: np.where(rng.random((rows, 40)) < 0.1,  # noqa: E731
                                  rng.random((rows, 40)), 0.0).astype(np.float32)
    pb = Problem(n, m, sp.csr_matrix(dense(n)), sp.csr_matrix(dense(m)),
                 np.ones(n, np.float32), np.ones(m, np.float32),
                 np.zeros(n, np.float32), np.zeros(m, np.float32))
    memo = BandMemo(pb)
    wide = band_centres(n, m, None)
    assert memo.dots(wide, 60).tobytes() == dot_band(pb.src_vec, pb.tgt_vec, wide, 60).tobytes()
    near = np.clip(wide + 5, 0, m)
    near[0], near[n] = 0, m
    first = memo.band
    assert memo.dots(near, 12).tobytes() == dot_band(pb.src_vec, pb.tgt_vec, near,
                                                      12).tobytes()
    assert memo.band is first  # read from the wide band
    far = np.clip(wide + 100, 0, m)
    assert memo.dots(far, 12).tobytes() == dot_band(pb.src_vec, pb.tgt_vec, far, 12).tobytes()
    # the norms of runs: one table for every longest up to the programme's
    assert memo.self_dots(0, 1) is memo.self_dots(0, 3)
    assert 4 in memo.self_dots(1, 4).run and memo.self_dots(1, 2) is memo.self_dots(1, 4)
    for k, values in reference.self_dots(pb.src_vec, 3).items():
        assert memo.self_dots(0, 1).run[k][:n].tobytes() == values[:n].tobytes()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([1.0, 3.0, 250.0, 7.5, 0.1, 1e7, 2.0**23]), min_size=1,
                max_size=12),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=12))
def test_bead_lengths_match_the_reference(lengths: list[float], sizes: list[tuple[int, int]]
                                          ) -> None:
    src_len = np.array(lengths, dtype=np.float32)
    tgt_len = src_len[::-1].copy()
    n = len(lengths)
    beads = []
    i = j = 0
    for ks, kt in sizes:
        ks, kt = min(ks, n - i), min(kt, n - j)
        beads.append(Bead(tuple(range(i, i + ks)), tuple(range(j, j + kt))))
        i, j = i + ks, j + kt
    want_s, want_t = reference.bead_lengths(src_len, tgt_len, beads)
    matched = [b for b in beads if b.src and b.tgt]
    got_s = _run_lengths(src_len, [b.src for b in matched])
    got_t = _run_lengths(tgt_len, [b.tgt for b in matched])
    assert got_s.dtype == want_s.dtype and got_s.tobytes() == want_s.tobytes()
    assert got_t.tobytes() == want_t.tobytes()


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 30), st.integers(1, 9), st.sampled_from([np.float32, np.float64]),
       st.sampled_from([[-3.0, 0.5], [-3.0, 0.1]]), st.integers(1, 40))
def test_block_scores_are_the_rows_of_the_whole_table(n: int, width: int, dtype: type,
                                                      nulls: list[float], rows: int) -> None:
    rng = np.random.default_rng(n * 31 + width)
    scores = {t: rng.normal(0, 3, (n + 1, width)).astype(dtype) for t in [(1, 1), (2, 1)]}
    null = rng.choice(np.array(nulls), size=n)  # 0.1 is no float32 value: a float64 table
    want = row_scores(scores, [(1, 1), (2, 1)], null, -1, n, width).astype(np.float64)
    block = _BlockScores(scores, [(1, 1), (2, 1)], null, n, width)
    got = np.concatenate([block.rows(r0, min(n + 1, r0 + rows)) for r0 in range(0, n + 1, rows)])
    assert got.tobytes() == want.tobytes()


def _tuples(points: np.ndarray) -> list[tuple[int, int]]:
    assert points.dtype == np.int64 and points.shape[1:] == (2,)
    return [(int(i), int(j)) for i, j in points.tolist()]


def _pieces_case(name: str) -> tuple[Any, list[Bead]]:
    from reader.core.align.aligner import _align_sides
    from reader.core.align.prepared import PreparedPair
    from reader.core.text.document import load_text

    ar, en = name.split("+") if "+" in name else (name, name)
    src, tgt = load_text(DATA / "real" / f"{ar}.ar.txt"), load_text(DATA / "real" / f"{en}.en.txt")
    pair = PreparedPair.of_texts(src, tgt)
    pair.params = replace(pair.params, unit_pass=False)
    return pair, _align_sides(pair, None, None, logging.DEBUG)


@pytest.mark.parametrize("name", ["udhr", "react-devtools-stale"])
@pytest.mark.parametrize("band", [0, 3, 8])
def test_the_sentence_units_are_the_reference(name: str, band: int) -> None:
    pair, beads = _pieces_case(name)
    got = balanced_pieces(pair.src, pair.tgt, beads, band)
    want = reference.balanced_pieces(pair.src, pair.tgt, beads, band)
    assert got == want
    space = build_space(pair.src, pair.tgt)
    units = []
    for side, pieces in ((pair.src, got[0]), (pair.tgt, got[1])):
        a, b = side_units(side, pieces, -1.5), reference.side_units(side, pieces, -1.5)
        units.append((a, b))
        lengths = np.array([max(1, f.length) for f in b.features], dtype=np.float32)
        assert a.spans.length.tobytes() == lengths.tobytes()
        for x, y in ((a.paragraph, b.paragraph), (a.first, b.first), (a.null_score, b.null_score),
                     (a.posts, b.posts)):
            assert x.dtype == y.dtype and x.tobytes() == y.tobytes()
    (src, ref_src), (tgt, ref_tgt) = units
    assert_same_space(
        unit_space(space, pair.src.features, src.spans, pair.tgt.features, tgt.spans),
        pieces_space(space, ref_src.features, ref_tgt.features))
    assert _tuples(unit_path(beads, src, tgt)) == reference.unit_path(beads, src, tgt)
    for threshold in (0.0, 0.9, 1.0):
        assert null_corners(beads, src, tgt, threshold) == reference.null_corners(
            beads, src, tgt, threshold)
    assert _matched_ratio(beads, src, tgt) == reference._matched_ratio(beads, src, tgt)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=15),
       st.lists(st.integers(0, 7), min_size=60, max_size=60), st.integers(0, 1000))
def test_the_unit_path_is_the_reference(sizes: list[tuple[int, int]], units: list[int],
                                        seed: int) -> None:
    # paragraphs of 0-7 units each, beads of 0-3 paragraphs a side (null beads too)
    beads, i, j = [], 0, 0
    for ks, kt in sizes:
        beads.append(Bead(tuple(range(i, i + ks)), tuple(range(j, j + kt))))
        i, j = i + ks, j + kt
    rng = np.random.default_rng(seed)
    firsts = [np.r_[0, np.cumsum(rng.permutation(units)[:count])].astype(np.int64)
              for count in (i, j)]
    src, tgt = (replace(_NO_UNITS, first=f) for f in firsts)
    assert _tuples(unit_path(beads, src, tgt)) == reference.unit_path(beads, src, tgt)


_NO_UNITS = reference.Units([], np.zeros(0, np.int64), np.zeros(1, np.int64),
                            np.zeros(0, np.float32), np.zeros(0, bool))
