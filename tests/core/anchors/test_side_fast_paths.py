"""Preparing a side the fast way finds exactly what the plain code found: numbers, terms,
dates, features (issue 13). Each reference is kept in a reference_*.py next to this file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors.features import Anchors, find_anchors, paragraph_features, text_anchors
from reader.core.anchors.glossary import _EN_FOLD, Glossary, _en_fold
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.number_words import (
    _AR_HINT_WORDS,
    _EN_TENS,
    _EN_UNITS,
    EN_SCALES,
    NUMBER_STARTS,
    ar_strip_proclitic,
    may_hold_number,
    may_start_number,
)
from reader.core.anchors.numbers import find_numbers
from reader.core.arabic.normalise import _TOKEN, fold_for_search, tokens
from reader.core.arabic.stemmer import Stemmer
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.core.anchors import reference_features, reference_numbers
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT
from tests.core.anchors.test_fast_paths import find_terms_everywhere

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
GLOSSARY = Glossary.load()
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


_EN_HINT_AS_WRITTEN = re.compile(
    r"\d|(?<![a-z])(?:"
    + "|".join(sorted([*_EN_UNITS, *_EN_TENS, *EN_SCALES, "hundred", "dozen"], key=len,
                      reverse=True))
    + ")(?![a-z])"
)


@SETTINGS
@given(MIXED_TEXT)
def test_english_number_hint_as_the_word_pattern(text: str) -> None:
    for t in (text, text.lower(), fold_for_search(text)[0]):
        assert may_hold_number(t, "en") == (_EN_HINT_AS_WRITTEN.search(t) is not None)


@pytest.mark.parametrize(
    "text", ["eighteen", "eightx", "xeight", "8", "٨", "sixty-", "", "ten\u00e9"]
)
def test_english_number_hint_at_the_edges(text: str) -> None:
    assert may_hold_number(text, "en") == (_EN_HINT_AS_WRITTEN.search(text) is not None)


# --- features ----------------------------------------------------------------------------------

_LEXICON_STEMMER = Lexicon.load().stemmer


def _same_features(text: str, lang: str) -> None:
    for stemmer in (None, _LEXICON_STEMMER, Stemmer()):
        for anchors in (None, find_anchors(text, lang, GLOSSARY), Anchors()):
            assert paragraph_features(text, lang, GLOSSARY, anchors, stemmer) == (
                reference_features.paragraph_features(text, lang, GLOSSARY, anchors, stemmer)
            )
    assert paragraph_features(text, lang, None) == reference_features.paragraph_features(
        text, lang, None
    )


@SETTINGS
@given(MIXED_TEXT, LANG)
def test_features_as_word_by_word(text: str, lang: str) -> None:
    _same_features(text, lang)


@pytest.mark.parametrize(
    "text",
    ["", " ", "ﻋﺸﺮ ﷲ قال", "وَقَالَ اللهُ", "the king's 5 men", "x", "ـ", "\u200cقال", "I O a"],
)
def test_features_at_the_edges(text: str) -> None:
    for lang in ("ar", "en"):
        _same_features(text, lang)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_features_of_the_documents_as_before(path: Path) -> None:
    text = load_text(path)
    for p, anchors in zip(text.paragraphs, text_anchors(text, GLOSSARY), strict=True):
        assert paragraph_features(p.text, text.language, GLOSSARY, anchors, _LEXICON_STEMMER) == (
            reference_features.paragraph_features(p.text, text.language, GLOSSARY, anchors,
                                                  _LEXICON_STEMMER)
        )


# --- glossary ------------------------------------------------------------------------------------


@SETTINGS
@given(MIXED_TEXT)
def test_english_terms_as_the_pattern_finds_them_everywhere(text: str) -> None:
    for t in (text, text.lower(), text.replace(" ", "-")):
        assert GLOSSARY.find_terms(t, "en") == find_terms_everywhere(GLOSSARY, t)


@pytest.mark.parametrize(
    "text",
    ["the Prophet said", "The prophets", "THE GUARDIAN", "the new arab", "the-new-arab",
     "the\nProphet's", "the Prop het", "the prophet", "The Times, the", "thee prophet",
     "US State Department", "us state", "the King Abdullah II", "al-Assad the Prophet"],
)
def test_english_terms_after_a_common_first_word(text: str) -> None:
    assert GLOSSARY.find_terms(text, "en") == find_terms_everywhere(GLOSSARY, text)


def test_a_first_word_is_tried_only_where_a_second_word_of_its_terms_stands(
    tmp_path: Path,
) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("ar\ten\nالنبي\tthe Prophet\nالعهد\tthe Old-Testament|The Shi'a Party\n"
                    "حزب\tparty\n", encoding="utf-8")
    glossary = Glossary.load([path], include_builtin=False)
    matcher = glossary._matcher("en")
    assert matcher is not None
    assert matcher.further == {"the": ("old", "prophet", "shi")}
    for text in ["the prophet", "the old testament", "The Shia party", "the party", "the shi'a "
                 "party", "the Old-Testament's", "the"]:
        assert glossary.find_terms(text, "en") == find_terms_everywhere(glossary, text)


@SETTINGS
@given(st.one_of(MIXED_TEXT, st.lists(st.sampled_from(["’", "‘", "ʼ", "ʻ", "`", "´", "‐", "‑",
                                                        "‒", "–", "—", "'", "-", "a", " "]))
                 .map("".join)))
def test_english_fold_as_the_table_translates(text: str) -> None:
    assert _en_fold(text) == text.translate(_EN_FOLD)
