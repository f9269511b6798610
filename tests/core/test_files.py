"""Tests for reader.core.files: strict JSON (one-line errors) and safe output targets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.errors import InputError
from reader.core.files import MAX_JSON_DEPTH, check_output, read_json, write_output


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"a": NaN}', "NaN is not a JSON number"),
        ('{"a": Infinity}', "Infinity is not a JSON number"),
        ('{"a": -Infinity}', "-Infinity is not a JSON number"),
        ('{"a": 1e400}', "the number 1e400 is too large"),
        ('{"a": "\\ud800"}', "lone surrogate (U+D800)"),
        ('{"\\udfff": 1}', "key with a lone surrogate"),
        ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "deeper than"),
        ("[" * 100_000 + "]" * 100_000, "deeper than"),
        ('{"a": 1', "is not valid JSON (line 1"),
    ],
)
def test_bad_json_is_one_line_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_json(path, what="annotation file")
    message = str(info.value)
    assert message.startswith(str(path)) and problem in message
    assert "\n" not in message


def test_good_json_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text('\ufeff{"a": [1, 2.5, "\\ud83d\\ude00", null]}', encoding="utf-8")
    assert read_json(path, what="file") == {"a": [1, 2.5, "😀", None]}


def test_output_targets_that_are_refused(tmp_path: Path) -> None:
    workspace = tmp_path / "w.prw"
    workspace.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    text = tmp_path / "a.txt"
    text.write_text("x\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(text)
    hard = tmp_path / "hard.txt"
    os.link(text, hard)
    for target, inputs, problem in [
        (workspace, [workspace], "is an input of this command"),
        (text, [text], "is an input of this command"),
        (link, [text], "is an input of this command"),  # another name, the same file
        (hard, [text], "is an input of this command"),
        (tmp_path, [], "is a directory"),
        (workspace, [], "is a workspace"),  # someone else's workspace is never replaced
    ]:
        with pytest.raises(InputError, match=problem) as info:
            write_output(target, b"data", inputs)
        assert "\n" not in str(info.value)
    assert text.read_text(encoding="utf-8") == "x\n"
    assert workspace.read_bytes().startswith(b"SQLite format 3")


def test_output_is_written_atomically_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.csv"
    assert check_output(target, [tmp_path / "missing"]) == target
    write_output(target, b"one", [])
    write_output(target, b"two", [])
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]  # no temporary left
