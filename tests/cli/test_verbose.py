"""`reader -v`: each stage's time on stderr through logging, standard output unchanged."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from reader.cli import main
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")

STAGES = [
    f"load source {AR}",
    f"load target {EN}",
    "glossary",
    "anchors source",
    "anchors target",
    "lexicon",
    "features source (46 paragraphs)",
    "sentences source",  # what depends on one side is made with it (align.one_side)
    "readings source",
    "features target (39 paragraphs)",
    "sentences target",
    "vector space",
    "paragraph pass 1 of 2",
    "confidence",  # inside the last paragraph pass: it ends first
    "paragraph pass 2 of 2",
    "learnt word pairs",  # Model 1, inside the sentence pass (in this process: a short pair)
    "sentence pass",
    "support",  # how well the beads are supported: the pair verdict reads it
    "alignment",
    "divergences",
    "output json",
]


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader.cli", *args], capture_output=True,
                          text=True, check=True)


def test_v_times_every_stage_on_stderr_and_leaves_stdout_alone() -> None:
    plain = _reader("align", AR, EN)
    assert plain.stderr == ""
    for args in (["-v", "align", AR, EN], ["align", AR, EN, "-v"]):
        verbose = _reader(*args)
        assert verbose.stdout == plain.stdout
        lines = verbose.stderr.splitlines()
        timed = [re.fullmatch(r"reader: (.+): \d+\.\d ms, CPU \d+\.\d ms", line)
                 for line in lines]
        assert all(timed), verbose.stderr
        assert [m.group(1) for m in timed if m] == STAGES


def test_vv_adds_details_and_still_leaves_stdout_alone() -> None:
    plain = _reader("diverge", AR, EN, "--format", "json")
    verbose = _reader("-v", "diverge", "-v", AR, EN, "--format", "json")
    assert verbose.stdout == plain.stdout
    assert "reader: reader.core.align.aligner: band: 47 rows" in verbose.stderr
    assert "reader: reader.core.pair: divergences: " in verbose.stderr


def test_v_before_one_file_is_still_the_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-v", AR]) == 2
    assert "give two files" in capsys.readouterr().err
