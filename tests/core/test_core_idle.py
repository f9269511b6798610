"""Whether a core is idle for a second process: the minute's load, or the tasks runnable now."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core import second_process
from reader.core.pair import PairOptions, open_pair
from reader.core.second_process import LOADAVG, core_idle, runnable_now
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"


@pytest.mark.parametrize(
    ("cores", "load", "runnable", "idle"),
    [
        (2, 0.3, None, True),  # a quiet minute
        (2, 1.5, 5, True),  # the minute says so, whatever this instant shows
        (2, 1.9, 1, True),  # our own last runs raised the average; only this process runs now
        (2, 1.9, 2, False),  # another task runs now too
        (2, 1.9, None, False),  # nothing known of now: the average decides
        (4, 3.6, 3, True),  # two others now: a fourth core is free
        (4, 3.6, 4, False),
        (1, 0.0, 1, False),  # one core: never another beside this process
    ],
)
def test_core_idle(cores: int, load: float, runnable: int | None, idle: bool) -> None:
    assert core_idle(cores, load, runnable) is idle


def test_runnable_now_reads_the_kernels_count(tmp_path: Path) -> None:
    f = tmp_path / "loadavg"
    f.write_text("0.52 0.58 0.59 2/83 4242\n")
    assert runnable_now(str(f)) == 2
    f.write_text("0.52 0.58\n")
    assert runnable_now(str(f)) is None
    f.write_text("a b c x/83 1\n")
    assert runnable_now(str(f)) is None
    assert runnable_now(str(tmp_path / "missing")) is None


@pytest.mark.skipif(not Path(LOADAVG).exists(), reason="no /proc/loadavg here")
def test_runnable_now_counts_busy_processes() -> None:
    """Two processes spinning are counted (with this one, running as it reads): the count is
    of this instant, not an average."""
    spin = [sys.executable, "-c", "import time\nt = time.time() + 20\nwhile time.time() < t: pass"]
    busy = [subprocess.Popen(spin) for _ in range(2)]
    try:
        time.sleep(0.3)
        counts = [runnable_now() for _ in range(20)]
    finally:
        for p in busy:
            p.kill()
            p.wait()
    assert all(c is not None for c in counts)
    # each read sees this process and, most of the time, both spinners (they share 2 cores
    # with whatever else runs: at least one of them is running at every read)
    assert max(c for c in counts if c is not None) >= 3


@pytest.mark.skipif(not (sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1),
                    reason="a second process needs Linux and two cores")
def test_a_run_looks_at_the_machine_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path
                                         ) -> None:
    """"auto" asks whether a core is idle as the side's process is forked, and the run keeps
    to that answer: asked again later, the tasks runnable would count the run's own children
    as other programs (here the minute's load is past 1.5, as after a few runs back to back,
    and only the tasks runnable now can say a core is idle)."""
    ar, en = tmp_path / "ar.txt", tmp_path / "en.txt"
    ar.write_text(AR.read_text(encoding="utf-8") * 4, encoding="utf-8")
    en.write_text(EN.read_text(encoding="utf-8") * 7, encoding="utf-8")
    looks: list[int] = []

    def runnable(path: str = LOADAVG) -> int:
        looks.append(1)
        return 1  # this process alone: a core is idle

    monkeypatch.setattr(second_process, "runnable_now", runnable)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.9, 1.8, 1.7))
    pair = open_pair(ar, en, PairOptions(second_process="auto"))
    assert len(looks) == 1
    assert pair.alignment.beads
    alone = open_pair(ar, en, PairOptions(second_process="no"))
    assert pair.alignment.beads == alone.alignment.beads
    assert pair.divergences == alone.divergences
