"""Edge paragraphs: one nothing facing translates left out, one left out it translates joined."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.align.aligner import align_texts
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.text.document import load_text
from tests.paths import DATA

# two stretches of the bench's large case, seed 3 (tests/data/edge_cover/README.md)
TRIM = DATA / "edge_cover" / "deuteronomy-9"
JOIN = DATA / "edge_cover" / "numbers-16"


def _pairs(base: Path, **changes: Any) -> list[list[list[int]]]:
    src, tgt = load_text(base.with_suffix(".ar.txt")), load_text(base.with_suffix(".en.txt"))
    return align_texts(src, tgt, params=replace(DEFAULT_PARAMS, **changes)).as_pairs()


def _partition(pairs: list[list[list[int]]]) -> None:
    """Every paragraph of each side in exactly one bead, in order."""
    for side in (0, 1):
        order = [p for bead in pairs for p in bead[side]]
        assert order == list(range(len(order)))


def test_an_edge_paragraph_the_other_side_left_out_is_left_out() -> None:
    # Arabic 22 (Deuteronomy 11:25, left out by the English) shares words with the verses
    # around it: where leaving a sentence out costs more, the sentence pass took it into the
    # bead of Arabic 21 with English 21-22 (11:23-24); nothing of it is translated there.
    # The English clauses cut at colons (clause_cuts) also keep it out: the test is of the
    # trim, so it runs without them
    harder = {"unit_null_prior": -2.5, "unit_clause_words": 0}
    pairs = _pairs(TRIM, **harder)
    assert [[21], [21, 22]] in pairs and [[22], []] in pairs
    _partition(pairs)
    without = _pairs(TRIM, unit_trim_uncovered=False, **harder)
    assert [[21], [21, 22]] not in without and [[22], []] not in without
    assert [[21, 22], [21, 22]] in without


def test_a_paragraph_left_out_beside_the_bead_that_translates_it_joins_it() -> None:
    # English 10 is the formula verse alone (Numbers 17:1, "And the LORD spake unto Moses,
    # saying,"); Arabic 12 holds it with 17:2, English 11: the aligner left English 10 out.
    # The English clauses cut at colons (clause_cuts) also find it: the test is of the join,
    # so it runs without them
    plain = {"unit_clause_words": 0}
    pairs = _pairs(JOIN, **plain)
    assert [[12], [10, 11]] in pairs
    _partition(pairs)
    without = _pairs(JOIN, unit_join_covered=False, **plain)
    assert [[], [10]] in without and [[12], [11]] in without
