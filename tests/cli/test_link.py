"""`reader link A B`: json, tsv and table output, -o, and bad input in one line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
ORIENT = str(CORPUS / "iraq-spectator-axis-of-resistance.en.txt")
BLOG = str(CORPUS / "iraq-resistance-and-fall-of-assad.en.txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["link", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, AR, ORIENT, "--format", "json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["a"] == {"path": AR, "language": "ar", "paragraphs": 46}
    assert doc["b"]["language"] == "en" and doc["b"]["paragraphs"] == 23
    assert 0 < doc["threshold"] < 1
    links = doc["links"]
    assert links and all(0 <= k["a"] < 46 and 0 <= k["b"] < 23 for k in links)
    assert all(doc["threshold"] <= k["score"] <= 1 for k in links)
    # the militias' flight as Assad fell (Arabic paragraph 2) and in Orient XXI (11)
    flight = next(k for k in links if (k["a"], k["b"]) == (2, 11))
    assert flight["a_excerpt"].startswith("يوم تحرير سوريا")
    assert flight["b_excerpt"].startswith("The fall of Damascus")
    assert {"kind", "key", "a", "b", "weight", "a_span", "b_span"} <= flight["evidence"][0].keys()


def test_a_lower_threshold_gives_more_links(capsys: pytest.CaptureFixture[str]) -> None:
    _, strict, _ = run(capsys, AR, BLOG, "--format", "json")
    _, loose, _ = run(capsys, AR, BLOG, "--format", "json", "--threshold", "0.1")
    assert len(json.loads(loose)["links"]) > len(json.loads(strict)["links"])


def test_tsv_counts_paragraphs_from_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, AR, ORIENT, "--format", "tsv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert {"a_paragraph", "b_paragraph", "score", "evidence", "a_text", "b_text"} == set(rows[0])
    assert ("3", "12") in {(r["a_paragraph"], r["b_paragraph"]) for r in rows}
    assert all(0 <= float(r["score"]) <= 1 for r in rows)


def test_table_shows_arabic_for_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, AR, ORIENT, "--width", "100")
    assert code == 0
    assert out.startswith("iraq-assad-lesson.ar.txt (ar, 46 paragraphs) ~ ")
    assert "a 3 ~ b 12" in out
    assert "\ufe8e" in out or "ﺎ" in out  # shaped presentation forms, in visual order
    code, logical, _ = run(capsys, AR, ORIENT, "--logical")
    assert "يوم تحرير سوريا" in logical


def test_output_file_and_inputs_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path
                                        ) -> None:
    out = tmp_path / "links.json"
    code, stdout, _ = run(capsys, AR, ORIENT, "--format", "json", "-o", str(out))
    assert code == 0 and stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["links"]
    a = tmp_path / "a.txt"
    a.write_bytes(Path(ORIENT).read_bytes())
    code, _, err = run(capsys, str(a), AR, "-o", str(a))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert a.read_bytes() == Path(ORIENT).read_bytes()


@pytest.mark.parametrize("content", [b"", b"\n  \n"])
def test_an_empty_document_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    code, out, err = run(capsys, AR, str(empty))
    assert code == 2 and out == ""
    assert err.startswith("reader: ") and str(empty) in err and len(err.splitlines()) == 1


def test_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "nothing.txt"), AR)
    assert code == 2 and "nothing.txt" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "high"])
def test_a_bad_threshold_is_one_line(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _, err = run(capsys, AR, ORIENT, "--threshold", value)
    assert code == 2 and "--threshold" in err and len(err.splitlines()) == 1


def test_hostile_text_is_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("=HYPERLINK(1) Kataib Hezbollah left Bukamal on December 6, 2024 \x1b[31m.\n"
                 "Olive oil prices rose in Spain.\n", encoding="utf-8")
    b.write_text("Rain fell in Oslo.\n"
                 "On December 6, 2024 Kataib Hezbollah fighters left Bukamal for Iraq.\n",
                 encoding="utf-8")
    code, out, _ = run(capsys, str(a), str(b), "--format", "tsv")
    assert code == 0
    assert "\t'=HYPERLINK(1)" in out  # a spreadsheet would compute it: neutralised
    code, out, _ = run(capsys, str(a), str(b))
    assert code == 0 and "a 1 ~ b 2" in out
    assert "\x1b" not in out and "\\x1b[31m" in out
