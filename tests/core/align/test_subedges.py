"""A bead's last Arabic sentence cut to the next bead's first English sentence (subedges)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import Bead
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.subedges import _merged, _tail_cut
from reader.core.align.unit_pieces import Piece
from tests.core.align.runon_helpers import GROUPED_BY_SEVEN, Beads, runon_beads

# Genesis 25:22-26:27 grouped into paragraphs independently on each side, the Arabic verses'
# full stops, colons and question marks taken out (tests/data/runon/README.md)
# the true beads: paragraphs sharing a verse
GOLD = GROUPED_BY_SEVEN


def _beads(params: AlignerParams = DEFAULT_PARAMS) -> Beads:
    return runon_beads("genesis-25", params)


def test_a_short_verse_ending_an_arabic_paragraph_keeps_its_english_paragraph_in_the_chain(
) -> None:
    # Arabic paragraph 16 runs verses 26:20-23 together and ends with verse 23, five words
    # ("and he went up from thence to Beersheba"), which the English puts at the start of
    # paragraph 18, before verse 24 (Arabic paragraph 17). Too few words for the lexicon to
    # place: without a cut offered at the bead's edge the chain 16-17 / 15-18 came apart
    assert _beads() == GOLD
    old = _beads(replace(DEFAULT_PARAMS, unit_edge_min_words=0))
    assert ((16, 17), (15, 16, 17, 18)) not in old
    assert ((16,), (15, 16, 17)) in old


def test_the_tail_is_cut_to_the_wanted_length_at_a_word_start() -> None:
    text = "one two three four five six seven eight"
    piece = Piece(0, 0, len(text), float(len(text.replace(" ", ""))))
    # a tail of about ten visible characters: "seven eight"
    assert text[_tail_cut(text, piece, 10.0, 2):] == "seven eight"
    # never fewer than `least` words on either side
    assert text[_tail_cut(text, piece, 1.0, 3):] == "six seven eight"
    assert text[:_tail_cut(text, piece, 100.0, 3)] == "one two three "
    assert _tail_cut(text, piece, 10.0, 5) is None


def _b(src: tuple[int, ...], tgt: tuple[int, ...]) -> Bead:
    return Bead(src, tgt, 1.0)


def test_the_beads_found_with_edge_cuts_are_kept_unless_they_leave_fewer_paragraphs_out() -> None:
    base = [_b((0,), (0,)), _b((1,), ()), _b((2,), (1,)), _b((3,), (2,)), _b((4,), (3, 4))]
    # the edge cuts join 3 and 4 into a chain (kept), and take the Arabic paragraph 1 the
    # translation lacks into a bead (not kept: the run without them left it out)
    found = [_b((0,), (0,)), _b((1, 2), (1,)), _b((3, 4), (2, 3, 4))]
    assert _merged(base, found) == [
        _b((0,), (0,)), _b((1,), ()), _b((2,), (1,)), _b((3, 4), (2, 3, 4))]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12))
def test_a_merge_covers_every_paragraph_once_in_order(shape_a: list[tuple[int, int]],
                                                      shape_b: list[tuple[int, int]]) -> None:
    def beads(shape: list[tuple[int, int]], n: int, m: int) -> list[Bead]:
        out, i, j = [], 0, 0
        for ks, kt in shape:
            if ks or kt:
                out.append(_b(tuple(range(i, i + ks)), tuple(range(j, j + kt))))
                i, j = i + ks, j + kt
        if i < n or j < m:  # both cover the same paragraphs
            out.append(_b(tuple(range(i, n)), tuple(range(j, m))))
        return out

    n = max(sum(s for s, _ in shape_a), sum(s for s, _ in shape_b))
    m = max(sum(t for _, t in shape_a), sum(t for _, t in shape_b))
    a, b = beads(shape_a, n, m), beads(shape_b, n, m)
    out = _merged(a, b)
    assert [i for x in out for i in x.src] == list(range(n))
    assert [j for x in out for j in x.tgt] == list(range(m))
    assert all(x in a or x in b for x in out)
