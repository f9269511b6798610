"""English words grouped by key and kept in the cache: read back, the groups built word by word."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors import english_forms, lexicon_cache
from reader.core.anchors.english_forms import by_key, stem_key
from reader.core.anchors.lexicon import Lexicon

WORDS = [w for found in Lexicon.load().entries.values() for v in found for w in v.split()]


def _reference(words: list[str]) -> dict[str, tuple[str, ...]]:
    """by_key as it was before the cache: every word in turn."""
    groups: dict[str, dict[str, None]] = {}
    for word in words:
        if word.isalpha() and len(word) >= 4:
            groups.setdefault(stem_key(word), {})[word] = None
    return {key: tuple(group) for key, group in groups.items()}


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / "forms").glob("*.marshal"))


def _same(got: dict[str, tuple[str, ...]], expected: dict[str, tuple[str, ...]]) -> None:
    assert got == expected
    assert list(got) == list(expected)  # the order of the keys too
    assert all(type(group) is tuple for group in got.values())


def test_the_lexicon_s_groups_read_back_are_the_built_ones(user_cache: Path) -> None:
    expected = _reference(WORDS)
    _same(by_key(iter(WORDS)), expected)  # built, and kept
    assert len(_kept(user_cache)) == 1
    _same(by_key(iter(WORDS)), expected)  # read back
    _same(by_key(WORDS[:-2000]), _reference(WORDS[:-2000]))  # other words, other groups
    assert len(_kept(user_cache)) == 2


def test_a_damaged_file_is_built_again_and_kept_again(user_cache: Path) -> None:
    expected = _reference(WORDS)
    by_key(WORDS)
    (kept,) = _kept(user_cache)
    whole = kept.read_bytes()
    for damage in (b"", whole[:30], whole[:-4], b"not ours", whole[:20] + b"\xff" * 9 + whole[29:]):
        kept.write_bytes(damage)
        _same(by_key(WORDS), expected)
        assert lexicon_cache.load_table(kept) == expected  # kept again


def test_no_cache_and_few_words_keep_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", "")
    _same(by_key(WORDS), _reference(WORDS))
    folder = tmp_path / "cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(folder))
    few = WORDS[: english_forms._WORTH_KEEPING // 2]
    _same(by_key(few), _reference(few))
    assert not _kept(folder)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*WORDS[:3000], "", "x", "éclair", "naïve", "co-op", "U.S."]),
                max_size=40))
def test_groups_are_those_of_every_word_in_turn(words: list[str]) -> None:
    _same(by_key(words), _reference(words))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, len(WORDS) - 1500), st.integers(1000, 1500))
def test_kept_groups_of_any_stretch_are_those_of_every_word(start: int, size: int) -> None:
    words = WORDS[start : start + size]
    for _ in range(2):  # built and kept (in the run's cache folder), then read back
        _same(by_key(words), _reference(words))
