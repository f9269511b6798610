"""Work needed later that this process does whenever it would otherwise wait for a child."""

# On the command line this process waits for its forked children now and then (Model 1's
# word pairs, detection's sentence check: reader.core.second_process), a core idle meanwhile.
# Work it will need later anyway and that depends on nothing the child sends (detection's
# reading of each text: reader.core.diverge.ahead; most of the output) is done then instead
# of on the critical path. It is only ever done ahead of time: work not done by the time it
# is needed is dropped (`forget_idle_work`) and done where it is needed, as in one process.

from __future__ import annotations

import contextlib
from collections.abc import Callable

_IDLE: list[Callable[[], object]] = []


def when_idle(work: Callable[[], object]) -> None:
    """Have `work` done as this process next waits for a child (second_process.Child)."""
    _IDLE.append(work)


def forget_idle_work() -> None:
    """Drop the work not done yet (the time it was for has passed)."""
    _IDLE.clear()


def run_idle_work() -> None:
    """Do the work given to `when_idle`, in order. It is only done ahead of time: should it
    fail, whoever needs it later does it again and meets the failure there."""
    while _IDLE:
        work = _IDLE.pop(0)
        with contextlib.suppress(Exception):
            work()
