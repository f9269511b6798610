"""The joint sweep's plain steps, found at once, are those its per-row tests find."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.grid import Grid, inside_bounds
from reader.core.align.joint import _Links, _Sweep
from reader.core.align.params import MATCH_TYPES, UNIT_TYPES


@st.composite
def _sweeps(draw: st.DrawFn) -> _Sweep:
    n, m = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    half = draw(st.integers(0, 12))
    centre = np.array(sorted(draw(st.lists(st.integers(-3, m + 3), min_size=n + 1,
                                           max_size=n + 1))), dtype=np.int64)
    types = [*draw(st.sampled_from([[(1, 1)], MATCH_TYPES, UNIT_TYPES])), (1, 0)]
    width = 2 * half + 1
    links = _Links.of(centre, half, types)
    table = np.zeros((n + 2, 3, width + 2 * links.pad))
    keys = st.integers(-3, n + 3)
    pinned = {i: (0, 0) for i in draw(st.lists(keys, max_size=5))}
    first_in, first_out = inside_bounds(centre, half, m)
    grid = Grid.of(centre, half, m, np.zeros(m, np.float32))
    return _Sweep(n, m, width, table, links.pad, grid, pinned, first_in, first_out, types,
                  links)


@settings(max_examples=300, deadline=None)
@given(_sweeps())
def test_plain_rows_are_the_rows_tested_one_by_one(sweep: _Sweep) -> None:
    n = sweep.n
    want = [sweep.plain_forward(i) and sweep.plain_backward(n - i) for i in range(n + 1)]
    assert sweep.plain_rows() == want
