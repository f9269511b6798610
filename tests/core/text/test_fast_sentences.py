"""Sentence splitting gives exactly what the original code gave (kept here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.sentences import (
    _BOUNDARY,
    _CLOSERS,
    _DOTTED,
    ABBREVIATIONS,
    Sentence,
    sentence_spans,
    split_sentences,
)
from tests.core.arabic.mixed_text import MIXED_WORDS, mixed_text, sample_lines

# --- the original implementation --------------------------------------------------------------


def _old_is_abbreviation(paragraph: str, dot: int) -> bool:
    words = paragraph[max(0, dot - 40) : dot + 1].split()
    if not words:
        return False
    token = words[-1]
    token = token.lstrip("\"'“‘«([{")
    if _DOTTED.search(token):
        return True
    word = token[:-1]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    return word.casefold() in ABBREVIATIONS


def _old_next_visible(paragraph: str, pos: int) -> str:
    while pos < len(paragraph) and paragraph[pos].isspace():
        pos += 1
    return paragraph[pos] if pos < len(paragraph) else ""


def _old_make(paragraph: str, start: int, end: int) -> Sentence | None:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Sentence(start, end, paragraph[start:end])


def old_split_sentences(paragraph: str, lang: str = "en") -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        run = m.group(0).rstrip(_CLOSERS)
        if run == "." and _old_is_abbreviation(paragraph, m.start()):
            continue
        if lang != "ar" and _old_next_visible(paragraph, m.end()).islower():
            continue
        sentence = _old_make(paragraph, start, m.end())
        if sentence is not None:
            sentences.append(sentence)
        start = m.end()
    last = _old_make(paragraph, start, len(paragraph))
    if last is not None:
        sentences.append(last)
    return sentences


# --- the comparisons --------------------------------------------------------------------------


def test_as_before_on_the_real_lines() -> None:
    for line in sample_lines():
        for lang in ("ar", "en"):
            assert split_sentences(line, lang) == old_split_sentences(line, lang)
            assert sentence_spans(line, lang) == [
                x for s in old_split_sentences(line, lang) for x in (s.start, s.end)]


_piece = st.one_of(
    mixed_text,
    st.sampled_from([*MIXED_WORDS, ". ", "... ", "?! ", "؟ ", "؛ ", "…» ", ".” he", ". a", " x. ",
                     "(Dr. ", "«د. ", "U.S.A. ", "a.b. ", "\u2003.\u3000", ".\n", "!)] ",
                     # long words before a dot (none is an abbreviation) and near-misses
                     "Washington. ", "(Jerusalem. ", "a.b.cdefgh. ", "approx. ", "APPROX. ",
                     "xapprox. ", "«القدس. ", "بِسْمِ اللَّهِ. ", "U.S.Army. ", "ab«cdefgh. "]),
)


@settings(max_examples=250)
@given(st.lists(_piece, max_size=12).map("".join), st.sampled_from(["ar", "en", "fr"]))
def test_as_before(paragraph: str, lang: str) -> None:
    assert sentence_spans(paragraph, lang) == [
        x for s in old_split_sentences(paragraph, lang) for x in (s.start, s.end)]
    assert split_sentences(paragraph, lang) == old_split_sentences(paragraph, lang)
    # a second call (kept sentences) gives the same, in a list of its own
    again = split_sentences(paragraph, lang)
    assert again == old_split_sentences(paragraph, lang)
    again.append(Sentence(0, 0, ""))
    assert split_sentences(paragraph, lang) == old_split_sentences(paragraph, lang)


def test_long_words_before_a_dot_as_before() -> None:
    for paragraph in ["x" * 60 + ". Next", "a.b.c.d." * 10 + " Next", " " * 50 + "Dr. Who"]:
        assert split_sentences(paragraph) == old_split_sentences(paragraph)


def test_white_space_of_every_kind_before_a_sentence_as_before() -> None:
    # where a sentence starts is found by its first character, after white space str.strip
    # drops (the separators \x1c-\x1f too)
    for paragraph in ["\x1c\u2003 Hello. \u3000\x1fWorld.", " a. a. a", "\u00a0. .",
                      "\n\nقال. قال"]:
        for lang in ("ar", "en"):
            assert split_sentences(paragraph, lang) == old_split_sentences(paragraph, lang)
