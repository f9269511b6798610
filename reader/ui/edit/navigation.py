"""Walking the beads a person still has to check: unconfirmed, not 1:1, or of low confidence."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.align.beads import Alignment, Bead

Wanted = Callable[[Bead], bool]


def unconfirmed(bead: Bead) -> bool:
    return not bead.is_confirmed


def not_one_to_one(bead: Bead) -> bool:
    return bead.type != "1:1"


def low_confidence(threshold: float) -> Wanted:
    """Beads below a confidence that nobody confirmed yet."""
    return lambda bead: bead.confidence < threshold and not bead.is_confirmed


def find_bead(alignment: Alignment, start: int, step: int, wanted: Wanted) -> int | None:
    """The first wanted bead after `start` going `step` (1 or -1), wrapping round past the
    end as F8 does for divergences; `start` itself comes last; None if no bead is wanted."""
    n = len(alignment)
    for k in range(1, n + 1):
        b = (start + step * k) % n
        if wanted(alignment.beads[b]):
            return b
    return None


def next_unconfirmed_after(alignment: Alignment, bead: int) -> int:
    """Where checking goes on after confirming a bead: the next unconfirmed one below it, or
    the bead itself when none is left below (no wrapping: the reader is going down)."""
    for b in range(bead + 1, len(alignment)):
        if not alignment.beads[b].is_confirmed:
            return b
    return bead
