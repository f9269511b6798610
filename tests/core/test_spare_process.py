"""The spare: a child forked early that takes one piece of work later, and never outlives us."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from functools import partial
from pathlib import Path

import pytest

from reader.core import second_process
from reader.core.second_process import (
    Child,
    Spare,
    cores,
    drop_spare,
    reap_spares,
    start_spare,
    take_spare,
)

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
ROOT = Path(__file__).resolve().parents[2]


def _logs_and_answers(n: int) -> list[int]:
    logging.getLogger("reader.spare_test").info("counted %d", n)
    return list(range(n))


def _raises() -> None:
    raise ValueError("no such word")


def _sleeps(seconds: float) -> int:
    time.sleep(seconds)
    return 1


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _gone(pid: int, within: float = 10.0) -> bool:
    """Whether `pid` (not our child) ended within `within` seconds: no such process, or a
    zombie its new parent has not reaped yet."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


@linux
def test_the_spare_does_the_work_handed_to_it(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reader")  # as the spare is forked: it logs so
    spare = Spare.start()
    assert spare is not None
    child = spare.hand(partial(_logs_and_answers, 5))
    assert child is not None and child.pid == spare.pid
    assert child.result(lambda x: isinstance(x, list)) == [0, 1, 2, 3, 4]
    assert "counted 5" in [r.getMessage() for r in caplog.records]  # its log, logged here
    assert _reaped(spare.pid)


@linux
def test_work_larger_than_the_shared_memory_goes_down_the_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(second_process, "_SHARED_BYTES", 4096)
    spare = Spare.start()
    assert spare is not None
    child = spare.hand(partial(_logs_and_answers, 300_000))  # a pickle of ~1 MB back
    assert child is not None
    assert child.result(lambda x: isinstance(x, list)) == list(range(300_000))
    spare = Spare.start()
    assert spare is not None
    child = spare.hand(partial(sum, list(range(100_000))))  # ~0.5 MB there
    assert child is not None and child.result(lambda x: True) == sum(range(100_000))


@linux
def test_an_error_in_the_spare_is_told_and_answered_none(
    caplog: pytest.LogCaptureFixture,
) -> None:
    spare = Spare.start()
    assert spare is not None
    caplog.set_level(logging.DEBUG, logger="reader")
    child = spare.hand(_raises)
    assert child is not None
    assert child.result(lambda x: True) is None
    messages = [r.getMessage() for r in caplog.records]
    assert any("ValueError: no such word" in m for m in messages)
    assert _reaped(spare.pid)
    # work that cannot be pickled is not handed: the caller does it itself
    spare = Spare.start()
    assert spare is not None
    assert spare.hand(lambda: 1) is None
    assert _reaped(spare.pid)


@linux
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_spare_that_died_is_answered_none_at_once(signum: int) -> None:
    spare = Spare.start()
    assert spare is not None
    os.kill(spare.pid, signum)
    time.sleep(0.2)
    started = time.monotonic()
    child = spare.hand(partial(_logs_and_answers, 3))
    assert child is None or child.result(lambda x: True) is None
    assert time.monotonic() - started < 5
    assert _reaped(spare.pid)


@linux
def test_a_spare_dropped_or_stopped_is_reaped() -> None:
    assert start_spare() is start_spare()  # one a process
    spare = take_spare()
    assert spare is not None and take_spare() is None
    spare.stop()
    assert _reaped(spare.pid)
    spare = start_spare()
    assert spare is not None
    drop_spare()
    drop_spare()  # none left: nothing to do
    assert _reaped(spare.pid) and take_spare() is None
    spare = start_spare()
    assert spare is not None
    drop_spare(wait=False)  # ended, waited for later
    reap_spares()
    assert _reaped(spare.pid)
    # stopped at work
    spare = Spare.start()
    assert spare is not None
    child = spare.hand(partial(_sleeps, 30))
    assert child is not None
    started = time.monotonic()
    child.stop()
    assert time.monotonic() - started < 5 and _reaped(spare.pid)


@linux
def test_a_child_forked_later_holds_no_end_of_the_spares_pipes() -> None:
    spare = start_spare()
    assert spare is not None
    try:
        child = Child.start(lambda: sorted(os.listdir("/proc/self/fd")))
        assert child is not None
        fds = child.result(lambda x: isinstance(x, list))
        assert fds is not None
        assert str(spare.job) not in fds and str(spare.answer) not in fds
    finally:
        drop_spare()
    assert _reaped(spare.pid)


@linux
def test_a_spare_holds_no_other_pipe_open() -> None:
    # open_pair forks the spare while the side's child waits for this process to close its
    # end of a pipe (align.side_process): the spare's copy must not keep that child waiting
    read, write = os.pipe()
    spare = Spare.start()
    assert spare is not None
    try:
        os.close(write)
        closed = select.poll()  # (a read would block while the spare held a copy)
        closed.register(read, select.POLLIN | select.POLLHUP)
        assert closed.poll(5000) and os.read(read, 1) == b""
    finally:
        os.close(read)
        spare.stop()
    assert _reaped(spare.pid)


_PARENT = textwrap.dedent("""
    import os, signal, sys, time
    from functools import partial
    from reader.core.second_process import Child, start_spare, take_spare
    spare = start_spare()
    print(spare.pid, flush=True)
    how = sys.argv[1]
    if how == "child-alive":  # a child forked later lives on after this process
        print(Child.start(partial(time.sleep, 30)).pid, flush=True)
    if how == "at-work":  # the spare is in the midst of its work
        take_spare().hand(partial(time.sleep, 30))
        time.sleep(0.3)
    if how == "raises":
        raise RuntimeError("the parent fails")
    if how == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "ctrl-c":  # the spare waiting, or at work
        take_spare().hand(partial(time.sleep, 30))
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(0)
""")


@linux
@pytest.mark.parametrize("how", ["exits", "child-alive", "at-work", "raises", "killed",
                                 "ctrl-c"])
def test_the_spare_never_outlives_its_parent(how: str, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = tmp_path / "pids"
    with out.open("w") as pids:  # a file: a child left alive would hold a pipe open
        subprocess.run([sys.executable, "-c", _PARENT, how], stdout=pids,
                       stderr=subprocess.DEVNULL, env=env, timeout=60)
    spare, *others = (int(pid) for pid in out.read_text().split())
    try:
        assert _gone(spare, within=5.0), f"the spare {spare} outlived its parent ({how})"
    finally:
        for pid in others:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@linux
def test_one_process_mode_starts_no_spare() -> None:
    from reader.core.align.learnt_process import drop_learner, start_learner

    start_learner("no")
    assert take_spare() is None
    start_learner("yes")
    spare = take_spare()
    assert (spare is not None) == (cores() > 1)
    if spare is None:
        return
    spare.stop()
    drop_learner()  # nothing left to drop
    assert _reaped(spare.pid)


@linux
def test_the_spare_keeps_the_memory_its_work_frees() -> None:
    # a fresh interpreter (mallopt is for the whole process): an array freed and made again
    # costs its pages again by default, not once the spare's allocator keeps them
    probe = textwrap.dedent("""
        import resource, sys
        import numpy as np
        from reader.core.spare_memory import keep_freed_memory
        if sys.argv[1] == "keep":
            keep_freed_memory()
        def faults():
            return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        np.ones(4 << 20)  # 32 MB, freed at once
        before = faults()
        for _ in range(5):
            np.ones(4 << 20)
        print(faults() - before)
    """)

    def run(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", probe, mode], capture_output=True,
                             text=True, check=True, cwd=ROOT, env={**os.environ,
                                                                   "PYTHONPATH": str(ROOT)})
        return int(out.stdout)

    kept, default = run("keep"), run("default")
    assert kept < 50 < default


@linux
@pytest.mark.parametrize("work_waiting", [False, True])
def test_the_spare_lays_out_its_memory_until_work_comes(work_waiting: bool) -> None:
    # a fresh interpreter: the reserve, kept, gives the next arrays their pages; with work
    # already waiting on the pipe, the spare touches nothing
    probe = textwrap.dedent("""
        import os, resource, sys
        import numpy as np
        from reader.core.spare_memory import keep_freed_memory, reserve_memory
        def faults():
            return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        job, into = os.pipe()
        if sys.argv[1] == "waiting":
            os.write(into, b"w")
        assert keep_freed_memory()
        before = faults()
        reserve_memory(job, 96 << 20, lambda: True)  # a core free all along
        reserving = faults() - before
        before = faults()
        np.ones(8 << 20)  # 64 MB
        print(reserving, faults() - before)
    """)
    out = subprocess.run([sys.executable, "-c", probe, "waiting" if work_waiting else "idle"],
                         capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    reserving, array = map(int, out.stdout.split())
    if work_waiting:
        assert reserving < 100
    else:
        # (fewer faults than pages where the kernel maps the heap in huge pages)
        assert array < 100 < reserving


@linux
def test_the_spare_lays_out_nothing_while_every_core_is_busy() -> None:
    # busy: the spare only waits for its work (here its pipe's end closed: it never comes)
    from reader.core.spare_memory import reserve_memory

    job, into = os.pipe()
    looks = [0]

    def busy() -> bool:
        looks[0] += 1
        if looks[0] == 3:
            os.close(into)
        return False

    before = time.perf_counter()
    reserve_memory(job, 1 << 40, busy)
    os.close(job)
    assert looks[0] >= 3 and time.perf_counter() - before < 5.0
