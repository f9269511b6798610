"""The backward sweep: the posteriors of a path the scores make certain."""

from __future__ import annotations

from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.posterior import backward
from tests.core.align.dp_helpers import diagonal_forward, diagonal_scores, problem


def test_a_certain_path_has_beads_near_probability_one() -> None:
    n, half = 400, 8
    centre, scores = diagonal_scores(n, half, 1.0)
    forward = diagonal_forward(n, half, 1.0)
    sweeps = backward(problem(n, n), centre, half, scores, DEFAULT_PARAMS, forward)
    conf = sweeps.bead_posteriors()
    assert all(0.99 <= c <= 1.0 for c in conf)
    # every point of the path is visited, and a point far off it is not
    assert all(sweeps.visit(i, j) > 0.99 for _, i, j in forward.path)
    assert sweeps.visit(200, 205) < 0.01
