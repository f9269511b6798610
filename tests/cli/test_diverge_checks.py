"""`reader diverge --checks FILE`: the user's checks reported, a bad file refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")


@pytest.fixture(autouse=True)
def _no_user_thresholds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))


def test_checks_are_reported_with_their_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "house.tsv"
    rules.write_text("\\bregime\\b\ttarget\tavoid “regime”\nالأسد\tsource\tname\n",
                     encoding="utf-8")
    assert main(["diverge", AR, EN, "--format", "json", "--checks", str(rules)]) == 0
    doc = json.loads(capsys.readouterr().out)
    checks = [d for d in doc["divergences"] if d["kind"] == "user_check"]
    assert {d["side"] for d in checks} == {"source", "target"}
    regime = [d for d in checks if d["side"] == "target"]
    assert regime and all(d["detail"] == "avoid “regime”: ‘regime’" for d in regime)
    assert regime[0]["label"] == "Check"


def test_a_bad_check_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "bad.tsv"
    rules.write_text("ok\tboth\tfine\n[unclosed\tboth\tbad\n", encoding="utf-8")
    assert main(["diverge", AR, EN, "--checks", str(rules)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.tsv: line 2: bad pattern '[unclosed'" in err
