"""The band: centres along a path, widths that hold it, dot products inside it."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

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
