"""Is the pair a translation, which side is the original, and what a reader sees when not."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.beads import Alignment, Bead
from reader.core.align.evidence import PairEvidence
from reader.core.diverge.verdict import (
    THRESHOLD,
    detect_original,
    discounted,
    judge,
    translation_score,
)
from reader.core.pair import Pair, PairOptions, open_pair
from reader.core.text.document import text_from_string
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
COMPARABLE = ["iraq-adapts-to-new-syria.en.txt", "iraq-resistance-and-fall-of-assad.en.txt",
              "iraq-spectator-axis-of-resistance.en.txt"]


@cache
def _pair(target: str, original: str | None = None) -> Pair:
    return open_pair(AR, CORPUS / target, PairOptions(original=original))  # type: ignore[arg-type]


def test_the_built_in_pair_is_a_translation_of_the_arabic() -> None:
    v = _pair("iraq-assad-lesson.en.txt").verdict
    assert v is not None and v.is_translation and v.translation_score > 0.9
    assert v.original == "source" and "posts" in v.original_basis
    assert v.warning("a", "b") is None
    assert v.to_json() == {"is_translation": True, "translation_score": round(
        v.translation_score, 3), "original": "source"}


@pytest.mark.parametrize("english", COMPARABLE)
def test_articles_on_the_same_events_are_not_a_translation(english: str) -> None:
    pair = _pair(english)
    v = pair.verdict
    assert v is not None and not v.is_translation and v.translation_score < 0.5
    assert v.original is None  # neither translates the other
    warning = v.warning("ar.txt", "en.txt")
    assert warning is not None and "do not look like a translation" in warning
    # no bead pairing unrelated paragraphs reads as sure
    matched = [b for b in pair.alignment if not b.is_null]
    assert matched and max(b.confidence for b in matched) <= v.translation_score + 1e-9


def test_the_users_say_wins_even_on_unrelated_texts() -> None:
    assert _pair("iraq-assad-lesson.en.txt", "target").verdict.original == "target"  # type: ignore[union-attr]
    v = _pair(COMPARABLE[0], "source").verdict
    assert v is not None and v.original == "source" and v.original_basis == "said by the user"


def test_posts_only_the_target_has_make_the_target_the_original() -> None:
    en = open_pair(CORPUS / "iraq-assad-lesson.en.txt", AR)  # the English given as source
    assert en.verdict is not None and en.verdict.is_translation
    assert en.verdict.original == "target"


def _one_to_one(n: int) -> Alignment:
    return Alignment([Bead((i,), (i,)) for i in range(n)], n, n)


def test_untranslated_arabic_left_in_the_english_makes_the_arabic_the_original() -> None:
    ar = text_from_string("قال الوزير إن الحكومة ستبني مدارس جديدة.\nوأضاف أن الميزانية تكفي.",
                          language="ar")
    en = text_from_string("The minister said the government (الحكومة الجديدة) would build "
                          "schools.\nHe added that the budget (الميزانية العامة) was enough.",
                          language="en")
    assert detect_original(ar, en, _one_to_one(2)) == (
        "source", "untranslated words of the source's language in the target")
    assert detect_original(en, ar, _one_to_one(2))[0] == "target"
    clean = text_from_string("The minister said so.\nHe added more.", language="en")
    assert detect_original(ar, clean, _one_to_one(2)) == (None, "")


def _evidence(cosine: list[float], best: list[float], matched: int, total: int) -> PairEvidence:
    k = len(cosine)
    return PairEvidence(tuple(cosine), tuple(best), (10.0,) * k, (12.0,) * k,
                        total, total, matched, matched)


def test_score_is_the_smoothed_share_of_beads_beating_their_controls() -> None:
    assert translation_score(_evidence([0.5] * 20, [0.1] * 20, 20, 20)) > 0.95
    assert translation_score(_evidence([0.1] * 20, [0.2] * 20, 20, 20)) < 0.05
    # few beads prove little: two good ones stay below twenty
    assert translation_score(_evidence([0.5] * 2, [0.1] * 2, 2, 2)) < translation_score(
        _evidence([0.5] * 20, [0.1] * 20, 20, 20))
    # a stray matched paragraph or two among many does not make a translation
    assert translation_score(_evidence([0.5] * 3, [0.1] * 3, 3, 100)) < THRESHOLD
    assert translation_score(_evidence([], [], 0, 10)) == 0.0


@given(st.lists(st.tuples(st.floats(-1, 1), st.floats(-1, 1), st.floats(1, 1e4),
                          st.floats(1, 1e4)), max_size=30),
       st.integers(0, 200))
def test_score_stays_between_0_and_1(rows: list[tuple[float, float, float, float]],
                                     extra: int) -> None:
    k = len(rows)
    cos, best, ls, lt = (tuple(r[c] for r in rows) for c in range(4))
    ev = PairEvidence(cos, best, ls, lt, k + extra, k, k, k)
    assert 0.0 <= translation_score(ev) <= 1.0


def test_an_alignment_without_evidence_is_taken_for_a_translation() -> None:
    ar = text_from_string("قال الوزير.", language="ar")
    en = text_from_string("The minister said.", language="en")
    v = judge(ar, en, _one_to_one(1))
    assert v.is_translation and v.translation_score == 1.0 and v.original is None
    assert discounted(_one_to_one(1), v) == _one_to_one(1)


def test_discounting_scales_matched_beads_only_and_keeps_the_evidence() -> None:
    pair = _pair(COMPARABLE[1])
    raw = align_texts(pair.source, pair.target)
    assert pair.verdict is not None and pair.alignment.evidence is not None
    score = pair.verdict.translation_score
    for shown, bead in zip(pair.alignment, raw, strict=True):
        expected = bead.confidence * (1.0 if bead.is_null else score)
        assert shown.src == bead.src and shown.confidence == pytest.approx(expected)
