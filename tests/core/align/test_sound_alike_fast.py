"""Names' skeletons read from tables, pairs of skeletons scored: as the slow way gave them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.sound_alike import ar_skeletons
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
