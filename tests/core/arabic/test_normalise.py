"""Tests for reader.core.arabic.normalise: normalize, digits, the search fold, tokens."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.arabic import normalise
from reader.core.arabic.normalise import (
    fold_for_search,
    letter_runs,
    normalize,
    original_span,
    to_ascii_digits,
    tokens,
)
from reader.resources import CORPUS

AR_LINES = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8").splitlines()

# Arabic letters, harakat, tatweel, hamza forms, digits, presentation forms, Latin, spaces
_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىةٱ")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
    + list("٠١٢٣٤٥٦٧٨٩۰۴0123456789٬٫,.")
    + list("\ufefb\ufe8d\ufef7\ufdf2\ufb01")
    + list("AbCdEİ ")
    + ["😀", "\u200c"]
)
_TEXT = st.text(_ALPHABET, max_size=60)


def test_normalize_folds_forms_marks_and_digits() -> None:
    assert normalize("إِيرَان") == "ايران"
    assert normalize("الـــعراق") == "العراق"
    assert normalize("مدرسة مستشفى") == "مدرسه مستشفي"
    assert normalize("١٨٬٠٠٠ ۲۰۲۴") == "18٬000 2024"
    assert normalize("\ufefb") == "لا"  # the lam-alef ligature of presentation forms


def test_normalize_long_text_matches_short_path() -> None:
    # beyond 20,000 characters normalize maps code points with numpy: same result
    text = "\n".join(AR_LINES) * 3 + "😀\u064e"
    assert len(text) > 20_000
    assert normalize(text) == "\n".join(normalize(line) for line in text.split("\n"))


def test_normalize_leaves_alone_what_it_does_not_change() -> None:
    # normalize returns a text with no character it changes or drops as it is: check that the
    # full normalisation leaves every other character alone, on the short and the long path
    kept = [chr(c) for c in range(0x110000) if not normalise._NORMALIZED_AWAY.match(chr(c))]
    long_text = "".join(kept)
    assert len(long_text) > normalise._LONG_TEXT
    assert normalise._normalize(long_text) == long_text
    for i in range(0, len(kept), 5000):
        chunk = "".join(kept[i : i + 5000])
        assert normalise._normalize(chunk) == chunk
    # and that each character it does change or drop is in the set
    changed = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    changed = [c for c in changed if normalise._normalize(c) != c]
    assert all(normalise._NORMALIZED_AWAY.match(c) for c in changed)


@given(_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_to_ascii_digits_keeps_length() -> None:
    assert to_ascii_digits("في ٨ كانون ۲۰۲۴") == "في 8 كانون 2024"
    assert to_ascii_digits("١٨٬٠٠٠") == "18٬000"


def test_fold_for_search_ignores_marks_forms_and_case() -> None:
    folded, index = fold_for_search("عامًا Assad والإيرانيّة")
    assert folded == "عاما assad والايرانيه"
    assert len(index) == len(folded)
    # the hit "ايرانيه" maps back to the original word, shadda included
    at = folded.index("ايرانيه")
    start, end = original_span(index, at, at + len("ايرانيه"), len("عامًا Assad والإيرانيّة"))
    assert "عامًا Assad والإيرانيّة"[start:end] == "إيرانيّة"


def test_fold_for_search_expands_ligatures() -> None:
    text = "\ufefb \ufdf2 \ufb01le"
    folded, index = fold_for_search(text)
    assert folded == "لا الله file"
    assert index[:2] == [0, 0]
    start, end = original_span(index, folded.index("الله"), folded.index("الله") + 4, len(text))
    assert text[start:end] == "\ufdf2"


@given(_TEXT)
def test_fold_map_is_monotone_and_in_range(text: str) -> None:
    folded, index = fold_for_search(text)
    assert len(index) == len(folded)
    assert all(0 <= i < len(text) for i in index)
    assert all(a <= b for a, b in itertools.pairwise(index))
    # every kept character appears: no original index is skipped unless it was dropped
    for i in range(len(text)):
        if i not in index:
            assert text[i] in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"


@given(st.text(st.sampled_from(list("ابتسمنهويءأإآؤئىة\u064e\u0651\u0640 ABc09٣")), max_size=40))
def test_fold_agrees_with_normalize_without_presentation_forms(text: str) -> None:
    assert fold_for_search(text)[0] == normalize(text).lower()


@given(_TEXT, st.data())
def test_original_span_covers_the_hit(text: str, data: st.DataObject) -> None:
    folded, index = fold_for_search(text)
    if not folded:
        return
    a = data.draw(st.integers(0, len(folded) - 1))
    b = data.draw(st.integers(a + 1, len(folded)))
    start, end = original_span(index, a, b, len(text))
    assert 0 <= start < end <= len(text)
    # folding the original span gives back (at least) the hit
    assert folded[a:b] in fold_for_search(text[start:end])[0]


def test_tokens_keep_marks_and_split_clitic_digits() -> None:
    text = "ثلاثةَ عشرَ عامًا، 2012 و2014 ١٨٬٠٠٠ 2.5 Assad’s الـعراق"
    surfaces = [t[2] for t in tokens(text)]
    assert surfaces == [
        "ثلاثةَ", "عشرَ", "عامًا", "2012", "و", "2014", "١٨٬٠٠٠", "2.5", "Assad", "s", "الـعراق",
    ]
    for start, end, surface in tokens(text):
        assert text[start:end] == surface


_MARK_LETTERS = st.sampled_from(list("اعeé12,.٬ _\u0301\u064e\u200c\u200d\u00b2-"))


@given(st.text(_ALPHABET, max_size=40) | st.text(_MARK_LETTERS, max_size=40))
def test_tokens_are_letters_then_letters_and_marks(text: str) -> None:
    # the token pattern writes "a letter, then letters or marks" as runs of each
    marks = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    first = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{marks}\u200c\u200d])*|\d+(?:[,.٬٫]\d+)*")
    assert tokens(text) == [(m.start(), m.end(), m.group()) for m in first.finditer(text)]


@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_folds_to_lower_case_as_the_code_map_does(text: str) -> None:
    folded, keep = normalise._map_codes(text, normalise._FOLD_CODES)
    assert keep is None  # nothing dropped
    assert fold_for_search(text) == (folded, list(range(len(text))))


@given(_TEXT)
def test_letter_runs(text: str) -> None:
    assert letter_runs(text) == set(re.findall("[\u0621-\u064a]+", text))
    assert letter_runs(text) is letter_runs(text)  # kept for the same text


def test_tokens_of_a_corpus_line() -> None:
    line = AR_LINES[23]
    toks = tokens(line)
    picked = tuple(t[2] for t in toks if t[2] in {"2012", "و", "2014"})
    assert picked[:3] == ("2012", "و", "2014")
    assert all(line[s:e] == w for s, e, w in toks)
