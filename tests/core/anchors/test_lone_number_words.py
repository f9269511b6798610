"""A text whose only number words are ones that alone make no number (one, واحد, أحد, اثنا,
with their clitics) is left before its tokens are read (number_words.only_lone_number_words):
what `find_numbers` finds is what the token walk of every word finds (reference_numbers)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors.number_words import (
    _AR_HINT_WORDS,
    AR_LONE_WORDS,
    EN_LONE_WORDS,
    english_hints,
    only_lone_number_words,
)
from reader.core.anchors.numbers import find_numbers
from reader.core.arabic.normalise import fold_for_search, letter_runs
from tests.core.anchors import reference_numbers
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT

SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# the lone words (a few Arabic ones as a text writes them: hamza, ta marbuta, alef maqsura,
# marks), the words that would make a number of them, and what may stand around or inside a
# word, for each language
_EN = ["one", "One", "ONE", "hundred", "thousand", "million", "dozen", "two", "twenty", "ten",
       "a", "an", "and", "the", "of", "no", "x", "é", "²", "①", "3", "٣", "\u212a", "İ",
       "@user", "#tag", "www.x.com", "_"]
_AR = [
    *sorted(AR_LONE_WORDS)[::4],
    "واحد", "واحدة", "أحد", "إحدى", "اثنا", "اثني", "والواحد", "بأحد", "لواحدة", "وَاحِدٌ",
    "الأحد", "ـواحد", "عشر", "عشرة", "مئة", "مائة", "وعشرون", "وعشرين", "ألف", "مليون", "آلاف",
    "التاسع", "الحادي", "قال", "في", "من", "²", "①", "٣", "3", "پ", "ٱ", "ک", "ﻋﺸﺮ", "x", "_",
]
_GLUE = [" ", " ", " ", " ", "-", " - ", ", ", ". ", "\n", "\u200c", "\u0301", "ـ", "_", ""]


def _text(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(_GLUE)), max_size=8).map(
        lambda pairs: "".join(w + g for w, g in pairs))


LONE_TEXT = st.one_of(_text(_EN), _text(_AR), _text(_EN + _AR))
_LONE = [
    *(w for w in _EN + _AR if w.lower() == "one" or w in AR_LONE_WORDS),
    "واحدة", "أحد", "إحدى", "بأحد", "لواحدة", "وَاحِدٌ", "ـواحد"]


@SETTINGS
@given(st.one_of(LONE_TEXT, MIXED_TEXT), LANG)
def test_numbers_as_the_token_walk_finds_them(text: str, lang: str) -> None:
    for t in (text, text.lower()):
        assert find_numbers(t, lang) == reference_numbers.find_numbers(t, lang)


@SETTINGS
@given(st.lists(st.sampled_from(_LONE), min_size=1, max_size=4),
       st.lists(st.sampled_from(["قال", "the", "of", "no", "-", "\n", ", "]), min_size=1,
                max_size=4))
def test_lone_words_alone_make_no_number(lone: list[str], around: list[str]) -> None:
    text = " ".join(w for pair in zip(lone, around, strict=False) for w in pair)
    for lang in ("ar", "en"):
        assert find_numbers(text, lang) == []
        assert reference_numbers.find_numbers(text, lang) == []


def test_the_shortcut_is_taken_where_it_pays() -> None:
    for text in ("قال واحد من الناس", "أحد الأسباب", "لواحدة منهن"):
        folded = fold_for_search(text)[0]
        hints = _AR_HINT_WORDS.intersection(letter_runs(folded))
        assert hints and only_lone_number_words(folded, hints, AR_LONE_WORDS)
    for text in ("one of the reasons", "no one knows"):
        hints = english_hints(text)
        assert hints and only_lone_number_words(text, hints, EN_LONE_WORDS)
    # not with a word that may be read as digits, nor with another number word
    assert not only_lone_number_words("one x²", frozenset({b"one"}), EN_LONE_WORDS)
    assert not only_lone_number_words("واحد عشر", frozenset({"واحد", "عشر"}), AR_LONE_WORDS)
    assert english_hints("one 2") is None


def test_every_lone_word_alone_and_beside_every_other_word() -> None:
    words = sorted({*_EN, *_AR, *AR_LONE_WORDS})
    lone = [*(w for w in words if w.lower() == "one" or w in AR_LONE_WORDS),
            "واحدة", "أحد", "إحدى", "بأحد", "لواحدة", "وَاحِدٌ", "ـواحد"]
    texts = words + [f"{a}{g}{b}" for a in lone for b in words for g in (" ", "-", "\u200c")]
    texts += [f"{b}{g}{a}" for a in lone for b in words for g in (" ", "_")]
    for text in texts:
        for lang in ("ar", "en"):
            assert find_numbers(text, lang) == reference_numbers.find_numbers(text, lang), text
