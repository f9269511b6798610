"""The block-wise sweeps give, bit for bit, what the row-by-row reference gives: random score
tables with ties, -inf and NEG cells, pinned rows, far moves and bands past the text's edges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from reader.core.align.band import band_centres
from reader.core.align.dp import Forward, first_max, pin_points, run_dp
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, NEG, UNIT_TYPES, AlignerParams
from reader.core.align.posterior import backward
from reader.core.errors import ReaderError
from tests.core.align import sweeps_reference as reference

# few distinct values, so that candidates tie; NEG and -inf as the band's impossible cells are
VALUES = [0.0, 1.0, -1.0, -2.5, 0.5, 3.0, -7.0, 1234567.0, float(NEG), -np.inf]
NULLS = [0.0, -1.0, -3.0, -0.5, -2.5]
UNIT_PARAMS = replace(DEFAULT_PARAMS,
                      log_prior={**DEFAULT_PARAMS.log_prior, (1, 0): 0.0, (0, 1): 0.0})


@st.composite
def sweep_cases(draw: st.DrawFn) -> tuple[Any, ...]:
    n = draw(st.integers(0, 40))
    m = draw(st.integers(1, 40))
    half = draw(st.integers(1, m + 4))
    if draw(st.booleans()):
        centre = band_centres(n, m, None)
    else:
        # any non-decreasing centres: jumps past the padded rows make far moves
        centre = np.array(sorted(draw(st.lists(st.integers(0, m), min_size=n + 1,
                                               max_size=n + 1))), dtype=np.int64)
    types = draw(st.sampled_from([[(1, 1)], MATCH_TYPES, UNIT_TYPES, [(1, 1), (2, 2), (1, 4)]]))
    width = 2 * half + 1
    scores = {t: draw(arrays(np.float32, (n + 1, width), elements=st.sampled_from(VALUES)))
              for t in types}
    src_null = draw(arrays(np.float32, (n,), elements=st.sampled_from(NULLS)))
    tgt_null = draw(arrays(np.float32, (m,), elements=st.sampled_from(NULLS)))
    points = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, m)), max_size=4))
    params = draw(st.sampled_from([DEFAULT_PARAMS, UNIT_PARAMS]))
    return (_problem(n, m, src_null, tgt_null), centre, half, scores, params,
            pin_points(points) or None)


def _problem(n: int, m: int, src_null: np.ndarray, tgt_null: np.ndarray) -> Problem:
    empty = np.zeros(0, np.float32)
    return Problem(n, m, None, None, empty, empty, src_null, tgt_null)


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _outcome(call: Callable[[], Any]) -> tuple[Any, type | None]:
    try:
        return call(), None
    except (ReaderError, AssertionError, RuntimeError) as e:
        return None, type(e)


def _check(pb: Problem, centre: np.ndarray, half: int, scores: dict[tuple[int, int], np.ndarray],
           params: AlignerParams, pins: dict[int, tuple[int, int]] | None, sums: bool) -> None:
    want, want_error = _outcome(lambda: reference.run_dp(pb, centre, half, scores, params, pins,
                                                         sums))
    got, got_error = _outcome(lambda: run_dp(pb, centre, half, scores, params, None, pins, sums))
    assert got_error == want_error
    if want is None:
        return
    assert got.path == want.path
    assert _same(got.F, want.F)
    assert got.transit.keys() == want.transit.keys()
    assert all(_same(got.transit[i], want.transit[i]) for i in want.transit)
    if not sums:
        return
    ref, ref_error = _outcome(lambda: reference.backward(pb, centre, half, scores, params,
                                                         want, pins))
    sweeps, error = _outcome(lambda: backward(pb, centre, half, scores, params,
                                              Forward(got.path, got.F, got.transit), pins))
    assert error == ref_error
    if ref is None:
        return
    B, transit, z = ref
    assert _same(sweeps.B, B)
    assert sweeps.transit.keys() == transit.keys()
    assert all(_same(sweeps.transit[i], transit[i]) for i in transit)
    assert sweeps.z == z or (np.isnan(z) and np.isnan(sweeps.z))
    # the posteriors, and the visits of the path's points and of points off it
    assert sweeps.bead_posteriors() == reference.bead_posteriors(
        pb, centre, half, scores, params, want, B, transit, z)
    points = [(i, j) for _, i, j in want.path] + [(pb.n, 0), (0, pb.m), (pb.n // 2, pb.m)]
    assert sweeps.visits(points) == [
        reference.visit(centre, half, want, B, transit, z, i, j) for i, j in points]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sweep_cases(), st.booleans())
def test_the_sweeps_match_the_reference(case: Any, sums: bool) -> None:
    pb, centre, half, scores, params, pins = case
    _check(pb, centre, half, scores, params, pins, sums)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("sums", [False, True])
def test_many_blocks_of_rows_match_the_reference(seed: int, sums: bool) -> None:
    # long enough that the sweeps cut the rows into several blocks
    rng = np.random.default_rng(seed)
    n, m = 1300, 1100 + 200 * seed
    half = [3, 9, 20, 40][seed]
    types = [MATCH_TYPES, UNIT_TYPES, [(1, 1)], MATCH_TYPES][seed]
    centre = band_centres(n, m, None)
    if seed == 3:  # a path with jumps: far moves and rows leaving the text
        centre = np.maximum.accumulate(centre + rng.integers(-30, 30, n + 1)).clip(0, m)
        centre[0], centre[n] = 0, m
    width = 2 * half + 1
    choice = np.array([0.0, 1.0, -1.0, -2.5, 0.5, float(NEG), -np.inf], dtype=np.float32)
    scores = {t: rng.choice(choice, size=(n + 1, width)) for t in types}
    src_null = rng.choice(np.array(NULLS, dtype=np.float32), size=n)
    tgt_null = rng.choice(np.array(NULLS, dtype=np.float32), size=m)
    pins = pin_points([(int(i), int(centre[i])) for i in rng.integers(0, n, 5)])
    _check(_problem(n, m, src_null, tgt_null), centre, half, scores, DEFAULT_PARAMS,
           pins if seed % 2 else None, sums)


@settings(max_examples=300, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 9), st.integers(1, 6)),
              elements=st.sampled_from([*VALUES, -0.0, np.inf, np.nan])), st.booleans())
def test_first_max_is_argmax_over_the_types(values: np.ndarray, top_given: bool) -> None:
    # the back pointers' bead type: the first of the equal best candidates, whether the
    # maximum comes from the sweep or first_max makes it (NaN as argmax has it)
    top = np.maximum.reduce(values, axis=1) if top_given else None
    assert np.array_equal(first_max(values, top), values.argmax(axis=1))
