"""`reader align` and `reader diverge` with the target read in a second process, or not: the same
output; and the console script's early exit loses none of it."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"
TWO_CORES = sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1


def _reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader.cli", *args], capture_output=True,
                          text=True, check=False, timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def long_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Long enough for a second process (64 KiB a side): the article several times over."""
    folder = tmp_path_factory.mktemp("long")
    ar, en = folder / "ar.txt", folder / "en.txt"
    ar.write_text(AR.read_text(encoding="utf-8") * 4, encoding="utf-8")
    en.write_text(EN.read_text(encoding="utf-8") * 7, encoding="utf-8")
    return str(ar), str(en)


@pytest.mark.slow
@pytest.mark.parametrize("command", [["align", "--format", "json"], ["diverge", "--format", "csv"]])
def test_one_process_or_two_print_the_same(long_pair: tuple[str, str], command: list[str]) -> None:
    name, *rest = command
    two = _reader("-v", name, *long_pair, *rest, env={"READER_PROCESSES": "2"})
    one = _reader("-v", name, *long_pair, *rest, "--one-process")
    by_env = _reader(name, *long_pair, *rest, env={"READER_PROCESSES": "1"})
    auto = _reader(name, *long_pair, *rest)  # a second process if a core is idle now
    assert two.returncode == one.returncode == by_env.returncode == auto.returncode == 0
    assert two.stdout == one.stdout == by_env.stdout == auto.stdout
    assert two.stdout.strip()
    assert ("target from the second process" in two.stderr) == TWO_CORES
    assert "second process" not in one.stderr
    assert "anchors target" in two.stderr and "anchors target" in one.stderr


def test_a_bad_target_is_the_same_one_line_error(long_pair: tuple[str, str],
                                                 tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 70_000)
    two = _reader("align", long_pair[0], str(bad), env={"READER_PROCESSES": "2"})
    one = _reader("align", long_pair[0], str(bad), "--one-process")
    assert two.returncode == one.returncode == 2
    assert two.stderr == one.stderr and len(two.stderr.splitlines()) == 1


def test_the_early_exit_flushes_all_the_output(tmp_path: Path) -> None:
    inside = io.StringIO()
    with contextlib.redirect_stdout(inside):
        assert main(["align", str(AR), str(EN), "--format", "tsv"]) == 0
    done = _reader("align", str(AR), str(EN), "--format", "tsv")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == inside.getvalue()
    out = tmp_path / "out.json"
    written = _reader("diverge", str(AR), str(EN), "--format", "json", "-o", str(out))
    assert written.returncode == 0 and out.read_text(encoding="utf-8").startswith("{")


def test_a_sub_command_alone_still_reads_its_usage_errors() -> None:
    done = _reader("align", str(AR))
    assert done.returncode == 2
    assert done.stderr.startswith("usage: reader align")
    assert "the following arguments are required: TGT" in done.stderr
    bad = _reader("align", str(AR), str(EN), "--nope")
    assert bad.returncode == 2 and "unrecognized arguments: --nope" in bad.stderr
