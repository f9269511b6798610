"""No pinned null paragraph where the Arabic runs on (subunits.pin_threshold)."""

from __future__ import annotations

import logging
from dataclasses import replace

from reader.core.align.aligner import _align_sides
from reader.core.align.beads import Bead
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.prepared import PreparedPair
from reader.core.align.subunits import pin_threshold
from reader.core.align.unit_pieces import Piece, balanced_pieces
from reader.core.text.document import load_text
from tests.core.align.runon_helpers import GROUPED_BY_SEVEN, Beads, runon_beads
from tests.paths import DATA

# Genesis 31:47-32:31 grouped into paragraphs independently on each side, the Arabic verses'
# full stops, colons and question marks taken out (tests/data/runon/README.md)
RUNON = DATA / "runon" / "genesis-31"
# the true beads: paragraphs sharing a verse
GOLD = GROUPED_BY_SEVEN


def _beads(params: AlignerParams = DEFAULT_PARAMS) -> Beads:
    return runon_beads("genesis-31", params)


def test_a_short_arabic_paragraph_the_paragraph_pass_left_out_joins_its_english() -> None:
    # Arabic paragraph 13 is verse 32:20 alone, the last two sentences of English paragraph
    # 13. The paragraph pass left it out, sure of it, and the sentence pass kept it out (its
    # corners pinned); unpinned, the sentence pass links it to those sentences
    assert _beads() == GOLD
    pinned = _beads(replace(DEFAULT_PARAMS, unit_pin_run_on=DEFAULT_PARAMS.unit_pin))
    assert ((13,), ()) in pinned


def test_paragraphs_left_out_stay_pinned_where_the_arabic_does_not_run_on() -> None:
    # the same pair's pieces: run on, no pin; with the Arabic read as three sentences a
    # piece (more than the English, as the Bible with its full stops), or an English source,
    # the paragraph pass's sure omissions keep their corners
    pair = PreparedPair.of_texts(load_text(RUNON.with_suffix(".ar.txt")),
                                 load_text(RUNON.with_suffix(".en.txt")))
    pair.params = replace(pair.params, unit_pass=False)
    beads = _align_sides(pair, None, None, logging.DEBUG)
    src, tgt = balanced_pieces(pair.src, pair.tgt, beads, pair.params.unit_band)
    params = pair.params
    assert pin_threshold(pair.src, beads, src, tgt, params) == params.unit_pin_run_on > 1
    many = [Piece(p.paragraph, p.start, p.end, p.length / 3) for p in src for _ in range(3)]
    assert pin_threshold(pair.src, beads, many, tgt, params) == params.unit_pin
    flipped = [Bead(b.tgt, b.src) for b in beads]
    assert pin_threshold(pair.tgt, flipped, tgt, src, params) == params.unit_pin
