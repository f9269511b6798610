"""The banded programme on scores made by hand: paths stay valid whatever the magnitudes."""

from __future__ import annotations

import pytest

from reader.core.align.dp import pin_points
from tests.core.align.dp_helpers import diagonal_forward


@pytest.mark.parametrize("scale", [1.0, 1e3, 1e7])
def test_path_is_the_diagonal_when_one_to_one_beads_score_best(scale: float) -> None:
    # totals in the millions once broke the choice between a 0:1 step and the cell's own
    # best (float32 rounding); the path must stay inside the band and valid at any scale
    forward = diagonal_forward(400, 8, scale)
    assert [step[0] for step in forward.path] == [(1, 1)] * 400


def test_pins_gather_the_points_of_a_row() -> None:
    assert pin_points([(3, 5), (3, 2), (7, 7)]) == {3: (2, 5), 7: (7, 7)}
