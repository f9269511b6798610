"""Steps of one computation shared with a forked child, each half written into shared memory."""

# The banded programme's tables are computed row by row: a child forked once the inputs are
# ready can take half the rows of each step while this process takes the other half, and
# write them where this process reads them (anonymous shared memory: no pickling, no copy).
# The child runs its steps in order, each when this process says so (it may first need what
# this process wrote for the step before: a model, scores pinned in place). Should the child
# fail, or never start, this process runs what was the child's part itself, so the result is
# the same whichever process computed which rows.

from __future__ import annotations

import contextlib
import mmap
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.second_process import fork

Step = Callable[[], None]


def shared_array(shape: tuple[int, ...], dtype: type | np.dtype, fill: float = 0.0
                 ) -> np.ndarray:
    """An array both this process and a child forked after it read and write (anonymous
    shared memory, freed with its last view), filled with `fill`."""
    dt = np.dtype(dtype)
    size = int(np.prod(shape, dtype=np.int64)) * dt.itemsize
    buffer = mmap.mmap(-1, max(1, size), flags=mmap.MAP_SHARED | mmap.MAP_ANONYMOUS)
    out = np.frombuffer(buffer, dtype=dt, count=int(np.prod(shape, dtype=np.int64)))
    out = out.reshape(shape)
    if fill != 0.0:  # fresh pages are zeros
        out.fill(fill)
    return out


@dataclass(slots=True)
class Halves:
    """A forked child that runs its `steps` one after another, each when `run` says so."""

    steps: Sequence[Step]
    pid: int = -1  # -1: no child (never forked, failed, or done)
    go: int = -1  # this process writes a byte: run the next step
    done: int = -1  # the child writes a byte: that step is done
    next_step: int = field(default=0)
    # steps begun and not finished, in order: whether the child was told to run each
    pending: list[tuple[Step, bool]] = field(default_factory=list)

    @classmethod
    def start(cls, steps: Sequence[Step], ticks: Ticks | None = None) -> Halves:
        """The child forked with its `steps`; if it cannot be, every step will run here.
        `ticks`: what the child's steps say of their progress (`Ticks`)."""
        halves = cls(steps)
        try:
            go_read, go_write = os.pipe()
        except OSError:
            return halves
        try:
            done_read, done_write = os.pipe()
        except OSError:
            os.close(go_read)
            os.close(go_write)
            return halves
        pid = fork()
        if pid == 0:  # the child: never returns into the caller's stack
            os.close(go_write)
            os.close(done_read)
            if ticks is not None:
                ticks.in_child()
            _serve(steps, go_read, done_write)
        os.close(go_read)
        os.close(done_write)
        if ticks is not None:
            ticks.in_parent(forked=pid > 0)
        if pid < 0:
            os.close(go_write)
            os.close(done_read)
            return halves
        halves.pid, halves.go, halves.done = pid, go_write, done_read
        return halves

    @property
    def forked(self) -> bool:
        return self.pid > 0

    def run(self, own: Step) -> None:
        """The next step: the child's part there (here, if there is no child) and `own` here;
        both are done on return."""
        self.begin()
        own()
        self.finish()

    def begin(self) -> None:
        """The child's part of the next step started there (a step begun is the child's
        to run after those begun before it); `finish` waits for it."""
        step = self.steps[self.next_step]
        self.next_step += 1
        started = False
        if self.pid > 0:
            try:
                started = os.write(self.go, b"g") == 1
            except OSError:
                started = False
            if not started:
                self.close()
        self.pending.append((step, started))

    def finish(self) -> None:
        """The first step begun and not finished done: waited for, or run here if the child
        failed (at it or before it) or there is none."""
        step, started = self.pending.pop(0)
        if started and self.pid > 0:
            try:
                started = os.read(self.done, 1) == b"d"
            except OSError:
                started = False
            if not started:  # the child failed: its part is done here
                self.close()
        else:
            started = False
        if not started:
            step()
        if self.next_step == len(self.steps) and not self.pending:
            self.close()

    def close(self) -> None:
        """End the child (at once, if it is still at work) and wait for it."""
        if self.pid <= 0:
            return
        pid, self.pid = self.pid, -1
        for fd in (self.go, self.done):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


@dataclass(slots=True)
class Ticks:
    """Parts of a child's step said done as they are, so that this process may read them before
    the whole step is: the child writes a byte a part (`tick`), this process waits for as many
    as it needs (`wait`). A pipe, not a count in shared memory: its system calls order the
    child's writes of the part before this process's reads of it, on any processor. Made
    before the fork (`Halves.start(.., ticks)`); where the step runs here, `tick` does nothing
    and `wait` says no."""

    read: int = -1
    write: int = -1
    seen: int = 0

    @classmethod
    def make(cls) -> Ticks:
        try:
            read, write = os.pipe()
        except OSError:
            return cls()
        return cls(read, write)

    def in_child(self) -> None:
        if self.read >= 0:
            os.close(self.read)
            self.read = -1

    def in_parent(self, forked: bool) -> None:
        if self.write >= 0:
            os.close(self.write)
            self.write = -1
        if not forked:
            self.close()

    def tick(self) -> None:
        """One more part done (in the child; nothing where the step runs here)."""
        if self.write >= 0:
            os.write(self.write, b"t")

    def wait(self, count: int) -> bool:
        """Whether `count` parts in all were said done; False (at once) if the child ended or
        failed first, or there is none: the caller then waits for the step itself."""
        while self.seen < count and self.read >= 0:
            try:
                got = os.read(self.read, count - self.seen)
            except OSError:
                got = b""
            if not got:
                self.close()
                break
            self.seen += len(got)
        return self.seen >= count

    def close(self) -> None:
        for fd in (self.read, self.write):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.read = self.write = -1


def _serve(steps: Sequence[Step], go: int, done: int) -> None:
    code = 1
    try:
        for step in steps:
            if os.read(go, 1) != b"g":  # this process needs no more
                break
            step()
            os.write(done, b"d")
        code = 0
    finally:
        os._exit(code)
