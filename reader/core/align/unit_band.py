"""The sentence pass's band: the paragraph path in unit coordinates, the corners it must pass."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.params import MATCH_TYPES
from reader.core.align.unit_beads import UnitSides


class UnitEnds(UnitSides, Protocol):
    """What the band reads of one side's units (align.units.Units)."""

    @property
    def posts(self) -> np.ndarray: ...  # paragraph -> it is an embedded post


def unit_path(beads: Sequence[Bead], src: UnitEnds, tgt: UnitEnds) -> np.ndarray:
    """The paragraph path in unit coordinates, interpolated inside each bead: its points as
    rows (i, j) of an array (the band reads them as arrays: no list of tuples to convert)."""
    src_first, tgt_first = src.first.tolist(), tgt.first.tolist()  # read one at a time
    # each bead's end, then the points inside the beads all at once
    ends_s, ends_t = [0], [0]
    i = j = 0
    for b in beads:
        if b.src:
            i = src_first[b.src[-1] + 1]
        if b.tgt:
            j = tgt_first[b.tgt[-1] + 1]
        ends_s.append(i)
        ends_t.append(j)
    end_s, end_t = np.array(ends_s, dtype=np.int64), np.array(ends_t, dtype=np.int64)
    ks, kt = np.diff(end_s), np.diff(end_t)
    # a bead of ks > 1 units on the source side and some on the target's has ks - 1 inside
    count = np.where((ks > 1) & (kt > 0), ks, 1)
    bead = np.repeat(np.arange(len(beads)), count)
    k = np.arange(len(bead)) - np.repeat(np.cumsum(count) - count, count) + 1
    last = k == count[bead]
    # k * kt / ks in float64 and rounded half to even: what round() of the true quotient gives
    inside = end_t[bead] + np.rint(k * kt[bead] / np.maximum(ks[bead], 1)).astype(np.int64)
    at_s = np.where(last, end_s[bead + 1], end_s[bead] + k)
    at_t = np.where(last, end_t[bead + 1], inside)
    return np.stack([np.r_[0, at_s], np.r_[0, at_t]], axis=1)


def null_corners(
    beads: Sequence[Bead], src: UnitEnds, tgt: UnitEnds, threshold: float, pin_posts: bool = True
) -> list[tuple[int, int]]:
    """Both ends, in unit coordinates, of every paragraph the first programme left out and is
    at least `threshold` sure of (unless it sits beside a bead as long as that programme
    allows), or that is an embedded post, or that has no units: the sentence path must pass
    through them."""
    corners: list[tuple[int, int]] = []
    full = _beside_full_bead(beads, max(t[0] for t in MATCH_TYPES))
    # read one at a time: lists cost less per read than arrays
    first = src.first.tolist(), tgt.first.tolist()
    posts = src.posts.tolist(), tgt.posts.tolist()
    i = j = 0
    for k, b in enumerate(beads):
        i1, j1 = i + len(b.src), j + len(b.tgt)
        side = 0 if b.src else 1
        p = i if b.src else j
        keep = (pin_posts and posts[side][p]) or first[side][p] == first[side][p + 1]
        if b.is_null and ((b.confidence >= threshold and not full[k]) or keep):
            corners.append((first[0][i], first[1][j]))
            corners.append((first[0][i1], first[1][j1]))
        i, j = i1, j1
    return corners


def _beside_full_bead(beads: Sequence[Bead], longest: int) -> list[bool]:
    """For each null bead, whether the nearest matched bead before or after it (past other null
    beads) already holds `longest` paragraphs of its side: the paragraph programme had no
    larger bead, so its being sure the paragraph was left out says little."""
    full = [False] * len(beads)
    for k, b in enumerate(beads):
        if not b.is_null:
            continue
        side = 0 if b.src else 1
        for step in (-1, 1):
            q = k + step
            while 0 <= q < len(beads) and beads[q].is_null:
                q += step
            if 0 <= q < len(beads) and len((beads[q].src, beads[q].tgt)[side]) >= longest:
                full[k] = True
    return full
