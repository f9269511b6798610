"""English sentences cut at colons and semicolons where the Arabic is finer (clause_cuts)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.beads import Bead
from reader.core.align.clause_cuts import apart_costs, clause_cuts, clauses, finer_paragraphs
from reader.core.align.params import DEFAULT_PARAMS, NEG, UNIT_TYPES
from reader.core.align.unit_pieces import Piece
from reader.core.text.document import load_text
from tests.paths import DATA

# Leviticus 22:25-23:28 as in the bench's large case (tests/data/clauses/README.md): Arabic
# paragraph 2 ends with «أَنَا الرَّبُّ.», the English with "...: I am the LORD."
CLAUSES = DATA / "clauses" / "leviticus-22"
GOLD = [[[0], [0]], [[1, 2], [1, 2]], [[3], [3]], [[4], [4]], [[5, 6, 7], [5, 6, 7]],
        [[8, 9, 10], [8, 9, 10]], [[11, 12], [11, 12]], [[13, 14], [13, 14, 15]]]


def test_a_verse_s_last_arabic_sentence_finds_its_english_clause() -> None:
    src = load_text(CLAUSES.with_suffix(".ar.txt"))
    tgt = load_text(CLAUSES.with_suffix(".en.txt"))
    assert align_texts(src, tgt).as_pairs() == GOLD
    # uncut, «أَنَا الرَّبُّ.» joined the next verse, and two true beads became one
    pairs = align_texts(src, tgt, params=replace(DEFAULT_PARAMS, unit_clause_words=0)).as_pairs()
    assert [[1, 2, 3], [1, 2, 3]] in pairs and [[1, 2], [1, 2]] not in pairs


def test_clauses_end_at_colons_and_semicolons_after_enough_words() -> None:
    text = "And he shall wash: it is unclean; He said: I am the LORD."
    parts = [text[a:b] for a, b in clauses(text, 3)]
    # "He said:" has two words: it stays with the clause after it
    assert parts == ["And he shall wash:", "it is unclean;", "He said: I am the LORD."]
    assert clauses("No mark here.", 3) == [(0, 13)]
    assert clauses("Ends on a colon:", 3) == [(0, 16)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", "ccc", ":", ";", ",", "."]), max_size=30),
       st.integers(1, 4))
def test_clauses_cover_the_text_but_the_white_space_between(words: list[str], least: int) -> None:
    text = " ".join(words)
    parts = clauses(text, least)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    for (_, end), (start, _) in pairwise(parts):
        assert text[end - 1] in ":;" and not text[end:start].strip()


def test_only_where_the_arabic_has_more_units() -> None:
    texts = ["one two three: four five six", "seven eight nine: ten"]
    tgt = [Piece(0, 0, len(texts[0]), 24.0), Piece(1, 0, len(texts[1]), 17.0)]
    # bead 0 faces three Arabic units, bead 1 one
    src = [Piece(0, 0, 1, 1.0), Piece(0, 1, 2, 1.0), Piece(0, 2, 3, 1.0), Piece(1, 0, 1, 1.0)]
    beads = [Bead((0,), (0,)), Bead((1,), (1,))]
    assert finer_paragraphs(beads, src, tgt, 1.3) == {0}
    out = clause_cuts(texts, tgt, beads, src, DEFAULT_PARAMS)
    assert [(p.paragraph, texts[p.paragraph][p.start:p.end]) for p in out] == [
        (0, "one two three:"), (0, "four five six"), (1, "seven eight nine: ten")]
    assert abs(sum(p.length for p in out[:2]) - 24.0) < 1e-9
    # a pair whose Arabic has fewer units than its English (TED): nothing is cut
    assert clause_cuts(texts, tgt, beads, src[:1], DEFAULT_PARAMS) is tgt
    assert clause_cuts(texts, tgt, beads, src, replace(DEFAULT_PARAMS, unit_clause_words=0)) is tgt


def test_a_bead_starting_at_a_clause_cut_off_pays() -> None:
    rows, cols, half = 6, 6, 3
    centre = np.arange(rows + 1)
    scores = {t: np.zeros((rows + 1, 2 * half + 1), dtype=np.float32) for t in UNIT_TYPES}
    scores[(1, 1)][0] = NEG
    col_apart = np.zeros(cols, dtype=bool)
    col_apart[2] = True  # column 2 is a clause cut off column 1
    apart_costs(scores, centre, half, np.zeros(rows, dtype=bool), col_apart, 1.0)
    j = centre[:, None] + np.arange(2 * half + 1)[None, :] - half
    for (ks, kt), table in scores.items():
        starts = j - kt == 2
        # cells inside the texts (the others are NEG in a real band)
        live = (j >= kt) & (j <= cols) & (np.arange(rows + 1)[:, None] >= ks)
        if (ks, kt) == (1, 1):
            live[0] = False
        assert (table[starts & live] == -1.0).all() and (table[~starts & live] == 0.0).all()
    assert (scores[(1, 1)][0] == NEG).all()


def test_rows_that_start_with_a_clause_pay_the_same_read_alone() -> None:
    rows, cols, half = 8, 7, 3
    centre = np.round(np.linspace(0, cols, rows + 1)).astype(np.int64)
    rng = np.random.default_rng(3)
    base = {t: rng.normal(size=(rows + 1, 2 * half + 1)).astype(np.float32) for t in UNIT_TYPES}
    base[(2, 1)][1] = NEG
    row_apart = np.zeros(rows, dtype=bool)
    row_apart[[2, 5]] = True
    # the rows' path (no column marked) against the full one: a column marked that no bead
    # of the band starts at changes nothing
    alone = {t: v.copy() for t, v in base.items()}
    apart_costs(alone, centre, half, row_apart, np.zeros(cols, dtype=bool), 1.0)
    full = {t: v.copy() for t, v in base.items()}
    never = np.zeros(cols + 40, dtype=bool)
    never[-1] = True
    apart_costs(full, centre, half, row_apart, never, 1.0)
    for t in UNIT_TYPES:
        assert np.array_equal(alone[t], full[t])
    i = np.arange(rows + 1)
    for (ks, _), table in alone.items():
        paid = np.zeros(rows + 1, dtype=bool) if not ks else row_apart[np.clip(i - ks, 0, rows)]
        live = base[(ks, _)] > NEG / 2
        assert np.allclose(table[paid[:, None] & live], base[(ks, _)][paid[:, None] & live] - 1)
        assert np.array_equal(table[~paid[:, None] | ~live], base[(ks, _)][~paid[:, None] | ~live])
