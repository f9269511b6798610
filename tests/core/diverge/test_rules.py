"""The user's check files: the format, and bad files refused with the line named."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.diverge.rules import load_all, load_checks
from reader.core.errors import InputError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "checks.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_pattern_side_message_and_skips_comments_and_header(tmp_path: Path) -> None:
    path = write(tmp_path, "pattern\tside\tmessage\n# a comment\n\n"
                           "\\bregime\\b\ttarget\tavoid regime\n[ ]{2,}\tboth\n\\d{5,}\ten\tlong\n")
    checks = load_checks(path)
    assert [c.side for c in checks] == ["target", "both", "en"]
    assert checks[0].message == "avoid regime"
    assert checks[1].message == "matches /[ ]{2,}/"
    assert checks[0].origin == "checks.tsv:4"
    assert checks[0].applies("target", "en") and not checks[0].applies("source", "ar")
    assert checks[1].applies("source", "ar") and checks[1].applies("target", "en")
    assert checks[2].applies("target", "en") and not checks[2].applies("source", "ar")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a(\tboth\tx\n", "line 1: bad pattern 'a('"),
        ("x\tleft\tm\n", "line 1: side 'left' is not source, target, both"),
        ("onlyone\n", "line 1: expected pattern, side and message"),
        ("a\tb\tc\td\n", "got 4 column(s)"),
        ("\tboth\tm\n", "line 1: empty pattern"),
        ("# ok\nx*\tboth\tm\n", "line 2: pattern 'x*' matches empty text"),
    ],
)
def test_bad_lines_are_refused_with_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_checks(path)
    assert problem in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_checks(tmp_path / "nope.tsv")
    bad = tmp_path / "bin.tsv"
    bad.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(InputError, match="cannot be read"):
        load_checks(bad)


def test_load_all_keeps_the_order_of_files(tmp_path: Path) -> None:
    a = tmp_path / "a.tsv"
    b = tmp_path / "b.tsv"
    a.write_text("x\tsource\tA\n", encoding="utf-8")
    b.write_text("y\ttarget\tB\n", encoding="utf-8")
    assert [c.message for c in load_all([a, b])] == ["A", "B"]
