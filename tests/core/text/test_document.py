"""Reading text files: encodings, line ends, paragraphs and their offsets, kinds, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import InputError
from reader.core.text.document import load_text, split_paragraphs, text_from_string

ARABIC = "يوم تحرير سوريا في 8 كانون الأول عام 2024"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (ARABIC.encode("cp1256"), "windows-1256"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    text = load_text(path)
    assert text.content == ARABIC
    assert text.encoding == encoding
    assert text.language == "ar" and text.direction == "rtl"


def test_crlf_is_normalised_and_offsets_point_into_the_content(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("first line\r\n\r\n  second\u00a0line  \r\nthird\rfourth".encode())
    text = load_text(path)
    assert "\r" not in text.content
    assert [p.text for p in text.paragraphs] == [
        "first line",
        "second\u00a0line",
        "third",
        "fourth",
    ]
    for p in text.paragraphs:
        assert text.content[p.start : p.end] == p.text


def test_a_line_of_only_no_break_spaces_is_blank() -> None:
    text = text_from_string("one\n\u00a0\ntwo\n \u00a0 \t\nthree")
    assert [p.text for p in text.paragraphs] == ["one", "two", "three"]


def test_blocks_mode_reads_hard_wrapped_paragraphs() -> None:
    text = text_from_string("a first\nparagraph\n\nthe second\none\n", blocks=True)
    assert [p.text for p in text.paragraphs] == ["a first\nparagraph", "the second\none"]


@given(st.lists(st.text(alphabet="ab ش\u00a0\t\r\n", max_size=12), max_size=8))
def test_paragraph_spans_are_non_blank_slices_in_order(lines: list[str]) -> None:
    content = "\n".join(lines).replace("\r", "")
    spans = split_paragraphs(content)
    assert spans == sorted(spans)
    for s, e in spans:
        assert content[s:e].strip() and "\n" not in content[s:e]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"\n \n\xc2\xa0\n"), "has no paragraphs"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
        (
            lambda p: p.write_bytes("نص عربي".encode() + b"\x81\x8d\x8f\x90\x9d\xc3\x28"),
            "undecodable",
        ),
    ],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)
    with pytest.raises(InputError) as err:
        load_text(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_a_one_megabyte_paragraph_loads(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("كلمة " * 200_000, encoding="utf-8")
    text = load_text(path)
    assert len(text.paragraphs) == 1 and text.paragraphs[0].end > 900_000
