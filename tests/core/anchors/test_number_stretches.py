"""Numbers read on a stretch of text around each number word (numbers._read_spots) are those
the walk over every token of the paragraph reads (issue 13): long paragraphs, whose stretches
end before the text does, and number phrases that run past a stretch's end."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors.numbers import _CHARS_A_SPOT, _STRETCH_AFTER, find_numbers
from tests.core.anchors import reference_numbers
from tests.core.anchors.side_strategies import LANG, WORD

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# number words and plain words, with white space, signs and marks between them
_PLAIN_EN = st.sampled_from([
    "one", "two", "three", "twenty", "hundred", "thousand", "a", "an", "and", "years", "of",
    "the", "seven", "dozen", "million", "per", "cent", "percent", "km", "none", "gone", "ten",
    "x", "abc",
])
_PLAIN = st.one_of(_PLAIN_EN, st.sampled_from([
    "ثلاث", "ثلاثه", "عشر", "عشره", "الف", "الاف", "ميه", "خمسين", "وخمسين", "اثنا", "مليون",
    "واحد", "احد", "التاسع", "الحادي", "لست", "ست", "سنه", "بالميه", "في", "الميه", "دينار",
    "قال", "و", "ال",
]))
_GAP = st.sampled_from([" ", " ", " ", "  ", "-", ", ", ". ", "\n", " - ", "،", "’", "é", "\u0301",
                        "\u200c", "_", " @x ", " www.x.com ", ""])
# texts whose tokens are their runs of letters (the stretches are read), and others
_PLAIN_GAP = st.sampled_from([" ", " ", " ", "  ", "-", " - ", ", ", ". ", "\n", "’", "_"])
# (with words that hold no number between, for the text to be long enough a number word)
PLAIN_TEXT = st.lists(st.tuples(st.one_of(_PLAIN_EN, st.just("x " * 50)), _PLAIN_GAP), min_size=10,
                      max_size=120).map(lambda parts: "".join(a + b for a, b in parts))
MIXED_LONG_TEXT = st.lists(st.tuples(st.one_of(_PLAIN, WORD), _GAP), min_size=10, max_size=120
                          ).map(lambda parts: "".join(a + b for a, b in parts))
LONG_TEXT = st.one_of(PLAIN_TEXT, MIXED_LONG_TEXT)


@SETTINGS
@given(LONG_TEXT, LANG)
def test_numbers_of_long_paragraphs_as_the_token_walk_reads_them(text: str, lang: str) -> None:
    for t in (text, text.lower()):
        assert find_numbers(t, lang) == reference_numbers.find_numbers(t, lang)


_FILLER = "word " * (_STRETCH_AFTER // 5)
# long enough a text for the stretches to be read
_LONG = " x" * _CHARS_A_SPOT * 4


@pytest.mark.parametrize("text, lang, some", [
    # a phrase running past the stretch's end (it is read again on the rest of the text)
    ("one hundred and " + _FILLER + "x twenty", "en", True),
    ("years " + "and " * 20 + "two hundred and twenty thousand four hundred and fifty-six", "en",
     True),
    ("two " + "hundred and " * 8 + "x", "en", True),
    ("a " + _FILLER + "hundred", "en", False),
    ("an" + " " * (2 * _STRETCH_AFTER) + "hundred", "en", True),
    ("a" + _LONG + "hundred", "en", False),
    ("thousand " * 30, "en", False),
    # "one", "a" and "an" before a scale word or not (`_LONE_AT` passes over the latter)
    ("seven and one - thousand, one, hundred, one hundreds, one_dozen, an\n— dozen", "en",
     True),
    ("seven, one of them, a man and an" + _FILLER + "hundreds", "en", True),
    ("seven and a" + " x" * 40 + " million", "en", True),
    ("ثلاثه " + "الاف " * 20 + "وخمسين", "ar", True),
    # (Arabic is tokenized whole)
    ("كلمه " * 10 + "التاسع عشر", "ar", False),
    ("قال " * 12 + "ثلاثه عشر الف وخمسميه دينار", "ar", True),
])
def test_numbers_past_the_stretch(text: str, lang: str, some: bool) -> None:
    text += _LONG
    found = find_numbers(text, lang)
    assert found == reference_numbers.find_numbers(text, lang)
    assert bool(found) == some
