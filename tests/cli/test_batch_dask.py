"""`reader batch --engine dask`: without dask installed, against a running scheduler, bad OUTDIR."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import main
from tests.core.archive.archive_helpers import make_archive

ROOT = Path(__file__).resolve().parents[2]


def test_without_dask_installed_it_is_one_line_naming_the_extra(tmp_path: Path) -> None:
    make_archive(tmp_path / "a", 2)
    code = (
        "import sys; sys.modules['distributed'] = None\n"  # as if it were not installed
        "from reader.cli import main\n"
        f"sys.exit(main(['batch', {str(tmp_path / 'a')!r}, '-o', {str(tmp_path / 'out')!r}, "
        "'--engine', 'dask']))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert "pip install 'parallel-reader[dask]'" in lines[0]
    assert not (tmp_path / "out").exists()


def test_an_outdir_url_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_archive(tmp_path / "a", 2)
    with pytest.raises(SystemExit) as stop:
        main(["batch", str(tmp_path / "a"), "-o", "s3://bucket/out", "--engine", "dask"])
    assert stop.value.code == 2
    assert "OUTDIR must be a folder" in capsys.readouterr().err
    assert not Path("s3:").exists()


def test_an_unreachable_scheduler_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    make_archive(tmp_path / "a", 2)
    from reader.core.archive import dask_engine

    dask_engine.CONNECT_TIMEOUT = "1s"  # not the 20 s a real cluster is given
    try:
        code = main(["batch", str(tmp_path / "a"), "-o", str(tmp_path / "out"), "--engine",
                     "dask", "--scheduler", "tcp://127.0.0.1:9"])
    finally:
        dask_engine.CONNECT_TIMEOUT = "20s"
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("reader: cannot reach the Dask scheduler tcp://127.0.0.1:9")


@pytest.mark.slow
def test_the_command_on_a_running_cluster_resumes_and_writes_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    ids = make_archive(tmp_path / "a", 5)
    (tmp_path / "a" / "broken.ar.txt").write_bytes(b"\x00\x00\x00")
    (tmp_path / "a" / "broken.en.txt").write_text("A line.\n")
    out = tmp_path / "out"
    from reader.core.archive.dask_engine import local_cluster

    with local_cluster(2) as cluster:
        argv = ["batch", str(tmp_path / "a"), "-o", str(out), "--engine", "dask",
                "--scheduler", cluster.scheduler_address]
        assert main(argv) == 1  # one pair failed
        err = capsys.readouterr().err
        assert "broken: failed" in err and "5 done, 0 skipped, 1 failed" in err
        assert main([*argv, "--resume"]) == 1
        assert "0 done, 5 skipped, 1 failed" in capsys.readouterr().err
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == sorted([*ids, "broken"])
    assert {r["id"]: r["status"] for r in rows}["broken"] == "failed"
    assert (out / "summary.html").exists()


@pytest.mark.slow
def test_ctrl_c_stops_the_local_cluster_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")  # a dependency of distributed
    make_archive(tmp_path / "a", 8)
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "reader.cli", "batch", str(tmp_path / "a"), "-o", str(out),
            "--engine", "dask", "--workers", "2"]
    # its own session: Ctrl+C goes to the whole process group, as a terminal sends it
    run = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(p.suffix == ".json" for p in out.iterdir())):
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    children = psutil.Process(run.pid).children(recursive=True)
    assert children  # the cluster's worker processes
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert "run again with --resume" in err
    psutil.wait_procs(children, timeout=10)
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    again = subprocess.run([*argv, "--resume"], cwd=ROOT, capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    assert " 0 failed" in again.stderr and "skipped" in again.stderr
    assert len(list(out.glob("*.json"))) == 8
