"""The backward sweep over the band, and the posterior probabilities it gives with the forward."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.dp import Forward, Pins, block_rows, plain_rows
from reader.core.align.grid import Grid, Moves, inside_bounds, outside_to_neg
from reader.core.align.model import Problem
from reader.core.align.params import BEAD_TYPES, NEG, AlignerParams


@dataclass(slots=True)
class Sweeps:
    """Forward and backward log-sums over the band, and what they give."""

    centre: np.ndarray
    half: int
    scores: dict[tuple[int, int], np.ndarray]
    null_s: np.ndarray
    null_t: np.ndarray
    forward: Forward
    F: np.ndarray
    B: np.ndarray
    transit: dict[int, np.ndarray]  # B rows of pinned rows before pinning
    z: float

    def bead_posteriors(self) -> list[float]:
        """The posterior probability of each bead on the best path."""
        path = self.forward.path
        if not path:
            return []
        centre, half = self.centre, self.half
        steps = np.array([(ks, kt, row, col) for (ks, kt), row, col in path], dtype=np.int64)
        ks, kt, row, col = steps.T
        o_end = col - centre[row] + half
        o_start = col - kt - centre[row - ks] + half
        # a 0:1 bead moves along a row: inside a pinned row, on the way to its point
        f = self._cells(self.F, self.forward.transit, row - ks, o_start, ks == 0)
        b = self._cells(self.B, self.transit, row, o_end, ks == 0)
        bead_score = np.empty(len(path), dtype=np.float64)
        zero_one, one_zero = ks == 0, (kt == 0) & (ks > 0)
        bead_score[zero_one] = self.null_t[col[zero_one] - 1]
        bead_score[one_zero] = self.null_s[row[one_zero] - 1]
        for t, table in self.scores.items():
            at = (ks == t[0]) & (kt == t[1])
            bead_score[at] = table[row[at], o_end[at]]
        # the sums in the order a bead at a time added them, each exponential by math.exp
        return [_probability(x) for x in ((f + bead_score + b) - self.z).tolist()]

    def visit(self, i: int, j: int) -> float:
        """The probability that the path passes through the point (i, j)."""
        return self.visits([(i, j)])[0]

    def visits(self, points: Sequence[tuple[int, int]] | np.ndarray) -> list[float]:
        """`visit` of each point (a sequence of (i, j), or an array of them, (points, 2))."""
        if len(points) == 0:
            return []
        i, j = np.array(points, dtype=np.int64).reshape(-1, 2).T
        o = j - self.centre[i] + self.half
        inside = (o >= 0) & (o < self.F.shape[1])
        o = np.where(inside, o, 0)
        every = np.ones(len(i), dtype=bool)
        f = self._cells(self.F, self.forward.transit, i, o, every)
        b = self._cells(self.B, self.transit, i, o, every)
        logp = ((f + b) - self.z).tolist()
        return [_probability(x) if ok else 0.0
                for x, ok in zip(logp, inside.tolist(), strict=True)]

    @staticmethod
    def _cells(table: np.ndarray, transit: dict[int, np.ndarray], rows: np.ndarray,
               cols: np.ndarray, in_transit: np.ndarray) -> np.ndarray:
        """table[rows, cols], reading a pinned row's transit row where `in_transit`."""
        out = table[rows, cols].astype(np.float64)
        for r, values in transit.items():
            at = (rows == r) & in_transit
            if at.any():
                out[at] = values[cols[at]]
        return out


def _probability(logp: float) -> float:
    return float(min(1.0, math.exp(min(0.0, logp))))


def scores_from_start(
    scores: dict[tuple[int, int], np.ndarray], types: Sequence[tuple[int, int]],
    shift: np.ndarray, n: int, width: int,
) -> np.ndarray:
    """Each bead type's score indexed by the cell where the bead starts, (rows, types, width):
    the backward sweep reads them so. Where the end cell leaves the band the gathered sum is
    NEG anyway, so its index is only kept inside the table."""
    out = np.empty((n + 1, len(types), width), dtype=np.float32)
    cols = np.arange(width)
    for r, t in enumerate(types):
        ends = np.minimum(np.arange(n + 1) + t[0], n)[:, None]
        at = np.minimum(np.maximum(cols[None, :] + shift[:, r, None], 0), width - 1)
        # flat indices: numpy's two-array indexing costs twice as much
        out[:, r, :] = scores[t].ravel().take(ends * width + at)
    return out


def backward(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    forward: Forward,
    pinned: Pins | None = None,
) -> Sweeps:
    """The backward sweep over the band, to go with `run_dp(..., sums=True)`."""
    if forward.F is None:
        raise ValueError("posteriors need the forward sums: run_dp(..., sums=True)")
    B, transit = backward_sums(pb, centre, half, scores, params, pinned)
    z = check_totals(forward.F, B, centre, half, pb.m)
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    return Sweeps(centre, half, scores, null_s, null_t, forward, forward.F, B, transit, z)


def backward_sums(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    pinned: Pins | None = None,
) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """The backward sweep's log-sums over the band, and its pinned rows' before pinning."""
    n, m = pb.n, pb.m
    width = 2 * half + 1
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    neg = float(NEG)
    grid = Grid.of(centre, half, m, null_t)
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    moves = Moves.of(centre, half, types, 1, forward=False)
    table = moves.table(n, 1)
    flat = table.reshape(-1)
    band = table[:, 0, moves.pad : moves.pad + width]
    band_reversed = band[:, ::-1]
    cols = np.arange(width)
    S = np.empty((n + 1, len(types), width), dtype=np.result_type(null_s.dtype, np.float32))
    S[:, :-1] = scores_from_start(scores, match, moves.shift[:, :-1], n, width)
    S[:n, -1] = null_s[:n, None]
    S[n, -1] = 0.0  # row n takes no candidates
    first_in, first_out = inside_bounds(centre, half, m)
    # each row's running 0:1 sums read from the right
    rev_cum = (grid.cum[:, -1:] - grid.cum)[:, ::-1]
    pinned = pinned or {}
    transit: dict[int, np.ndarray] = {}
    plain = plain_rows(first_in, first_out, width, [n, *pinned, *moves.slow])
    take, add, subtract = flat.take, np.add, np.subtract
    sum_of, sum_so_far = np.logaddexp.reduce, np.logaddexp.accumulate
    base = np.empty(width)  # a plain row's candidates summed, read from the right
    step = np.empty(width)
    sums = np.empty(width)
    rows = block_rows(len(types) * width)
    # backwards, the 0:1 step from (i, j) to (i, j+1) scores null_t[j]: the row's running sum
    # read from the right
    for r1 in range(n + 1, 0, -rows):
        r0 = max(0, r1 - rows)
        cands = np.empty((r1 - r0, len(types), width))
        # a plain row's candidates gathered and scored with their columns reversed: their
        # sums come out read from the right, as the running sums read them (each column's
        # sum is the same: the order of the columns is not the order of the additions)
        index = moves.offset[r0:r1, :, None] + cols[None, None, ::-1]
        # float64 once per block: adding float32 to float64 row by row casts in small buffers
        block_scores = S[r0:r1, :, ::-1].astype(np.float64)
        # the block's rows bottom up, each row's views made by iterating (cheaper than
        # indexing: numpy's cost here is per call)
        for i, is_plain, c, ix, sc, rev, out in zip(
                range(r1 - 1, r0 - 1, -1), plain[r0:r1][::-1], cands[::-1], index[::-1],
                block_scores[::-1], rev_cum[r0:r1][::-1], band_reversed[r0:r1][::-1],
                strict=True):
            if is_plain:
                take(ix, out=c, mode="clip")
                add(c, sc, out=c)
                sum_of(c, axis=0, out=base)
                # B[o] = logaddexp(base[o], step[o+1] + B[o+1]), step[o+1] = cum[o+1] - cum[o]
                subtract(base, rev, out=step)
                sum_so_far(step, out=sums)
                add(rev, sums, out=out)
                continue
            if i == n:
                row_base = np.where(grid.row(n) == m, 0.0, neg)
            else:
                c = c[:, ::-1]  # in the row's order, as the far moves' slices are
                take(ix[:, ::-1], out=c, mode="clip")
                for r in moves.slow.get(i, ()):
                    shift = int(moves.shift[i, r])
                    lo, hi = max(0, -shift), min(width, width - shift)
                    start = moves.pad + lo + shift
                    c[r, lo:hi] = table[i + types[r][0], 0, start : start + hi - lo]
                add(c, sc[:, ::-1], out=c)
                row_base = sum_of(c, axis=0)
            pin = pinned.get(i)
            if pin is not None:
                row_base = np.where(grid.row(i) >= pin[1], row_base, neg)
            row = (rev + sum_so_far(row_base[::-1] - rev))[::-1].copy()
            outside_to_neg(row, first_in[i], first_out[i])
            if pin is not None:
                transit[i] = row.copy()
                row = np.where(grid.row(i) <= pin[0], row, neg)
            band[i] = row
    return band[: n + 1], transit


def check_totals(F: np.ndarray, B: np.ndarray, centre: np.ndarray, half: int, m: int) -> float:
    """The total of every path, as the forward sums give it at (n, m); the backward sums must
    give the same at (0, 0)."""
    n = len(F) - 1
    z = F[n, int(m - centre[n] + half)]
    if not math.isclose(z, B[0, int(half - centre[0])], rel_tol=1e-6, abs_tol=1e-3):
        raise AssertionError("forward and backward totals differ")  # a bug, never bad input
    return float(z)
