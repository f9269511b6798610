"""The spare's memory (second_process.Spare): the heap its work frees kept for its next arrays,
and laid out ahead while it waits for that work."""

from __future__ import annotations

import select
from collections.abc import Callable

_M_TRIM_THRESHOLD = -1
_M_MMAP_MAX = -4


def keep_freed_memory() -> bool:
    """Have glibc keep the memory the spare's work frees for its next arrays. By default it
    gives each array of more than 128 kB back to the kernel when freed (mmap'd), and the next
    one costs its pages again: Model 1's temporaries (align.model_one: a dozen arrays of
    8-16 MB, most of them freed before the next is made) took ~15,000 page faults, ~4,000
    fewer this way (~30 ms of the spare's CPU on the bench's large pair). Here every
    allocation comes from the heap and stays there when freed: the spare's life is one piece
    of work, and what it keeps dies with it. Anything but glibc (no mallopt): left as it is
    (False)."""
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_TRIM_THRESHOLD, 1 << 30) and mallopt(_M_MMAP_MAX, 0))


# what the spare touches at a time while it waits: a step takes a millisecond or two
_RESERVE_STEP = 4 << 20
# how long the spare waits for work before it looks again whether a core is free
_RESERVE_POLL = 0.02


def reserve_memory(job: int, size: int, free_core: Callable[[], bool]) -> None:
    """`size` bytes of heap touched, then freed (kept, `keep_freed_memory`), while no work
    has come down `job`: the work's arrays then take pages the spare already has, instead of
    each page costing a fault on the way (Model 1 on the bench's large pair: ~11,000 faults,
    ~45 ms of its ~215 ms, on the path of the process waiting for its pairs). A step at a
    time, only while a core is free (`free_core`): the spare is forked as the texts are read,
    when this program's two processes keep both cores busy, and its work comes seconds later;
    it stops as soon as the work comes."""
    kept: list[bytearray] = []
    while len(kept) * _RESERVE_STEP < size:
        if free_core():
            if select.select([job], [], [], 0)[0]:
                break
            kept.append(bytearray(_RESERVE_STEP))  # zeroed: every page touched
        elif select.select([job], [], [], _RESERVE_POLL)[0]:
            break
    del kept  # adjacent chunks, freed together: one free run of the heap
