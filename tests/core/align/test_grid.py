"""The band as the sweeps walk it: target positions, 0:1 running sums, cells outside the text."""

from __future__ import annotations

import numpy as np

from reader.core.align.band import band_centres
from reader.core.align.grid import Grid, Moves, inside_bounds, outside_to_neg
from reader.core.align.params import NEG


def test_the_grid_sums_the_zero_one_steps_inside_the_text() -> None:
    centre = band_centres(3, 3, None)
    null_t = np.array([-1.0, -2.0, -4.0])
    grid = Grid.of(centre, 1, 3, null_t)
    assert grid.j[1].tolist() == [0, 1, 2]
    # row 1: stepping to j = 1 costs null_t[0], to j = 2 null_t[1]; the first cell is free
    assert grid.cum[1].tolist() == [0.0, -1.0, -3.0]
    assert grid.inside[0].tolist() == [False, True, True]


def test_cells_outside_the_text_become_neg() -> None:
    centre = band_centres(2, 2, None)
    first_in, first_out = inside_bounds(centre, 2, 2)
    row = np.zeros(5)
    outside_to_neg(row, first_in[0], first_out[0])  # row 0: j = -2 .. 2
    assert row.tolist() == [NEG, NEG, 0.0, 0.0, 0.0]


def test_moves_link_a_bead_to_the_row_it_starts_on() -> None:
    centre = band_centres(4, 4, None)
    moves = Moves.of(centre, 2, [(1, 1), (1, 0)], 1, forward=True)
    # on the diagonal a 1:1 bead starts one row up at the same offset, a 1:0 one cell right
    assert moves.shift[2].tolist() == [0, 1]
    assert moves.table(4, 1).shape == (6, 1, 5 + 2 * moves.pad)
