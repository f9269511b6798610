"""`reader align SRC TGT --fix FILE`: beads kept from a file, the rest aligned, bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")


def _align(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["align", AR, EN, *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _covers(out: dict) -> None:
    assert [i for b in out["beads"] for i in b["src"]] == list(range(46))
    assert [j for b in out["beads"] for j in b["tgt"]] == list(range(39))


def test_every_bead_of_a_bare_file_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fix = tmp_path / "fix.json"
    beads = [{"src": [3], "tgt": [5, 6]}, {"src": [20, 21], "tgt": []}]
    fix.write_text(json.dumps({"beads": beads}))
    out = _align(capsys, "--fix", str(fix))
    _covers(out)
    assert {"src": [3], "tgt": [5, 6], "confidence": 1.0, "state": "confirmed"} in out["beads"]
    assert {"src": [20, 21], "tgt": [], "confidence": 1.0, "state": "confirmed"} in out["beads"]
    assert sum("state" in b for b in out["beads"]) == 2


def test_from_a_full_output_only_the_confirmed_beads_and_back_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _align(capsys)
    first["beads"][4]["confirmed"] = True
    first["beads"][9]["state"] = "confirmed"
    first["beads"][9]["tgt"] = []  # a correction: its target paragraphs left out
    first["beads"][9]["src"] = first["beads"][9]["src"] or [first["beads"][8]["src"][-1] + 1]
    fix = tmp_path / "earlier.json"
    fix.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    assert main(["align", AR, EN, "--fix", str(fix), "-o", str(tmp_path / "second.json")]) == 0
    second = json.loads((tmp_path / "second.json").read_text(encoding="utf-8"))
    _covers(second)
    kept = [b for b in second["beads"] if b.get("state") == "confirmed"]
    assert [(b["src"], b["tgt"]) for b in kept] == [
        (first["beads"][4]["src"], first["beads"][4]["tgt"]),
        (first["beads"][9]["src"], []),
    ]
    # the output given back keeps the same beads: its confirmed ones are marked by "state"
    third = _align(capsys, "--fix", str(tmp_path / "second.json"))
    assert third["beads"] == second["beads"]


def test_a_full_output_with_nothing_confirmed_keeps_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _align(capsys)
    fix = tmp_path / "plain.json"
    fix.write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "reader.cli", "align", AR, EN, "--fix", str(fix)],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["beads"] == plain["beads"]
    assert done.stderr == f'{fix}: no bead is marked "confirmed": true; nothing is kept\n'


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json at all", "is not valid JSON (line 1, column 1"),
        ("[1, 2]", "is not a file of beads"),
        ('{"beads": [{"src": [2], "tgt": [2]}, {"src": [2], "tgt": [3]}]}',
         "fixed bead 1 (source [2], target [3]) overlaps or comes before fixed bead 0"),
        ('{"beads": [{"src": [9], "tgt": [9]}, {"src": [4], "tgt": [12]}]}',
         "comes before fixed bead 0 on the source side"),
        ('{"beads": [{"src": [50], "tgt": [2]}]}', "the source text has paragraphs 0 to 45 only"),
        ('{"beads": [{"src": [1], "tgt": [39]}]}', "the target text has paragraphs 0 to 38 only"),
        ('{"beads": [{"src": [1, 3], "tgt": [1]}]}', "its source paragraphs do not follow"),
        ('{"beads": [{"src": ["1"], "tgt": [1]}]}', 'bead 0: "src" is not a list of paragraph'),
        ('{"beads": [{"src": [1]}]}', 'bead 0: "tgt" is not a list of paragraph numbers'),
        ('{"beads": [{"src": [], "tgt": []}]}', "bead 0 is empty"),
        ('{"beads": [{"src": [1], "tgt": [1], "confidence": 7}]}', '"confidence" is not a number'),
    ],
)
def test_a_bad_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    fix = tmp_path / "fix.json"
    fix.write_text(content, encoding="utf-8")
    assert main(["align", AR, EN, "--fix", str(fix)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"reader: {fix}: ") and problem in captured.err
    assert captured.err.count("\n") == 1


def test_a_missing_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["align", AR, EN, "--fix", str(tmp_path / "none.json")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize(("n", "m"), [(1, 8), (2, 46), (46, 1)])
def test_wildly_unequal_files_align_through_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int, m: int
) -> None:
    """These ended in a traceback (IndexError in scores._gather)."""
    ar = [p for p in Path(AR).read_text(encoding="utf-8").splitlines() if p.strip()]
    en = [p for p in Path(EN).read_text(encoding="utf-8").splitlines() if p.strip()]
    src, tgt = tmp_path / "ar.txt", tmp_path / "en.txt"
    src.write_text("\n".join(ar[i % len(ar)] for i in range(n)) + "\n", encoding="utf-8")
    lines = [" ".join(en)] if m == 1 else [en[j % len(en)] for j in range(m)]
    tgt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["align", str(src), str(tgt)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [i for b in out["beads"] for i in b["src"]] == list(range(n))
    fix = tmp_path / "fix.json"
    fix.write_text(json.dumps({"beads": [{"src": [0], "tgt": [0]}]}))
    assert main(["align", str(src), str(tgt), "--fix", str(fix)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["beads"][0] == {"src": [0], "tgt": [0], "confidence": 1.0, "state": "confirmed"}
