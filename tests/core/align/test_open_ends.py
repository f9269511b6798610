"""A speech's announcement joined to the speech facing one unit, at part of a 2:1's prior."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.open_ends import announces, open_after, open_joins
from reader.core.align.params import DEFAULT_PARAMS, NEG, UNIT_TYPES
from reader.core.text.document import load_text
from tests.paths import DATA

# Leviticus 21:1-22:14 as in the bench's large case (tests/data/formula/README.md): English
# paragraph 8 is "And the LORD spake unto Moses, saying," alone, the Arabic has it in one
# sentence with the speech, at the start of paragraph 10
FORMULA = DATA / "formula" / "leviticus-21"
FORMULA_BEAD = [[10], [8, 9]]


def test_a_formula_paragraph_alone_joins_the_speech_where_its_words_decide_little() -> None:
    src, tgt = load_text(FORMULA.with_suffix(".ar.txt")), load_text(FORMULA.with_suffix(".en.txt"))
    assert FORMULA_BEAD in align_texts(src, tgt).as_pairs()
    # in the whole pair the formula's words match a verse in every few (its lexical term says
    # little): with the sentence pass's lexical weight lowered to show that here, the formula
    # paragraph was left out, and the announcement's join keeps it in the speech's bead
    weak = replace(DEFAULT_PARAMS, unit_lexical_weight=10.0)
    assert FORMULA_BEAD in align_texts(src, tgt, params=weak).as_pairs()
    # (align.edge_cover also joins a paragraph left out to the bead that translates it)
    pairs = align_texts(src, tgt, params=replace(weak, unit_open_joins=0.0,
                                                 unit_join_covered=False)).as_pairs()
    assert FORMULA_BEAD not in pairs and [[], [8]] in pairs
    joined = align_texts(src, tgt, params=replace(weak, unit_open_joins=0.0)).as_pairs()
    assert FORMULA_BEAD in joined


def test_announcements_are_paragraphs_ending_saying_or_short_ones_ending_on_a_colon() -> None:
    assert announces("And the LORD spake unto Moses, saying,")
    assert announces("And the LORD spake unto Moses and to Aaron, saying, ")
    assert announces("وَكَلَّمَ الرَّبُّ مُوسَى قَائِلًا:")
    # a long verse ending on a colon goes on into the next verse, but announces nothing
    assert not announces("And he shall bring them unto the priest, who shall offer that "
                         "which is for the sin offering first, and wring off his head:")
    assert not announces("Thou shalt also make a laver of brass.")
    assert not announces("")


def test_the_first_unit_after_an_announcement_is_marked() -> None:
    texts = ["In the beginning.", "And God spake unto Moses, saying,", "Speak unto them.",
             "Tell them this:", ""]
    # paragraph -> first unit: paragraph 2 has two units, the last has none
    first = np.array([0, 1, 2, 4, 5, 5])
    # unit 2 opens the speech; "Tell them this:" announces a paragraph with no units
    assert open_after(texts, first).tolist() == [False, False, True, False, False]


def _band(rows: int, cols: int, half: int) -> tuple[dict[tuple[int, int], np.ndarray],
                                                     np.ndarray]:
    centre = np.round(np.linspace(0, cols, rows + 1)).astype(np.int64)
    scores = {t: np.zeros((rows + 1, 2 * half + 1), dtype=np.float32) for t in UNIT_TYPES}
    return scores, centre


def test_an_announcement_and_its_speech_facing_one_unit_cost_less_than_a_2_1() -> None:
    scores, centre = _band(4, 4, 2)
    prior = DEFAULT_PARAMS.log_prior
    row_open = np.array([False, False, True, False])  # row 1 announces row 2
    open_joins(scores, centre, 2, row_open, np.zeros(4, dtype=bool), prior, 0.5)
    # a 2:1 over rows 1-2 costs half-way between a 2:1 and a 1:1
    assert np.allclose(scores[(2, 1)][3], 0.5 * (prior[(1, 1)] - prior[(2, 1)]))
    # over rows 0-1 it holds no announcement; a 3:1 over rows 0-2 half-way to a 2:1
    assert np.allclose(scores[(2, 1)][2], 0.0)
    assert np.allclose(scores[(3, 1)][3], 0.5 * (prior[(2, 1)] - prior[(3, 1)]))
    # where both sides break after the announcement, two 1:1 beads are right: no 2:2 is cheaper
    assert np.allclose(scores[(2, 2)], 0.0) and np.allclose(scores[(1, 1)], 0.0)
    # a join the cut sentences' free joins already price is not priced twice
    again, _ = _band(4, 4, 2)
    open_joins(again, centre, 2, row_open, np.zeros(4, dtype=bool), prior, 0.5,
               (row_open, np.zeros(4, dtype=bool)))
    assert all((t == 0).all() for t in again.values())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=12), st.lists(st.booleans(), min_size=1,
                                                                  max_size=12),
       st.integers(1, 4), st.floats(0.0, 1.0))
def test_only_k_1_beads_holding_an_announcement_change_and_only_upwards(
        rows_flags: list[bool], cols_flags: list[bool], half: int, share: float) -> None:
    rows, cols = len(rows_flags), len(cols_flags)
    row_open = np.array([False, *rows_flags[1:]])
    col_open = np.array([False, *cols_flags[1:]])
    scores, centre = _band(rows, cols, half)
    scores[(2, 1)][0] = NEG  # a forbidden cell stays forbidden
    open_joins(scores, centre, half, row_open, col_open, DEFAULT_PARAMS.log_prior, share)
    assert (scores[(2, 1)][0] == NEG).all()
    for (ks, kt), table in scores.items():
        live = table > NEG / 2
        assert (table[live] >= 0).all()
        if min(ks, kt) != 1 or max(ks, kt) == 1:
            assert (table == 0).all()
