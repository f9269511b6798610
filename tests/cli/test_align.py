"""The `reader align` command: the JSON contract, other formats, bad input, help."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader.cli import build_parser, main
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")


def test_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", AR, EN, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"] == {"path": AR, "language": "ar", "paragraphs": 46}
    assert out["target"] == {"path": EN, "language": "en", "paragraphs": 39}
    covered = [i for b in out["beads"] for i in b["src"]]
    assert covered == list(range(46))
    assert all(set(b) == {"src", "tgt", "confidence"} for b in out["beads"])
    assert isinstance(out["divergences"], list)


def test_tsv_has_one_bead_a_line(tmp_path: Path) -> None:
    out = tmp_path / "pair.tsv"
    assert main(["align", AR, EN, "--format", "tsv", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").rstrip("\n").split("\n")
    beads = json.loads(
        subprocess.run(
            [sys.executable, "-m", "reader.cli", "align", AR, EN],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )["beads"]
    assert len(lines) == len(beads)
    assert all(line.count("\t") == 1 for line in lines)
    first_src, first_tgt = lines[0].split("\t")
    assert first_src.startswith("من تجاهل حقائق التاريخ")
    assert first_tgt.startswith("Those who ignore the lessons of history")


def test_tmx_is_valid_xml_with_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "pair.tmx"
    assert main(["align", AR, EN, "--format", "tmx", "-o", str(out)]) == 0
    root = ElementTree.parse(out).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    tus = root.findall("./body/tu")
    assert tus
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tus[0].findall("tuv")}
    assert langs == {"ar", "en"}


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 4), "binary"),
        (lambda p: p.write_bytes(b"caf\xe9 cr\xe8me \xff\xfe\xfd" * 3), "undecodable"),
        (lambda p: p.write_bytes(b"\n\n   \n"), "no paragraphs"),
    ],
)
def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path: Path, make, problem: str) -> None:
    bad = tmp_path / "bad.txt"
    make(bad)
    proc = subprocess.run(
        [sys.executable, "-m", "reader.cli", "align", AR, str(bad)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1, proc.stderr
    assert str(bad) in lines[0] and problem in lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def _check_parser(name: str, parser: argparse.ArgumentParser) -> None:
    assert parser.description, f"{name} has no description"
    for action in parser._actions:
        assert action.help, f"{name} {action.dest} has no help"
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub_parser in action.choices.items():
                _check_parser(f"{name} {sub_name}", sub_parser)


def test_help_describes_every_command() -> None:
    parser = build_parser()
    help_text = parser.format_help()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert isinstance(sub, argparse._SubParsersAction)
    for name, sub_parser in sub.choices.items():
        assert name in help_text
        _check_parser(name, sub_parser)


def test_json_says_whether_the_pair_is_a_translation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", AR, EN]) == 0
    out = capsys.readouterr()
    doc = json.loads(out.out)
    assert list(doc)[:3] == ["source", "target", "pair"]
    assert doc["pair"]["is_translation"] is True and doc["pair"]["original"] == "source"
    assert 0.9 < doc["pair"]["translation_score"] <= 1.0
    assert "warning" not in out.err


@pytest.mark.parametrize("english", ["iraq-adapts-to-new-syria.en.txt",
                                     "iraq-resistance-and-fall-of-assad.en.txt",
                                     "iraq-spectator-axis-of-resistance.en.txt"])
def test_unrelated_articles_warn_and_exit_0(capsys: pytest.CaptureFixture[str],
                                            english: str) -> None:
    assert main(["align", AR, str(CORPUS / english)]) == 0
    out = capsys.readouterr()
    doc = json.loads(out.out)
    assert doc["pair"]["is_translation"] is False and doc["pair"]["original"] is None
    [line] = out.err.splitlines()
    assert line.startswith("reader: warning: iraq-assad-lesson.ar.txt and ")
    assert "do not look like a translation" in line
    assert all(b["confidence"] <= doc["pair"]["translation_score"] + 1e-3
               for b in doc["beads"] if b["src"] and b["tgt"])


def test_original_is_the_users_say(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", AR, EN, "--original", "target"]) == 0
    assert json.loads(capsys.readouterr().out)["pair"]["original"] == "target"
    with pytest.raises(SystemExit) as exc:
        main(["align", AR, EN, "--original", "english"])
    assert exc.value.code == 2
    assert "--original" in capsys.readouterr().err
