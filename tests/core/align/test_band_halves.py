"""A band scored and swept by two processes gives, bit for bit, what one process gives: scores,
model, paths, sums and posteriors; and the same when the child dies at any step or cannot be
forked."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align import band_halves
from reader.core.align.band import band_centres
from reader.core.align.band_halves import Band, split_band, sweep_band
from reader.core.align.beads import Bead
from reader.core.align.dp import pin_points
from reader.core.align.fixed import forbid
from reader.core.align.memo import BandMemo
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, UNIT_TYPES
from tests.core.align.test_sweeps_exact import UNIT_PARAMS, _outcome

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def _problem(seed: int, n: int, m: int) -> Problem:
    rng = np.random.default_rng(seed)
    dim = 60
    # neighbours share words, so that the band's cosines have a path to find
    src = sp.random(n, dim, density=0.08, format="csr", dtype=np.float32, random_state=rng)
    tgt = sp.random(m, dim, density=0.08, format="csr", dtype=np.float32, random_state=rng)
    src_len = rng.integers(1, 300, n).astype(np.float32)
    tgt_len = rng.integers(1, 300, m).astype(np.float32)
    null_s = rng.choice([-1.0, -2.5, -0.5], n).astype(np.float32)
    null_t = rng.choice([-1.0, -2.5, -0.5], m).astype(np.float32)
    return Problem(n, m, src.tocsr(), tgt.tocsr(), src_len, tgt_len, null_s, null_t)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray):
        return (isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape
                and a.tobytes() == b.tobytes())
    return bool(a == b)


def _assert_same(one: tuple[Any, ...], two: tuple[Any, ...]) -> None:
    scores1, model1, forward1, sweeps1 = one
    scores2, model2, forward2, sweeps2 = two
    assert scores1.keys() == scores2.keys()
    assert all(_same(scores1[t], scores2[t]) for t in scores1)
    assert model1 == model2
    assert forward1.path == forward2.path
    assert (forward1.F is None) == (forward2.F is None)
    if forward1.F is not None:
        assert _same(forward1.F, forward2.F)
    assert forward1.transit.keys() == forward2.transit.keys()
    assert all(_same(forward1.transit[i], forward2.transit[i]) for i in forward1.transit)
    assert (sweeps1 is None) == (sweeps2 is None)
    if sweeps1 is None:
        return
    assert _same(sweeps1.B, sweeps2.B)
    assert sweeps1.transit.keys() == sweeps2.transit.keys()
    assert all(_same(sweeps1.transit[i], sweeps2.transit[i]) for i in sweeps1.transit)
    assert sweeps1.z == sweeps2.z
    assert sweeps1.bead_posteriors() == sweeps2.bead_posteriors()
    points = [(i, j) for _, i, j in forward1.path]
    assert sweeps1.visits(points) == sweeps2.visits(points)


def _run(kind: str, seed: int, n: int, m: int, half: int, split: bool) -> tuple[Any, ...]:
    """A band as a pass of `kind` makes it: the first paragraph pass (one bead type, the
    path alone), the second (beads to fit the length model to, a memo holding a wider dot
    band), the sentence pass (pinned rows, forbidden cells, posteriors)."""
    pb = _problem(seed, n, m)
    centre = band_centres(n, m, None)
    if kind == "first":
        band = Band(pb, centre, half, DEFAULT_PARAMS, [(1, 1)])
        return sweep_band(band, DEFAULT_PARAMS, None, posteriors=False, split=split)
    if kind == "second":
        memo = BandMemo(pb)
        memo.dots(centre, half + 20)  # the first pass's wider band
        beads = [Bead((i,), (min(m - 1, i * m // n),)) for i in range(n)]
        band = Band(pb, centre, half, DEFAULT_PARAMS, MATCH_TYPES, beads, memo=memo)
        return sweep_band(band, DEFAULT_PARAMS, None, split=split)
    pinned = pin_points([(n // 3, int(centre[n // 3])), (n // 2, int(centre[n // 2]) + 1)])
    left_out = np.zeros(m, dtype=bool)
    left_out[m // 4] = True

    def adjust(scores: dict[tuple[int, int], np.ndarray], start: int, end: int) -> None:
        forbid({t: table[start:end] for t, table in scores.items()}, centre[start:end], half,
               m, list(pinned), None, left_out, first=start)

    band = Band(pb, centre, half, UNIT_PARAMS, UNIT_TYPES)
    return sweep_band(band, UNIT_PARAMS, None, pinned, adjust, split=split)


KINDS = ["first", "second", "units"]


@linux
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), seed=st.integers(0, 1000), n=st.integers(1, 420),
       m=st.integers(1, 420), half=st.integers(1, 70))
def test_two_processes_give_what_one_gives(kind: str, seed: int, n: int, m: int,
                                           half: int) -> None:
    want, want_error = _outcome(lambda: _run(kind, seed, n, m, half, False))
    got, got_error = _outcome(lambda: _run(kind, seed, n, m, half, True))
    assert got_error == want_error  # a band too narrow for the pair fails alike
    if want is not None:
        _assert_same(want, got)


@linux
@pytest.mark.parametrize("kind", KINDS)
def test_the_child_takes_rows_of_every_step(kind: str) -> None:
    # 600 rows, a band 121 wide: the dot band and the scores both split near the middle
    _assert_same(_run(kind, 5, 600, 640, 60, False), _run(kind, 5, 600, 640, 60, True))


def _dies_in_child(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    parent = os.getpid()
    real: Callable[..., Any] = getattr(band_halves, name)

    def dying(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            os._exit(3)
        return real(*args, **kwargs)

    monkeypatch.setattr(band_halves, name, dying)


@linux
@pytest.mark.parametrize("name", ["dot_rows", "score_rows", "backward_sums"])
def test_a_child_that_dies_at_any_step_is_answered_here(
    name: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    want = _run("units", 7, 600, 560, 60, False)
    _dies_in_child(monkeypatch, name)
    _assert_same(want, _run("units", 7, 600, 560, 60, True))


def test_no_fork_does_everything_here(monkeypatch: pytest.MonkeyPatch) -> None:
    want = _run("units", 9, 500, 520, 60, False)

    def no_fork() -> int:
        raise OSError("no fork")

    monkeypatch.setattr(os, "fork", no_fork)
    _assert_same(want, _run("units", 9, 500, 520, 60, True))


def test_the_band_is_split_only_when_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not split_band("no", 100_000)
    assert not split_band("yes", band_halves.MIN_ROWS - 1)
    monkeypatch.setattr(band_halves, "core_to_spare", lambda idle_core: not idle_core)
    assert split_band("yes", band_halves.MIN_ROWS)
    assert not split_band("auto", band_halves.MIN_ROWS)  # no idle core


@linux
def test_a_failure_here_ends_the_child() -> None:
    import time

    from reader.core.align.halves import Halves, shared_array

    seen = shared_array((1,), np.float64)

    def slow() -> None:
        time.sleep(30)

    def fail() -> None:
        seen[0] = 1.0
        raise RuntimeError("cancelled")

    halves = Halves.start([slow, slow])
    pid = halves.pid
    assert halves.forked
    with pytest.raises(RuntimeError):
        try:
            halves.run(fail)
        finally:
            halves.close()
    assert seen[0] == 1.0 and not halves.forked
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped


@linux
@pytest.mark.parametrize("dies", [None, 0, 1])
def test_steps_begun_ahead_are_each_done_once_by_the_child_or_here(dies: int | None) -> None:
    # two steps begun before the first is waited for (the scores, then the backward sweep,
    # of align.band_halves): each is done once, by the child, or here when the child died at
    # it or before it
    from reader.core.align.halves import Halves, shared_array

    parent = os.getpid()
    runs = shared_array((2, 2), np.float64)  # [step, 0: in the child, 1: here]

    def step(k: int) -> Callable[[], None]:
        def work() -> None:
            child = os.getpid() != parent
            if child and dies == k:
                os._exit(3)
            runs[k, 0 if child else 1] += 1.0
        return work

    halves = Halves.start([step(0), step(1)])
    assert halves.forked
    halves.begin()
    halves.begin()
    halves.finish()
    halves.finish()
    assert not halves.forked
    assert (runs.sum(axis=1) == 1.0).all()
    here = [k for k in (0, 1) if runs[k, 1]]
    assert here == ([] if dies is None else list(range(dies, 2)))


@linux
@pytest.mark.parametrize("order", ["ar-en", "en-ar"])
def test_the_built_in_pair_aligns_as_in_one_process(
    order: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.align.aligner import align_and_prepare
    from reader.core.text.document import load_text
    from reader.resources import CORPUS

    ar, en = CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / "iraq-assad-lesson.en.txt"
    source, target = (load_text(ar), load_text(en)) if order == "ar-en" else (
        load_text(en), load_text(ar))
    alone, alone_pair = align_and_prepare(source, target, second_process="no")
    monkeypatch.setattr(band_halves, "MIN_ROWS", 0)  # the built-in pair is short
    monkeypatch.setattr(band_halves, "core_to_spare", lambda idle_core: True)
    split, split_pair = align_and_prepare(source, target, second_process="yes")
    assert [b.to_json() for b in split.beads] == [b.to_json() for b in alone.beads]
    assert split.evidence == alone.evidence
    assert split_pair.paragraph_model == alone_pair.paragraph_model
    assert split_pair.unit_model == alone_pair.unit_model


@linux
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), seed=st.integers(0, 1000), n=st.integers(1, 420),
       m=st.integers(1, 420), half=st.integers(1, 70))
def test_the_childs_rows_read_part_by_part_give_what_one_process_gives(
    kind: str, seed: int, n: int, m: int, half: int,
) -> None:
    # one score block a part: the forward sweep reads the child's rows of the scores as each
    # part is said done, not once the whole step is
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(band_halves, "PART_BLOCKS", 1)
        want, want_error = _outcome(lambda: _run(kind, seed, n, m, half, False))
        got, got_error = _outcome(lambda: _run(kind, seed, n, m, half, True))
    assert got_error == want_error
    if want is not None:
        _assert_same(want, got)


@linux
@pytest.mark.parametrize("kind", KINDS)
def test_a_child_that_dies_after_some_parts_is_answered_here(
    kind: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 900 rows of a band 41 wide: score blocks of 399 rows, the child's rows in parts of one
    # block; it dies scoring its second part, after saying the first done
    want = _run(kind, 11, 900, 950, 20, False)
    monkeypatch.setattr(band_halves, "PART_BLOCKS", 1)
    parent = os.getpid()
    real = band_halves.score_rows
    calls = [0]

    def dies_later(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            calls[0] += 1
            if calls[0] == 2:
                os._exit(3)
        return real(*args, **kwargs)

    monkeypatch.setattr(band_halves, "score_rows", dies_later)
    _assert_same(want, _run(kind, 11, 900, 950, 20, True))


@linux
def test_ticks_tell_parts_done_and_a_child_that_ends_first() -> None:
    from reader.core.align.halves import Halves, Ticks, shared_array

    done = shared_array((3,), np.float64)
    ticks = Ticks.make()
    parent = os.getpid()

    def step() -> None:
        for k in range(3):
            done[k] = 1.0
            ticks.tick()
            if k == 1 and os.getpid() != parent:
                os._exit(0)  # the child ends after two parts, its step unfinished

    halves = Halves.start([step], ticks)
    assert halves.forked
    halves.begin()
    try:
        assert ticks.wait(2) and done[:2].tolist() == [1.0, 1.0]
        assert not ticks.wait(3)  # it ended first: the caller waits for the step
        halves.finish()  # ... which runs here, the child having failed at it
        assert done.tolist() == [1.0, 1.0, 1.0]
    finally:
        halves.close()
        ticks.close()
    unforked = Ticks.make()
    unforked.in_parent(forked=False)
    unforked.tick()  # the step runs here: nothing to say
    assert not unforked.wait(1) and unforked.wait(0)
