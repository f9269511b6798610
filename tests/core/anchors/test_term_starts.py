"""The glossary tried only where a term may start (anchors.term_starts) finds what its patterns
find searched at every character: English words looked up as bytes, Arabic words by their
first word's shape, in realistic and odd text (issue 13)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors import term_starts
from reader.core.anchors.glossary import Glossary, Term
from reader.core.anchors.term_starts import HeadWords, ascii_words, first_words
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.core.anchors import reference_terms
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
GLOSSARY = Glossary.load()
SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TERMS_AR = sorted({v for t in GLOSSARY for v in t.ar})
# Arabic around the glossary's forms: clitics and endings glued on, marks, tatweel, the forms
# the fold changes, Persian letters, digits and Latin letters glued to words
_AR_PIECES = st.one_of(
    st.sampled_from(_TERMS_AR),
    st.sampled_from(_TERMS_AR).map(lambda v: "و" + v),
    st.sampled_from(_TERMS_AR).map(lambda v: "بال" + v),
    st.sampled_from(_TERMS_AR).map(lambda v: v + "ية"),
    st.sampled_from(_TERMS_AR).map(lambda v: "ـ".join(v.split(" ", 1))),
    st.sampled_from([
        "و", "ف", "ال", "وال", "بال", "لل", "ب", "ل", "ك", "ه", "ات", "ين", "هم", "ية", "ي",
        "على", "علي", "الذي", "لا", "بني", "پزشكيان", "پ", "ک", "ی", "ٱ", "ـ", "\u064e", "\u0651",
        "إسرائيل", "اسرائيل", "أورشليم", "ﻋﻠﻰ", "ﷲ", "2", "١٩", "x", "ab", "_", "é",
    ]),
)
_GLUE = st.sampled_from([" ", " ", " ", "", "، ", ". ", "\n", "-", "(", "«", "»", "\u200c",
                         "\u00a0", "  ", "/", "؟ "])
AR_TEXT = st.lists(st.tuples(_AR_PIECES, _GLUE), max_size=14).map(
    lambda parts: "".join(a + b for a, b in parts))


def _same(glossary: Glossary, text: str, lang: str) -> None:
    assert glossary.find_terms(text, lang) == reference_terms.find_terms(glossary, text, lang)


@SETTINGS
@given(MIXED_TEXT, LANG)
def test_terms_as_the_patterns_find_them_everywhere(text: str, lang: str) -> None:
    _same(GLOSSARY, text, lang)


@SETTINGS
@given(AR_TEXT)
def test_arabic_terms_with_clitics_marks_and_odd_letters_as_everywhere(text: str) -> None:
    _same(GLOSSARY, text, "ar")
    _same(GLOSSARY, text, "en")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_terms_of_the_documents_as_before(path: Path) -> None:
    for p in load_text(path).paragraphs:
        for lang in ("ar", "en"):
            _same(GLOSSARY, p.text, lang)


@pytest.mark.parametrize("text", [
    "", " ", "پزشكيان", "وپزشكيان قال", "2014والعراق", "العراق2014", "x العراق", "ٱلعراق",
    "العراقـ", "الـعراق", "علىالعراق", "على العراق", "بني إسرائيل", "بني\nإسرائيل", "بنيإسرائيل",
    "Iraq's US U.S. the Prophet", "THE PROPHET", "ſyria", "\u212aurdistan", "İraq", "Iraq_x",
    "the_Iraq", "Iraq—Syria", "“Iraq”", "al-Iraq", "\ud800Iraq",
])
def test_terms_at_the_edges(text: str) -> None:
    for lang in ("ar", "en"):
        _same(GLOSSARY, text, lang)


def test_a_term_starting_with_a_sign_or_beyond_the_letters_is_found_as_everywhere() -> None:
    terms = [Term("a", ("(س) ص",), ("(s) t",)), Term("b", ("ژاله",), ("Zhaleh",)),
             Term("c", ("x2 ب",), ("x2 b",)), Term("d", ("العراق",), ("Iraq",))]
    glossary = Glossary(terms)
    assert glossary._matcher("ar").heads is None  # a core starting with a sign
    for text in ("(س) ص والعراق", "وژاله العراق", "x2 ب", "قال(س) ص", "2ژاله"):
        _same(glossary, text, "ar")
    glossary = Glossary(terms[1:])
    heads = glossary._matcher("ar").head_words
    assert heads is not None and heads.others == "2x\u0698"
    for text in ("وژاله العراق", "x2 ب", "2ژاله", "ژاله2", "بالعراق ژ", "qx2 ب"):
        _same(glossary, text, "ar")


def test_first_words_are_clitics_then_a_core_and_an_ending_or_a_longer_core_s_first_word(
) -> None:
    heads = first_words(["عراق", "بني اسراييل", "ابو-ظبي"], ["و", "ال", "ية"], "و?(?:ال)?",
                        "(?:ية)?")
    assert heads is not None
    for word, starts in [("عراق", True), ("والعراقية", True), ("عراقي", False), ("بني", True),
                         ("وبني", True), ("بنيه", False), ("ابو", True), ("اسراييل", False)]:
        assert heads.findall(word) == ([word] if starts else []), word
    assert heads.findall("عراق\nعراقي\nوبني") == ["عراق", "وبني"]
    assert first_words(["-x"], ["و"], "", "") is None
    assert first_words(["عراق"], ["و-"], "", "") is None


def test_words_known_to_start_a_term_or_not_are_forgotten_past_a_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_starts, "_MOST_KEPT", 3)
    heads = HeadWords(re.compile("^(?:ab|cd)$", re.MULTILINE), ["ab", "cd"], [])
    assert heads.hits({"ab", "x", "y", "z"}) == {"ab"}
    assert heads.hits({"cd", "q", "ab"}) == {"ab", "cd"}
    assert len(heads._seen) <= 4
    assert heads.hits({"xab", "abx", "ab"}) == {"ab"}


_WORD = re.compile(r"\w+")
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


@SETTINGS
@given(st.text(st.sampled_from(
    "aZz09_ '-.,\n\t\u00a0\u2019\u201c\u201d\u2014\u00b2\u2460\u212a\u0130\u00e9\u0627\ud800"
), max_size=40))
def test_ascii_words_are_the_words_of_the_lower_case_text(text: str) -> None:
    if len(text.lower()) == len(text) and _NON_ASCII_WORD.search(text) is None:
        assert [w.decode() for w in ascii_words(text)] == _WORD.findall(text.lower())


def test_no_sign_beyond_ascii_is_a_word_character_in_lower_case() -> None:
    """What `ascii_words` rests on: a character beyond ASCII that is no word character turns
    into none in lower case (its bytes are spaces there)."""
    for c in range(0x80, sys.maxunicode + 1):
        ch = chr(c)
        if not (ch.isalnum() or ch == "_"):
            assert not any(x.isascii() and (x.isalnum() or x == "_") for x in ch.lower()), c
