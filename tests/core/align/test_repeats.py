"""A text that repeats itself (Numbers 7): its repeated paragraphs are aligned, not left out."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reader.core.align.aligner import align_texts
from reader.core.align.one_side import sentence_cuts
from reader.core.align.prepared import PreparedPair
from reader.core.anchors.features import find_anchors
from reader.core.text.document import Text, load_text
from reader.core.text.kinds import Kind
from tests.paths import DATA

# Numbers 7 as in the bench's large case, seed 5 (tests/data/repeats/README.md)
NUMBERS_7 = DATA / "repeats" / "numbers-7"
# true beads holding repeated paragraphs (Arabic 21-33, English 16-25 hold 9 of them) that the
# aligner left out, with their partners, while a repeat was free to leave out
REPEATED_BEADS = [[[21, 22], [16]], [[25, 26], [18, 19]], [[27, 28, 29, 30, 31], [20, 21, 22]],
                  [[33], [24, 25]]]


def _numbers_7() -> tuple[Text, Text]:
    return load_text(NUMBERS_7.with_suffix(".ar.txt")), load_text(NUMBERS_7.with_suffix(".en.txt"))


def test_paragraphs_both_sides_repeat_are_aligned() -> None:
    src, tgt = _numbers_7()
    pairs = align_texts(src, tgt).as_pairs()
    for bead in REPEATED_BEADS:
        assert bead in pairs


def test_both_sides_repeating_take_the_bonus_away_and_cut_the_repeats_into_sentences() -> None:
    src, tgt = _numbers_7()
    pair = PreparedPair.of_texts(src, tgt)
    for side in (pair.src, pair.tgt):
        repeats = [k is Kind.DUPLICATE for k in side.kinds]
        assert any(repeats) and not side.null_bonus[repeats].any()
        # the embedded posts (two Arabic lines of a post) keep theirs
        posts = [k is Kind.EMBEDDED_POST for k in side.kinds]
        assert (side.null_bonus[posts] > 0).all()
        # the repeats' sentences spliced in are those of cutting the whole side again
        whole = sentence_cuts(side.texts, side.features, side.null_bonus, side.lang)
        assert side.cuts is not None
        for name in whole.__slots__:
            assert np.array_equal(getattr(side.cuts, name), getattr(whole, name)), name


def test_repeats_of_one_side_only_keep_their_bonus(tmp_path: Path) -> None:
    src = load_text(NUMBERS_7.with_suffix(".ar.txt"))
    english = load_text(NUMBERS_7.with_suffix(".en.txt"))
    # the English without its repeats: the Arabic's are its own (as a scrape's teasers are)
    alone = tmp_path / "alone.en.txt"
    alone.write_text("\n".join(p.text for p in english.paragraphs
                               if p.kind is not Kind.DUPLICATE) + "\n", encoding="utf-8")
    pair = PreparedPair.of_texts(src, load_text(alone))
    repeats = [i for i, k in enumerate(pair.src.kinds) if k is Kind.DUPLICATE]
    assert repeats and (pair.src.null_bonus[repeats] > 0).all()


def test_one_before_ten_is_not_eleven() -> None:
    # "one spoon of ten shekels": واحد then عشرة; eleven is أحد عشر / إحدى عشرة
    assert find_anchors("وَصَحْنٌ وَاحِدٌ عَشَرَةُ شَوَاقِلَ مِنْ ذَهَبٍ", "ar", None).keys() == ["n:10"]
    assert find_anchors("أَحَدَ عَشَرَ كَوْكَبًا وإحدى عشرة سنة", "ar", None).keys() == ["n:11", "n:11"]
    # "and eleven stars" (Genesis 37:9): و + أحد reads as واحد
    assert find_anchors("وَالْقَمَرَ وَأَحَدَ عَشَرَ كَوْكَبًا", "ar", None).keys() == ["n:11"]
