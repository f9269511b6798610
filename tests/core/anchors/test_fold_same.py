"""Texts whose only characters beyond ASCII are typographic quotes and dashes
(numbers.FOLD_SAME) are read by `find_numbers` in lower case, unfolded: the fold of such a
text is its lower case character for character, and the numbers found are those the
reference, which folds every text, finds. And the English side's substring tests written
out are the tests they replace."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors.number_words import _has_digit
from reader.core.anchors.numbers import _NOT_TEXT_MARKS, FOLD_SAME, _may_hold_link, find_numbers
from reader.core.arabic.normalise import fold_for_search
from reader.core.text.document import load_text
from tests.core.anchors import reference_numbers
from tests.core.anchors.side_strategies import LANG

REAL = Path(__file__).parents[2] / "data" / "real"

_CHARS = st.text(st.sampled_from([*map(chr, range(128)), *FOLD_SAME]), max_size=60)
_PIECES = st.one_of(_CHARS, st.sampled_from([
    "one", "two", "twenty", "hundred", "thousand", "a", "an", "and", "per", "cent", "percent",
    "dollars", "million", "12", "1,500", "2024", "3.5", "$", "%", "US$4", "5bn", " ", " ", "-",
    "’", "‘", "“", "”", "—", "–", "…", "_", "www.x.com", "@one", "#two", "One", "Twenty-five",
]))
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


def test_the_characters_fold_as_they_are() -> None:
    assert set("’“”—") <= set(FOLD_SAME)


@settings(max_examples=300, deadline=None)
@given(_CHARS)
def test_such_a_text_folds_to_its_lower_case(text: str) -> None:
    assert fold_for_search(text) == (text.lower(), list(range(len(text))))


@settings(max_examples=500, deadline=None)
@given(_TEXT, LANG)
def test_numbers_of_such_texts_as_the_reference_finds_them(text: str, lang: str) -> None:
    assert find_numbers(text, lang) == reference_numbers.find_numbers(text, lang)


def test_numbers_of_the_real_english_texts_as_the_reference_finds_them() -> None:
    checked = 0
    for path in sorted(REAL.glob("*.en.txt")):
        for p in load_text(path).paragraphs:
            assert find_numbers(p.text, "en") == reference_numbers.find_numbers(p.text, "en")
            checked += not p.text.isascii()
    assert checked  # (paragraphs beyond ASCII among them)


# --- the substring tests written out ------------------------------------------------------------

_MARKED = st.lists(st.sampled_from([*"0123456789٣@#:/.wcomrgnetlyivf_ aA", "www.", ".info",
                                    "://"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_MARKED, st.lists(_MARKED, max_size=4).map("".join), st.text(max_size=20)))
def test_the_written_out_tests_are_the_tests_they_replace(text: str) -> None:
    assert _has_digit(text) == (re.search(r"\d", text) is not None)
    assert _may_hold_link(text) == any(mark in text for mark in _NOT_TEXT_MARKS)
