"""Reading a batch's inputs from paths and fsspec URLs: the same bytes, texts and errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.core.archive.reading import read_input, shown, text_from_bytes
from reader.core.errors import InputError
from reader.core.text.document import load_text
from reader.resources import CORPUS

fsspec = pytest.importorskip("fsspec")
AR = CORPUS / "iraq-assad-lesson.ar.txt"


def test_a_path_and_its_url_give_the_same_bytes_and_text() -> None:
    by_path = read_input(str(AR))
    assert by_path == AR.read_bytes() == read_input(AR.as_uri())
    text = text_from_bytes(by_path, str(AR))
    loaded = load_text(AR)
    assert text.content == loaded.content and text.paragraphs == loaded.paragraphs
    assert text.path == loaded.path and text.sha256 == loaded.sha256


def test_a_memory_url_is_read_through_fsspec() -> None:
    with fsspec.open("memory://reading-test/a.txt", "wb") as fh:
        fh.write("سطر أول\nسطر ثان\n".encode())
    data = read_input("memory://reading-test/a.txt")
    assert len(text_from_bytes(data, "memory://reading-test/a.txt").paragraphs) == 2
    with pytest.raises(InputError, match=r"^memory://reading-test/a.txt: is too large"):
        read_input("memory://reading-test/a.txt", max_bytes=4)


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "is empty"), (b"\n \n", "has no paragraphs (it holds only blank lines)"),
     (b"\x00\x01", "looks like a binary file")],
)
def test_bad_text_is_the_error_load_text_gives(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as from_file:
        load_text(path)
    with pytest.raises(InputError) as from_bytes:
        text_from_bytes(read_input(str(path)), str(path))
    assert str(from_bytes.value) == str(from_file.value)
    assert problem in str(from_file.value)
    with pytest.raises(InputError) as from_url:
        text_from_bytes(read_input(path.as_uri()), path.as_uri())
    # a URL is named whole, never folded as a Path would fold it ("file:/tmp/...")
    assert str(from_url.value) == f"{path.as_uri()}: {from_file.value.problem}"


def test_missing_and_directory_urls(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^file:///nowhere/x.txt: no such file$"):
        read_input("file:///nowhere/x.txt")
    with pytest.raises(InputError, match=r"is a directory, not a text file$"):
        read_input(tmp_path.as_uri())
    assert shown("s3://bucket/a.txt") == "s3://bucket/a.txt"
    assert shown("./a/../b.txt") == "a/../b.txt"  # as `reader align` prints a path


def test_without_fsspec_a_url_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    hint = r"pip install 'parallel-reader\[dask\]'"
    with pytest.raises(InputError, match=rf"^s3://bucket/a.txt: .*{hint}"):
        read_input("s3://bucket/a.txt")
    assert read_input(str(AR)) == AR.read_bytes()  # paths need no fsspec
