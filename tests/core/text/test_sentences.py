"""Sentence splitting: terminators, quotes, abbreviations, numbers, offsets."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.text.sentences import _BOUNDARY, ABBREVIATIONS, _is_abbreviation, split_sentences


def texts(paragraph: str, lang: str = "en") -> list[str]:
    return [s.text for s in split_sentences(paragraph, lang)]


def test_english_terminators_and_quotes() -> None:
    assert texts('He left. Did he? Yes! "Go." Then he went… Later.') == [
        "He left.", "Did he?", "Yes!", '"Go."', "Then he went…", "Later.",
    ]


def test_abbreviations_and_numbers_do_not_split() -> None:
    p = "Dr. Smith met Mr. Jones in the U.S. on Monday. Growth was 2.5 percent, e.g. in Iraq."
    assert texts(p) == [
        "Dr. Smith met Mr. Jones in the U.S. on Monday.",
        "Growth was 2.5 percent, e.g. in Iraq.",
    ]
    assert texts("J. K. Rowling wrote it. It sold.") == ["J. K. Rowling wrote it.", "It sold."]


def test_lower_case_after_a_question_mark_continues_in_english() -> None:
    assert texts("“Really?” he asked. No.") == ["“Really?” he asked.", "No."]


def test_arabic_terminators() -> None:
    p = "انقلب موقف المالكي 180 درجة. ورأى أن الثورة تهديد؟ نعم؛ ثم قال… انتهى"
    assert texts(p, "ar") == [
        "انقلب موقف المالكي 180 درجة.", "ورأى أن الثورة تهديد؟", "نعم؛", "ثم قال…", "انتهى",
    ]
    # د. (doctor) is an abbreviation
    assert texts("قال د. محمد إن النسبة 2.5 بالمئة. ثم غادر.", "ar") == [
        "قال د. محمد إن النسبة 2.5 بالمئة.", "ثم غادر.",
    ]


def test_offsets_point_into_the_paragraph() -> None:
    p = "  First one.   Second one!  "
    out = split_sentences(p)
    assert [(s.start, s.end) for s in out] == [(2, 12), (15, 26)]
    assert all(p[s.start : s.end] == s.text for s in out)


def test_no_sentences_and_odd_paragraphs() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []
    assert texts("🇸🇾🤯🤯", "ar") == ["🇸🇾🤯🤯"]
    assert texts("https://t.me/channel/123") == ["https://t.me/channel/123"]
    assert texts("...") == ["..."]


@given(st.text(alphabet=st.sampled_from(list("ab A.?!؟؛…\"”' 2\nسل")), max_size=80),
       st.sampled_from(["ar", "en"]))
def test_sentences_are_ordered_disjoint_and_cover_the_text(paragraph: str, lang: str) -> None:
    out = split_sentences(paragraph, lang)
    pos = 0
    for s in out:
        assert s.start >= pos and s.end > s.start
        assert paragraph[s.start : s.end] == s.text == s.text.strip()
        assert not paragraph[pos : s.start].strip()
        pos = s.end
    assert not paragraph[pos:].strip()


_OLD_BOUNDARY = re.compile(r"(?:\.{3}|[.!?؟؛…])+[\"'”’»)\]}›]*(?=\s|$)")


@given(st.text(alphabet=st.sampled_from(list("a. .…?!؟؛\"”'»)]\n\u00a0")), max_size=40))
def test_boundaries_are_the_runs_of_terminators(paragraph: str) -> None:
    # a run of terminators is one boundary: "..." needs no alternative of its own (which would
    # keep the regex engine from skipping ahead to terminators)
    assert [m.span() for m in _BOUNDARY.finditer(paragraph)] == [
        m.span() for m in _OLD_BOUNDARY.finditer(paragraph)
    ]


def _is_abbreviation_by_regex(paragraph: str, dot: int) -> bool:
    """The first way of finding the word before the dot: a regex search in the window."""
    m = re.search(r"(\S+)$", paragraph[max(0, dot - 40) : dot + 1])
    token = m.group(1).lstrip("\"'“‘«([{") if m else ""
    if re.search(r"(?:\w\.){2,}$", token):
        return True
    word = token[:-1]
    return bool(word) and ((len(word) == 1 and word.isalpha()) or word.casefold() in ABBREVIATIONS)


@given(st.text(alphabet=st.sampled_from(list("aD.r U\u00a0\n(\"")), max_size=60))
def test_the_word_before_a_dot_is_the_last_run_of_non_space(paragraph: str) -> None:
    for dot in (i for i, c in enumerate(paragraph) if c == "."):
        assert _is_abbreviation(paragraph, dot) == _is_abbreviation_by_regex(paragraph, dot)
