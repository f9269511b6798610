"""Paragraph beads from a sentence alignment: paragraphs joined by linked sentences, in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from reader.core.align.beads import Bead


class UnitSides(Protocol):
    """What joining reads of one side's units (align.units.Units)."""

    @property
    def paragraph(self) -> np.ndarray: ...  # unit -> its paragraph

    @property
    def first(self) -> np.ndarray: ...  # paragraph -> its first unit (n + 1 entries)


def paragraph_beads(unit_beads: Sequence[Bead], src: UnitSides, tgt: UnitSides
                    ) -> list[Bead]:
    """Paragraphs joined by linked units, in order; a paragraph with no linked unit is left out.
    (Confidence is left at 1: the caller knows how sure the path is.)"""
    # each unit bead as its first and last paragraph on each side (-1: none)
    first_s, last_s = _end_paragraphs([b.src for b in unit_beads], src.paragraph)
    first_t, last_t = _end_paragraphs([b.tgt for b in unit_beads], tgt.paragraph)
    # where the unit path takes each side's units
    src_taken = np.cumsum([len(b.src) for b in unit_beads])
    tgt_taken = np.cumsum([len(b.tgt) for b in unit_beads])
    runs = _joined((first_s, last_s, src_taken), (first_t, last_t, tgt_taken), src, tgt)
    return [Bead(s, t) for s, t in runs]


def path_paragraph_runs(src_units: np.ndarray, tgt_units: np.ndarray, src: UnitSides,
                        tgt: UnitSides) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """`paragraph_beads` of the unit beads a path takes, as each bead's (source, target)
    paragraphs: bead k holds `src_units[k]` source units and `tgt_units[k]` target units, in
    order from the first of each side (the steps of align.dp.trace, as counts: no Bead made
    per unit bead); the caller makes the Beads once it knows how sure each is (a large pair
    has thousands)."""
    ends = []
    for units, side in ((src_units, src), (tgt_units, tgt)):
        taken = np.cumsum(units)
        # a bead's first unit is where the bead before it ended, its last one before its end
        first, last = taken - units, taken - 1
        held = units > 0
        if len(side.paragraph):
            first = np.where(held, side.paragraph[np.where(held, first, 0)], -1)
            last = np.where(held, side.paragraph[np.where(held, last, 0)], -1)
        else:
            first = last = np.full(len(units), -1, dtype=np.int64)
        ends.append((first, last, taken))
    return _joined(ends[0], ends[1], src, tgt)


def _joined(src_ends: tuple[np.ndarray, np.ndarray, np.ndarray],
            tgt_ends: tuple[np.ndarray, np.ndarray, np.ndarray], src: UnitSides,
            tgt: UnitSides) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """`paragraph_beads`' (source, target) runs from each unit bead's first and last paragraph
    on each side (-1: none) and how many units of that side the path has taken at its end."""
    n, m = len(src.first) - 1, len(tgt.first) - 1
    first_s, last_s, src_taken = src_ends
    first_t, last_t, tgt_taken = tgt_ends
    # the furthest paragraph on the other side each paragraph is linked to (-1: none); a
    # unit bead spans at most a few paragraphs, so its first and last cover it
    src_reach = np.full(n, -1, dtype=np.int64)
    tgt_reach = np.full(m, -1, dtype=np.int64)
    link = (first_s >= 0) & (first_t >= 0)
    for ends, reach, other in (
        (first_s, src_reach, last_t),
        (last_s, src_reach, last_t),
        (first_t, tgt_reach, last_s),
        (last_t, tgt_reach, last_s),
    ):
        np.maximum.at(reach, ends[link], other[link])
    # where the unit path takes each side's units: two left-out paragraphs facing each other
    # come in the path's order, so that each bead's corners are points the path passes (rare:
    # looked up only when it happens)
    def taken_at(taken: np.ndarray, first: np.ndarray, k: int) -> int:
        return int(np.searchsorted(taken, first[k], side="right"))

    # the walk reads single cells: Python lists cost less per read than arrays
    s_reach, t_reach = src_reach.tolist(), tgt_reach.tolist()
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i = j = 0
    while i < n or j < m:
        src_out = i < n and s_reach[i] < 0
        tgt_out = j < m and t_reach[j] < 0
        if src_out and tgt_out:
            # the unit bead that takes each paragraph's first unit
            src_out = taken_at(src_taken, src.first, i) <= taken_at(tgt_taken, tgt.first, j)
            tgt_out = not src_out
        if src_out:
            beads.append(((i,), ()))
            i += 1
        elif tgt_out:
            beads.append(((), (j,)))
            j += 1
        else:
            # links are monotone, so i and j are linked to each other: grow the bead until
            # none of its paragraphs is linked beyond the other side's end (the furthest
            # reach of its paragraphs kept as it grows: most beads are one step)
            i1, j1 = i + 1, j + 1
            reach_t, reach_s = s_reach[i] + 1, t_reach[j] + 1
            while reach_t > j1 or reach_s > i1:
                grown_i, grown_j = max(i1, reach_s), max(j1, reach_t)
                if grown_i > i1:
                    reach_t = max(reach_t, max(s_reach[i1:grown_i]) + 1)
                if grown_j > j1:
                    reach_s = max(reach_s, max(t_reach[j1:grown_j]) + 1)
                i1, j1 = grown_i, grown_j
            beads.append((tuple(range(i, i1)), tuple(range(j, j1))))
            i, j = i1, j1
    return beads


def _end_paragraphs(sides: Sequence[tuple[int, ...]], paragraph: np.ndarray) -> tuple[
        np.ndarray, np.ndarray]:
    """The paragraphs of the first and last unit of each bead's side (-1: the side is empty)."""
    first = np.array([units[0] if units else -1 for units in sides], dtype=np.int64)
    last = np.array([units[-1] if units else -1 for units in sides], dtype=np.int64)
    if not len(paragraph):
        return first, last
    return (np.where(first >= 0, paragraph[np.maximum(first, 0)], -1),
            np.where(last >= 0, paragraph[np.maximum(last, 0)], -1))
