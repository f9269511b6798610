"""A pair's best match nearby is the same bits whichever other pairs are asked with it, so
`leave_out_unexplained` asks it of the loose pairs alone."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from reader.core.align.unexplained import NEAR, _best_near


@st.composite
def _case(draw: st.DrawFn) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray, np.ndarray,
                                    np.ndarray]:
    n, m, words = draw(st.integers(1, 25)), draw(st.integers(1, 25)), draw(st.integers(1, 9))
    values = st.sampled_from([0.0, 0.0, 0.0, 1.0, 0.5, 2.25, 0.1, 3.7])
    src = sp.csr_matrix(draw(arrays(np.float32, (n, words), elements=values)))
    tgt = sp.csr_matrix(draw(arrays(np.float32, (m, words), elements=values)))
    k = draw(st.integers(1, 30))
    a = np.array(draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k)))
    b = np.array(draw(st.lists(st.integers(0, m - 1), min_size=k, max_size=k)))
    subset = np.array(draw(st.lists(st.booleans(), min_size=k, max_size=k)))
    return src, tgt, a, b, subset


@settings(max_examples=300, deadline=None)
@given(_case())
def test_best_near_of_a_subset_is_the_subset_of_best_near(case: tuple) -> None:
    src, tgt, a, b, subset = case
    at = np.flatnonzero(subset)
    for rows, cols, x, y in ((src, tgt, a, b), (tgt, src, b, a)):
        whole = _best_near(rows, cols, x, y)
        assert _best_near(rows, cols, x[at], y[at]).tobytes() == whole[at].tobytes()


def test_pairs_near_both_ends_with_some_asked_alone() -> None:
    rng = np.random.default_rng(3)
    dense = np.where(rng.random((40, 12)) < 0.3, rng.random((40, 12)), 0.0)
    src = sp.csr_matrix(dense.astype(np.float32))
    tgt = sp.csr_matrix(dense[::-1].astype(np.float32))
    a = np.array([0, 1, NEAR, 20, 38, 39])
    b = np.array([39, 0, 2, 20, 1, 39])
    whole = _best_near(src, tgt, a, b)
    for at in ([0], [5], [2, 3], [0, 5]):
        assert _best_near(src, tgt, a[at], b[at]).tobytes() == whole[at].tobytes()
