"""A side's stem readings shared by two processes: one reads from the front, one from the back."""

# On a long pair this process makes the Arabic side and the second process the English one
# (align.side_process), which is done first: the Arabic side's readings by the lexicon (~0.25 s
# on the 4,350-paragraph bench case) came after, in this process alone, while the other core
# idled. Once its stems are known (`one_side.begin_stems`) they are offered to the second
# process through memory both share (mapped before the fork; a pipe only says how much was
# written, so neither process ever waits on the other to write), and both read them: this
# process from the first stem on, the other from the last one back. Each claims a run of
# stems in shared memory before reading it and stops where the other's claim begins; a claim
# read late only makes both read the same few stems, which give the same readings (the same
# lexicon, the same code), so the merged readings are those one process reads. Should the
# other process fail, this one reads what it claimed.

from __future__ import annotations

import mmap
import os
import pickle
import select
import struct
from collections.abc import Sequence

from reader.core.align.one_side import StemReadings, StemWork
from reader.core.align.readings import Readings
from reader.core.anchors.lexicon import Lexicon

# Stems claimed at a time: ~60 us a stem, so the other process reads at most a few ms twice.
CHUNK = 64
# Room for the offered stems (11,000 stems and their forms take ~0.4 MB); more are read here.
ROOM = 32 << 20
# Room for the other process's side (6 MB pickled for 4,150 paragraphs): a longer one is sent
# through the result's pipe. (Pages are only taken as they are written.)
SIDE_ROOM = 96 << 20
_HEAD = struct.Struct("<qq")  # this process's claim (stems [0, front)), the other's [back, n)
_UNCLAIMED = 1 << 62
_LENGTH = struct.Struct("<q")


class SharedStems:
    """Memory shared with a forked process: both claims, and the offered stems."""

    __slots__ = ("memory", "side")

    def __init__(self, room: int = ROOM, side_room: int = SIDE_ROOM) -> None:
        self.memory = mmap.mmap(-1, _HEAD.size + room)  # anonymous, shared with a child
        self.side = mmap.mmap(-1, side_room)
        _HEAD.pack_into(self.memory, 0, 0, _UNCLAIMED)

    @classmethod
    def make(cls, room: int = ROOM, side_room: int = SIDE_ROOM) -> SharedStems | None:
        try:
            return cls(room, side_room)
        except (OSError, ValueError):
            return None  # no sharing: this process reads every stem

    def put_side(self, data: bytes, signal: int) -> bool:
        """Write the other process's side (pickled), then its size to the `signal` pipe;
        False when it does not fit (or the pipe is closed)."""
        if len(data) > len(self.side):
            return False
        self.side[:len(data)] = data
        try:
            os.write(signal, _LENGTH.pack(len(data)))
        except OSError:
            return False
        return True

    def take_side(self, signal: int, wait: bool) -> bytes | None:
        """The side written (`put_side`) once the pipe says so; None when it says nothing yet
        (without `wait`) or was closed without it."""
        if not wait:
            waiting = select.poll()  # (not select: any descriptor number)
            waiting.register(signal, select.POLLIN | select.POLLHUP)
            if not waiting.poll(0):
                return None
        head = os.read(signal, _LENGTH.size)
        if len(head) != _LENGTH.size:
            return None
        (size,) = _LENGTH.unpack(head)
        return self.side[:size]

    def front(self) -> int:
        return int(_HEAD.unpack_from(self.memory, 0)[0])

    def back(self) -> int:
        return int(_HEAD.unpack_from(self.memory, 0)[1])

    def claim_front(self, end: int) -> None:
        struct.pack_into("<q", self.memory, 0, end)

    def claim_back(self, start: int) -> None:
        struct.pack_into("<q", self.memory, 8, start)

    def offer(self, work: StemWork, signal: int) -> bool:
        """Write the stems and their forms, then their size to the `signal` pipe (a few bytes:
        never waits); False when they do not fit or the pipe is closed."""
        none: list[str] = []
        data = pickle.dumps((work.vocab, [work.forms.get(s, none) for s in work.vocab]),
                            protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) > len(self.memory) - _HEAD.size:
            return False
        self.memory[_HEAD.size:_HEAD.size + len(data)] = data
        try:
            os.write(signal, _LENGTH.pack(len(data)))
        except OSError:
            return False
        return True

    def offered(self, signal: int) -> tuple[list[str], list[list[str]]] | None:
        """The stems and their forms offered (`offer`), read once the pipe says so; None when
        it was closed without an offer."""
        head = os.read(signal, _LENGTH.size)
        if len(head) != _LENGTH.size:
            return None
        (size,) = _LENGTH.unpack(head)
        got = pickle.loads(self.memory[_HEAD.size:_HEAD.size + size])
        return got if isinstance(got, tuple) else None


def read_front(work: StemWork, shared: SharedStems | None) -> list[tuple[str, ...]]:
    """This process's readings of the stems from the first on, until the other process's
    claim (all of them without one)."""
    vocab, forms, stems = work.vocab, work.forms, work.readings.stems
    none: list[str] = []
    n = len(vocab)
    out: list[tuple[str, ...]] = []
    lo = 0
    while lo < n:
        if shared is not None:
            if lo >= shared.back():
                break
            hi = min(lo + CHUNK, n)
            shared.claim_front(hi)  # before reading them: the other skips them
        else:
            hi = n
        part = vocab[lo:hi]
        out += stems(part, [forms.get(word, none) for word in part])
        lo = hi
    return out


def read_back(lexicon: Lexicon, shared: SharedStems, vocab: Sequence[str],
              forms: Sequence[Sequence[str]]) -> tuple[int, list[tuple[str, ...]]]:
    """The other process's readings of the offered stems, from the last one back until this
    process's claim: where they start, and the readings from there to the end."""
    stems = Readings.of(lexicon).stems
    hi = len(vocab)
    parts: list[list[tuple[str, ...]]] = []
    while hi > 0 and hi > shared.front():
        lo = max(hi - CHUNK, 0)
        shared.claim_back(lo)
        parts.append(stems(vocab[lo:hi], forms[lo:hi]))
        hi = lo
    return hi, [reading for part in reversed(parts) for reading in part]


def merged(work: StemWork, mine: list[tuple[str, ...]],
           theirs: tuple[int, list[tuple[str, ...]]] | None) -> StemReadings:
    """The side's readings: this process's from the front, the other's from where they start
    (what neither read, if the other failed, read here)."""
    n = len(work.vocab)
    out = list(mine)
    if theirs is not None:
        start, back = theirs
        if start <= len(out) and start + len(back) == n:
            out[start:] = back
    if len(out) < n:
        none: list[str] = []
        rest = work.vocab[len(out):]
        out += work.readings.stems(rest, [work.forms.get(word, none) for word in rest])
    return StemReadings(work.key, out, work.written())
