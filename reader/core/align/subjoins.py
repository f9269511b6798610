"""Pieces of one cut sentence joined again in the sentence pass at no cost of their own."""

# reader.core.align.subunits cuts unpunctuated Arabic sentences where the facing English
# sentences break, before the sentence pass; each piece is then a unit, and a bead holding two
# pieces of one sentence paid its type's prior (a 2:1's, not the 1:1 the uncut sentence had), so
# every cut was a decision the cutter had to get right: cutting at every English sentence, not
# only between English paragraphs, cost small strict F1 0.018 (seeds 1-20). Scored as if it
# held the sentence whole (the prior of its type with each cut sentence counted once), a bead
# joins the pieces again at no cost of their own: a cut is an offer the sentence pass takes
# only where its own words and lengths say so.

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import numpy as np

from reader.core.align.params import NEG
from reader.core.align.piece_shape import PieceShape


def continued(before: Sequence[PieceShape], after: Sequence[PieceShape]) -> np.ndarray:
    """For each piece of `after` (the pieces of `before` with some cut), whether it continues
    the sentence of the piece before it: it starts where no piece of `before` did."""
    if after is before:
        return np.zeros(len(after), dtype=bool)  # nothing cut (the large pair's source side)
    # as numbers (paragraph, start) -> paragraph * stride + start, looked up all at once
    para_b, start_b = _places(before)
    para_a, start_a = _places(after)
    stride = int(max(start_b.max(initial=0), start_a.max(initial=0))) + 1
    if min(start_b.min(initial=0), start_a.min(initial=0)) < 0:
        starts = {(p.paragraph, p.start) for p in before}
        return np.fromiter(((p.paragraph, p.start) not in starts for p in after), dtype=bool,
                           count=len(after))
    keys_a, keys_b = para_a * stride + start_a, para_b * stride + start_b
    if len(keys_b) and np.all(keys_b[1:] > keys_b[:-1]):
        # the pieces come in order: one binary search each instead of isin's sorting
        at = np.minimum(np.searchsorted(keys_b, keys_a), len(keys_b) - 1)
        return keys_b[at] != keys_a
    return ~np.isin(keys_a, keys_b)


def _places(pieces: Sequence[PieceShape]) -> tuple[np.ndarray, np.ndarray]:
    k = len(pieces)
    return (np.fromiter(map(attrgetter("paragraph"), pieces), dtype=np.int64, count=k),
            np.fromiter(map(attrgetter("start"), pieces), dtype=np.int64, count=k))


def free_joins(
    scores: dict[tuple[int, int], np.ndarray],
    centre: np.ndarray,
    half: int,
    row_continued: np.ndarray,
    col_continued: np.ndarray,
    log_prior: dict[tuple[int, int], float],
    first: int = 0,
) -> None:
    """Add, in place, to every bead of the band holding two or more pieces of one sentence the
    difference between its type's prior and that of the bead with each such sentence whole.
    `scores` as align.scores.score_band gives them: the bead of type (ks, kt) at [i, w] ends
    before row i and column centre[i] + w - half; `*_continued` as `continued` says, per row
    and per column. (`scores` and `centre` may be the band's rows from `first` on.)"""
    if not row_continued.any() and not col_continued.any():
        return
    n, m = len(row_continued), len(col_continued)
    row_count = np.r_[0, np.cumsum(row_continued)]
    col_count = np.r_[0, np.cumsum(col_continued)]
    i = np.arange(first, first + len(centre))
    j = np.clip(centre[:, None] + np.arange(2 * half + 1)[None, :] - half, 0, m)
    for (ks, kt), table in scores.items():
        if ks == 0 or kt == 0 or (ks == 1 and kt == 1):
            continue
        # the pieces that continue the one before them, among the bead's rows and columns
        # but the first (the first may continue a sentence begun outside the bead)
        joins_s = (row_count[np.minimum(i, n)] - row_count[np.clip(i - ks + 1, 0, n)])[:, None]
        joins_t = col_count[j] - col_count[np.clip(j - kt + 1, 0, m)]
        if not joins_s.any() and not joins_t.any():
            continue
        if not joins_t.any():  # joins in the rows only (align.clause_cuts): those rows alone
            rows = np.flatnonzero(joins_s[:, 0])
            block, per_row = table[rows], joins_s[rows]
            for js in range(1, ks):
                if (ks - js, kt) in log_prior:
                    block[(per_row == js) & (block > NEG / 2)] += np.float32(
                        log_prior[(ks - js, kt)] - log_prior[(ks, kt)])
            table[rows] = block
            continue
        extra = np.zeros(table.shape, dtype=np.float32)
        for js in range(ks):
            for jt in range(kt):
                if (js or jt) and (ks - js, kt - jt) in log_prior:
                    mask = (joins_s == js) & (joins_t == jt)
                    extra[mask] = log_prior[(ks - js, kt - jt)] - log_prior[(ks, kt)]
        live = table > NEG / 2
        table[live] += extra[live]


def paragraph_firsts(pieces: Sequence[PieceShape], paragraphs: int) -> np.ndarray:
    """Each paragraph's first piece among `pieces` (align.units.Units.first: n + 1 entries)."""
    of = np.fromiter(map(attrgetter("paragraph"), pieces), dtype=np.int64, count=len(pieces))
    return np.searchsorted(of, np.arange(paragraphs + 1)).astype(np.int64)
