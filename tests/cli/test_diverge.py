"""`reader diverge`: table, json and csv output, Arabic display order, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")


@pytest.fixture(autouse=True)
def _no_user_thresholds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # the command reads the user's thresholds.toml when there is one: point it at nothing
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diverge", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, AR, EN, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["source"]["language"] == "ar" and doc["target"]["paragraphs"] == 39
    posts = [d for d in doc["divergences"] if d["kind"] == "embedded_post"]
    assert len(posts) == 4
    assert {"kind": "number_mismatch", "values": ["180"]}.items() <= next(
        d for d in doc["divergences"] if d["kind"] == "number_mismatch"
    ).items()
    assert sum(len(b["src"]) for b in doc["beads"]) == 46
    # ids stay in `kind`; the label the window shows comes right after it
    assert list(posts[0])[:2] == ["kind", "label"] and posts[0]["label"] == "Embedded post"
    assert {d["label"] for d in doc["divergences"] if d["kind"] == "name_mismatch"} == {
        "Name differs"}


def test_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, AR, EN, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0].keys() >= {"kind", "severity", "side", "paragraphs", "detail"}
    assert sum(r["kind"] == "embedded_post" for r in rows) == 4
    assert {r["label"] for r in rows if r["kind"] == "name_mismatch"} == {"Name differs"}
    # a post's handle would start a formula in a spreadsheet: neutralised
    assert all(r["values"].startswith("'@") for r in rows if r["kind"] == "embedded_post")
    assert any("180 درجة" in r["detail"] for r in rows)  # logical order in csv


def test_table_visual_and_logical(capsys: pytest.CaptureFixture[str]) -> None:
    code, visual, _ = run(capsys, AR, EN, "--width", "120")
    assert code == 0
    assert "Embedded post" in visual and "src 5-8" in visual  # the window's words
    assert "180 درجة" not in visual  # reordered and shaped for the terminal
    assert "ﺔﺟﺭﺩ" in visual
    code, logical, _ = run(capsys, AR, EN, "--width", "120", "--logical")
    assert "180 درجة" in logical
    assert all(len(line) <= 140 for line in logical.splitlines())


def test_thresholds_file_and_override(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("name_mismatch = false\n")
    code, out, _ = run(capsys, AR, EN, "--format", "json", "--thresholds", str(path))
    assert code == 0
    assert not [d for d in json.loads(out)["divergences"] if d["kind"] == "name_mismatch"]
    code, out, _ = run(capsys, AR, EN, "--format", "json", "--set", "number_min_value=1000")
    assert code == 0
    assert not [d for d in json.loads(out)["divergences"] if d["kind"] == "number_mismatch"]


def test_bad_input_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, AR, str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt: no such file" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    code, _, err = run(capsys, str(empty), EN)
    assert code == 2 and "empty" in err
    code, _, err = run(capsys, AR, EN, "--set", "bogus=1")
    assert code == 2 and "unknown threshold 'bogus'" in err
    code, _, err = run(capsys, AR, EN, "--thresholds", str(tmp_path / "none.toml"))
    assert code == 2 and "none.toml: no such file" in err


def test_unknown_threshold_is_one_line_listing_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, AR, EN, "--set", "sentence_null_cost=8")
    assert code == 2 and not out
    assert err.count("\n") == 1
    assert err.startswith("reader: unknown threshold 'sentence_null_cost' in the command line; "
                          "known: omission_serious_chars, omission_min_chars, ")
    assert err.rstrip().endswith("term_inconsistent, term_min_occurrences")


@pytest.mark.parametrize(
    ("assignment", "problem"),
    [("length_robust_z=nan", "must be a finite number, got 'nan'"),
     ("length_min_chars=inf", "must be a finite number, got 'inf'"),
     ("number_min_value=-inf", "must be a finite number, got '-inf'"),
     ("number_neighbour_beads=-1", "must be at least 0, got '-1'"),
     ("length_min_spread=0", "must be above 0, got '0'"),
     ("name_similarity=2", "must be at most 1, got '2'")],
)
def test_senseless_threshold_values_exit_2(
    capsys: pytest.CaptureFixture[str], assignment: str, problem: str
) -> None:
    code, out, err = run(capsys, AR, EN, "--set", assignment)
    name = assignment.partition("=")[0]
    assert code == 2 and not out
    assert err == f"reader: threshold {name} in the command line {problem}\n"


@pytest.mark.parametrize(
    ("content", "problem"),
    [("length_robust_z = nan\n", "threshold length_robust_z in the file must be a finite number"),
     ("[divergences]\nlength_serious_z = -inf\n", "threshold length_serious_z in the file must"),
     ("sentence_min_chars = -5\n", "threshold sentence_min_chars in the file must be at least"),
     ("sentence_anchor_bonus = 2.0\n", "unknown threshold 'sentence_anchor_bonus' in the file")],
)
def test_senseless_thresholds_file_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_text(content)
    code, out, err = run(capsys, AR, EN, "--thresholds", str(path))
    assert code == 2 and not out
    assert err.startswith(f"reader: {path}: {problem}") and err.count("\n") == 1


def test_user_thresholds_file_is_checked_the_same_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # no --thresholds: the user's own file (under XDG_CONFIG_HOME) is read and refused alike
    path = tmp_path / "config" / "parallel-reader" / "thresholds.toml"
    path.parent.mkdir(parents=True)
    path.write_text("omission_min_chars = -1\n")
    code, _, err = run(capsys, AR, EN)
    assert code == 2
    assert err == (f"reader: {path}: threshold omission_min_chars in the file must be at least 0, "
                   "got -1\n")


def test_original_phrases_the_length_check(capsys: pytest.CaptureFixture[str]) -> None:
    def lengths(*extra: str) -> list[dict[str, object]]:
        code, out, _ = run(capsys, AR, EN, "--format", "json", "--set", "length_robust_z=2",
                           *extra)
        assert code == 0
        return [d for d in json.loads(out)["divergences"] if d["kind"] == "length_anomaly"]

    # Arabic 29 -> English 24 restates the same points at length (tests/data/README.md)
    [as_arabic] = lengths()
    assert as_arabic["detail"] == (
        "the target is 146% of the length the pair's ratio predicts (276 characters for 184): "
        "expanded")
    # the English taken for the original: its Arabic translation condensed it
    [as_english] = lengths("--original", "target")
    assert as_english["bead"] == as_arabic["bead"] and as_english["side"] == as_arabic["side"]
    assert as_english["detail"] == (
        "the source is 68% of the length the pair's ratio predicts (184 characters for 276): "
        "condensed")


def test_unrelated_pair_warns_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    other = str(CORPUS / "iraq-spectator-axis-of-resistance.en.txt")
    for fmt in ("table", "json", "csv"):
        code, _, err = run(capsys, AR, other, "--format", fmt)
        assert code == 0 and "do not look like a translation" in err
    code, _, err = run(capsys, AR, EN)
    assert code == 0 and "warning" not in err
