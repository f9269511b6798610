"""F8 from where the reader is: the bead they read at, and the next divergence after it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.reading.pair_view import PairView

# a bead whose last few pixels are all that is left at the top of the view has been read
READ_MARGIN = 8


def top_bead(view: PairView) -> int:
    """The first bead still in view at the top of the reading panes (-1 with no pair)."""
    if view.pair is None or view.padding is None or not view.padding.tops:
        return view.current_bead
    pane = view.pane(view.right_side)
    y = pane.verticalScrollBar().value() - view.origin() + READ_MARGIN
    tops = view.padding.tops
    return max(0, min(bisect_right(tops, y) - 1, len(view.pair.alignment) - 1))


def bead_in_view(view: PairView, bead: int) -> bool:
    """Whether any part of a bead shows in the reading panes."""
    if view.pair is None or view.padding is None or not 0 <= bead < len(view.padding.tops):
        return False
    pane = view.pane(view.right_side)
    top = view.bead_top(bead)
    heights = view.padding.heights
    bottom = top + max(heights["source"][bead], heights["target"][bead])
    value = pane.verticalScrollBar().value()
    return bottom > value and top < value + pane.viewport().height()


def reading_anchor(view: PairView) -> int:
    """Where the reader is: the bead they selected (a click, a jump) while it is still in
    view; once they scroll it away, the bead at the top of the view."""
    current = view.current_bead
    if current >= 0 and bead_in_view(view, current):
        return current
    return top_bead(view)


def step(
    beads: Sequence[int], candidates: Sequence[bool], anchor: int, current: int | None,
    forward: bool,
) -> int | None:
    """The row to go to among `candidates` (rows in reading order, `beads[r]` their beads).

    From the current row when it sits in the anchor bead (walking the divergences of one bead
    in turn); otherwise from the start of the anchor bead, so that forward reaches that bead's
    own divergences first and backward those before it. Wraps round; None with no candidate."""
    rows = [r for r, ok in enumerate(candidates) if ok]
    if not rows:
        return None
    if current is not None and 0 <= current < len(beads) and beads[current] == anchor:
        after = [r for r in rows if r > current] if forward else [r for r in rows if r < current]
    elif forward:
        after = [r for r in rows if beads[r] >= anchor]
    else:
        after = [r for r in rows if beads[r] < anchor]
    if forward:
        return after[0] if after else rows[0]
    return after[-1] if after else rows[-1]
