"""`reader batch`: exit statuses, a run killed and resumed, Ctrl+C, the summary it leaves."""

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
from reader.core.archive.stamps import STAMP_DIR
from reader.core.archive.summary import read_summary
from tests.core.archive.archive_helpers import make_archive

pytestmark = pytest.mark.slow


def _batch(cwd: Path, *args: str) -> subprocess.Popen[str]:
    """The command in a process group of its own, as a shell runs a job."""
    return subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "batch", *args], cwd=cwd, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def _wait_for_outputs(out: Path, n: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before {n} outputs: {proc.communicate()}")
        if len(list((out / STAMP_DIR).glob("*.json"))) >= n:
            return
        time.sleep(0.05)
    pytest.fail("no outputs")


def _processes_of_session(sid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _temporary_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_killed_run_resumed_aligns_only_the_rest(tmp_path: Path) -> None:
    ids = make_archive(tmp_path / "archive", 16)
    out = tmp_path / "out"
    proc = _batch(tmp_path, "archive", "-o", "out", "--workers", "2")
    _wait_for_outputs(out, 3, proc)
    os.killpg(proc.pid, signal.SIGKILL)  # the run, its fork server and workers: no clean-up
    proc.communicate()
    finished = {p.stem for p in (out / STAMP_DIR).glob("*.json")}
    assert 3 <= len(finished) < len(ids)
    times = {i: (out / f"{i}.json").stat().st_mtime_ns for i in finished}
    assert not (out / "summary.csv").exists()
    time.sleep(0.05)
    again = _batch(tmp_path, "archive", "-o", "out", "--workers", "2", "--resume")
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    rows = {o.id: o for o in read_summary(out / "summary.csv")}
    assert sorted(rows) == sorted(ids)
    assert {i for i, o in rows.items() if o.status == "skipped"} == finished
    assert {i for i, o in rows.items() if o.status == "done"} == set(ids) - finished
    assert all((out / f"{i}.json").stat().st_mtime_ns == times[i] for i in finished)
    assert all(rows[i].beads > 0 and rows[i].paragraphs[0] > 0 for i in finished)
    assert not _temporary_files(out)
    assert f"{len(ids) - len(finished)} done, {len(finished)} skipped, 0 failed" in err


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_ctrl_c_stops_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    ids = make_archive(tmp_path / "archive", 16)
    out = tmp_path / "out"
    proc = _batch(tmp_path, "archive", "-o", "out", "--workers", "2")
    _wait_for_outputs(out, 2, proc)
    if how == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends its foreground job
    else:
        proc.terminate()  # what a job scheduler sends the batch's process alone
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "stopped" in err and "--resume" in err
    deadline = time.monotonic() + 10  # the resource tracker takes a moment to see it end
    while _processes_of_session(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_of_session(proc.pid)  # no worker left behind
    assert not _temporary_files(out)
    rows = read_summary(out / "summary.csv")
    # a pair finished by its worker but not yet heard of may be missing: --resume skips it
    assert 1 <= len(rows) < len(ids)
    assert {o.status for o in rows} == {"done"}
    assert all((out / f"{o.id}.json").exists() for o in rows)
    # and --resume finishes the rest (the same paths: a pair's JSON holds them)
    monkeypatch.chdir(tmp_path)
    assert main(["batch", "archive", "-o", "out", "--resume"]) == 0
    again = read_summary(out / "summary.csv")
    assert len(again) == len(ids)
    assert sum(o.status == "skipped" for o in again) >= len(rows)


def test_exit_status_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_archive(tmp_path / "archive", 3)
    assert main(["batch", str(tmp_path / "archive"), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "3 done, 0 skipped, 0 failed" in err
    (tmp_path / "archive" / "broken.ar.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "archive" / "broken.en.txt").write_text("Text.\n")
    (tmp_path / "archive" / "lonely.en.txt").write_text("Text.\n")
    assert main(["batch", str(tmp_path / "archive"), "-o", str(tmp_path / "out"),
                 "--resume", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "lonely.en.txt has no counterpart" in err
    assert "broken: failed:" in err and "1 pair failed" in err
    with (tmp_path / "out" / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["failed", "skipped", "skipped", "skipped"]
    assert "broken.ar.txt" in rows[0]["error"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-folder", "-o", "out"], "missing-folder: no such file or folder"),
        (["archive", "-o", "out", "--scheduler", "tcp://x:8786"], "--scheduler is for"),
        (["archive", "-o", "archive/coc-2.1-001.ar.txt"], "is not a folder"),
        (["empty", "-o", "out"], "holds no pair"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    args: list[str], message: str,
) -> None:
    make_archive(tmp_path / "archive", 2)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["batch", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_workers_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["batch", "x", "-o", "y", "--workers", "0"])
    assert exit_.value.code == 2
    assert "not a number of workers" in capsys.readouterr().err
