"""Hand corrections of an alignment: each edit a pure function returning what it changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.core.align.beads import Alignment, AlignmentError, Bead, BeadState
from reader.core.errors import ReaderError

SIDES = ("source", "target")
# a bead a person made is no guess of the aligner's: it is drawn and counted as certain
EDITED_CONFIDENCE = 1.0


class EditError(ReaderError):
    """An edit that cannot be made on this alignment (no such bead, nothing to move…)."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Beads `first`… that were `before` and are `after`: enough to redo and to undo."""

    label: str
    first: int
    before: tuple[Bead, ...]
    after: tuple[Bead, ...]

    @property
    def changed(self) -> range:
        """Positions of the beads this edit made, in the alignment after it."""
        return range(self.first, self.first + len(self.after))


def apply_edit(alignment: Alignment, edit: Edit) -> Alignment:
    """The alignment with an edit made (redo)."""
    return _swap(alignment, edit.first, edit.before, edit.after)


def undo_edit(alignment: Alignment, edit: Edit) -> Alignment:
    """The alignment as it was before an edit (undo)."""
    return apply_edit(alignment, inverse(edit))


def inverse(edit: Edit) -> Edit:
    """The edit that undoes one."""
    return Edit(edit.label, edit.first, edit.after, edit.before)


def _swap(
    alignment: Alignment, first: int, old: tuple[Bead, ...], new: tuple[Bead, ...]
) -> Alignment:
    stop = first + len(old)
    if tuple(alignment.beads[first:stop]) != old:
        raise EditError(f"beads {first + 1}–{stop} are no longer those this edit was made on")
    beads = [*alignment.beads[:first], *new, *alignment.beads[stop:]]
    try:
        return Alignment(beads, alignment.n_src, alignment.n_tgt)
    except AlignmentError as exc:  # an edit built by hand, not by the functions below
        raise EditError(f"this edit breaks the alignment: {exc}") from None


def _edit(
    alignment: Alignment, label: str, first: int, stop: int, after: Sequence[Bead]
) -> Edit:
    edit = Edit(label, first, tuple(alignment.beads[first:stop]), tuple(after))
    apply_edit(alignment, edit)  # raises EditError if the result breaks the alignment
    return edit


def _made(src: Sequence[int], tgt: Sequence[int]) -> Bead:
    return Bead(tuple(src), tuple(tgt), EDITED_CONFIDENCE, "edited")


def _bead(alignment: Alignment, bead: int) -> Bead:
    if not 0 <= bead < len(alignment):
        raise EditError(f"there is no bead {bead + 1} (the alignment has {len(alignment)})")
    return alignment.beads[bead]


def _run(bead: Bead, side: str) -> tuple[int, ...]:
    if side not in SIDES:
        raise EditError(f"side must be 'source' or 'target', not {side!r}")
    return bead.src if side == "source" else bead.tgt


def _with_run(bead: Bead, side: str, run: Sequence[int]) -> tuple[tuple[int, ...], ...]:
    return (tuple(run), bead.tgt) if side == "source" else (bead.src, tuple(run))


# ---- merging and splitting ----------------------------------------------------------------


def merge_next(alignment: Alignment, bead: int) -> Edit:
    """Join a bead with the one after it."""
    b = _bead(alignment, bead)
    if bead + 1 >= len(alignment):
        raise EditError(f"bead {bead + 1} is the last: there is no next bead to merge with")
    n = alignment.beads[bead + 1]
    return _edit(alignment, "Merge with next bead", bead, bead + 2,
                 [_made(b.src + n.src, b.tgt + n.tgt)])


def merge_previous(alignment: Alignment, bead: int) -> Edit:
    """Join a bead with the one before it."""
    _bead(alignment, bead)
    if bead == 0:
        raise EditError("bead 1 is the first: there is no previous bead to merge with")
    edit = merge_next(alignment, bead - 1)
    return replace(edit, label="Merge with previous bead")


def split(alignment: Alignment, bead: int, src_at: int, tgt_at: int) -> Edit:
    """Cut a bead in two: its first `src_at` source and `tgt_at` target paragraphs make the
    first bead, the rest the second (either may be left out on one side, not on both)."""
    b = _bead(alignment, bead)
    if not (0 <= src_at <= len(b.src) and 0 <= tgt_at <= len(b.tgt)):
        raise EditError(
            f"bead {bead + 1} ({b.type}) cannot be split after {src_at} source and {tgt_at} "
            "target paragraphs"
        )
    if (src_at, tgt_at) in ((0, 0), (len(b.src), len(b.tgt))):
        raise EditError(f"splitting bead {bead + 1} there leaves one of its parts empty")
    first = _made(b.src[:src_at], b.tgt[:tgt_at])
    second = _made(b.src[src_at:], b.tgt[tgt_at:])
    return _edit(alignment, "Split bead", bead, bead + 1, [first, second])


# ---- moving one paragraph -----------------------------------------------------------------


def move_first(alignment: Alignment, bead: int, side: str) -> Edit:
    """Give the first paragraph of a bead's side to the bead before it."""
    b = _bead(alignment, bead)
    run = _run(b, side)
    if not run:
        raise EditError(f"bead {bead + 1} has no {side} paragraph to move")
    if bead == 0:
        raise EditError("bead 1 is the first: there is no bead before it to move a paragraph to")
    p = alignment.beads[bead - 1]
    receiver = _made(*_with_run(p, side, _run(p, side) + run[:1]))
    rest = _with_run(b, side, run[1:])
    after = [receiver] + ([_made(*rest)] if rest[0] or rest[1] else [])
    return _edit(alignment, f"Move first {side} paragraph up", bead - 1, bead + 1, after)


def move_last(alignment: Alignment, bead: int, side: str) -> Edit:
    """Give the last paragraph of a bead's side to the bead after it."""
    b = _bead(alignment, bead)
    run = _run(b, side)
    if not run:
        raise EditError(f"bead {bead + 1} has no {side} paragraph to move")
    if bead + 1 >= len(alignment):
        raise EditError(
            f"bead {bead + 1} is the last: there is no bead after it to move a paragraph to"
        )
    n = alignment.beads[bead + 1]
    receiver = _made(*_with_run(n, side, run[-1:] + _run(n, side)))
    rest = _with_run(b, side, run[:-1])
    after = ([_made(*rest)] if rest[0] or rest[1] else []) + [receiver]
    return _edit(alignment, f"Move last {side} paragraph down", bead, bead + 2, after)


# ---- left-out paragraphs ------------------------------------------------------------------


def leave_out(alignment: Alignment, side: str, paragraph: int) -> Edit:
    """Make a paragraph a bead of its own with no counterpart (1:0 or 0:1). It must be the
    first or the last of its bead on its side: the others keep their counterparts."""
    if side not in SIDES:
        raise EditError(f"side must be 'source' or 'target', not {side!r}")
    count = alignment.n_src if side == "source" else alignment.n_tgt
    if not 0 <= paragraph < count:
        raise EditError(f"there is no {side} paragraph {paragraph + 1} (the text has {count})")
    k = alignment.bead_of(side, paragraph)
    b = alignment.beads[k]
    run = _run(b, side)
    if b.is_null and len(run) == 1:
        raise EditError(f"{side} paragraph {paragraph + 1} is left out already")
    alone = _made(*_with_run(Bead((), ()), side, (paragraph,)))
    if paragraph == run[0]:
        rest = _with_run(b, side, run[1:])
        after = [alone] + ([_made(*rest)] if rest[0] or rest[1] else [])
    elif paragraph == run[-1]:
        after = [_made(*_with_run(b, side, run[:-1])), alone]
    else:
        raise EditError(
            f"{side} paragraph {paragraph + 1} is inside bead {k + 1}: only the first or the "
            "last paragraph of a bead can be left out (split the bead first)"
        )
    return _edit(alignment, f"Leave {side} paragraph out", k, k + 1, after)


def pair_left_out(alignment: Alignment, bead: int) -> Edit:
    """Join a bead left out on one side with the neighbour left out on the other side (the
    next one if it is such, else the previous one)."""
    b = _bead(alignment, bead)
    if not b.is_null:
        raise EditError(f"bead {bead + 1} ({b.type}) is not a left-out paragraph")
    for other in (bead + 1, bead - 1):
        if 0 <= other < len(alignment):
            o = alignment.beads[other]
            if o.is_null and bool(o.src) != bool(b.src):
                first = min(bead, other)
                edit = merge_next(alignment, first)
                return replace(edit, label="Pair left-out paragraphs")
    missing = "target" if b.src else "source"
    raise EditError(
        f"bead {bead + 1} has no neighbour with a left-out {missing} paragraph to pair it with"
    )


# ---- confirming ---------------------------------------------------------------------------


def _confirmed(bead: Bead) -> Bead:
    return replace(bead, state="confirmed")


def confirm(alignment: Alignment, bead: int) -> Edit:
    """Mark a bead as checked by a person: a re-alignment never moves it."""
    b = _bead(alignment, bead)
    if b.is_confirmed:
        raise EditError(f"bead {bead + 1} is confirmed already")
    return _edit(alignment, "Confirm bead", bead, bead + 1, [_confirmed(b)])


def confirm_through(alignment: Alignment, bead: int) -> Edit:
    """Confirm every bead from the first to this one."""
    _bead(alignment, bead)
    todo = [k for k in range(bead + 1) if not alignment.beads[k].is_confirmed]
    if not todo:
        raise EditError(f"beads 1–{bead + 1} are all confirmed already")
    first = todo[0]
    after = [_confirmed(b) for b in alignment.beads[first:bead + 1]]
    return _edit(alignment, "Confirm beads up to here", first, bead + 1, after)


# ---- whole alignments ---------------------------------------------------------------------


def replace_all(alignment: Alignment, new: Alignment, label: str = "Re-align") -> Edit:
    """The edit that turns one alignment into another (a re-alignment): only the beads between
    their common start and common end count as changed."""
    if (new.n_src, new.n_tgt) != (alignment.n_src, alignment.n_tgt):
        raise EditError("the new alignment is for other texts")
    old_beads, new_beads = alignment.beads, new.beads
    first = 0
    limit = min(len(old_beads), len(new_beads))
    while first < limit and old_beads[first] == new_beads[first]:
        first += 1
    tail = 0
    while (tail < limit - first
           and old_beads[len(old_beads) - 1 - tail] == new_beads[len(new_beads) - 1 - tail]):
        tail += 1
    return Edit(label, first, tuple(old_beads[first:len(old_beads) - tail]),
                tuple(new_beads[first:len(new_beads) - tail]))


def count_states(alignment: Alignment) -> dict[BeadState, int]:
    """How many beads are in each state."""
    counts: dict[BeadState, int] = {"automatic": 0, "edited": 0, "confirmed": 0}
    for bead in alignment.beads:
        counts[bead.state] += 1
    return counts
