"""The paragraph aligner: accuracy on the built-in pair, invariants, direction, cancelling."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_segments, align_texts
from reader.core.align.beads import Alignment, Bead
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.errors import Cancelled
from reader.core.text.document import load_text, text_from_string
from reader.core.text.kinds import Kind
from reader.resources import CORPUS
from tests.paths import DATA


@pytest.fixture(scope="module")
def builtin() -> tuple:
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    return source, target, align_texts(source, target)


def strict_f1(gold: list[Bead], pred: list[Bead]) -> float:
    """Strict bead F1 as the shared score.py computes it (null beads count for precision)."""
    g = {(b.src, b.tgt) for b in gold}
    p = {(b.src, b.tgt) for b in pred}
    g_nn = {b for b in g if b[0] and b[1]}
    p_nn = {b for b in p if b[0] and b[1]}
    precision = len(p & g) / len(p)
    recall = len(g_nn & p_nn) / len(g_nn)
    return 2 * precision * recall / (precision + recall)


def test_builtin_pair_matches_the_gold_alignment(builtin: tuple) -> None:
    source, target, alignment = builtin
    pairs = json.loads((DATA / "iraq-assad-lesson.gold.json").read_text(encoding="utf-8"))
    gold = Alignment.from_pairs(pairs, len(source), len(target))
    assert strict_f1(gold.beads, alignment.beads) >= 0.95


def test_every_embedded_post_line_is_left_unaligned(builtin: tuple) -> None:
    source, _, alignment = builtin
    post_lines = [p.index for p in source.paragraphs if p.kind is Kind.EMBEDDED_POST]
    assert len(post_lines) == 15
    for i in post_lines:
        assert alignment.counterpart("source", i) == (), f"post line {i} was aligned"


def test_confidences_are_probabilities(builtin: tuple) -> None:
    _, _, alignment = builtin
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment)
    # most beads of a clean translation are sure
    assert sum(b.confidence >= 0.5 for b in alignment) >= 0.8 * len(alignment)


def test_swapping_the_sides_mirrors_the_alignment(builtin: tuple) -> None:
    source, target, alignment = builtin
    swapped = align_texts(target, source)
    assert [(b.tgt, b.src) for b in swapped] == [(b.src, b.tgt) for b in alignment]


def test_alignment_is_deterministic(builtin: tuple) -> None:
    source, target, alignment = builtin
    assert align_texts(source, target).beads == alignment.beads


def test_a_left_out_paragraph_becomes_a_null_bead() -> None:
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    english = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8").split("\n")
    # drop the English of Arabic paragraph 21 (target paragraph 15)
    target = text_from_string("\n".join(english[:15] + english[16:]), language="en")
    alignment = align_texts(source, target)
    assert alignment.counterpart("source", 21) == ()


def test_progress_runs_from_zero_to_one_and_cancel_stops(builtin: tuple) -> None:
    source, target, _ = builtin
    seen: list[float] = []
    align_texts(source, target, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        align_texts(source, target, cancelled=lambda: True)


paragraphs = st.lists(
    st.text(alphabet="abc دمشق بغداد 0123456789 .،", min_size=1, max_size=40).filter(str.strip),
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs, paragraphs)
def test_beads_cover_both_sides_once_in_order_and_repeat(src: list[str], tgt: list[str]) -> None:
    beads = align_segments(src, tgt, "ar", "en")
    Alignment(beads, len(src), len(tgt))  # raises unless coverage is exact and ordered
    assert all(b.type in {"1:1", "1:2", "2:1", "1:3", "3:1", "2:2", "1:0", "0:1"} for b in beads)
    assert align_segments(src, tgt, "ar", "en") == beads


def test_a_one_megabyte_paragraph_aligns() -> None:
    arabic = "سقط نظام الأسد في دمشق عام 2024. " * 30_000  # about 1 MB in one paragraph
    source = text_from_string(arabic + "\nفقرة قصيرة أخيرة عن بغداد.", language="ar")
    english = "The Assad regime fell in Damascus.\nA short last one."
    target = text_from_string(english, language="en")
    alignment = align_texts(source, target)
    assert [i for b in alignment for i in b.src] == [0, 1]
    assert [j for b in alignment for j in b.tgt] == [0, 1]


def test_a_pair_too_long_for_a_wide_band_is_found_on_blocks_first(builtin: tuple) -> None:
    # a small cell budget forces what a 50 MB pair needs: the corridor from blocks of paragraphs
    source, target, alignment = builtin
    params = replace(DEFAULT_PARAMS, max_cells=1_500)
    narrow = align_texts(source, target, params=params)
    assert strict_f1(alignment.beads, narrow.beads) >= 0.9
