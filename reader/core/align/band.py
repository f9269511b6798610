"""The band the programme runs in: its centres along an expected path, its width, its dots."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from reader.core.align.params import AlignerParams

# Cells are (source prefix i, offset o) with target prefix j = centre[i] + o - half: a band of
# fixed width around an expected path, so time and memory grow linearly with the pair.


# a path: its points (i, j) in order, as tuples or as the rows of an (points, 2) array
Path = Sequence[tuple[int, int]] | np.ndarray


def _points(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """The path's rows and target positions as two arrays."""
    points = np.array(path, dtype=np.int64).reshape(-1, 2)
    return points[:, 0], points[:, 1]


def _row_extent(path: Path, n: int, lowest: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the least and the greatest target position the path visits there (`lowest`
    and -1 where it visits none)."""
    rows, cols = _points(path)
    lo = np.full(n + 1, lowest, dtype=np.int64)
    hi = np.full(n + 1, -1, dtype=np.int64)
    np.minimum.at(lo, rows, cols)
    np.maximum.at(hi, rows, cols)
    return lo, hi


def path_row_span(path: Path, n: int) -> int:
    """The widest range of target positions that a path visits within one source row."""
    lo, hi = _row_extent(path, n, np.iinfo(np.int64).max)
    seen = hi >= 0
    return int((hi[seen] - lo[seen]).max()) if seen.any() else 0


def band_half(
    path: Path, n: int, centre: np.ndarray, minimum: int, longest: int
) -> int:
    """Half the width of a band around `centre` that holds `path`: every row's visits fit, and
    each row's band reaches the next one's with a bead of at most `longest` target units (a
    path point far from its row's neighbours, as where one unit faces many, moves the centre
    further than the visits alone say). The first and last rows are centred on the text's
    corners, not on their visits: a run of 0:1 beads there lies to one side of the centre."""
    jump = int(np.diff(centre).max(initial=0))
    rows, cols = _points(path)
    at_ends = (rows == 0) | (rows == n)
    ends = int(np.abs(cols[at_ends] - centre[rows[at_ends]]).max(initial=0))
    return max(minimum, path_row_span(path, n) // 2 + 2, -(-(jump - longest) // 2), ends)


def diagonal_half(n: int, m: int, params: AlignerParams) -> int:
    """Half the width of the first band around the diagonal: a share of the longer side, and
    wide enough for the difference in length, and never wider than the target: a row's band
    is centred in [0, m], so a half of m + 3 already holds every column (wider, 2,000 rows
    against one target paragraph made 2,000 x 4,000 cells per bead type)."""
    return min(max(params.band_min, int(params.band_fraction * max(n, m)), abs(n - m) + 8), m + 3)


def half_cap(n: int, params: AlignerParams) -> int:
    """The widest half band of n + 1 rows that the cell budget allows."""
    return max(4, params.max_cells // (n + 1) // 2)


def band_centres(n: int, m: int, path: Path | None) -> np.ndarray:
    if path is None:
        return np.round(np.arange(n + 1) * (m / max(n, 1))).astype(np.int64)
    lo, hi = _row_extent(path, n, m)
    # rows inside a 2:1 or 3:1 bead are not on the path: they take the row before them
    centre = np.where(hi >= 0, (lo + hi) // 2, -1)
    centre[0] = 0
    centre[n] = m
    return np.maximum.accumulate(centre)


def dot_band(src: sp.csr_matrix, tgt: sp.csr_matrix, centre: np.ndarray, half: int) -> np.ndarray:
    """dots[a, q] = src[a] . tgt[centre[a] - half + q], zero outside the text."""
    out = np.zeros((src.shape[0], 2 * half + 1), dtype=np.float32)
    dot_rows(src, tgt, centre, half, out, 0, src.shape[0])
    return out


def dot_rows(src: sp.csr_matrix, tgt: sp.csr_matrix, centre: np.ndarray, half: int,
             out: np.ndarray, start: int, end: int) -> None:
    """`dot_band`'s rows start..end-1 into the same rows of `out` (zeros where the band leaves
    the text; `start` a multiple of DOT_ROWS, so that each product is dot_band's)."""
    m = tgt.shape[0]
    width = 2 * half + 1
    chunk = DOT_ROWS
    for a0 in range(start, end, chunk):
        a1 = min(end, a0 + chunk)
        lo = max(0, int(centre[a0]) - half)
        hi = min(m, int(centre[a1 - 1]) + half + 1)
        if hi <= lo:
            continue
        # each dot adds its terms in the source row's order, whatever the target slice
        block = (src[a0:a1] @ tgt[lo:hi].T).toarray()
        # row a's band starts at column centre[a] - half of the text: a window of the block,
        # padded with zeros where the band leaves it
        first = centre[a0:a1] - half - lo
        left = max(0, -int(first.min()))
        right = max(0, int(first.max()) + width - (hi - lo))
        if left or right:
            block = np.pad(block, ((0, 0), (left, right)))
        windows = np.lib.stride_tricks.sliding_window_view(block, width, axis=1)
        out[a0:a1] = windows[np.arange(a1 - a0), first + left]


def dot_window(
    dots: np.ndarray, centre: np.ndarray, half: int, new_centre: np.ndarray, new_half: int
) -> np.ndarray | None:
    """`dot_band(.., new_centre, new_half)` read out of `dots`, the dot band of the same
    vectors around `centre` (each dot is the same whatever band computed it: see dot_band);
    None unless the old band holds every row's new band."""
    width = 2 * new_half + 1
    start = new_centre - new_half - (centre - half)
    if len(dots) != len(new_centre) - 1 or not len(dots):
        return None
    start = start[: len(dots)]
    if int(start.min()) < 0 or int(start.max()) + width > dots.shape[1]:
        return None
    windows = np.lib.stride_tricks.sliding_window_view(dots, width, axis=1)
    return windows[np.arange(len(dots)), start]


# source rows whose dots one sparse product gives: fewer rows waste fewer products outside
# the band, more cost more calls
DOT_ROWS = 128
