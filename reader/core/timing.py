"""Timing a stage of the work: one log line naming it, with how long it took (wall and CPU)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def stage(logger: logging.Logger, name: str, level: int = logging.INFO) -> Iterator[None]:
    """Log `name: <wall> ms, CPU <cpu> ms` on `logger` when the body ends, and `failed after`
    if it raised.

    The one way the core times its stages; nothing is measured when `level` is not enabled.
    CPU is this process's (every thread's): on a loaded machine it is the fairer measure, and
    a stage that waits (for a child process, a file) shows less CPU than wall.
    """
    if not logger.isEnabledFor(level):
        yield
        return
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    except BaseException:
        logger.log(level, "%s: failed after %.1f ms", name, _ms_since(start))
        raise
    logger.log(level, "%s: %.1f ms, CPU %.1f ms", name, _ms_since(start),
               (time.process_time() - cpu) * 1000.0)


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0
