"""Any shape of input aligns: wildly unequal sides, paragraphs with no words, one huge paragraph."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.band import diagonal_half
from reader.core.align.beads import Alignment
from reader.core.align.corridor import coarse_path
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.prepared import PreparedPair
from reader.core.text.document import Text, load_text, text_from_string
from reader.resources import CORPUS

AR_PARAS = [p.text for p in load_text(CORPUS / "iraq-assad-lesson.ar.txt").paragraphs]
EN_PARAS = [p.text for p in load_text(CORPUS / "iraq-assad-lesson.en.txt").paragraphs]

# paragraphs a real file holds that have no word for the lexicon or the length model to use
NO_CONTENT = [
    "...", "—", "* * *", "؟!", "،", "#", "---", "|---|---|", "🙂", "🎉🎉🎉", "👍🏽", "2024",
    "12 / 03 / 2026", "١٢٣٤", "٪٣٠", "(1)", "[]", "»«", "\u200f", "ـــــ", "$$$", "…",
]


def _text(paragraphs: list[str], language: str) -> Text:
    return text_from_string("\n".join(paragraphs) + "\n", language=language)


def _paragraphs(rng: random.Random, count: int, real: list[str], empty_share: float) -> list[str]:
    return [rng.choice(NO_CONTENT) if rng.random() < empty_share else rng.choice(real)
            for _ in range(count)]


def _check(source: Text, target: Text) -> Alignment:
    """Aligns both ways round; each paragraph of each side is in exactly one bead, in order."""
    for a, b in ((source, target), (target, source)):
        alignment = align_texts(a, b)
        assert [i for bead in alignment for i in bead.src] == list(range(len(a.paragraphs)))
        assert [j for bead in alignment for j in bead.tgt] == list(range(len(b.paragraphs)))
        assert all(0.0 <= bead.confidence <= 1.0 for bead in alignment)
    return alignment


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 500),
    st.sampled_from([0.0, 0.3, 1.0]),
    st.sampled_from([0.0, 1.0]),
    st.randoms(use_true_random=False),
)
def test_one_paragraph_against_up_to_500(
    m: int, empty_share: float, single_empty: float, rng: random.Random
) -> None:
    single = _paragraphs(rng, 1, AR_PARAS, single_empty)
    many = _paragraphs(rng, m, EN_PARAS, empty_share)
    _check(_text(single, "ar"), _text(many, "en"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 80),
    st.integers(1, 80),
    st.sampled_from([0.0, 0.2, 0.7, 1.0]),
    st.sampled_from([0.0, 0.2, 0.7, 1.0]),
    st.randoms(use_true_random=False),
)
def test_any_sizes_with_paragraphs_of_no_content(
    n: int, m: int, src_empty: float, tgt_empty: float, rng: random.Random
) -> None:
    source = _text(_paragraphs(rng, n, AR_PARAS, src_empty), "ar")
    target = _text(_paragraphs(rng, m, EN_PARAS, tgt_empty), "en")
    _check(source, target)


def test_only_contentless_paragraphs_on_both_sides() -> None:
    paragraphs = NO_CONTENT * 5
    _check(_text(paragraphs, "ar"), _text(list(reversed(paragraphs)), "en"))


@pytest.mark.parametrize("long_side", ["source", "target"])
def test_one_200_kb_paragraph_against_many_short_ones(long_side: str) -> None:
    rng = random.Random(13)
    huge = " ".join(EN_PARAS) * 3
    huge = (huge * (200_000 // len(huge) + 1))[:200_000]  # one line of 200 KB
    short = _paragraphs(rng, 400, AR_PARAS, 0.2)
    short = [p[:60] for p in short]  # short lines: headings, list items, fragments
    source, target = _text(short, "ar"), _text([huge], "en")
    if long_side == "source":
        source, target = target, source
    _check(source, target)


def test_a_long_paragraph_among_short_ones_on_both_sides() -> None:
    rng = random.Random(7)
    ar = _paragraphs(rng, 120, AR_PARAS, 0.1)
    en = _paragraphs(rng, 150, EN_PARAS, 0.1)
    ar[60] = " ".join(AR_PARAS) * 4
    en[3] = " ".join(EN_PARAS) * 4
    _check(_text(ar, "ar"), _text(en, "en"))


@pytest.mark.parametrize(("n", "m"), [(2000, 1), (2000, 3), (500, 40), (1, 2000), (4400, 4300)])
def test_the_first_band_is_never_wider_than_the_target(n: int, m: int) -> None:
    """2,000 short paragraphs against one long one took 2.7 s and 500 MB in the first pass:
    its band was 4,000 columns wide for a target of one paragraph."""
    half = diagonal_half(n, m, DEFAULT_PARAMS)
    assert half <= m + 3
    # still wide enough to hold every column the centre of a row can be away from
    assert half >= min(m + 3, abs(n - m) + 8)


def _sentences(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?؟])\s+", p) if s.strip()]


@pytest.mark.parametrize("max_cells", [1_500, 4_000, 20_000])
def test_sides_split_differently_align_on_blocks(max_cells: int) -> None:
    """One side split into sentences, the other not, through the corridor on blocks (a small
    cell budget makes this short pair take the road of a 100,000-line one)."""
    ar = _sentences(AR_PARAS) * 3
    en = EN_PARAS * 3
    params = replace(DEFAULT_PARAMS, max_cells=max_cells)
    for a, b in ((_text(ar, "ar"), _text(en, "en")), (_text(en, "en"), _text(ar, "ar"))):
        alignment = align_texts(a, b, params=params)
        assert [i for bead in alignment for i in bead.src] == list(range(len(a.paragraphs)))
        assert [j for bead in alignment for j in bead.tgt] == list(range(len(b.paragraphs)))


def test_the_corridor_of_sides_split_differently_is_the_blocks_diagonal() -> None:
    """Blocks of equal counts on sides of 608 and 312 paragraphs made a staircase (20 1:1 and
    18 1:0 block steps here); at 34,000 lines against 25,000 its 0:1 runs were wider than the
    fine band and the alignment failed. Blocks of the same share of each side pair 1:1."""
    pair = PreparedPair.of_texts(_text(_sentences(AR_PARAS) * 8, "ar"), _text(EN_PARAS * 8, "en"))
    pb = pair.vectors().problem
    points, _ = coarse_path(pb, diagonal_half(pb.n, pb.m, DEFAULT_PARAMS), 40,
                            DEFAULT_PARAMS, None)
    steps = [(i2 > i1, j2 > j1) for (i1, j1), (i2, j2) in itertools.pairwise(points)]
    assert points[-1] == (pb.n, pb.m)
    assert steps.count((True, True)) >= len(steps) - 2
