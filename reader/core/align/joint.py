"""The forward and the backward sweep in one loop: row i forward beside row n - i backward."""

# The two sweeps of a pass that wants posteriors (reader.core.align.dp's run_dp with sums,
# .posterior's backward) are independent: each row of one needs only the rows before it in its
# own direction. numpy's cost here is per call, so one loop takes the forward sweep's row i and
# the backward sweep's row n - i together: one gather, one addition, one subtraction and one
# store for both, the backward's log-sums reduced and accumulated in the same calls as the
# forward's. The backward rows are kept reversed (their 0:1 sums run from the right), so that
# every plane accumulates left to right. Each cell goes through the very operations, in the very
# order, that the two sweeps apart give it: the same results bit for bit (test_sweeps_exact,
# against the row-by-row reference).

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.dp import _ZERO_ONE, Forward, Pins, block_rows, first_max, row_scores, trace
from reader.core.align.grid import Grid, inside_bounds
from reader.core.align.model import Problem
from reader.core.align.params import BEAD_TYPES, NEG, AlignerParams
from reader.core.align.posterior import Sweeps, check_totals, scores_from_start
from reader.core.errors import Cancelled
from reader.core.progress import CancelCheck

_PAD = 8  # NEG cells either side of a padded row, as reader.core.align.grid's Moves keeps


def sweep_both(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    pinned: Pins | None = None,
) -> tuple[Forward, Sweeps]:
    """`run_dp(..., pinned, sums=True)`, and `backward` of its result, in one loop."""
    n, m = pb.n, pb.m
    width = 2 * half + 1
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    type_of_row = np.array([BEAD_TYPES.index(t) for t in types], dtype=np.int8)
    links = _Links.of(centre, half, types)
    pad, stride = links.pad, width + 2 * links.pad
    # step s: planes 0 and 1 hold the forward row s (best, log-sum), plane 2 the backward row
    # n - s reversed; one more step of NEG stands for every cell outside the band
    table = np.full((n + 2, 3, stride), NEG, dtype=np.float64)
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    S_f = row_scores(scores, match, null_s.astype(np.float64), -1, n, width)
    S_b = np.empty((n + 1, len(types), width), dtype=np.result_type(null_s.dtype, np.float32))
    S_b[:, :-1] = scores_from_start(scores, match, links.shift_b[:, :-1], n, width)
    S_b[:n, -1] = null_s[:n, None]
    S_b[n, -1] = 0.0
    grid = Grid.of(centre, half, m, null_t)
    rev_cum = (grid.cum[:, -1:] - grid.cum)[:, ::-1]
    first_in, first_out = inside_bounds(centre, half, m)
    sweep = _Sweep(n, m, width, table, pad, grid, pinned or {}, first_in, first_out, types,
                   links)
    plain = sweep.plain_rows()
    # flat offsets of each step's candidates, (steps, planes, types); the backward plane's
    # cells move the other way, as its rows are reversed
    offsets = np.empty((n + 1, 3, len(types)), dtype=np.int64)
    offsets[:, 0] = links.step_f * 3 * stride + pad + np.where(links.step_f <= n,
                                                               links.shift_f, 0)
    offsets[:, 1] = offsets[:, 0] + stride
    step_b, shift_b = links.step_b[::-1], links.shift_b[::-1]
    offsets[:, 2] = step_b * 3 * stride + 2 * stride + pad - np.where(step_b <= n, shift_b, 0)
    lanes = np.arange(width)
    moved = np.zeros((n + 1, width), dtype=bool)
    back = np.empty((n + 1, width), dtype=np.int8)
    transit_f: dict[int, np.ndarray] = {}
    transit_b: dict[int, np.ndarray] = {}
    band = sweep.band
    take, add, subtract = table.reshape(-1).take, np.add, np.subtract
    best_of, best_so_far = np.maximum.reduce, np.maximum.accumulate
    sum_of, sum_so_far = np.logaddexp.reduce, np.logaddexp.accumulate
    base = np.empty((3, width))
    base0, base12 = base[0], base[1:]
    rows = block_rows(3 * len(types) * width)
    for r0 in range(0, n + 1, rows):
        if cancelled is not None and r0 % 512 == 0 and cancelled():
            raise Cancelled()
        r1 = min(n + 1, r0 + rows)
        k = r1 - r0
        cands = np.empty((k, 3, len(types), width))
        index = offsets[r0:r1, :, :, None] + lanes
        # float64 once per block: adding float32 to float64 row by row casts in small buffers
        block_scores = np.empty((k, 3, len(types), width))
        block_scores[:, 0] = S_f[r0:r1]
        block_scores[:, 1] = block_scores[:, 0]
        block_scores[:, 2] = S_b[n + 1 - r1 : n + 1 - r0][::-1, :, ::-1]
        steps = np.empty((k, 3, width))  # each plane's running 0:1 sums
        steps[:, 0] = grid.cum[r0:r1]
        steps[:, 1] = steps[:, 0]
        steps[:, 2] = rev_cum[n + 1 - r1 : n + 1 - r0][::-1]
        own = np.empty((k, 3, width))  # the best candidates less the 0:1 sums
        acc = np.empty((k, 3, width))  # ... and their running maxima (log-sums)
        # each row's views made by iterating (cheaper than indexing: numpy's cost here is per
        # call)
        views = zip(range(r0, r1), plain[r0:r1], cands, cands[:, 0], cands[:, 1:], index,
                    block_scores, steps, own, own[:, 0], own[:, 1], own[:, 2], acc,
                    acc[:, 0], acc[:, 1], acc[:, 2], band[r0:r1], strict=True)
        for s, is_plain, c, c0, c12, ix, sc, st, ow, ow0, ow1, ow2, ac, ac0, ac1, ac2, out in views:
            if is_plain:
                take(ix, out=c, mode="clip")
                add(c, sc, out=c)
                best_of(c0, axis=0, out=base0)
                sum_of(c12, axis=1, out=base12)
                subtract(base, st, out=ow)
                best_so_far(ow0, out=ac0)
                # (two calls: numpy accumulates along the rows of a 2-d array slower)
                sum_so_far(ow1, out=ac1)
                sum_so_far(ow2, out=ac2)
                add(st, ac, out=out)
                continue
            q = s - r0
            sweep.forward_row(s, c[:2], index[q, :2], block_scores[q, :2], steps[q, 0],
                              own[q, :2], acc[q, :2], transit_f)
            sweep.backward_row(n - s, c[2], index[q, 2], block_scores[q, 2], steps[q, 2],
                               transit_b)
        # exact: the running maximum came from a cell to the left only if it beats this one
        np.greater(acc[:, 0], own[:, 0], out=moved[r0:r1])
        best = type_of_row[first_max(cands[:, 0])]
        back[r0:r1] = np.where(moved[r0:r1], _ZERO_ONE, best)
    back[0] = np.where(moved[0], _ZERO_ONE, -1)  # the start: nothing came before it
    path = trace(back, band[n, 0], centre, half, n, m)
    F = band[: n + 1, 1]
    forward = Forward(path, F, transit_f)
    B = band[: n + 1, 2][::-1, ::-1]
    z = check_totals(F, B, centre, half, m)
    return forward, Sweeps(centre, half, scores, null_s, null_t, forward, F, B, transit_b, z)


@dataclass(slots=True)
class _Links:
    """Where each bead type's other end lies in both directions, row by row, as
    reader.core.align.grid's Moves has it but with one pad for both: the row it was computed
    at (n + 1 where it lies outside the band or beyond the pad), the shift of its cells, and
    the rows whose moves beyond the pad are copied a slice at a time."""

    pad: int
    step_f: np.ndarray  # (n + 1, types): forward row i's linked row, a step
    shift_f: np.ndarray
    step_b: np.ndarray  # backward row i's linked row, as the step it is computed at
    shift_b: np.ndarray
    slow_f: dict[int, list[int]]
    slow_b: dict[int, list[int]]

    @classmethod
    def of(cls, centre: np.ndarray, half: int, types: Sequence[tuple[int, int]]) -> _Links:
        n = len(centre) - 1
        width = 2 * half + 1
        rows = np.arange(n + 1)
        shifts, linked = [], []
        for forward in (True, False):
            shift = np.zeros((n + 1, len(types)), dtype=np.int64)
            link = np.empty((n + 1, len(types)), dtype=np.int64)
            for r, (ks, kt) in enumerate(types):
                other = rows - ks if forward else rows + ks
                ok = (other >= 0) & (other <= n)
                oc = centre[np.clip(other, 0, n)]
                shift[:, r] = (centre - oc - kt) if forward else (centre + kt - oc)
                link[:, r] = np.where(ok, other, -1)
            shifts.append(shift)
            linked.append(link)
        reach = [np.abs(shift) for shift in shifts]
        pad = int(min(_PAD, max(r[link >= 0].max(initial=0) for r, link in zip(
            reach, linked, strict=True))))
        slow: list[dict[int, list[int]]] = [{}, {}]
        for d in (0, 1):
            far = (linked[d] >= 0) & (reach[d] > pad)
            for i, r in zip(*np.nonzero(far & (reach[d] < width)), strict=True):
                slow[d].setdefault(int(i), []).append(int(r))
            linked[d][far] = -1
        # forward row i is computed at step i, backward row i at step n - i
        step_f = np.where(linked[0] >= 0, linked[0], n + 1)
        step_b = np.where(linked[1] >= 0, n - linked[1], n + 1)
        return cls(pad, step_f, shifts[0], step_b, shifts[1], slow[0], slow[1])


@dataclass(slots=True)
class _Sweep:
    """The rows either sweep computes on its own (run_dp's and backward's code for them): the
    first and last, rows leaving the text, pinned rows, rows with moves beyond the pad."""

    n: int
    m: int
    width: int
    table: np.ndarray
    pad: int
    grid: Grid
    pinned: Pins
    first_in: list[int]
    first_out: list[int]
    types: Sequence[tuple[int, int]]
    links: _Links

    @property
    def band(self) -> np.ndarray:
        return self.table[:, :, self.pad : self.pad + self.width]

    def _full(self, i: int) -> bool:
        return (self.first_in[i] == 0 and self.first_out[i] == self.width
                and i not in self.pinned)

    def plain_forward(self, i: int) -> bool:
        return i > 0 and self._full(i) and i not in self.links.slow_f

    def plain_backward(self, i: int) -> bool:
        return i < self.n and self._full(i) and i not in self.links.slow_b

    def plain_rows(self) -> list[bool]:
        """`plain_forward(i) and plain_backward(n - i)` of each step i, at once (a call per
        row cost more than the row's own arithmetic on a long band)."""
        n = self.n
        full = (np.asarray(self.first_in) == 0) & (np.asarray(self.first_out) == self.width)
        full[[i for i in self.pinned if 0 <= i <= n]] = False
        forward, backward = full.copy(), full
        forward[[0, *self.links.slow_f]] = False
        backward[[n, *self.links.slow_b]] = False
        return (forward & backward[::-1]).tolist()

    def _far(self, c: np.ndarray, shift: int, source: np.ndarray) -> None:
        """Cells of a move beyond the pad: c[o] = source[o + shift] where that is in the band."""
        lo, hi = max(0, -shift), min(self.width, self.width - shift)
        start = self.pad + lo + shift
        c[..., lo:hi] = source[..., start : start + hi - lo]

    def forward_row(self, i: int, c: np.ndarray, index: np.ndarray, scores: np.ndarray,
                    row_cum: np.ndarray, own: np.ndarray, acc: np.ndarray,
                    transit: dict[int, np.ndarray]) -> None:
        """Forward row i (best and log-sum planes), as run_dp computes a row that is not
        plain; its candidates into `c`, the best less the 0:1 sums into `own`, their running
        maxima and log-sums into `acc`."""
        grid, table = self.grid, self.table
        if i == 0:
            c.fill(NEG)
            c[:, 0, grid.row(0) == 0] = 0.0
        else:
            table.reshape(-1).take(index, out=c, mode="clip")
            for r in self.links.slow_f.get(i, ()):
                self._far(c[:, r], int(self.links.shift_f[i, r]),
                          table[i - self.types[r][0], 0:2])
            np.add(c, scores, out=c)
        base = np.empty((2, self.width))
        np.maximum.reduce(c[0], axis=0, out=base[0])
        np.logaddexp.reduce(c[1], axis=0, out=base[1])
        pin = self.pinned.get(i)
        np.subtract(base if pin is None else np.where(grid.row(i) <= pin[0], base, NEG),
                    row_cum, out=own)
        np.maximum.accumulate(own[0], out=acc[0])
        np.logaddexp.accumulate(own[1], out=acc[1])
        row = row_cum + acc
        row[:, : self.first_in[i]] = NEG  # cells outside the target text cannot be on a path
        row[:, self.first_out[i] :] = NEG
        if pin is not None:
            transit[i] = row[1].copy()
            row = np.where(grid.row(i) >= pin[1], row, NEG)
        self.band[i, 0:2] = row

    def backward_row(self, i: int, c: np.ndarray, index: np.ndarray, scores: np.ndarray,
                     rev: np.ndarray, transit: dict[int, np.ndarray]) -> None:
        """Backward row i, reversed, as posterior.backward computes a row that is not plain
        (there in the row's order: here each array is read from the right)."""
        n, grid, table, width = self.n, self.grid, self.table, self.width
        neg = float(NEG)
        cells = grid.row(i)[::-1]
        if i == n:
            base = np.where(grid.row(n) == self.m, 0.0, neg)[::-1]
        else:
            table.reshape(-1).take(index, out=c, mode="clip")
            for r in self.links.slow_b.get(i, ()):
                self._far(c[r], -int(self.links.shift_b[i, r]),
                          table[n - i - self.types[r][0], 2])
            np.add(c, scores, out=c)
            base = np.logaddexp.reduce(c, axis=0)
        pin = self.pinned.get(i)
        if pin is not None:
            base = np.where(cells >= pin[1], base, neg)
        row = rev + np.logaddexp.accumulate(base - rev)
        row[width - self.first_in[i] :] = NEG  # cells outside the target text
        row[: width - self.first_out[i]] = NEG
        if pin is not None:
            transit[i] = row[::-1].copy()
            row = np.where(cells <= pin[0], row, neg)
        self.band[n - i, 2] = row
