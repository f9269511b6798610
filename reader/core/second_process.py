"""A piece of work done in a forked child while this process does another, its result piped back."""

# The command line uses a second core where two parts of a long pair's work are independent
# (align.side_process: the target's side; diverge.forked: the sentence check). Both need the
# same few things: whether a core is to spare, a child forked with a pipe, its result and its
# log records pickled back, and a failed child answered with None so that the caller does the
# work itself, as one process does.

from __future__ import annotations

import contextlib
import logging
import mmap
import os
import pickle
import signal
import stat
import struct
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from reader.core.idle_work import run_idle_work
from reader.core.spare_memory import keep_freed_memory, reserve_memory

T = TypeVar("T")

_LOGGER = "reader"  # whose records the child sends back, to be logged here in order


def fork() -> int:
    """`os.fork()`: 0 in the child, the child's pid here, -1 when it cannot fork."""
    # Python 3.12+ warns about forking with threads: the only others here are OpenBLAS's
    # idle workers, which its own fork handlers stop and restart
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            pid = os.fork()
        except OSError:
            return -1
    if pid == 0:
        # a child holds no end of the spare's pipes: the spare must see this process's end
        # as soon as this process ends, whatever children it left at work
        _forget_spare()
    return pid


def cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def core_to_spare(idle_core: bool = True) -> bool:
    """Whether a second process can run beside this one: Linux (fork is safe there with numpy
    loaded), more than one core, and (with `idle_core`) one idle: on a machine already busy a
    second process gains no wall time and adds the cost of moving its result (load 3-20 on the
    project's 2-core machine)."""
    n = cores()
    if not sys.platform.startswith("linux") or n < 2:
        return False
    return not idle_core or core_idle(n, os.getloadavg()[0], runnable_now())


# The minute's load average also counts this program's own last runs: `reader align` on a long
# pair keeps ~1.7 of the 2 cores busy for a few seconds, so a script (or a benchmark) running it
# back to back drives the average past 1.5 within a minute, and every later run would then do
# all its work in one process (~30 % slower) on a machine with nothing else to do. The tasks
# runnable at this instant tell whether the machine is busy now: either saying a core is idle
# is enough (a machine busy with other work shows both).
LOADAVG = "/proc/loadavg"


def core_idle(cores: int, load: float, runnable: int | None) -> bool:
    """Whether a core is idle besides this process's: the minute's `load` average leaves
    one, or `runnable` (tasks runnable now, this process among them; None: unknown) does."""
    if cores < 2:
        return False
    if load <= cores - 0.5:  # this process takes one core
        return True
    return runnable is not None and runnable - 1 <= cores - 2


def runnable_now(path: str = LOADAVG) -> int | None:
    """Tasks runnable on the machine at this instant (the kernel's count in /proc/loadavg,
    "0.52 0.58 0.59 2/83 4242": the 2, this process included); None if unreadable."""
    try:
        with open(path, "rb") as f:
            field = f.read(128).split()[3]
        return int(field.split(b"/")[0])
    except (OSError, IndexError, ValueError):
        return None


@dataclass(slots=True)
class Child(Generic[T]):
    """A forked child doing one piece of work; `result` reads what it found."""

    pid: int
    fd: int

    @classmethod
    def start(cls, work: Callable[[], T]) -> Child[T] | None:
        """The child running `work`, or None when it cannot be forked."""
        try:
            read, write = os.pipe()
        except OSError:
            return None
        pid = fork()
        if pid < 0:
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # the child: never returns into the caller's stack
            os.close(read)
            _run_child(work, write)
        os.close(write)
        return cls(pid, read)

    def result(self, valid: Callable[[object], bool], idle: bool = True) -> T | None:
        """The child's result (its log records logged here), or None if it failed or what it
        sent is not `valid`; what was given to `idle_work.when_idle` is done first, unless
        told this wait is too short for it (`idle` False: the work would only move onto the
        critical path, away from a longer wait to come)."""
        if idle:
            run_idle_work()
        chunks = []
        try:
            while chunk := os.read(self.fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self.fd)
            _, status = os.waitpid(self.pid, 0)
        if status != 0 or not chunks:
            _log_failure(status, chunks)
            return None
        try:
            found, records = pickle.loads(b"".join(chunks))
        except Exception:
            return None
        for record in records:
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        return found if valid(found) else None

    def stop(self) -> None:
        """End the child (this process failed before reading its result)."""
        os.close(self.fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


class _Keep(logging.Handler):
    """The child's log records, kept to be sent back with its result."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.records.append(record)


@dataclass(frozen=True, slots=True)
class Failed:
    """What a child sends back when its work raised: the error, for this process's log."""

    error: str


def _log_failure(status: int, chunks: list[bytes]) -> None:
    """Say at debug level why a child gave no result (the caller does its work itself)."""
    why = f"exit status {status}" if status else "no answer"
    with contextlib.suppress(Exception):
        failed, _ = pickle.loads(b"".join(chunks))
        if isinstance(failed, Failed):
            why = failed.error
    logging.getLogger(__name__).debug("a second process failed (%s): its work is done here", why)


def _run_child(work: Callable[[], object], fd: int) -> None:
    code = 1  # whatever goes wrong, the parent does the work itself
    try:
        keep = _Keep()
        logger = logging.getLogger(_LOGGER)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(keep)
        logger.propagate = False
        failed = None
        try:
            found: object = work()
        except Exception as error:  # told to the parent, which logs it
            found = failed = Failed(f"{type(error).__name__}: {error}")
            keep.records = []
        data = pickle.dumps((found, keep.records), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        code = 1 if failed else 0
    finally:
        os._exit(code)


# A spare: a child forked while this process is still small (before the texts are read), that
# waits for one piece of work handed to it later, pickled (align.learnt_process: Model 1, after
# the paragraph passes). A child forked then instead, from a process of some 200 MB, would copy
# page tables of them all, and every page this process wrote afterwards would be copied
# (copy-on-write) while the child lived. The work goes through anonymous shared memory (a few
# MB: through a pipe, this process would wait for the spare to take each 64 kB); its answer
# comes back as a `Child`'s does. The spare ends when this process's end of its pipe closes:
# this process dropped it, or ended in any way (no other child holds that end: `fork`).

_SHARED_BYTES = 64 << 20  # the most work handed through shared memory (more: through the pipe)
_HEADER = struct.Struct("<q")  # the work's length (negative: it follows on the pipe)
_PR_SET_PDEATHSIG = 1


@dataclass(slots=True)
class Spare:
    """A forked child waiting for `hand` to give it work."""

    pid: int
    job: int  # the pipe's end the work's length goes down; closed unused, the spare ends
    answer: int  # the pipe's end its answer comes back on
    shared: mmap.mmap

    @classmethod
    def start(cls, reserve: int = 0) -> Spare | None:
        """The spare, waiting; None when it cannot be forked. It first lays out `reserve`
        bytes of memory for its work (spare_memory.reserve_memory)."""
        try:
            shared = mmap.mmap(-1, _SHARED_BYTES, flags=mmap.MAP_SHARED | mmap.MAP_ANONYMOUS)
        except OSError:
            return None
        try:
            job_read, job_write = os.pipe()
        except OSError:
            shared.close()
            return None
        try:
            answer_read, answer_write = os.pipe()
        except OSError:
            for fd in (job_read, job_write):
                os.close(fd)
            shared.close()
            return None
        parent = os.getpid()
        pid = fork()
        if pid == 0:  # the spare: never returns into the caller's stack
            os.close(job_write)
            os.close(answer_read)
            _close_inherited_pipes(keep=(job_read, answer_write))
            _serve_spare(parent, job_read, answer_write, shared, reserve)
        os.close(job_read)
        os.close(answer_write)
        if pid < 0:
            os.close(job_write)
            os.close(answer_read)
            shared.close()
            return None
        return cls(pid, job_write, answer_read, shared)

    def hand(self, work: Callable[[], T]) -> Child[T] | None:
        """The spare running `work` (a picklable call), as the child whose result to read;
        None if it cannot take it (it died, or `work` cannot be pickled): it is ended then."""
        try:
            data = pickle.dumps(work, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            self.stop()
            return None
        try:
            if len(data) <= len(self.shared):
                self.shared[: len(data)] = data
                os.write(self.job, _HEADER.pack(len(data)))
            else:
                os.write(self.job, _HEADER.pack(-len(data)))
                with os.fdopen(os.dup(self.job), "wb") as out:
                    out.write(data)
        except OSError:  # it died (a broken pipe)
            self.stop()
            return None
        os.close(self.job)
        self.shared.close()  # this process's view: the spare keeps its own
        return Child(self.pid, self.answer)

    def stop(self, wait: bool = True) -> None:
        """End the spare (at once, if it is at work) and wait for it (unless told not to:
        `drop_spare` waits then, as `reap_spares` does)."""
        for fd in (self.job, self.answer):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(BufferError, ValueError):
            self.shared.close()
        _ending.append(self.pid)
        if wait:
            reap_spares()


_spare: list[Spare] = []  # the one spare of this process, if started and not taken
_ending: list[int] = []  # spares ended but not waited for yet (their pids)


def start_spare(reserve: int = 0) -> Spare | None:
    """This process's spare, forked now if it has none (`Spare.start(reserve)`)."""
    if not _spare:
        spare = Spare.start(reserve)
        if spare is None:
            return None
        _spare.append(spare)
    return _spare[0]


def take_spare() -> Spare | None:
    """The spare, now the caller's to `hand` work or `stop`; None if there is none."""
    return _spare.pop() if _spare else None


def drop_spare(wait: bool = True) -> None:
    """End the spare, if there is one (nobody took it); without `wait`, it is waited for by
    the next `reap_spares` (a process's end takes ~10 ms: not on the way of the work)."""
    spare = take_spare()
    if spare is not None:
        spare.stop(wait)
    elif wait:
        reap_spares()


def reap_spares() -> None:
    """Wait for the spares ended: none is left a zombie."""
    while _ending:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(_ending.pop(), 0)


def _forget_spare() -> None:
    """In a child just forked: the spare is its parent's, not its own."""
    _ending.clear()
    while _spare:
        spare = _spare.pop()
        for fd in (spare.job, spare.answer):
            with contextlib.suppress(OSError):
                os.close(fd)


def _serve_spare(parent: int, job: int, answer: int, shared: mmap.mmap, reserve: int = 0
                 ) -> None:
    code = 1
    try:
        _die_with(parent)
        if keep_freed_memory():
            reserve_memory(job, reserve, _core_free)
        header = _read_exactly(job, _HEADER.size)
        if len(header) < _HEADER.size:  # dropped unused, or this process ended
            code = 0
            return
        (size,) = _HEADER.unpack(header)
        data = (shared[:size] if size >= 0 else _read_exactly(job, -size))
        os.close(job)
        work = pickle.loads(data)
        del data
        _run_child(work, answer)  # exits
    finally:
        os._exit(code)


# glibc's mallopt parameters (malloc.h)
def _core_free() -> bool:
    """Whether the tasks runnable now (this one among them) leave a core to this one."""
    runnable = runnable_now()
    return runnable is not None and runnable - 1 < cores()


def _close_inherited_pipes(keep: tuple[int, ...]) -> None:
    """Close every pipe end the spare inherited but `keep`: its parent may fork it while
    another child waits for the parent's end of a pipe to close (align.side_process: the side's
    child reads ahead until told so), and a spare holding a copy of that end would keep the
    other child waiting as long as it lives. Pipes only: a closed file a Python object still
    owns would complain when collected."""
    with contextlib.suppress(OSError):  # no /proc: pipes stay open, as before
        for name in os.listdir("/proc/self/fd"):
            fd = int(name)
            if fd in keep or fd <= 2:
                continue
            with contextlib.suppress(OSError):  # the listing's own descriptor, gone by now
                if stat.S_ISFIFO(os.fstat(fd).st_mode):
                    os.close(fd)


def _die_with(parent: int) -> None:
    """Have the kernel end this child when its parent ends, even in the midst of its work
    (else it would see the parent's end only on writing its answer)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # the pipe still tells it, once it reads or writes
    if os.getppid() != parent:  # it ended before the call above
        os._exit(0)


def _read_exactly(fd: int, n: int) -> bytes:
    """`n` bytes from `fd`, fewer only at its end."""
    chunks, left = [], n
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
