"""The forward and backward sweeps in one loop give, bit for bit, what the row-by-row reference
gives: the same random bands as test_sweeps_exact (ties, -inf and NEG cells, pins, far moves,
bands past the text's edges)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from reader.core.align.band import band_centres
from reader.core.align.dp import pin_points
from reader.core.align.joint import sweep_both
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, NEG, UNIT_TYPES, AlignerParams
from tests.core.align import sweeps_reference as reference
from tests.core.align.test_sweeps_exact import NULLS, _outcome, _problem, _same, sweep_cases


def _check(pb: Problem, centre: np.ndarray, half: int, scores: dict[tuple[int, int], np.ndarray],
           params: AlignerParams, pins: dict[int, tuple[int, int]] | None) -> None:
    want, want_error = _outcome(lambda: reference.run_dp(pb, centre, half, scores, params, pins,
                                                         True))
    ref = None
    if want is not None:
        ref, want_error = _outcome(lambda: reference.backward(pb, centre, half, scores, params,
                                                              want, pins))
    got, got_error = _outcome(lambda: sweep_both(pb, centre, half, scores, params, None, pins))
    assert got_error == want_error
    if ref is None:
        return
    forward, sweeps = got
    assert forward.path == want.path
    assert _same(forward.F, want.F)
    assert forward.transit.keys() == want.transit.keys()
    assert all(_same(forward.transit[i], want.transit[i]) for i in want.transit)
    B, transit, z = ref
    assert _same(sweeps.B, B)
    assert sweeps.transit.keys() == transit.keys()
    assert all(_same(sweeps.transit[i], transit[i]) for i in transit)
    assert sweeps.z == z or (np.isnan(z) and np.isnan(sweeps.z))
    assert sweeps.bead_posteriors() == reference.bead_posteriors(
        pb, centre, half, scores, params, want, B, transit, z)
    points = [(i, j) for _, i, j in want.path] + [(pb.n, 0), (0, pb.m), (pb.n // 2, pb.m)]
    assert sweeps.visits(points) == [
        reference.visit(centre, half, want, B, transit, z, i, j) for i, j in points]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sweep_cases())
def test_the_joint_sweep_matches_the_reference(case: Any) -> None:
    _check(*case)


@pytest.mark.parametrize("seed", range(4))
def test_many_blocks_of_rows_match_the_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = 1300, 1100 + 200 * seed
    half = [3, 9, 20, 40][seed]
    types = [MATCH_TYPES, UNIT_TYPES, [(1, 1)], UNIT_TYPES][seed]
    centre = band_centres(n, m, None)
    if seed >= 2:  # a path with jumps: far moves and rows leaving the text
        centre = np.maximum.accumulate(centre + rng.integers(-30, 30, n + 1)).clip(0, m)
        centre[0], centre[n] = 0, m
    width = 2 * half + 1
    choice = np.array([0.0, 1.0, -1.0, -2.5, 0.5, float(NEG), -np.inf], dtype=np.float32)
    scores = {t: rng.choice(choice, size=(n + 1, width)) for t in types}
    # real-valued scores too, so that the log-sums round
    scores[(1, 1)] = rng.normal(0, 3, size=(n + 1, width)).astype(np.float32)
    src_null = rng.choice(np.array(NULLS, dtype=np.float32), size=n)
    tgt_null = rng.choice(np.array(NULLS, dtype=np.float32), size=m)
    pins = pin_points([(int(i), int(centre[i])) for i in rng.integers(0, n, 5)])
    _check(_problem(n, m, src_null, tgt_null), centre, half, scores, DEFAULT_PARAMS,
           pins if seed % 2 else None)
