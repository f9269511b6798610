"""The scoring model: runs' norms, the tabulated length term, the model fitted to a pair."""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp
from scipy.special import log_ndtr

from reader.core.align.beads import Bead
from reader.core.align.model import (
    Model,
    Problem,
    SelfDots,
    chance_cosine,
    estimate_model,
    length_logprob,
    match_cosine,
)
from reader.core.align.params import DEFAULT_PARAMS


def test_runs_norms_are_those_of_the_summed_vectors() -> None:
    rng = np.random.default_rng(2)
    vec = sp.csr_matrix(rng.random((6, 4)))
    selves = SelfDots.of(vec, 3)
    dense = vec.toarray()
    for k in (1, 2, 3):
        for a in range(6 - k + 1):
            run = dense[a : a + k].sum(axis=0)
            assert math.isclose(selves.run[k][a], float(run @ run), rel_tol=1e-9)


def test_the_tabulated_length_term_matches_the_formula() -> None:
    params = DEFAULT_PARAMS
    model = Model(ratio=1.3, variance=7.0, chance=0.0, threshold=0.1)
    ls = np.array([10, 100, 200, 300, 50, 1], dtype=np.float32)
    lt = np.array([13, 120, 600, 5, 9000, 1], dtype=np.float32)  # the last two beyond the table
    mean = (ls + lt / model.ratio) / 2.0
    delta = np.abs(lt - ls * model.ratio) / np.sqrt(model.variance * np.maximum(mean, 1.0))
    out, scale = params.length_outliers, params.length_outlier_scale
    narrow = math.log(1 - out) + log_ndtr(-delta.astype(np.float64))
    wide = math.log(out) - math.log(scale) + log_ndtr(-delta.astype(np.float64) / scale)
    exact = math.log(2.0) + np.logaddexp(narrow, wide)
    got = length_logprob(ls, lt, model, params)
    assert np.allclose(got, exact, atol=1e-4)


def _problem(src_len: list[float], tgt_len: list[float]) -> Problem:
    n, m = len(src_len), len(tgt_len)
    empty = sp.csr_matrix((n, 1), dtype=np.float32)
    return Problem(n, m, empty, sp.csr_matrix((m, 1), dtype=np.float32),
                   np.array(src_len, np.float32), np.array(tgt_len, np.float32),
                   np.zeros(n, np.float32), np.zeros(m, np.float32))


def test_the_model_takes_the_ratio_of_the_beads_or_of_the_totals() -> None:
    src = [float(10 + 5 * i) for i in range(10)]
    pb = _problem(src, [2.0 * x for x in src])
    beads = [Bead((i,), (i,)) for i in range(10)]
    fitted = estimate_model(pb, beads, chance=0.1, match=0.5, params=DEFAULT_PARAMS)
    assert math.isclose(fitted.ratio, 2.0)
    assert 0.1 <= fitted.threshold <= 0.5
    # too few beads: the ratio of the totals, Gale and Church's variance
    totals = estimate_model(pb, beads[:3], chance=0.1, match=0.5, params=DEFAULT_PARAMS)
    assert math.isclose(totals.ratio, 2.0) and math.isclose(totals.variance, 6.8 * 2.0)


def test_chance_reads_the_band_edges_and_match_its_middle() -> None:
    cosines = np.full((5, 9), 0.05)
    cosines[:, 4] = 0.8
    cosines[0, 0] = np.nan
    assert math.isclose(chance_cosine(cosines), 0.05)
    assert math.isclose(match_cosine(cosines), 0.8)
