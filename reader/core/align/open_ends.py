"""Speech introductions: a paragraph that announces the next one joined to it at a lower price."""

# In the law books a speech is announced by a verse of its own ("And the LORD spake unto Moses,
# saying," / «وكلم الرب موسى قائلا:»), and a paragraph may end there. Where one side keeps the
# announcement with the speech in one sentence and the other has it as a paragraph alone, the
# true bead is a 2:1 of units, whose prior (-2.3) lost to leaving the short unit out (-1.5):
# its lexical term weighs its length, a quarter of a typical unit's (seeds 1-20: 137 such
# paragraphs left out wrongly, docs/benchmarks.md). The announcement and the speech are one
# sentence: as for the pieces of a cut sentence (align.subjoins), a bead that faces both with
# ONE unit of the other side is priced nearer the bead with that sentence whole. Only such
# beads: where both sides break there, two 1:1 beads are right, and a 2:2 priced as a 1:1
# would merge them. Part of the difference only (`share`): at all of it, an announcement the
# other side left out was taken into the speech's bead too (large's omission recall -0.004).

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.core.align.params import NEG

# an announcement: a paragraph ending "saying," (English), or a short one ending on a colon
# (the Arabic formula «... قائلا:», or "... saying:")
_SAYING = ("saying,", "saying:")
_SHORT = 80  # characters


def announces(text: str) -> bool:
    """Whether a paragraph ends by announcing a speech that the next paragraph holds."""
    end = text.rstrip()
    return end.endswith(_SAYING) or (end.endswith(":") and len(end) < _SHORT)


def open_after(texts: Sequence[str], first: np.ndarray) -> np.ndarray:
    """For each unit (`first`: paragraph -> its first unit, n + 1 entries), whether it is the
    first unit of a paragraph that the paragraph before it announces (both having units)."""
    out = np.zeros(int(first[-1]), dtype=bool)
    firsts = first.tolist()
    # the last character first: thousands of paragraphs, few of them end on a comma or colon
    for p, text in enumerate(texts[:-1], start=1):
        last = text[-1:]
        if not last or not (last in ",:" or last.isspace()):
            continue
        if firsts[p - 1] < firsts[p] < firsts[p + 1] and announces(text):
            out[firsts[p]] = True
    return out


def open_joins(
    scores: dict[tuple[int, int], np.ndarray],
    centre: np.ndarray,
    half: int,
    row_open: np.ndarray,
    col_open: np.ndarray,
    log_prior: dict[tuple[int, int], float],
    share: float,
    skip: tuple[np.ndarray, np.ndarray] | None = None,
    first: int = 0,
) -> None:
    """Add, in place, to every k:1 (1:k) bead of the band whose k rows (columns) hold units
    that `*_open` marks (each continues the one before it; the bead's first unit aside) `share`
    of the difference between its type's prior and that of the bead with those joins undone.
    `scores` as align.scores.score_band gives them (see align.subjoins.free_joins). Units
    `skip` marks (rows, columns: free joins of align.subjoins) are not counted twice.
    (`scores` and `centre` may be the band's rows from `first` on.)"""
    if skip is not None:
        row_open, col_open = row_open & ~skip[0], col_open & ~skip[1]
    if share == 0.0 or (not row_open.any() and not col_open.any()):
        return
    n, m = len(row_open), len(col_open)
    row_count = np.r_[0, np.cumsum(row_open)]
    col_count = np.r_[0, np.cumsum(col_open)]
    offsets = np.arange(2 * half + 1) - half
    for (ks, kt), table in scores.items():
        # only the rows of the band a join reaches are read: a few hundred of ten thousand
        if ks >= 2 and kt == 1:
            i = np.arange(first, first + len(centre))
            per_row = row_count[np.minimum(i, n)] - row_count[np.clip(i - ks + 1, 0, n)]
            rows = np.flatnonzero(per_row)
            joins = np.broadcast_to(per_row[rows][:, None], (len(rows), table.shape[1]))
        elif ks == 1 and kt >= 2:
            hi = col_count[np.clip(centre + half, 0, m)]
            rows = np.flatnonzero(hi - col_count[np.clip(centre - half - kt + 1, 0, m)])
            j = np.clip(centre[rows, None] + offsets[None, :], 0, m)
            joins = col_count[j] - col_count[np.clip(j - kt + 1, 0, m)]
        else:
            continue
        if not len(rows):
            continue
        block = table[rows]
        for js in range(1, max(ks, kt)):
            rest = (ks - js, 1) if ks >= 2 else (1, kt - js)
            mask = (joins == js) & (block > NEG / 2)
            block[mask] += np.float32(share * (log_prior[rest] - log_prior[(ks, kt)]))
        table[rows] = block
