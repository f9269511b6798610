"""Which of many texts hold one of a few strings: one search of them all joined, not one each."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence


def holding(texts: Sequence[str], marks: Sequence[str]) -> list[int]:
    """The indices, ascending, of the texts that hold one of `marks` (none of which may hold
    a newline: the texts are searched joined by newlines, where no mark can straddle two)."""
    if any("\n" in mark or not mark for mark in marks):
        raise ValueError("marks must be non-empty and hold no newline")
    joined = "\n".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    found: set[int] = set()
    for mark in marks:
        at = joined.find(mark)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            found.add(k)
            at = joined.find(mark, starts[k + 1])  # one is enough: on from the next text
    return sorted(found)
