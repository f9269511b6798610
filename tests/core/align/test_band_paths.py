"""A path given to the band as an array of points (what units.unit_path makes) gives the
band that the same path as a list of (i, j) tuples does."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.band import band_centres, band_half, path_row_span


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4)), min_size=1, max_size=40),
       st.integers(0, 12), st.integers(1, 4))
def test_a_path_as_an_array_is_the_path_as_tuples(steps: list[tuple[int, int]], minimum: int,
                                                  longest: int) -> None:
    path = [(0, 0)]
    for di, dj in steps:
        path.append((path[-1][0] + di, path[-1][1] + dj))
    n, m = path[-1]
    points = np.array(path, dtype=np.int64)
    for given_path in (points, points[:, ::-1][:, ::-1]):  # a view's strides too
        want = band_centres(n, m, path)
        got = band_centres(n, m, given_path)
        assert got.dtype == want.dtype and np.array_equal(got, want)
        assert band_half(given_path, n, want, minimum, longest) == band_half(
            path, n, want, minimum, longest)
        assert path_row_span(given_path, n) == path_row_span(path, n)
