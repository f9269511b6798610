"""Timing a stage of the work: one log line naming it, with how long it took."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def stage(logger: logging.Logger, name: str, level: int = logging.INFO) -> Iterator[None]:
    """Log `name: <elapsed> ms` on `logger` when the body ends, and `failed after` if it raised.

    The one way the core times its stages; nothing is measured when `level` is not enabled.
    """
    if not logger.isEnabledFor(level):
        yield
        return
    start = time.perf_counter()
    try:
        yield
    except BaseException:
        logger.log(level, "%s: failed after %.1f ms", name, _ms_since(start))
        raise
    logger.log(level, "%s: %.1f ms", name, _ms_since(start))


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0
