"""A band's scores and sweeps shared between this process and a forked child, row by row."""

# The programme's own work is sequential, row after row; what leads up to it is not. The dot
# band and the bead scores are computed for each row apart from the others, and the backward
# sweep needs none of the forward's rows: with a core to spare a child forked once the band's
# inputs are ready computes the second half of the dot band, then the second half of the
# scores (with the model this process estimated from the whole dot band in between), then the
# backward sweep while this process runs the forward one, each into memory both processes
# share. Every row is computed by the same code as in one process, and the two sweeps apart
# give what the joint sweep (align.joint) gives, bit for bit, so the output does not depend on
# which process computed what (test_band_halves). On the bench's 4,350-paragraph pair the
# sentence pass's band is 10,600 rows: 0.1-0.15 s of its 0.4 s after Model 1 move to the
# second core.

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import DOT_ROWS, dot_rows
from reader.core.align.beads import Bead
from reader.core.align.dp import Forward, Pins, run_dp
from reader.core.align.halves import Halves, Ticks, shared_array
from reader.core.align.joint import sweep_both
from reader.core.align.memo import BandMemo
from reader.core.align.model import Model, Problem, SelfDots
from reader.core.align.params import AlignerParams
from reader.core.align.posterior import Sweeps, backward_sums, check_totals
from reader.core.align.scores import (
    band_model,
    dot_half_of,
    score_band,
    score_block,
    score_rows,
    self_dots,
)
from reader.core.align.structure import add_structure
from reader.core.progress import CancelCheck
from reader.core.second_process import core_to_spare

# Below this many rows the band's work is a few tens of milliseconds: forking a process of a
# few hundred megabytes and waiting for it costs about as much
MIN_ROWS = 3_000


def split_band(mode: str, rows: int) -> bool:
    """Whether a band of `rows` rows pays in two processes: `mode` "no", "auto" (when a core
    is idle) or "yes" (even on a busy machine), as the command line says."""
    if mode not in ("auto", "yes") or rows < MIN_ROWS:
        return False
    return core_to_spare(idle_core=mode == "auto")


@dataclass(slots=True)
class Band:
    """What a pass scores and sweeps: the problem, its band, and how it is scored."""

    pb: Problem
    centre: np.ndarray
    half: int
    params: AlignerParams
    types: Sequence[tuple[int, int]]
    beads: Sequence[Bead] | None = None  # what the length model is fitted to
    model: Model | None = None  # given: the band is scored with it
    memo: BandMemo | None = None


Scores = dict[tuple[int, int], np.ndarray]
# what changes a band's scores in place before the sweeps, rows (start, end) at a time
Adjust = Callable[[Scores, int, int], None]


def sweep_band(
    band: Band,
    sweep_params: AlignerParams,
    cancelled: CancelCheck | None,
    pinned: Pins | None = None,
    adjust: Adjust | None = None,
    posteriors: bool = True,
    split: bool = False,
) -> tuple[Scores, Model, Forward, Sweeps | None]:
    """`score_band` over `band`, then `adjust` (which may change the scores in place: cells
    forbidden, say), then `sweep_both(.., sweep_params, cancelled, pinned)` (without
    `posteriors`, `run_dp` alone): the band's scores, their model, the forward sweep and the
    sweeps. With `split`, in two processes (`score_and_sweep`)."""
    if split:
        return score_and_sweep(band, sweep_params, cancelled, pinned, adjust, posteriors)
    pb, centre, half = band.pb, band.centre, band.half
    scores, model = score_band(pb, centre, half, band.params, band.types, band.beads,
                               band.model, band.memo)
    if adjust is not None:
        adjust(scores, 0, pb.n + 1)
    if not posteriors:
        return scores, model, run_dp(pb, centre, half, scores, sweep_params, cancelled,
                                     pinned), None
    forward, sweeps = sweep_both(pb, centre, half, scores, sweep_params, cancelled, pinned)
    return scores, model, forward, sweeps


def score_and_sweep(
    band: Band,
    sweep_params: AlignerParams,
    cancelled: CancelCheck | None,
    pinned: Pins | None = None,
    adjust: Adjust | None = None,
    posteriors: bool = True,
) -> tuple[Scores, Model, Forward, Sweeps | None]:
    """`sweep_band`, a forked child computing part of each step (all of it here if it cannot
    be forked or fails); each process adds the structure to its rows' scores and `adjust`s
    them, and this process sweeps forward from its own rows on while the child's are still
    being scored."""
    pb, centre, half, types = band.pb, band.centre, band.half, band.types
    n, width = pb.n, 2 * half + 1
    dot_half = dot_half_of(half)
    selves = _Selves.of(pb, types, band.memo)
    dots = None if band.memo is None else band.memo.window(centre, dot_half)
    fresh = dots is None
    if dots is None:
        dots = shared_array((n, 2 * dot_half + 1), np.float32)
    given = band.model
    model_cells = shared_array((4,), np.float64)
    scores = {t: shared_array((n + 1, width), np.float32) for t in types}
    B = shared_array((n + 1, width), np.float64)
    pins = sorted(pinned or {})
    transit_rows = shared_array((len(pins), width), np.float64)
    transit_made = shared_array((len(pins),), np.uint8)
    # the child computes the target's self dots beside its rows of the dot band
    dot_split = _split(n, DOT_ROWS, DOTS_SHARE if selves.shared else OWN_SHARE)
    # this process sweeps forward once its own rows are scored: it takes fewer of them, and
    # the sweep reads the child's rows part by part as they are scored (`ticks`)
    block = score_block(half)
    score_split = _split(n + 1, block, SCORES_SHARE if posteriors else FORWARD_SHARE)
    parts = max(1, -(-(n + 1 - score_split) // (block * PART_BLOCKS)))
    ticks = Ticks.make()

    def dots_of(start: int, end: int, side: int) -> Callable[[], None]:
        def work() -> None:
            selves.fill(side)
            if fresh:
                dot_rows(pb.src_vec, pb.tgt_vec, centre, dot_half, dots, start, end)
        return work

    def scores_of(start: int, end: int, parts: int = 1) -> Callable[[], None]:
        def work() -> None:
            used = given if given is not None else Model(*model_cells.tolist())
            for r0, r1 in _parts(start, end, parts, block):
                score_rows(pb, centre, half, dots, dot_half, selves.src, selves.tgt, used,
                           band.params, types, scores, r0, r1)
                add_structure(scores, pb, centre, half, used, band.params, (r0, r1))
                if adjust is not None:
                    adjust(scores, r0, r1)
                if parts > 1:
                    ticks.tick()
        return work

    def backward() -> None:
        sums, transit = backward_sums(pb, centre, half, scores, sweep_params, pinned)
        B[...] = sums
        for k, row in enumerate(pins):
            if row in transit:
                transit_rows[k] = transit[row]
                transit_made[k] = 1

    steps = [dots_of(dot_split, n, 1), scores_of(score_split, n + 1, parts)]
    halves = Halves.start([*steps, backward] if posteriors else steps, ticks)
    try:
        halves.run(dots_of(0, dot_split, 0))
        if fresh and band.memo is not None:
            band.memo.keep(centre, dot_half, dots)
        model = given
        if model is None:
            model = band_model(pb, centre, dots, dot_half, selves.src, selves.tgt,
                               band.beads, band.params)
            model_cells[:] = [model.ratio, model.variance, model.chance, model.threshold]
        halves.begin()  # the child's rows of the scores
        scores_of(0, score_split)()
        if posteriors:
            halves.begin()  # the backward sweep: every row's scores are final once the child's are
        waiting = [True]

        def ready(rows: int) -> None:
            # the forward reads the child's rows of the scores: they must be final, those of
            # the parts it has said done are (the last part: the step is done)
            if waiting[0] and rows > score_split:
                needed = -(-(min(rows, n + 1) - score_split) // (block * PART_BLOCKS))
                if 0 < needed < parts and ticks.wait(needed):
                    return
                waiting[0] = False
                halves.finish()

        forward = run_dp(pb, centre, half, scores, sweep_params, cancelled, pinned,
                         sums=posteriors, ready=ready)
        ready(n + 2)
        if not posteriors:
            return scores, model, forward, None
        halves.finish()
    finally:
        halves.close()
        ticks.close()
    assert forward.F is not None
    transit = {row: transit_rows[k].copy() for k, row in enumerate(pins) if transit_made[k]}
    null_s = sweep_params.log_prior[(1, 0)] + pb.src_null
    null_t = sweep_params.log_prior[(0, 1)] + pb.tgt_null
    z = check_totals(forward.F, B, centre, half, pb.m)
    return scores, model, forward, Sweeps(centre, half, scores, null_s, null_t, forward,
                                          forward.F, B, transit, z)


@dataclass(slots=True)
class _Selves:
    """Both sides' self dots (align.model.SelfDots): a memo's, or computed by the processes
    into shared memory (`fill`: this process the source's, the child the target's)."""

    src: SelfDots
    tgt: SelfDots
    made: tuple[tuple[np.ndarray, sp.csr_matrix, int] | None, ...] = (None, None)

    @property
    def shared(self) -> bool:
        return self.made[0] is not None

    @classmethod
    def of(cls, pb: Problem, types: Sequence[tuple[int, int]], memo: BandMemo | None
           ) -> _Selves:
        if memo is not None:
            return cls(*self_dots(pb, types, memo))
        longest = (max(ks for ks, _ in types), max(kt for _, kt in types))
        made = []
        sides = []
        for vec, k in zip((pb.src_vec, pb.tgt_vec), longest, strict=True):
            table = shared_array((k, vec.shape[0] + k), np.float64)
            made.append((table, vec, k))
            sides.append(SelfDots({r: table[r - 1] for r in range(1, k + 1)}))
        return cls(sides[0], sides[1], tuple(made))

    def fill(self, side: int) -> None:
        """Side `side`'s self dots computed into their shared table (if they are shared)."""
        made = self.made[side]
        if made is None:
            return
        table, vec, longest = made
        for r, run in SelfDots.of(vec, longest).run.items():
            table[r - 1] = run


# the rows this process takes of a step: a forked child computes some rows up to 20 % slower
# (the pages its temporaries take are fresh to it), and this process is the one waited for
OWN_SHARE = 0.52
# ... of the dot band, when the child computes the target's self dots beside it
DOTS_SHARE = 0.58
# ... of the scores, when this process then sweeps forward from them while the child scores
# the rest and then sweeps backward
SCORES_SHARE = 0.25
# ... of the scores, when this process then sweeps forward (and nothing else: no posteriors)
# while the child scores the rest, part by part: what this process scored before the sweep
# starts is the time it saves (the paragraphs' first pass on `large`: 52 % of the rows took
# ~55 ms). The sweep reads a row about as fast as a process scores it, and the child must keep
# ahead of it: by CPU clocks since the fork (a quiet machine's wall), in the command line at
# 15 % the child's last parts came from 14 ms early to 14 ms late (four runs), each 1 % moves
# them ~2.4 ms: 22 % leaves the child a few milliseconds ahead
FORWARD_SHARE = 0.22
# score blocks of the child's rows in a part the forward sweep may read before the whole step
# is done: a part costs the child a tick and a call of add_structure, a wait between parts
# the sweep
PART_BLOCKS = 6


def _parts(start: int, end: int, parts: int, block: int) -> list[tuple[int, int]]:
    """Rows start..end-1 in `parts` runs (every run but the last PART_BLOCKS blocks long, each
    starting a multiple of `block` rows after `start`)."""
    size = block * PART_BLOCKS if parts > 1 else max(1, end - start)
    return [(r0, min(end, r0 + size)) for r0 in range(start, end, size)]


def _split(rows: int, step: int, share: float = OWN_SHARE) -> int:
    """Where the child's share of `rows` rows starts: a multiple of `step`."""
    return min(rows, max(step, round(rows * share / step) * step))
