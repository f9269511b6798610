"""A side's search folds made at once are each paragraph's `fold_for_search` and letter runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors.features import find_anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.arabic.normalise import (
    _EXPANDING,
    _EXPANDING_CODE,
    _LETTER_RUN,
    _fold_for_search,
    fold_for_search,
    keep_fold,
    letter_runs,
    may_hold_digit,
    may_hold_latin,
    side_folds,
)
from reader.core.text.document import load_text, text_from_string
from reader.resources import CORPUS
from tests.core.anchors.side_strategies import MIXED_TEXT

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
GLOSSARY = Glossary.load()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ODD = st.sampled_from(["ﻋﺸﺮ", "ﷲ", "İ", "ﬁ", "\uff21", "وَقَالَ", "ـقال", "\n", "Straße", "x",
                       "\U0001d400", "\ud800", "٢٠١٤", "ی", "ک", "ۀ", "", "May 8, 2024",
                       "8 JANUARY 2024"])
PARAGRAPHS = st.lists(st.lists(st.one_of(MIXED_TEXT, ODD), max_size=4).map(" ".join),
                      min_size=1, max_size=8)


def _check(texts: list[str], part: int) -> None:
    folds = list(side_folds(texts, part))
    assert len(folds) == len(texts)
    for text, fold in zip(texts, folds, strict=True):
        # left to fold_for_search: those and only those
        assert (fold is None) == (text.isascii() or _EXPANDING.search(text) is not None)
        if fold is None:
            continue
        folded, index, runs, latin, digits = fold
        assert (folded, list(index)) == _fold_for_search(text)
        assert all(type(i) is int for i in index)  # offsets written out as they are
        assert runs == frozenset(_LETTER_RUN.findall(folded))
        assert latin == (re.search("[A-Za-z]", text) is not None)
        # (may hold: a fold with a digit always says so)
        assert digits or re.search(r"\d", folded) is None
        assert digits == (re.search(r"[0-9]|[^\x00-\u065f]", folded) is not None)


@SETTINGS
@given(PARAGRAPHS, st.sampled_from([1, 7, 40, 1 << 14]))
def test_side_folds_are_each_paragraphs_fold(texts: list[str], part: int) -> None:
    _check(texts, part)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_side_folds_of_the_documents(path: Path) -> None:
    _check([p.text for p in load_text(path).paragraphs], 1 << 14)


def test_the_table_of_expanding_characters_is_the_pattern() -> None:
    """`side_folds` finds the characters of `_EXPANDING` by a table (every code past it is no
    such character)."""
    assert _EXPANDING_CODE.nonzero()[0].tolist() == [
        c for c in range(0x110000) if _EXPANDING.match(chr(c))]


def test_a_kept_fold_answers_for_its_text_only() -> None:
    text = "قَالَ الملك"
    keep_fold(text, "قال الملك", [0, 2, 4, 6, 7, 8, 9, 10, 11], frozenset({"قال", "الملك"}),
              False, False)
    folded = fold_for_search(text)[0]
    assert folded == "قال الملك" and letter_runs(folded) == frozenset({"قال", "الملك"})
    assert fold_for_search(text + " ")[0] == "قال الملك "
    assert not may_hold_latin(text) and may_hold_latin(text + " ")
    assert not may_hold_digit(folded) and may_hold_digit(folded + " ")


@SETTINGS
@given(PARAGRAPHS)
def test_an_arabic_sides_anchors_as_each_paragraphs(texts: list[str]) -> None:
    text = text_from_string("\n\n".join(texts).replace("\ud800", "?"), language="ar")
    assert text_anchors(text, GLOSSARY) == [find_anchors(p.text, "ar", GLOSSARY)
                                            for p in text.paragraphs]
