"""Problems and band scores made by hand, for the programme's tests."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import band_centres
from reader.core.align.dp import Forward, run_dp
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES


def problem(n: int, m: int) -> Problem:
    empty = sp.csr_matrix((max(n, 1), 1), dtype=np.float32)
    return Problem(n, m, empty, empty, np.ones(n, np.float32), np.ones(m, np.float32),
                   np.zeros(n, np.float32), np.zeros(m, np.float32))


def diagonal_scores(
    n: int, half: int, scale: float
) -> tuple[np.ndarray, dict[tuple[int, int], np.ndarray]]:
    """Scores over a band around the diagonal where only 1:1 beads on it score well."""
    centre = band_centres(n, n, None)
    width = 2 * half + 1
    scores = {t: np.full((n + 1, width), -5.0 * scale, dtype=np.float32) for t in MATCH_TYPES}
    # a 1:1 bead scores well only on the diagonal: cell (i, o) is target position j = i there
    j = centre[:, None] + np.arange(width)[None, :] - half
    scores[(1, 1)][j == np.arange(n + 1)[:, None]] = scale
    return centre, scores


def diagonal_forward(n: int, half: int, scale: float) -> Forward:
    centre, scores = diagonal_scores(n, half, scale)
    return run_dp(problem(n, n), centre, half, scores, DEFAULT_PARAMS, None, sums=True)
