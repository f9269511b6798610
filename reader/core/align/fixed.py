"""Fixed beads: checking them, the gaps they leave, and the band cells they forbid."""

# A re-alignment keeps some beads as they are (a person confirmed them, or they lie outside the
# range being re-aligned). A fixed bead with paragraphs on both sides cuts the pair: what lies
# between two of them is a gap aligned on its own, its corners points every path passes. A fixed
# null bead (1:0, 0:1) stays inside its gap, its paragraph forced out of every matching bead, so
# that the programme itself places it among the beads around it.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.beads import AlignmentError, Bead
from reader.core.align.params import NEG


def check_fixed(fixed: Sequence[Bead], n_src: int, n_tgt: int) -> None:
    """Raise AlignmentError unless every fixed bead is a run of paragraphs inside the texts on
    each side, and the beads follow one another without overlapping, on both sides."""
    i = j = 0  # the first paragraph of each side a next fixed bead may hold
    for k, bead in enumerate(fixed):
        name = f"fixed bead {k} (source {list(bead.src)}, target {list(bead.tgt)})"
        if not bead.src and not bead.tgt:
            raise AlignmentError(f"{name} is empty")
        for side, run, count, start in (
            ("source", bead.src, n_src, i), ("target", bead.tgt, n_tgt, j)
        ):
            if not run:
                continue
            if run != tuple(range(run[0], run[0] + len(run))):
                raise AlignmentError(f"{name}: its {side} paragraphs do not follow one another")
            if run[0] < 0 or run[-1] >= count:
                raise AlignmentError(
                    f"{name}: the {side} text has paragraphs 0 to {count - 1} only"
                )
            if run[0] < start:
                raise AlignmentError(
                    f"{name} overlaps or comes before fixed bead {k - 1} on the {side} side"
                )
        i = bead.src[-1] + 1 if bead.src else i
        j = bead.tgt[-1] + 1 if bead.tgt else j


@dataclass(frozen=True, slots=True)
class Gap:
    """Source paragraphs [i0, i1) and target paragraphs [j0, j1) between two fixed beads with
    paragraphs on both sides (or an end of the texts), and the fixed null beads inside it."""

    i0: int
    i1: int
    j0: int
    j1: int
    nulls: tuple[Bead, ...]

    @property
    def free_src(self) -> int:
        return self.i1 - self.i0 - sum(len(b.src) for b in self.nulls)

    @property
    def free_tgt(self) -> int:
        return self.j1 - self.j0 - sum(len(b.tgt) for b in self.nulls)

    @property
    def needs_programme(self) -> bool:
        """Paragraphs on both sides free to pair: anything less is paragraphs left out."""
        return self.free_src > 0 and self.free_tgt > 0

    def left_out(self) -> list[Bead]:
        """The gap's beads when nothing in it can pair: its fixed null beads as given, every
        other paragraph in a null bead of its own."""
        held = null_owners(self.nulls)
        out: list[Bead] = []
        for side, start, end in (("source", self.i0, self.i1), ("target", self.j0, self.j1)):
            for p in range(start, end):
                owner = held.get((side, p))
                if owner is None:
                    out.append(Bead((p,), ()) if side == "source" else Bead((), (p,)))
                elif p == (owner.src or owner.tgt)[0]:
                    out.append(owner)
        return out


def null_owners(nulls: Sequence[Bead]) -> dict[tuple[str, int], Bead]:
    """The fixed null bead holding each paragraph it holds: (side, paragraph) -> bead."""
    return {("source" if b.src else "target", p): b for b in nulls for p in (b.src or b.tgt)}


def gaps_between(fixed: Sequence[Bead], n_src: int, n_tgt: int) -> tuple[list[Gap], list[Bead]]:
    """The gaps the fixed beads leave, and the fixed beads that cut them (one fewer): gap k
    comes before cut k. `fixed` has passed `check_fixed`."""
    gaps: list[Gap] = []
    cuts: list[Bead] = []
    i = j = 0
    nulls: list[Bead] = []
    for bead in fixed:
        if bead.is_null:
            nulls.append(bead)
            continue
        gaps.append(Gap(i, bead.src[0], j, bead.tgt[0], tuple(nulls)))
        cuts.append(bead)
        i, j, nulls = bead.src[-1] + 1, bead.tgt[-1] + 1, []
    gaps.append(Gap(i, n_src, j, n_tgt, tuple(nulls)))
    return gaps, cuts


def forbid(
    scores: dict[tuple[int, int], np.ndarray],
    centre: np.ndarray,
    half: int,
    m: int,
    pinned_rows: Sequence[int] = (),
    src_out: np.ndarray | None = None,
    tgt_out: np.ndarray | None = None,
    first: int = 0,
) -> None:
    """Set to NEG, in place, the score of every matching bead that straddles a pinned row (a
    bead of ks rows ending less than ks rows after it), or holds a paragraph that must be left
    out: `src_out` (n) and `tgt_out` (m) say which. (`scores` and `centre` may be the band's
    rows from `first` on.)"""
    width = 2 * half + 1
    rows = len(centre)
    j = None
    for (ks, kt), table in scores.items():
        for row in pinned_rows:
            lo, hi = max(row + 1 - first, 0), min(row + ks - first, rows)
            if lo < hi:
                table[lo:hi] = NEG
        if src_out is not None and src_out.any():
            # a bead ending at row i holds source paragraphs i - ks .. i - 1
            count = np.r_[0, np.cumsum(src_out)]
            i = np.arange(first, first + rows)
            held = count[np.minimum(i, len(src_out))] - count[np.clip(i - ks, 0, len(src_out))]
            table[held > 0] = NEG
        if tgt_out is not None and tgt_out.any():
            if j is None:
                j = centre[:, None] + np.arange(width)[None, :] - half
            count = np.r_[0, np.cumsum(tgt_out)]
            held = count[np.clip(j, 0, m)] - count[np.clip(j - kt, 0, m)]
            table[held > 0] = NEG
