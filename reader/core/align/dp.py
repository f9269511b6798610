"""The banded dynamic programme over bead types: the best path, and the forward log-sums."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.grid import Grid, Moves, inside_bounds
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


def row_scores(
    scores: dict[tuple[int, int], np.ndarray], types: Sequence[tuple[int, int]],
    null: np.ndarray, null_at: int, n: int, width: int,
) -> np.ndarray:
    """The match types' score tables and a null type's score as one array, (rows, types + 1,
    width): row i's null score is null[i + null_at] (a row it does not reach scores 0). Float32
    unless a null score is not a float32 value: each cell adds exactly what it added alone."""
    dtype = np.float32 if np.array_equal(null.astype(np.float32), null) else np.float64
    out = np.zeros((n + 1, len(types) + 1, width), dtype=dtype)
    for r, t in enumerate(types):
        out[:, r] = scores[t]
    rows = np.arange(n + 1) + null_at
    ok = (rows >= 0) & (rows < len(null))
    out[ok, len(types)] = null[rows[ok]][:, None]
    return out


class _BlockScores:
    """`row_scores(scores, types, null, -1, n, width)[r0:r1].astype(np.float64)`, a block of
    rows at a time: the whole table in float32 was a copy of every score table."""

    def __init__(self, scores: dict[tuple[int, int], np.ndarray],
                 types: Sequence[tuple[int, int]], null: np.ndarray, n: int, width: int) -> None:
        self.tables = [scores[t] for t in types]
        self.null, self.n, self.width = null, n, width
        # row_scores keeps float32 when the null scores are float32 values: each score table
        # then goes through float32 on its way to float64
        self.single = bool(np.array_equal(null.astype(np.float32), null))

    def rows(self, r0: int, r1: int) -> np.ndarray:
        types = len(self.tables)
        out = np.empty((r1 - r0, types + 1, self.width))
        for r, table in enumerate(self.tables):
            block = table[r0:r1]
            out[:, r] = block if not self.single or block.dtype == np.float32 else \
                block.astype(np.float32)
        # row i's null score is null[i - 1]; a row without one (row 0) scores 0
        null = np.zeros(r1 - r0)
        lo, hi = max(r0, 1), min(r1, len(self.null) + 1)
        if hi > lo:
            null[lo - r0 : hi - r0] = self.null[lo - 1 : hi - 1]
        out[:, types] = null[:, None]
        return out


def plain_rows(first_in: Sequence[int], first_out: Sequence[int], width: int,
               special: Iterable[int]) -> list[bool]:
    """Per row, whether a sweep takes its short way through it: every cell inside the target
    text (`first_in` 0, `first_out` the width: grid.inside_bounds) and the row not one of
    `special` (the first or last, pinned rows, rows with far moves; rows outside the band are
    ignored). At once: a test per row cost more than a row's own arithmetic on a long band."""
    plain = (np.asarray(first_in) == 0) & (np.asarray(first_out) == width)
    rows = len(plain)
    plain[[i for i in special if 0 <= i < rows]] = False
    return plain.tolist()


# Candidate cells gathered per block of rows: the sweep's buffers stay in the cache, and what
# is done once per block (index arithmetic, back pointers) costs little per row.
_BLOCK_VALUES = 1 << 16


def block_rows(values_per_row: int) -> int:
    """Rows per block: a power of two up to 512, so that blocks start at every 512th row."""
    rows = 1
    while rows < 512 and 2 * rows * values_per_row <= _BLOCK_VALUES:
        rows *= 2
    return rows


def first_max(values: np.ndarray, top: np.ndarray | None = None) -> np.ndarray:
    """values.argmax(axis=1) for (rows, types, width): numpy's argmax over a middle axis
    costs per cell, comparing with the maximum costs per type. `top`, if given, is that
    maximum (values.max(axis=1)) as the sweep already has it."""
    types = values.shape[1]
    if top is None:
        # a binary maximum per type: numpy's reduction over a middle axis costs per cell
        # (the same maximum, but for which of two equal zeros: only compared with below)
        top = np.maximum(values[:, 0], values[:, -1])
        for r in range(1, types - 1):
            np.maximum(top, values[:, r], out=top)
    if np.isnan(top).any():
        return values.argmax(axis=1)  # a NaN wins where it stands first, as argmax has it
    if types == 2:
        # the first type unless it is not the maximum: one comparison, its bools as int8
        return np.not_equal(values[:, 0], top).view(np.int8)
    out = np.full(top.shape, types - 1, dtype=np.int8)
    at = np.empty(top.shape, dtype=bool)
    for r in range(types - 2, -1, -1):
        np.equal(values[:, r], top, out=at)
        np.putmask(out, at, r)
    return out


def run_dp(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    pinned: Pins | None = None,
    sums: bool = False,
    ready: Callable[[int], None] | None = None,
) -> Forward:
    """Viterbi over the band, and with `sums` the forward log-sums in the same sweep (the two
    share every candidate; numpy's cost here is per call, so one sweep does both). `ready(r)`,
    if given, is called before the sweep first reads the scores of rows below r (another
    process may still be scoring the later rows: align.band_halves).

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
    # without the sums, only the rows a bead reaches back to are read again (and row n, by
    # the trace): the table is a ring of them, row i at i % ring (the whole band's table was
    # megabytes of NEG to write); with them, every row (F)
    ring = n + 1 if sums else min(n + 1, max(ks for ks, _ in types) + 1)
    offset = _in_ring(moves, k, n, ring)
    # float64: on a book the running totals reach millions, beyond float32's resolution
    V = moves.table(ring - 1, k)  # [.., 0]: best, [.., 1]: log-sum
    flat = V.reshape(-1)
    band = V[:, :, moves.pad : moves.pad + width]
    lanes = np.arange(k)[:, None] * moves.stride + np.arange(width)[None, :]
    null_s = (params.log_prior[(1, 0)] + pb.src_null).astype(np.float64)
    S = _BlockScores(scores, match, null_s, n, width)
    # whether a 0:1 bead beat a cell's best candidate, and the bead type of the path's step
    moved = np.zeros((n + 1, width), dtype=bool)
    back = np.empty((n + 1, width), dtype=np.int8)
    grid = Grid.of(centre, half, m, params.log_prior[(0, 1)] + pb.tgt_null)
    cum = grid.cum
    first_in, first_out = inside_bounds(centre, half, m)
    transit: dict[int, np.ndarray] = {}
    pinned = pinned or {}
    slow = moves.slow
    # rows with nothing of their own (no pin, no cell outside the text, no far move) take the
    # short way through the loop: numpy's cost here is per call
    plain = plain_rows(first_in, first_out, width, [0, *pinned, *slow])
    take, add, subtract, maximum = flat.take, np.add, np.subtract, np.maximum
    two = len(types) == 2
    best_of, best_so_far = np.maximum.reduce, np.maximum.accumulate
    sum_of, sum_so_far = np.logaddexp.reduce, np.logaddexp.accumulate

    def edge_row(i: int, c: np.ndarray, ix: np.ndarray, sc: np.ndarray, base: np.ndarray,
                 ow: np.ndarray, a: np.ndarray) -> None:
        """A row that is not plain: the first, a pinned one, one leaving the text or with far
        moves. Its candidates into `c`, their best (and log-sum) into `base`, that less the
        0:1 sums into `ow`, and its running maximum (log-sum) into `a`."""
        if i == 0:
            c.fill(NEG)
            c[:, 0, grid.row(0) == 0] = 0.0
        else:
            take(ix, out=c, mode="clip")
            for r in slow.get(i, ()):
                shift = int(moves.shift[i, r])
                lo, hi = max(0, -shift), min(width, width - shift)
                start = moves.pad + lo + shift
                c[:, r, lo:hi] = V[(i - types[r][0]) % ring, :, start : start + hi - lo]
            add(c, sc, out=c)
        best_of(c[0], axis=0, out=base[0])
        if sums:
            sum_of(c[1], axis=0, out=base[1])
        pin = pinned.get(i)
        row_cum = cum[i]
        subtract(base if pin is None else np.where(grid.row(i) <= pin[0], base, NEG),
                 row_cum, out=ow)
        best_so_far(ow[0], out=a[0])
        if sums:
            sum_so_far(ow[1], out=a[1])
        row = row_cum + a
        row[:, : first_in[i]] = NEG  # cells outside the target text cannot be on a path
        row[:, first_out[i] :] = NEG
        if pin is not None:
            if sums:
                transit[i] = row[1].copy()
            row = np.where(grid.row(i) >= pin[1], row, NEG)
        band[i % ring] = row

    base = np.empty((k, width))  # the sums' row's best candidates and their log-sums
    base0, base1 = base[0], base[-1]
    rows = block_rows(k * len(types) * width)
    for r0 in range(0, n + 1, rows):
        if cancelled is not None and r0 % 512 == 0 and cancelled():
            raise Cancelled()
        r1 = min(n + 1, r0 + rows)
        if ready is not None:
            ready(r1)
        # every candidate of the block's rows, kept for the back pointers: (rows, k, types, width)
        cands = np.empty((r1 - r0, k, len(types), width))
        index = offset[r0:r1, None, :, None] + lanes[None, :, None, :]
        # float64 once per block: adding float32 to float64 row by row casts in small buffers
        block_scores = S.rows(r0, r1)
        own = np.empty((r1 - r0, k, width))  # the best candidate less the row's 0:1 sums
        acc = np.empty((r1 - r0, k, width))  # ... and its running maximum (log-sum)
        # a loop for each kind of sweep, so that a plain row meets no test but its own; the
        # views a row reads made by iterating (cheaper than indexing: numpy's cost here is
        # per call)
        if sums:
            top = None  # the block's best candidates, as the back pointers want them
            # each row's 0:1 sums in both planes: the row's subtraction broadcasts nothing
            # (numpy's broadcasting costs per call); each plane written apart (one call
            # writing both planes' runs, apart in the padded table, costs more than two)
            steps = np.empty((r1 - r0, k, width))
            steps[:] = cum[r0:r1, None, :]
            # one buffer of the best candidates and log-sums for every row: a view per row
            # costs more than the back pointers' maximum over the block
            for (i, is_plain, c, ix, sc, c0, c1, ow, ow0, ow1, a0, a1, st, st0, band0,
                 band1) in zip(
                    range(r0, r1), plain[r0:r1], cands, index, block_scores, cands[:, 0],
                    cands[:, 1], own, own[:, 0], own[:, 1], acc[:, 0], acc[:, 1], steps,
                    steps[:, 0], band[r0:r1, 0], band[r0:r1, 1], strict=True):
                if not is_plain:
                    edge_row(i, c, ix, sc, base, ow, acc[i - r0])
                    continue
                take(ix, out=c, mode="clip")
                add(c, sc, out=c)
                # 0:1 beads inside the row: D[o] = max(base[o], D[o-1] + step[o])
                best_of(c0, axis=0, out=base0)
                sum_of(c1, axis=0, out=base1)
                subtract(base, st, out=ow)
                best_so_far(ow0, out=a0)
                sum_so_far(ow1, out=a1)
                add(st0, a0, out=band0)
                add(st0, a1, out=band1)
        else:
            # one plane: 1-d calls (numpy reduces and accumulates along a row of a 2-d array
            # slower), and two types' maximum as one binary call (the same comparison the
            # reduction makes); each row's best candidate kept for the back pointers
            bases = np.empty((r1 - r0, 1, width))
            top = bases[:, 0]
            outs = [band[q, 0] for q in range(ring)]  # the ring's rows
            for i, is_plain, c, ix, sc, c00, c01, b, b0, ow, ow0, a, a0, row_cum, out in zip(
                    range(r0, r1), plain[r0:r1], cands, index, block_scores, cands[:, 0, 0],
                    cands[:, 0, -1], bases, bases[:, 0], own, own[:, 0], acc, acc[:, 0],
                    cum[r0:r1], [outs[i % ring] for i in range(r0, r1)], strict=True):
                if not is_plain:
                    edge_row(i, c, ix, sc, b, ow, a)
                    continue
                take(ix, out=c, mode="clip")
                add(c, sc, out=c)
                if two:
                    maximum(c00, c01, out=b0)
                else:
                    best_of(c[0], axis=0, out=b0)
                subtract(b0, row_cum, out=ow0)
                best_so_far(ow0, out=a0)
                add(row_cum, a0, out=out)
        # exact: the running maximum came from a cell to the left only if it beats this one
        np.greater(acc[:, 0], own[:, 0], out=moved[r0:r1])
        best = type_of_row[first_max(cands[:, 0], top)]
        back[r0:r1] = np.where(moved[r0:r1], _ZERO_ONE, best)
    back[0] = np.where(moved[0], _ZERO_ONE, -1)  # the start: nothing came before it
    path = trace(back, V[n % ring, 0, moves.pad : moves.pad + width], centre, half, n, m)
    return Forward(path, band[: n + 1, 1] if sums else None, transit)


def _in_ring(moves: Moves, planes: int, n: int, ring: int) -> np.ndarray:
    """moves.offset for a table whose band rows lie in a ring of `ring` rows (row i at
    i % ring) and whose row standing for outside the band is row `ring`."""
    size = planes * moves.stride
    # the linked row: an offset is row * size + pad + shift, the shift at most the pad
    linked = (moves.offset - moves.pad + size // 2) // size
    rest = moves.offset - linked * size
    return np.where(linked > n, ring, linked % ring) * size + rest


def trace(back: np.ndarray, last: np.ndarray, centre: np.ndarray, half: int, n: int, m: int
          ) -> list[Step]:
    """The best path, from the back pointers, traced from (n, m); `last`: the best scores of
    row n. ReaderError when (n, m) cannot be reached."""
    width = 2 * half + 1
    o = int(m - centre[n] + half)
    if not 0 <= o < width or last[o] <= NEG / 2:
        raise ReaderError(
            "the two texts cannot be aligned: their paragraph counts differ more than a text "
            "this long allows (try --blocks if one side is hard-wrapped)"
        )
    path: list[Step] = []
    append = path.append
    i, j = n, m
    # the walk reads single cells: Python ints cost less per read than numpy scalars
    at, read = centre.tolist(), back.item
    while i > 0 or j > 0:
        t = read(i, o)
        if t < 0:
            # cannot happen: every cell on the band's path has a predecessor
            raise RuntimeError(f"alignment lost its path at source paragraph {i}")
        bead = BEAD_TYPES[t]
        append((bead, i, j))
        i -= bead[0]
        j -= bead[1]
        o = j - at[i] + half
    path.reverse()
    return path


def path_to_beads(path: Sequence[Step], conf: Sequence[float]) -> list[Bead]:
    beads = []
    for ((ks, kt), i, j), c in zip(path, conf, strict=True):
        beads.append(Bead(tuple(range(i - ks, i)), tuple(range(j - kt, j)), c))
    return beads
