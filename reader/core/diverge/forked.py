"""The sentence check in a forked second process while this one runs the other detectors."""

# On a long pair the sentence check (diverge.sentences: a sentence alignment of hundreds of
# beads) is two thirds of detection, and needs nothing the other detectors make. On the command
# line, with a core to spare (as for align.side_process), a child forked once the context is
# built runs it while this process runs the rest; its records come back pickled (a few kB) and
# take their place among the detectors' in order, so the output is that of one process. Should
# the child fail in any way, this process runs the check itself.

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

from reader.core.diverge.records import Divergence
from reader.core.text.document import Text

# Below this many characters in the shorter text the check takes a few milliseconds: forking
# costs more than it saves
MIN_CHARS = 64 * 1024
_LOGGER = "reader"  # whose records the child sends back, to be logged here in order


def second_core(mode: str, source: Text, target: Text) -> bool:
    """Whether a second process pays for the pair: `mode` "no", "auto" (when a core is idle)
    or "yes" (even on a busy machine), as `reader align` and `reader diverge` say; Linux
    (fork is safe there with numpy loaded), more than one core, texts long enough."""
    if mode not in ("auto", "yes") or not sys.platform.startswith("linux"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if cores < 2 or (mode == "auto" and os.getloadavg()[0] > cores - 0.5):
        return False
    return min(len(source.content), len(target.content)) >= MIN_CHARS


@dataclass(slots=True)
class Forked:
    """A child process finding one detector's divergences."""

    pid: int
    fd: int

    @classmethod
    def start(cls, work: Callable[[], list[Divergence]]) -> Forked | None:
        """The child running `work`, or None when it cannot be forked."""
        try:
            read, write = os.pipe()
        except OSError:
            return None
        # Python 3.12+ warns about forking with threads: the only others here are OpenBLAS's
        # idle workers, which its own fork handlers stop and restart
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            try:
                pid = os.fork()
            except OSError:
                os.close(read)
                os.close(write)
                return None
        if pid == 0:  # the child: never returns into the caller's stack
            os.close(read)
            _run_child(work, write)
        os.close(write)
        return cls(pid, read)

    def result(self) -> list[Divergence] | None:
        """The child's divergences (its log records logged here), or None if it failed."""
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
        if not isinstance(found, list) or not all(isinstance(d, Divergence) for d in found):
            return None
        return found

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


def _run_child(work: Callable[[], list[Divergence]], fd: int) -> None:
    code = 1  # whatever goes wrong, the parent runs the detector itself
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
