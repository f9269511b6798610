"""Names' skeletons read from tables, pairs of skeletons scored: as the slow way gave them."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from reader.core.align.sound_alike import (
    _scored,
    ar_skeletons,
    en_skeletons,
    sound_alike,
    sound_alike_each,
)
from reader.core.arabic.transliterate import skeleton

# letters normalisation keeps and changes, the article's forms, ta marbuta, marks, tatweel,
# spaces, Latin letters and digits
_PIECES = st.sampled_from([
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىأإآؤئـ", "ال", "وال", "بال", "لل", "كال", "فال",
    "\u064e", "\u0651", " ", "a", "1", "٣", "ﻻ", "ک", "پ",
])
_NAMES = st.lists(_PIECES, max_size=9).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAMES, max_size=12))
def test_arabic_skeletons_are_the_slow_ones(names: list[str]) -> None:
    assert ar_skeletons(names) == [skeleton(n, "ar") for n in names]
    assert ar_skeletons(names) == [skeleton(n, "ar") for n in names]  # as remembered


def test_arabic_skeletons_of_names() -> None:
    names = ["سلمان", "السلمان", "والد", "حسين", "يوسف", "ال", "الل", "", "حمزة", "عبد الله"]
    assert ar_skeletons(names) == [skeleton(n, "ar") for n in names]
    assert ar_skeletons(["يوسف", "ويوسف"]) == ["YSF", "WSF"]  # و and ي count first only


# skeletons as names give them: mostly 3 to 5 classes from a small alphabet (so that many pairs
# share their letters), some short, empty or long
_SKELETON = st.one_of(st.text("BTDSKLMNRH", min_size=3, max_size=5), st.text("BTDSKLMNRHWY",
                      max_size=12))


@settings(max_examples=40, deadline=None)
@given(st.lists(_SKELETON, min_size=100, max_size=300, unique=True),
       st.lists(_SKELETON, min_size=100, max_size=200, unique=True),
       st.sampled_from([0.0, 0.3, 0.5, 0.7, 0.82, 0.9, 1.0]))
def test_pairs_sharing_their_letters_are_the_whole_product(
    ar: list[str], en: list[str], threshold: float
) -> None:
    whole = process.cdist(ar, en, scorer=fuzz.ratio, score_cutoff=threshold * 100,
                          dtype=np.uint8, workers=1)
    rows, cols, scores = _scored(ar, en, threshold * 100)
    order = np.lexsort((cols, rows))
    want_rows, want_cols = np.nonzero(whole)
    assert np.array_equal(rows[order], want_rows) and np.array_equal(cols[order], want_cols)
    assert np.array_equal(scores[order], whole[want_rows, want_cols])
    assert scores.dtype == np.uint8 and rows.dtype == cols.dtype == np.int64


_EN_PIECES = st.sampled_from([
    *"abcdefghijklmnopqrstuvwxyzACSTWXY", "sh", "ch", "th", "kh", "gh", "dh", "ph", "ck", "zh",
    "ce", "ci", "cy", "x", "’", "'", "‘", "`", "ʿ", "-", " ", "al-", "Al ", "é", "1",
])
_EN_NAMES = st.lists(_EN_PIECES, max_size=9).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_EN_NAMES, max_size=12))
def test_english_skeletons_are_the_slow_ones(names: list[str]) -> None:
    assert en_skeletons(names) == [skeleton(n, "en") for n in names]
    assert en_skeletons(names) == [skeleton(n, "en") for n in names]  # as remembered


def test_english_skeletons_of_names() -> None:
    names = ["Aaron", "Aaron’s", "Yahweh", "Church", "Cecil", "Xerxes", "’Wyatt", "s’he", "c’e",
             "Abd al-Rahman", "al-Sham", "ash-Sham", "", "’"]
    assert en_skeletons(names) == [skeleton(n, "en") for n in names]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(_NAMES, max_size=8), st.lists(_EN_NAMES, max_size=8)),
                max_size=8),
       st.sampled_from([0.0, 0.5, 0.7, 0.82, 1.0]))
def test_each_problem_sounds_alike_as_alone(
    problems: list[tuple[list[str], list[str]]], threshold: float
) -> None:
    """The divergence batch's problems at once: each one's pairs, scores and order as
    `sound_alike` gives them for it alone."""
    for (ar, en), (a_i, e_i, score) in zip(problems, sound_alike_each(problems, threshold),
                                           strict=True):
        want = sound_alike(ar, en, threshold)
        for got, expected in zip((a_i, e_i, score), want, strict=True):
            assert np.array_equal(got, expected) and got.dtype == expected.dtype


def test_each_problem_of_real_names() -> None:
    problems = [(["حسين", "السلمان", "بغداد"], ["Hussein", "Salman", "Baghdad", "Basra"]),
                ([], ["Hussein"]), (["يوسف"], []), (["بغداد", "يوسف"], ["Yusuf", "Baghdad"])]
    found = sound_alike_each(problems, 0.82)
    assert [len(a) for a, _, _ in found] == [len(sound_alike(a, e, 0.82)[0]) for a, e in problems]
    assert len(found[0][0]) >= 2 and len(found[1][0]) == len(found[2][0]) == 0
