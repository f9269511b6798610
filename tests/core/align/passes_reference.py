"""What the passes computed before they shared work (norms of runs, a pass's dot band, bead
lengths): the reference the faster code (reader.core.align.model, .memo, .band) must match
bit for bit."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead


def self_dots(vec: sp.csr_matrix, longest: int) -> dict[int, np.ndarray]:
    """SelfDots.of as it was: the lags from sliced copies of the rows."""
    n = vec.shape[0]
    pad = longest
    lag = [np.asarray(vec.multiply(vec).sum(axis=1)).ravel()]
    for d in range(1, longest):
        dots = np.zeros(n)
        if n > d:
            dots[:-d] = np.asarray(vec[:-d].multiply(vec[d:]).sum(axis=1)).ravel()
        lag.append(dots)
    run: dict[int, np.ndarray] = {}
    total = np.zeros(n + pad)
    for k in range(1, longest + 1):
        grown = np.zeros(n + pad)
        if n >= k:
            last = np.arange(k - 1, n)
            grown[: n - k + 1] = lag[0][last] + 2 * sum(
                (lag[d][last - d] for d in range(1, k)), np.zeros(n - k + 1)
            )
        total = total + grown if k > 1 else grown
        if n >= k:
            total[n - k + 1 :] = 0.0
        run[k] = total.copy()
    return run


def bead_lengths(src_len: np.ndarray, tgt_len: np.ndarray, beads: Sequence[Bead]) -> tuple[
        np.ndarray, np.ndarray]:
    """estimate_model's lengths of the matched beads, as it summed them."""
    ls = np.array([src_len[list(b.src)].sum() for b in beads if b.src and b.tgt], dtype=float)
    lt = np.array([tgt_len[list(b.tgt)].sum() for b in beads if b.src and b.tgt], dtype=float)
    return ls, lt
