"""The parsed lexicon in the user's cache: the same entries as a parse, and no cache is no error."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.anchors import lexicon_cache
from reader.core.anchors.lexicon import BUILTIN_LEXICON, _parse_lexicon, _read_lexicon
from reader.core.errors import InputError

USER_LEXICON = "ar\ten\nكتاب\tbook|volume\nالكتاب\tthe book\nقلم\tpen\nكتاب\tbook|tome\n"


def _user_lexicon(tmp_path: Path, text: str = USER_LEXICON) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal")) if folder.is_dir() else []


def test_the_builtin_lexicon_read_back_is_the_parse(user_cache: Path) -> None:
    parsed = _parse_lexicon(BUILTIN_LEXICON)
    assert _read_lexicon(BUILTIN_LEXICON) == parsed  # parsed, and kept
    assert len(_kept(user_cache)) == 1
    again = _read_lexicon(BUILTIN_LEXICON)  # read back
    assert again == parsed
    assert list(again) == list(parsed)  # the order of the words too
    assert all(type(v) is tuple for v in again.values())


def test_a_user_lexicon_is_kept_and_an_edit_is_read(user_cache: Path, tmp_path: Path) -> None:
    path = _user_lexicon(tmp_path)
    assert _read_lexicon(path) == _parse_lexicon(path)
    assert _read_lexicon(path)["كتاب"] == ("book", "volume", "tome")
    path.write_text(USER_LEXICON.replace("pen", "pencil"), encoding="utf-8")
    assert _read_lexicon(path)["قلم"] == ("pencil",)  # other bytes, another entry
    assert len(_kept(user_cache)) == 2


def test_a_damaged_cache_file_is_parsed_again_and_replaced(user_cache: Path, tmp_path: Path
                                                            ) -> None:
    path = _user_lexicon(tmp_path)
    expected = _read_lexicon(path)
    (kept,) = _kept(user_cache)
    for damage in (kept.read_bytes()[:40], b"", b"not ours at all", kept.read_bytes()[:-3]):
        kept.write_bytes(damage)
        assert _read_lexicon(path) == expected
        assert lexicon_cache.load(kept) == expected  # written again


def test_no_cache_folder_is_no_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _user_lexicon(tmp_path)
    expected = _parse_lexicon(path)
    # a folder that cannot be made (under a plain file; a read-only folder does not stop root)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))
    assert _read_lexicon(path) == expected
    assert _read_lexicon(path) == expected
    # no cache at all
    monkeypatch.setenv("READER_CACHE_DIR", "")
    assert lexicon_cache.cache_dir() is None
    assert _read_lexicon(path) == expected
    assert list(tmp_path.rglob("*.marshal")) == []


def test_a_read_only_cache_is_read(user_cache: Path, tmp_path: Path) -> None:
    path = _user_lexicon(tmp_path)
    expected = _read_lexicon(path)
    user_cache.chmod(0o555)
    try:
        assert _read_lexicon(path) == expected
        path.write_text(USER_LEXICON + "بيت\thouse\n", encoding="utf-8")
        assert _read_lexicon(path)["بيت"] == ("house",)  # parsed: the cache takes nothing new
    finally:
        user_cache.chmod(0o755)


def test_a_bad_file_still_fails_with_its_line(user_cache: Path, tmp_path: Path) -> None:
    _read_lexicon(BUILTIN_LEXICON)  # a warm cache changes nothing for another file
    path = _user_lexicon(tmp_path, "ar\ten\nكتاب\tbook\textra\n")
    with pytest.raises(InputError, match="line 2: too many columns"):
        _read_lexicon(path)
    with pytest.raises(InputError, match="line 2: too many columns"):
        _read_lexicon(path)  # nothing was kept for it
    with pytest.raises(InputError, match="no such file"):
        _read_lexicon(tmp_path / "missing.tsv")


def test_other_parsing_code_reads_another_file(user_cache: Path, tmp_path: Path) -> None:
    raw = _user_lexicon(tmp_path).read_bytes()
    mine = lexicon_cache.cache_path(raw, (str(tmp_path / "mine.tsv"),))
    other_code = tmp_path / "code.py"
    other_code.write_text("# another version of the parser\n", encoding="utf-8")
    assert mine is not None
    assert lexicon_cache.cache_path(raw, (str(other_code),)) not in (None, mine)
    # a source that cannot be read: nothing is cached rather than a table that may be stale
    assert lexicon_cache.cache_path(raw, (str(tmp_path / "gone.py"),)) is None


def test_old_tables_do_not_pile_up(user_cache: Path, tmp_path: Path) -> None:
    # a user lexicon edited again and again: each version writes its own table
    for k in range(lexicon_cache.KEPT + 4):
        path = _user_lexicon(tmp_path, USER_LEXICON.replace("pen", f"pen{k}"))
        assert _read_lexicon(path)["قلم"] == (f"pen{k}",)
    kept = _kept(user_cache)
    assert len(kept) == lexicon_cache.KEPT
    # the newest are the ones kept: the last version is read back, not parsed again
    newest = max(kept, key=lambda p: p.stat().st_mtime)
    assert lexicon_cache.load(newest) == _parse_lexicon(path)
