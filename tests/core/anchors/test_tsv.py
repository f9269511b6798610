"""Tests for reading the glossary's and lexicon's TSV files: encodings, line endings, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.anchors.glossary import Glossary, TermMention
from reader.core.errors import InputError


def ids(mentions: list[TermMention]) -> list[str]:
    return [m.term_id for m in mentions]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "cp1256.tsv", "id\tar\ten\tcategory\niraq\tعراق\tIraq\tcountry\n",
                 encoding="cp1256")
    with pytest.raises(InputError, match=r"cp1256.tsv: line 2: not UTF-8"):
        Glossary.load([path])


def test_utf16_and_bom_and_crlf_are_read(tmp_path: Path) -> None:
    text = "ar\ten\r\nزيتون\tOlive Branch\r\n"
    for name, encoding in (("u16.tsv", "utf-16"), ("bom.tsv", "utf-8-sig")):
        g = Glossary.load([write(tmp_path / name, text, encoding)], include_builtin=False)
        assert ids(g.find_terms("olive branch", "en")) == ["olive-branch"]


def test_missing_file_binary_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.tsv: no such file"):
        Glossary.load([tmp_path / "nope.tsv"])
    with pytest.raises(InputError, match="binary"):
        Glossary.load([write(tmp_path / "bin.tsv", "ar\ten\n\x00\x01")])
    with pytest.raises(InputError, match="directory"):
        Glossary.load([tmp_path])
