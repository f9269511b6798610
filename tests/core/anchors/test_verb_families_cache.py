"""The lexicon's verbs' families kept in the user's cache: read back, the ones made anew."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors import lexicon, lexicon_cache
from reader.core.anchors.lexicon import Lexicon, verb_families

BUILTIN = Lexicon.load().entries
ROWS = list(BUILTIN.items())


def _made(entries: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The families made from the translations, without the cache."""
    return verb_families(" ".join(v for found in entries.values() for v in found))


def _same(got: dict[str, tuple[str, ...]], expected: dict[str, tuple[str, ...]]) -> None:
    assert got == expected
    assert list(got) == list(expected)  # the order of the keys too
    assert all(type(group) is tuple for group in got.values())


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / "verbs").glob("*.marshal"))


def test_the_builtin_lexicon_s_families_read_back_are_the_made_ones(user_cache: Path) -> None:
    expected = _made(BUILTIN)
    _same(Lexicon(BUILTIN)._english_stems, expected)  # made, and kept
    assert len(_kept(user_cache)) == 1
    _same(Lexicon(BUILTIN)._english_stems, expected)  # read back
    assert len(_kept(user_cache)) == 1
    fewer = dict(ROWS[:-3000])
    _same(Lexicon(fewer)._english_stems, _made(fewer))  # other translations, other families
    assert len(_kept(user_cache)) == 2


def test_a_damaged_file_is_made_again_and_kept_again(user_cache: Path) -> None:
    expected = _made(BUILTIN)
    Lexicon(BUILTIN)._english_stems  # noqa: B018
    (kept,) = _kept(user_cache)
    whole = kept.read_bytes()
    for damage in (b"", whole[:30], whole[:-4], b"not ours"):
        kept.write_bytes(damage)
        _same(Lexicon(BUILTIN)._english_stems, expected)
        assert lexicon_cache.load_table(kept) == expected  # kept again


def test_no_cache_and_a_small_lexicon_keep_nothing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", "")
    _same(Lexicon(BUILTIN)._english_stems, _made(BUILTIN))
    folder = tmp_path / "cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(folder))
    few = dict(ROWS[: lexicon._WORTH_KEEPING // 2])
    _same(Lexicon(few)._english_stems, _made(few))
    assert not _kept(folder)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, len(ROWS) - 1500), st.integers(1000, 1500))
def test_kept_families_of_any_stretch_are_the_made_ones(start: int, size: int) -> None:
    entries = dict(ROWS[start : start + size])
    for _ in range(2):  # made and kept (in the run's cache folder), then read back
        _same(Lexicon(entries)._english_stems, _made(entries))
