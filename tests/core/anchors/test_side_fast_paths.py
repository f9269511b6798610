"""Preparing a side the fast way finds exactly what the plain code found: numbers, terms,
dates, features (issue 13). Each reference is kept in a reference_*.py next to this file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors.number_words import (
    _AR_HINT_WORDS,
    NUMBER_STARTS,
    ar_strip_proclitic,
    may_start_number,
)
from reader.core.anchors.numbers import find_numbers
from reader.core.arabic.normalise import _TOKEN, fold_for_search, tokens
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.core.anchors import reference_numbers
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(MIXED_TEXT)
def test_tokens_as_the_pattern_finds_them(text: str) -> None:
    for t in (text, fold_for_search(text)[0]):
        assert tokens(t) == [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(t)]


@SETTINGS
@given(MIXED_TEXT, LANG)
def test_numbers_as_the_token_walk_finds_them(text: str, lang: str) -> None:
    assert find_numbers(text, lang) == reference_numbers.find_numbers(text, lang)


@given(st.sampled_from(sorted(_AR_HINT_WORDS)), st.sampled_from(["", "ا", "ه", "ين"]), LANG)
def test_number_starts_are_the_words_may_start_number_accepts(word: str, end: str,
                                                              lang: str) -> None:
    for w in (word, word + end, word[1:]):
        if w:
            assert (w in NUMBER_STARTS[lang]) == may_start_number(w, lang)


def test_number_starts_hold_every_stripped_number_word() -> None:
    stripped = {w for w in _AR_HINT_WORDS if ar_strip_proclitic(w) != w}
    assert stripped <= NUMBER_STARTS["ar"]
    assert all(may_start_number(w, "ar") for w in NUMBER_STARTS["ar"])
    assert all(may_start_number(w, "en") for w in NUMBER_STARTS["en"])


@pytest.mark.parametrize(
    "text",
    [
        "a hundred men and an ox", "an ox and a cow", "a dozen", "A MILLION", "one", "one hundred",
        "²abc 5", "x² and ² 3", "12.5.2024 and 1,2,3", "see http://x.com/5 million", "5 @x 6",
        "ثلاثة عشر", "التاسع عشر", "التاسع ـعشر", "لست وحدي", "بثلاثة آلاف وخمسمائة", "",
    ],
)
def test_numbers_at_the_edges(text: str) -> None:
    for lang in ("ar", "en"):
        assert find_numbers(text, lang) == reference_numbers.find_numbers(text, lang)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_numbers_of_the_documents_as_before(path: Path) -> None:
    for p in load_text(path).paragraphs:
        for lang in ("ar", "en"):
            assert find_numbers(p.text, lang) == reference_numbers.find_numbers(p.text, lang)
