"""The band: centres along a path, widths that hold it, dot products inside it."""

from __future__ import annotations

import itertools

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.band import (
    band_centres,
    band_half,
    diagonal_half,
    dot_band,
    half_cap,
    path_row_span,
)
from reader.core.align.params import DEFAULT_PARAMS


def test_centres_without_a_path_follow_the_diagonal() -> None:
    centre = band_centres(10, 20, None)
    assert centre[0] == 0 and centre[-1] == 20
    assert np.all(np.diff(centre) == 2)


def test_rows_inside_a_many_to_one_bead_take_the_row_before() -> None:
    # a 2:1 bead from (1, 1) to (3, 2): row 2 is not on the path
    path = [(0, 0), (1, 1), (3, 2), (4, 4)]
    assert band_centres(4, 4, path).tolist() == [0, 1, 1, 2, 4]


def test_the_half_width_holds_every_row_of_the_path() -> None:
    # row 1 is visited at targets 1..5 (four 0:1 beads along it)
    path = [(0, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 6)]
    assert path_row_span(path, 2) == 4
    centre = band_centres(2, 6, path)
    half = band_half(path, 2, centre, minimum=1, longest=3)
    for i, j in path:
        assert abs(j - centre[i]) <= half


def test_the_first_band_is_wide_enough_for_the_difference_in_length() -> None:
    assert diagonal_half(100, 160, DEFAULT_PARAMS) >= 60 + 8
    assert half_cap(10, DEFAULT_PARAMS) >= diagonal_half(10, 12, DEFAULT_PARAMS)


def test_dot_band_holds_the_products_inside_the_texts() -> None:
    rng = np.random.default_rng(1)
    src = sp.csr_matrix(rng.random((7, 5)).astype(np.float32))
    tgt = sp.csr_matrix(rng.random((9, 5)).astype(np.float32))
    centre = band_centres(7, 9, None)
    half = 3
    dots = dot_band(src, tgt, centre, half)
    full = (src @ tgt.T).toarray()
    for a in range(7):
        for q in range(2 * half + 1):
            b = int(centre[a]) - half + q
            expected = full[a, b] if 0 <= b < 9 else 0.0
            assert np.isclose(dots[a, q], expected, rtol=1e-5)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 25), st.integers(0, 25), st.data())
def test_the_band_of_a_path_is_what_a_point_by_point_walk_gives(n: int, m: int,
                                                                data: st.DataObject) -> None:
    path = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, m)), max_size=40))
    lo = [m] * (n + 1)
    hi = [-1] * (n + 1)
    for i, j in path:
        lo[i], hi[i] = min(lo[i], j), max(hi[i], j)
    centre = [(a + b) // 2 if b >= 0 else -1 for a, b in zip(lo, hi, strict=True)]
    centre[0], centre[n] = 0, m
    centre = np.maximum.accumulate(centre).tolist()
    assert band_centres(n, m, path).tolist() == centre
    spans = [b - a for a, b in zip(lo, hi, strict=True) if b >= 0]
    assert path_row_span(path, n) == max(spans, default=0)
    jump = max((b - a for a, b in itertools.pairwise(centre)), default=0)
    ends = max((abs(j - centre[i]) for i, j in path if i in (0, n)), default=0)
    for minimum, longest in ((0, 1), (6, 3)):
        assert band_half(path, n, np.array(centre), minimum, longest) == max(
            minimum, max(spans, default=0) // 2 + 2, -(-(jump - longest) // 2), ends)
