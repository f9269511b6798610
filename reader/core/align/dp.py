"""The banded dynamic programme over bead types: the best path, and the forward log-sums."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.grid import Grid, Moves, inside_bounds, outside_to_neg
from reader.core.align.model import Problem
from reader.core.align.params import BEAD_TYPES, NEG, AlignerParams
from reader.core.errors import Cancelled, ReaderError
from reader.core.progress import CancelCheck

_ZERO_ONE = np.int8(BEAD_TYPES.index((0, 1)))  # the back pointer of a 0:1 bead
Step = tuple[tuple[int, int], int, int]  # (bead type, source prefix, target prefix) at its end
Pins = dict[int, tuple[int, int]]  # row -> (enter at or before, leave at or after)


def pin_points(points: Iterable[tuple[int, int]]) -> Pins:
    """Pins making the path pass through every one of `points` (several may share a row)."""
    pins: Pins = {}
    for i, j in points:
        lo, hi = pins.get(i, (j, j))
        pins[i] = (min(lo, j), max(hi, j))
    return pins


@dataclass(slots=True)
class Forward:
    """The best path, and when asked for, the forward log-sums the posteriors need."""

    path: list[Step]
    F: np.ndarray | None = None
    # F rows of pinned rows before pinning: cells passed on the way to the pinned point
    transit: dict[int, np.ndarray] = field(default_factory=dict)


def _stacked_scores(
    scores: dict[tuple[int, int], np.ndarray], types: Sequence[tuple[int, int]]
) -> np.ndarray:
    """The match types' score tables as one array, (rows, types, width)."""
    return np.stack([scores[t] for t in types], axis=1)


def run_dp(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    pinned: Pins | None = None,
    sums: bool = False,
) -> Forward:
    """Viterbi over the band, and with `sums` the forward log-sums in the same sweep (the two
    share every candidate; numpy's cost here is per call, so one sweep does both).

    `pinned` maps a row to the target positions the path must pass through there: it enters
    the row at or before the first and leaves at or after the last (0:1 beads move along it).
    """
    n, m = pb.n, pb.m
    width = 2 * half + 1
    k = 2 if sums else 1
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    type_of_row = np.array([BEAD_TYPES.index(t) for t in types], dtype=np.int8)
    moves = Moves.of(centre, half, types, k, forward=True)
    # float64: on a book the running totals reach millions, beyond float32's resolution
    V = moves.table(n, k)  # [.., 0]: best, [.., 1]: log-sum
    flat = V.reshape(-1)
    band = slice(moves.pad, moves.pad + width)
    gather = (np.arange(k)[:, None] * moves.stride + np.arange(width)[None, :])[None]
    S = _stacked_scores(scores, match)
    # the best candidate of each cell (a row of `types`) and whether a 0:1 bead beat it
    came_by = np.zeros((n + 1, width), dtype=np.int8)
    moved = np.zeros((n + 1, width), dtype=bool)
    null_s = (params.log_prior[(1, 0)] + pb.src_null).astype(np.float64)
    grid = Grid.of(centre, half, m, params.log_prior[(0, 1)] + pb.tgt_null)
    first_in, first_out = inside_bounds(centre, half, m)
    transit: dict[int, np.ndarray] = {}
    pinned = pinned or {}
    for i in range(n + 1):
        if cancelled is not None and i % 512 == 0 and cancelled():
            raise Cancelled()
        if i == 0:
            cands = np.full((1, k, width), NEG)
            cands[0][:, grid.j[0] == 0] = 0.0
        else:
            cands = flat.take(moves.offset[i][:, None, None] + gather)
            for r in moves.slow.get(i, ()):
                shift = int(moves.shift[i, r])
                lo, hi = max(0, -shift), min(width, width - shift)
                start = moves.pad + lo + shift
                cands[r, :, lo:hi] = V[i - types[r][0], :, start : start + hi - lo]
            cands[:-1] += S[i][:, None, :]
            cands[-1] += null_s[i - 1]
        cum, pin = grid.cum[i], pinned.get(i)
        best = cands[:, 0].argmax(axis=0)
        base = cands[:, 0].max(axis=0)
        if pin is not None:
            base = np.where(grid.j[i] <= pin[0], base, NEG)
        # 0:1 beads inside the row: D[o] = max(base[o], D[o-1] + step[o])
        own = base - cum
        best_so_far = np.maximum.accumulate(own)
        row = cum + best_so_far
        # exact: the running maximum came from a cell to the left only if it beats this one
        np.greater(best_so_far, own, out=moved[i])
        came_by[i] = best
        outside_to_neg(row, first_in[i], first_out[i])
        V[i, 0, band] = row if pin is None else np.where(grid.j[i] >= pin[1], row, NEG)
        if sums:
            base = np.logaddexp.reduce(cands[:, 1], axis=0)
            if pin is not None:
                base = np.where(grid.j[i] <= pin[0], base, NEG)
            row = cum + np.logaddexp.accumulate(base - cum)
            outside_to_neg(row, first_in[i], first_out[i])
            if pin is not None:
                transit[i] = row
                row = np.where(grid.j[i] >= pin[1], row, NEG)
            V[i, 1, band] = row
    back = np.where(moved, _ZERO_ONE, type_of_row[came_by])
    back[0] = np.where(moved[0], _ZERO_ONE, -1)  # the start: nothing came before it
    # trace back from (n, m)
    o = int(m - centre[n] + half)
    if not 0 <= o < width or V[n, 0, moves.pad + o] <= NEG / 2:
        raise ReaderError(
            "the two texts cannot be aligned: their paragraph counts differ more than a text "
            "this long allows (try --blocks if one side is hard-wrapped)"
        )
    path: list[Step] = []
    i = n
    while i > 0 or centre[i] + o - half > 0:
        t = int(back[i, o])
        if t < 0:
            # cannot happen: every cell on the band's path has a predecessor
            raise RuntimeError(f"alignment lost its path at source paragraph {i}")
        ks, kt = BEAD_TYPES[t]
        jj = int(centre[i] + o - half)
        path.append(((ks, kt), i, jj))
        o = int(jj - kt - centre[i - ks] + half)
        i -= ks
    path.reverse()
    return Forward(path, V[: n + 1, 1, band] if sums else None, transit)


def path_to_beads(path: Sequence[Step], conf: Sequence[float]) -> list[Bead]:
    beads = []
    for ((ks, kt), i, j), c in zip(path, conf, strict=True):
        beads.append(Bead(tuple(range(i - ks, i)), tuple(range(j - kt, j)), c))
    return beads
