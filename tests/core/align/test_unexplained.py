"""Leftovers of a stale translation: left out on both sides, not paired with each other."""

from __future__ import annotations

import pytest

from reader.core.align.aligner import align_texts
from reader.core.align.unexplained import LEFT_OUT_CONFIDENCE
from reader.core.text.document import load_text
from tests.bench.real_pairs import REAL

def test_a_replaced_section_of_software_documentation_is_left_out() -> None:
    # React's "React Developer Tools" page: the Arabic translates the 2023 English, whose
    # section on React Native told how to install the tools; the 2026 English says instead
    # that they are built in. The dropped Arabic paragraphs face nothing.
    alignment = align_texts(load_text(REAL / "react-devtools-stale.ar.txt"),
                            load_text(REAL / "react-devtools-stale.en.txt"))
    beads = {(b.src, b.tgt): b.confidence for b in alignment.beads}
    for i in range(26, 31):
        assert ((i,), ()) in beads
    assert ((31,), (25,)) in beads  # the link to the debugging guide, on both sides
    assert ((), (26,)) in beads  # the note on versions before 0.76, new in English


@pytest.fixture(scope="module")
def stale_covenant() -> dict[tuple[tuple[int, ...], tuple[int, ...]], float]:
    # the Arabic of the Contributor Covenant 1.4 against the English of 2.1
    alignment = align_texts(load_text(REAL / "coc-1.4.ar.txt"), load_text(REAL / "coc-2.1.en.txt"))
    return {(b.src, b.tgt): b.confidence for b in alignment.beads}


def test_list_items_a_newer_version_replaced_are_not_paired(stale_covenant: dict) -> None:
    # "* Using welcoming and inclusive language" (1.4 only) and "* Demonstrating empathy and
    # kindness toward other people" (2.1 only) sit at the same place in the list
    assert ((5,), ()) in stale_covenant and ((), (6,)) in stale_covenant
    assert stale_covenant[((5,), ())] >= LEFT_OUT_CONFIDENCE


def test_the_headings_and_items_that_remain_are_still_paired(stale_covenant: dict) -> None:
    for bead in [((3,), (4,)), ((7,), (8,)), ((16,), (17,)), ((24,), (39,)), ((26,), (43,))]:
        assert bead in stale_covenant
