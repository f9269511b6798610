"""Bead scores over the band: impossible cells are NEG, a bead of matching paragraphs wins."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import band_centres
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, NEG
from reader.core.align.scores import score_band


def test_matching_paragraphs_score_best_on_the_diagonal() -> None:
    n = 12
    # paragraph i of either side is word i: each matches its counterpart and nothing else
    vec = sp.csr_matrix(np.eye(n, dtype=np.float32))
    lengths = np.full(n, 50.0, np.float32)
    pb = Problem(n, n, vec, vec, lengths, lengths, np.zeros(n, np.float32),
                 np.zeros(n, np.float32))
    centre = band_centres(n, n, None)
    half = 4
    scores, _ = score_band(pb, centre, half, DEFAULT_PARAMS, MATCH_TYPES)
    assert set(scores) == set(MATCH_TYPES)
    one = scores[(1, 1)]
    assert np.all(one[0] == NEG)  # no bead ends before the first paragraph
    for i in range(1, n + 1):
        assert int(np.argmax(one[i])) == half  # the cell where j = i
    # a 2:2 bead cannot end on row 1
    assert np.all(scores[(2, 2)][1] == NEG)
