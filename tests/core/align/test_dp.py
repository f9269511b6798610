"""The banded programme on scores made by hand: paths stay valid whatever the magnitudes."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from reader.core.align.dp import Problem, backward, band_centres, run_dp
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES


def _problem(n: int, m: int) -> Problem:
    empty = sp.csr_matrix((max(n, 1), 1), dtype=np.float32)
    return Problem(n, m, empty, empty, np.ones(n, np.float32), np.ones(m, np.float32),
                   np.zeros(n, np.float32), np.zeros(m, np.float32))


@pytest.mark.parametrize("scale", [1.0, 1e3, 1e7])
def test_path_is_the_diagonal_when_one_to_one_beads_score_best(scale: float) -> None:
    # totals in the millions once broke the choice between a 0:1 step and the cell's own
    # best (float32 rounding); the path must stay inside the band and valid at any scale
    n = m = 400
    half = 8
    centre = band_centres(n, m, None)
    width = 2 * half + 1
    scores = {t: np.full((n + 1, width), -5.0 * scale, dtype=np.float32) for t in MATCH_TYPES}
    # a 1:1 bead scores well only on the diagonal: cell (i, o) is target position j = i there
    j = centre[:, None] + np.arange(width)[None, :] - half
    scores[(1, 1)][j == np.arange(n + 1)[:, None]] = scale
    forward = run_dp(_problem(n, m), centre, half, scores, DEFAULT_PARAMS, None, sums=True)
    assert [step[0] for step in forward.path] == [(1, 1)] * n
    if scale == 1.0:
        sweeps = backward(_problem(n, m), centre, half, scores, DEFAULT_PARAMS, forward)
        conf = sweeps.bead_posteriors()
        assert all(0.99 <= c <= 1.0 for c in conf)
