"""Fixed beads: the gaps they leave, the beads of a gap nothing can pair, the cells they forbid."""

from __future__ import annotations

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.fixed import Gap, forbid, gaps_between
from reader.core.align.params import MATCH_TYPES, NEG


def test_matched_fixed_beads_cut_the_pair_and_null_ones_stay_in_their_gap() -> None:
    left_out = Bead((), (1,), 0.5, "confirmed")
    cut = Bead((2, 3), (4,), 1.0, "confirmed")
    gaps, cuts = gaps_between([left_out, cut, Bead((9,), ())], 10, 8)
    assert cuts == [cut]
    assert gaps == [Gap(0, 2, 0, 4, (left_out,)), Gap(4, 10, 5, 8, (Bead((9,), ()),))]
    assert gaps[0].free_src == 2 and gaps[0].free_tgt == 3 and gaps[0].needs_programme


def test_a_gap_nothing_can_pair_keeps_its_fixed_null_beads_whole() -> None:
    both = Bead((3, 4), (), 0.7, "confirmed")
    gap = Gap(3, 6, 2, 4, (both,))
    assert gap.free_src == 1 and gap.free_tgt == 2 and gap.needs_programme
    only = Gap(3, 5, 2, 4, (both,))
    assert not only.needs_programme
    assert only.left_out() == [both, Bead((), (2,)), Bead((), (3,))]


def test_forbid_pinned_rows_and_left_out_paragraphs() -> None:
    n, m, half = 6, 6, 3
    centre = np.arange(n + 1)
    scores = {t: np.zeros((n + 1, 2 * half + 1), dtype=np.float32) for t in MATCH_TYPES}
    forbid(scores, centre, half, m, pinned_rows=[2], src_out=np.eye(1, n, 4, dtype=bool)[0],
           tgt_out=np.eye(1, m, 1, dtype=bool)[0])
    j = centre[:, None] + np.arange(2 * half + 1)[None, :] - half
    for (ks, kt), table in scores.items():
        i = np.arange(n + 1)[:, None]
        straddles = (i > 2) & (i - ks < 2)
        holds_src = (i - ks <= 4) & (i > 4)
        holds_tgt = (j - kt <= 1) & (j > 1)
        expected = straddles | holds_src | holds_tgt
        assert ((table == NEG) == np.broadcast_to(expected, table.shape)).all(), (ks, kt)
