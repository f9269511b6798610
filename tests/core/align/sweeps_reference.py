"""The sweeps as they were written first, one row and one bead type at a time: the reference
the block-wise sweeps (reader.core.align.dp, .posterior) must match bit for bit."""

from __future__ import annotations

import math

import numpy as np

from reader.core.align.dp import Forward, Pins, Step
from reader.core.align.grid import Moves, inside_bounds
from reader.core.align.model import Problem
from reader.core.align.params import BEAD_TYPES, NEG, AlignerParams
from reader.core.errors import ReaderError

_ZERO_ONE = np.int8(BEAD_TYPES.index((0, 1)))


def grid_of(
    centre: np.ndarray, half: int, m: int, null_t: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's target position and the running 0:1 sums along each row."""
    j = centre[:, None] + np.arange(2 * half + 1)[None, :] - half
    inside = (j >= 0) & (j <= m)
    step = np.where(inside & (j >= 1), null_t[np.clip(j - 1, 0, max(m - 1, 0))], 0.0)
    step[:, 0] = 0.0
    return j, np.cumsum(step, axis=1, dtype=np.float64)


def _outside_to_neg(row: np.ndarray, first_in: int, first_out: int) -> None:
    row[:first_in] = NEG
    row[first_out:] = NEG


def run_dp(
    pb: Problem, centre: np.ndarray, half: int, scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams, pinned: Pins | None = None, sums: bool = False,
) -> Forward:
    n, m = pb.n, pb.m
    width = 2 * half + 1
    k = 2 if sums else 1
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    type_of_row = np.array([BEAD_TYPES.index(t) for t in types], dtype=np.int8)
    moves = Moves.of(centre, half, types, k, forward=True)
    V = moves.table(n, k)
    flat = V.reshape(-1)
    band = slice(moves.pad, moves.pad + width)
    gather = (np.arange(k)[:, None] * moves.stride + np.arange(width)[None, :])[None]
    S = np.stack([scores[t] for t in match], axis=1)
    came_by = np.zeros((n + 1, width), dtype=np.int8)
    moved = np.zeros((n + 1, width), dtype=bool)
    null_s = (params.log_prior[(1, 0)] + pb.src_null).astype(np.float64)
    j, cum = grid_of(centre, half, m, params.log_prior[(0, 1)] + pb.tgt_null)
    first_in, first_out = inside_bounds(centre, half, m)
    transit: dict[int, np.ndarray] = {}
    pinned = pinned or {}
    for i in range(n + 1):
        if i == 0:
            cands = np.full((1, k, width), NEG)
            cands[0][:, j[0] == 0] = 0.0
        else:
            cands = flat.take(moves.offset[i][:, None, None] + gather)
            for r in moves.slow.get(i, ()):
                shift = int(moves.shift[i, r])
                lo, hi = max(0, -shift), min(width, width - shift)
                start = moves.pad + lo + shift
                cands[r, :, lo:hi] = V[i - types[r][0], :, start : start + hi - lo]
            cands[:-1] += S[i][:, None, :]
            cands[-1] += null_s[i - 1]
        pin = pinned.get(i)
        best = cands[:, 0].argmax(axis=0)
        base = cands[:, 0].max(axis=0)
        if pin is not None:
            base = np.where(j[i] <= pin[0], base, NEG)
        own = base - cum[i]
        best_so_far = np.maximum.accumulate(own)
        row = cum[i] + best_so_far
        np.greater(best_so_far, own, out=moved[i])
        came_by[i] = best
        _outside_to_neg(row, first_in[i], first_out[i])
        V[i, 0, band] = row if pin is None else np.where(j[i] >= pin[1], row, NEG)
        if sums:
            base = np.logaddexp.reduce(cands[:, 1], axis=0)
            if pin is not None:
                base = np.where(j[i] <= pin[0], base, NEG)
            row = cum[i] + np.logaddexp.accumulate(base - cum[i])
            _outside_to_neg(row, first_in[i], first_out[i])
            if pin is not None:
                transit[i] = row
                row = np.where(j[i] >= pin[1], row, NEG)
            V[i, 1, band] = row
    back = np.where(moved, _ZERO_ONE, type_of_row[came_by])
    back[0] = np.where(moved[0], _ZERO_ONE, -1)
    o = int(m - centre[n] + half)
    if not 0 <= o < width or V[n, 0, moves.pad + o] <= NEG / 2:
        raise ReaderError("the two texts cannot be aligned")
    path: list[Step] = []
    i = n
    while i > 0 or centre[i] + o - half > 0:
        t = int(back[i, o])
        if t < 0:
            raise RuntimeError(f"alignment lost its path at source paragraph {i}")
        ks, kt = BEAD_TYPES[t]
        jj = int(centre[i] + o - half)
        path.append(((ks, kt), i, jj))
        o = int(jj - kt - centre[i - ks] + half)
        i -= ks
    path.reverse()
    return Forward(path, V[: n + 1, 1, band] if sums else None, transit)


def backward(
    pb: Problem, centre: np.ndarray, half: int, scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams, forward: Forward, pinned: Pins | None = None,
) -> tuple[np.ndarray, dict[int, np.ndarray], float]:
    """B, its pinned rows before pinning, and the total."""
    assert forward.F is not None
    n, m = pb.n, pb.m
    width = 2 * half + 1
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    neg = float(NEG)
    j, cum = grid_of(centre, half, m, null_t)
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    moves = Moves.of(centre, half, types, 1, forward=False)
    table = moves.table(n, 1)
    flat = table.reshape(-1)
    band = slice(moves.pad, moves.pad + width)
    cols = np.arange(width)
    S = np.empty((n + 1, len(match), width), dtype=np.float32)
    for r, t in enumerate(match):
        ends = np.minimum(np.arange(n + 1) + t[0], n)[:, None]
        at = np.clip(cols[None, :] + moves.shift[:, r, None], 0, width - 1)
        S[:, r, :] = scores[t][ends, at]
    first_in, first_out = inside_bounds(centre, half, m)
    rev_cum = (cum[:, -1:] - cum)[:, ::-1]
    pinned = pinned or {}
    transit: dict[int, np.ndarray] = {}
    for i in range(n, -1, -1):
        if i == n:
            base = np.where(j[n] == m, 0.0, neg)
        else:
            cands = flat.take(moves.offset[i][:, None] + cols[None, :])
            for r in moves.slow.get(i, ()):
                shift = int(moves.shift[i, r])
                lo, hi = max(0, -shift), min(width, width - shift)
                start = moves.pad + lo + shift
                cands[r, lo:hi] = table[i + types[r][0], 0, start : start + hi - lo]
            cands[:-1] += S[i]
            cands[-1] += null_s[i]
            base = np.logaddexp.reduce(cands, axis=0)
        pin = pinned.get(i)
        if pin is not None:
            base = np.where(j[i] >= pin[1], base, neg)
        rev = rev_cum[i]
        row = (rev + np.logaddexp.accumulate(base[::-1] - rev))[::-1].copy()
        _outside_to_neg(row, first_in[i], first_out[i])
        if pin is not None:
            transit[i] = row.copy()
            row = np.where(j[i] <= pin[0], row, neg)
        table[i, 0, band] = row
    B = table[: n + 1, 0, band]
    z = forward.F[n, int(m - centre[n] + half)]
    if not math.isclose(z, B[0, int(half - centre[0])], rel_tol=1e-6, abs_tol=1e-3):
        raise AssertionError("forward and backward totals differ")
    return B, transit, float(z)


def bead_posteriors(
    pb: Problem, centre: np.ndarray, half: int, scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams, forward: Forward, B: np.ndarray, transit: dict[int, np.ndarray],
    z: float,
) -> list[float]:
    assert forward.F is not None
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    out = []
    for (ks, kt), row, col in forward.path:
        o_end = int(col - centre[row] + half)
        o_start = int(col - kt - centre[row - ks] + half)
        if ks == 0:
            f_row = forward.transit.get(row, forward.F[row])
            b_row = transit.get(row, B[row])
            bead_score = null_t[col - 1]
        else:
            f_row, b_row = forward.F[row - ks], B[row]
            bead_score = null_s[row - 1] if kt == 0 else scores[(ks, kt)][row, o_end]
        out.append(_probability(f_row[o_start] + bead_score + b_row[o_end] - z))
    return out


def visit(centre: np.ndarray, half: int, forward: Forward, B: np.ndarray,
          transit: dict[int, np.ndarray], z: float, i: int, j: int) -> float:
    assert forward.F is not None
    o = int(j - centre[i] + half)
    if not 0 <= o < forward.F.shape[1]:
        return 0.0
    f = forward.transit.get(i, forward.F[i])[o]
    b = transit.get(i, B[i])[o]
    return _probability(f + b - z)


def _probability(logp: float) -> float:
    return float(min(1.0, math.exp(min(0.0, logp))))
