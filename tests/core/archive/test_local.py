"""The local engine: 30 pairs on two worker processes, byte for byte `reader align`'s JSON."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.archive.inputs import PairJob, discover_jobs
from reader.core.archive.job import PairOutcome, run_pair
from reader.core.archive.local import run_jobs
from reader.core.archive.stamps import STAMP_DIR
from tests.core.archive.archive_helpers import make_archive

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding `archive/` with 30 pairs; the tests run from it (relative paths)."""
    root = tmp_path_factory.mktemp("batch")
    make_archive(root / "archive", 30)
    return root


def test_thirty_pairs_give_reader_aligns_bytes(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive)
    jobs = discover_jobs(Path("archive"))
    assert len(jobs) == 30
    streamed: list[str] = []

    def arrived(outcome: PairOutcome) -> None:
        # results reach OUTDIR as they finish, not at the end
        assert Path("out", f"{outcome.id}.json").exists()
        streamed.append(outcome.id)

    outcomes = run_jobs(jobs, Path("out"), workers=2, on_outcome=arrived)
    assert sorted(streamed) == sorted(o.id for o in outcomes) == sorted(j.id for j in jobs)
    assert {o.status for o in outcomes} == {"done"}
    for job in jobs:
        single = Path("single", f"{job.id}.json")
        single.parent.mkdir(exist_ok=True)
        assert main(["align", job.source, job.target, "--format", "json", "-o", str(single)]) == 0
        assert Path("out", f"{job.id}.json").read_bytes() == single.read_bytes(), job.id
    assert sorted(p.name for p in Path("out").iterdir()) == sorted(
        [f"{j.id}.json" for j in jobs] + [STAMP_DIR]
    )


def test_a_corrupt_pair_is_reported_and_the_others_complete(tmp_path: Path) -> None:
    make_archive(tmp_path / "a", 4)
    (tmp_path / "a" / "binary.ar.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "a" / "binary.en.txt").write_text("A line.\n")
    (tmp_path / "a" / "latin1.ar.txt").write_bytes("كلمة\n".encode() + b"\xe9t\xe9\n")
    (tmp_path / "a" / "latin1.en.txt").write_text("A line.\n")
    (tmp_path / "a" / "empty.ar.txt").write_text("مرحبا\n")
    (tmp_path / "a" / "empty.en.txt").write_bytes(b"")
    jobs = [*discover_jobs(tmp_path / "a"),
            PairJob("gone", str(tmp_path / "none.ar.txt"), str(tmp_path / "none.en.txt"))]
    outcomes = {o.id: o for o in run_jobs(jobs, tmp_path / "out", workers=2)}
    failed = {i: o.error for i, o in outcomes.items() if o.status == "failed"}
    assert set(failed) == {"binary", "empty", "gone", "latin1"}
    assert "binary.ar.txt: looks like a binary file" in (failed["binary"] or "")
    assert "latin1.ar.txt: undecodable bytes at line 2" in (failed["latin1"] or "")
    assert "empty.en.txt: is empty" in (failed["empty"] or "")
    assert "none.ar.txt: no such file" in (failed["gone"] or "")
    assert all("\n" not in (e or "") for e in failed.values())
    done = [i for i, o in outcomes.items() if o.status == "done"]
    assert len(done) == 4
    assert all((tmp_path / "out" / f"{i}.json").exists() for i in done)
    assert not any((tmp_path / "out" / f"{i}.json").exists() for i in failed)


def test_a_worker_that_dies_fails_only_its_own_pair(tmp_path: Path) -> None:
    """A pair that kills its worker is failed once it kills a worker of its own; the pairs
    that shared the pool are aligned again. Here the test kills a worker."""
    make_archive(tmp_path / "a", 6)
    jobs = discover_jobs(tmp_path / "a")
    killed: list[int] = []

    def kill_a_worker(outcome: PairOutcome) -> None:
        if not killed:
            pid = _a_worker()
            os.kill(pid, 9)
            killed.append(pid)

    outcomes = run_jobs(jobs, tmp_path / "out", workers=2, on_outcome=kill_a_worker)
    assert killed
    assert sorted(o.id for o in outcomes) == sorted(j.id for j in jobs)
    assert {o.status for o in outcomes} == {"done"}


def _a_worker() -> int:
    """A worker of this process's pool (not its resource tracker), found in /proc."""
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == me and b"spawn_main" in command:
                return int(entry.name)
    raise AssertionError("no worker")


def test_run_pair_is_picklable_and_imports_in_a_fresh_process(tmp_path: Path) -> None:
    job = PairJob("x", "a.txt", "b.txt", {"original": "source"})
    assert pickle.loads(pickle.dumps(job)) == job
    assert pickle.loads(pickle.dumps(run_pair)) is run_pair
    outcome = PairOutcome("x", "done", paragraphs=(1, 2), divergences_by_kind={"omission": 1})
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    code = ("import pickle, sys; from reader.core.archive.inputs import PairJob; "
            "f = pickle.loads(sys.stdin.buffer.read()); "
            "print(f(PairJob('x', 'missing.ar.txt', 'missing.en.txt'), sys.argv[1]).status)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], input=pickle.dumps(run_pair),
                         capture_output=True, check=True)
    assert out.stdout.decode().strip() == "failed"


def _child_threads() -> str:
    """What a process started now sees (workers are started inside the engine's context)."""
    return subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ.get('OPENBLAS_NUM_THREADS'))"],
        capture_output=True, text=True, check=True).stdout.strip()


def test_workers_get_one_numerical_thread_each_and_the_environment_comes_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.archive.local import _one_thread_per_worker

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with _one_thread_per_worker():
        assert _child_threads() == "1"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # the user's choice stands
    with _one_thread_per_worker():
        assert _child_threads() == "4"
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
