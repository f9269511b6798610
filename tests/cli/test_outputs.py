"""Every `-o FILE` of the `reader` command: refused when it would destroy an input, atomic."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import CORPUS

SOURCE = CORPUS / "iraq-assad-lesson.ar.txt"
TARGET = CORPUS / "iraq-assad-lesson.en.txt"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    shutil.copy(SOURCE, src)
    shutil.copy(TARGET, tgt)
    return src, tgt


def test_export_never_replaces_its_workspace(
    tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.prw"
    assert main(["workspace", "new", str(ws), *map(str, pair)]) == 0
    before = ws.read_bytes()
    for fmt in ("csv", "xlsx", "w3c", "md", "html", "tmx", "xliff", "tsv"):
        assert main(["export", str(ws), "--format", fmt, "-o", str(ws)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is an input of this command" in err
    assert ws.read_bytes() == before
    assert main(["workspace", "info", str(ws)]) == 0
    # a folder, or another workspace, is refused too
    assert main(["export", str(ws), "--format", "csv", "-o", str(tmp_path)]) == 2
    other = tmp_path / "other.prw"
    shutil.copy(ws, other)
    assert main(["export", str(ws), "--format", "csv", "-o", str(other)]) == 2
    assert "is a workspace" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.parametrize("command", ["align", "diverge"])
def test_align_and_diverge_never_overwrite_their_input(
    command: str, tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt = pair
    before = src.read_bytes()
    for target in (src, tgt, tmp_path):
        assert main([command, str(src), str(tgt), "-o", str(target)]) == 2
        assert capsys.readouterr().err.count("\n") == 1
    assert src.read_bytes() == before
    out = tmp_path / "out"
    fmt = "tsv" if command == "align" else "csv"
    assert main([command, str(src), str(tgt), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_diverge_csv_neutralises_handles_and_counts_from_one(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "d.csv"
    assert main(["diverge", *map(str, pair), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    post = next(r for r in rows if r["kind"] == "embedded_post")
    assert post["values"].startswith("'@othmanmhmmadr")  # `@` starts a formula
    assert post["paragraphs"] == "5 6 7 8"  # the window's numbers, not the JSON's 4-7


def test_align_tsv_neutralises_a_formula_paragraph(tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("=cmd|' /C calc'!A0 نص عربي\n-Haq قال\n", encoding="utf-8")
    tgt.write_text("\u00a0=1+1 English text\n-Haq said\n", encoding="utf-8")
    out = tmp_path / "o.tsv"
    assert main(["align", str(src), str(tgt), "--format", "tsv", "-o", str(out)]) == 0
    cells = [c for line in out.read_text("utf-8").splitlines() for c in line.split("\t")]
    assert "'=cmd|' /C calc'!A0 نص عربي" in cells
    assert any(c.startswith("'") and "=1+1" in c for c in cells)
    assert "-Haq said" in cells  # a signed word is left as written


def test_workspace_new_never_replaces_its_texts(
    tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt = pair
    before = src.read_bytes()
    assert main(["workspace", "new", str(src), str(src), str(tgt), "--force"]) == 2
    assert "is an input of this command" in capsys.readouterr().err
    assert src.read_bytes() == before
    ws = tmp_path / "w.prw"
    assert main(["workspace", "new", str(ws), str(src), str(tgt)]) == 0
    assert main(["workspace", "new", str(ws), str(src), str(tgt), "--force"]) == 0


def test_error_messages_show_control_characters_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "evil\x1b[2J\u202ename.txt"
    assert main(["align", str(missing), str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\\x1b[2J\\u202ename" in err


def test_export_w3c_with_utf16_positions_says_so(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    import json

    ws = tmp_path / "w.prw"
    assert main(["workspace", "new", str(ws), *map(str, pair)]) == 0
    out = tmp_path / "a.jsonld"
    assert main(["export", str(ws), "--format", "w3c", "--offsets", "utf16", "-o", str(out)]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert doc["positionUnit"] == "utf16" and "UTF-16 code units" in doc["offsets"]
