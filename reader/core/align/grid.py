"""The band as the two sweeps walk it: target positions, 0:1 running sums, padded tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.params import NEG


@dataclass(slots=True)
class Grid:
    """Per band row: the target position of each cell, whether it is inside the text, and the
    running sum of 0:1 bead scores along the row (outside the text the step is 0: those cells
    are NEG already, and a NEG step would swamp the running sum's precision)."""

    centre: np.ndarray
    half: int
    m: int
    cum: np.ndarray

    @classmethod
    def of(cls, centre: np.ndarray, half: int, m: int, null_t: np.ndarray) -> Grid:
        width = 2 * half + 1
        # the step into target position j, laid out from the band's leftmost position: each
        # row's steps are a window of it (one gather, where per-cell indices cost five passes)
        left = int(centre.min(initial=0)) - half
        span = int(centre.max(initial=0)) + half + 1 - left
        steps = np.zeros(span, dtype=np.result_type(null_t.dtype, np.float32))
        lo, hi = max(1, left), min(m, left + span - 1)
        if hi >= lo:
            steps[lo - left : hi - left + 1] = null_t[lo - 1 : hi]
        windows = np.lib.stride_tricks.sliding_window_view(steps, width)
        cum = np.empty((len(centre), width), dtype=np.float64)
        # a block of rows at a time: on a wide first band the whole band's temporaries were
        # the peak of a 4,000-paragraph pair's memory
        for r0 in range(0, len(centre), _GRID_ROWS):
            step = windows[centre[r0 : r0 + _GRID_ROWS] - half - left]
            step[:, 0] = 0.0
            np.cumsum(step, axis=1, dtype=np.float64, out=cum[r0 : r0 + _GRID_ROWS])
        return cls(centre, half, m, cum)

    def row(self, i: int) -> np.ndarray:
        """The target position of each cell of row i."""
        return self.centre[i] + np.arange(2 * self.half + 1) - self.half

    @property
    def j(self) -> np.ndarray:
        """The target position of every cell, (rows, width)."""
        return self.centre[:, None] + np.arange(2 * self.half + 1)[None, :] - self.half

    @property
    def inside(self) -> np.ndarray:
        j = self.j
        return (j >= 0) & (j <= self.m)


_GRID_ROWS = 512


_MAX_PAD = 8  # NEG cells either side of a padded row: most shifts are a few cells


@dataclass(slots=True)
class Moves:
    """Where each bead type's other end lies, row by row, in padded tables of the band.

    Rows of a table hold `pad` cells of NEG either side of the band, and one more row of NEG
    stands for every cell outside it, so that one `take` of flat indices gathers the candidate
    cells of every bead type for a row (numpy's cost here is per call, not per cell).
    `offset[i, r]` is the flat index of the cell that bead type r links to cell 0 of row i.
    """

    pad: int
    stride: int  # cells in a padded row
    offset: np.ndarray  # (n + 1, types) int64
    shift: np.ndarray  # (n + 1, types): the linked cell of cell o is o + shift
    slow: dict[int, list[int]]  # row -> bead types whose linked cells lie beyond the pad

    @classmethod
    def of(
        cls, centre: np.ndarray, half: int, types: Sequence[tuple[int, int]], planes: int,
        forward: bool,
    ) -> Moves:
        n = len(centre) - 1
        width = 2 * half + 1
        rows = np.arange(n + 1)
        shift = np.zeros((n + 1, len(types)), dtype=np.int64)
        linked = np.empty((n + 1, len(types)), dtype=np.int64)
        for r, (ks, kt) in enumerate(types):
            # forward: a bead ending at row i starts at row i - ks; backward: the other way
            other = rows - ks if forward else rows + ks
            ok = (other >= 0) & (other <= n)
            oc = centre[np.clip(other, 0, n)]
            shift[:, r] = (centre - oc - kt) if forward else (centre + kt - oc)
            linked[:, r] = np.where(ok, other, -1)
        reach = np.abs(shift)
        pad = int(min(_MAX_PAD, reach[linked >= 0].max(initial=0)))
        stride = width + 2 * pad
        # a shift beyond the pad but inside the band's width: that bead's cells are gathered
        # one slice at a time (few rows: where the path crossed a long run of 0:1 beads)
        far = (linked >= 0) & (reach > pad)
        slow: dict[int, list[int]] = {}
        for i, r in zip(*np.nonzero(far & (reach < width)), strict=True):
            slow.setdefault(int(i), []).append(int(r))
        linked[far] = -1
        dummy = n + 1
        offset = np.where(linked >= 0, linked, dummy) * planes * stride + pad
        offset += np.where(linked >= 0, shift, 0)
        return cls(pad, stride, offset, shift, slow)

    def table(self, n: int, planes: int) -> np.ndarray:
        """A padded table of NEG: n + 1 rows of the band and the row standing for outside."""
        return np.full((n + 2, planes, self.stride), NEG, dtype=np.float64)


def inside_bounds(centre: np.ndarray, half: int, m: int) -> tuple[list[int], list[int]]:
    """Per row, the first cell inside the target (j >= 0) and the first past its end (j > m)."""
    width = 2 * half + 1
    first_in = np.clip(half - centre, 0, width)
    first_out = np.clip(m - centre + half + 1, 0, width)
    return first_in.tolist(), first_out.tolist()


def outside_to_neg(row: np.ndarray, first_in: int, first_out: int) -> None:
    """Cells of a band row outside the target text cannot be on a path."""
    row[:first_in] = NEG
    row[first_out:] = NEG
