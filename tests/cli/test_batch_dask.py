"""`reader batch --engine dask`: without dask installed, against a running scheduler, bad OUTDIR."""

from __future__ import annotations

import csv
import logging
import subprocess
import sys
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
    distributed = pytest.importorskip("distributed")
    ids = make_archive(tmp_path / "a", 5)
    (tmp_path / "a" / "broken.ar.txt").write_bytes(b"\x00\x00\x00")
    (tmp_path / "a" / "broken.en.txt").write_text("A line.\n")
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
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
