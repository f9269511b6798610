"""A piece of work done in a forked child while this process does another, its result piped back."""

# The command line uses a second core where two parts of a long pair's work are independent
# (align.side_process: the target's side; diverge.forked: the sentence check). Both need the
# same few things: whether a core is to spare, a child forked with a pipe, its result and its
# log records pickled back, and a failed child answered with None so that the caller does the
# work itself, as one process does.

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from reader.core.idle_work import run_idle_work

T = TypeVar("T")

_LOGGER = "reader"  # whose records the child sends back, to be logged here in order


def fork() -> int:
    """`os.fork()`: 0 in the child, the child's pid here, -1 when it cannot fork."""
    # Python 3.12+ warns about forking with threads: the only others here are OpenBLAS's
    # idle workers, which its own fork handlers stop and restart
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return os.fork()
        except OSError:
            return -1


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
    return not idle_core or os.getloadavg()[0] <= n - 0.5  # this process takes one core


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


def _run_child(work: Callable[[], object], fd: int) -> None:
    code = 1  # whatever goes wrong, the parent does the work itself
    try:
        keep = _Keep()
        logger = logging.getLogger(_LOGGER)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(keep)
        logger.propagate = False
        data = pickle.dumps((work(), keep.records), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        code = 0
    finally:
        os._exit(code)
