"""The band's scores from shared terms, and the dot band from windows of each sparse product,
equal bit for bit what scoring each bead type and copying each row alone gave."""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from reader.core.align.band import band_centres, dot_band
from reader.core.align.model import Model, Problem, RowModels, SelfDots
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, UNIT_TYPES
from reader.core.align.scores import bead_scores
from tests.core.align import scores_reference as reference


def _vectors(draw: st.DrawFn, rows: int, words: int) -> sp.csr_matrix:
    dense = draw(arrays(np.float32, (rows, words),
                        elements=st.sampled_from([0.0, 0.0, 0.0, 1.0, 0.5, 2.25, 0.1])))
    matrix = sp.csr_matrix(dense)
    if draw(st.booleans()):
        # a product's rows keep their terms out of order: the dots must add them in that order
        data, indices = matrix.data.copy(), matrix.indices.copy()
        for r in range(rows):
            row = slice(matrix.indptr[r], matrix.indptr[r + 1])
            data[row], indices[row] = data[row][::-1], indices[row][::-1]
        matrix = sp.csr_matrix((data, indices, matrix.indptr), shape=matrix.shape)
    return matrix


@st.composite
def bands(draw: st.DrawFn) -> tuple[Any, ...]:
    n = draw(st.integers(1, 30))
    m = draw(st.integers(1, 30))
    words = draw(st.integers(1, 8))
    half = draw(st.integers(1, m + 4))
    if draw(st.booleans()):
        centre = band_centres(n, m, None)
    else:
        centre = np.array(sorted(draw(st.lists(st.integers(0, m), min_size=n + 1,
                                               max_size=n + 1))), dtype=np.int64)
    lengths = st.sampled_from([1.0, 3.0, 40.0, 250.0, 7.5])
    pb = Problem(n, m, _vectors(draw, n, words), _vectors(draw, m, words),
                 draw(arrays(np.float32, (n,), elements=lengths)),
                 draw(arrays(np.float32, (m,), elements=lengths)),
                 np.zeros(n, np.float32), np.zeros(m, np.float32))
    types = draw(st.sampled_from([[(1, 1)], MATCH_TYPES, UNIT_TYPES, [(2, 2), (1, 3)]]))
    one = Model(
        ratio=draw(st.sampled_from([1.0, 0.8, 1.3])),
        variance=draw(st.sampled_from([6.8, 1.0, 40.0])),
        chance=draw(st.sampled_from([0.0, 0.05, 0.2])),
        threshold=draw(st.sampled_from([0.1, 0.0, 0.3])))
    model: Model | RowModels = one
    if draw(st.booleans()):  # one model per row, as the batch scores its problems
        other = Model(1.1, 3.0, 0.1, 0.25)
        rows = np.array(draw(st.lists(st.integers(0, 1), min_size=n + 1, max_size=n + 1)))
        model = RowModels.of([one, other], [pb.src_len, pb.src_len[::-1]],
                             [pb.tgt_len, pb.tgt_len[::-1]], rows)
    return pb, centre, half, types, model


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bands())
def test_scores_match_the_reference(case: Any) -> None:
    pb, centre, half, types, model = case
    dot_half = half + 8
    dots = dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    want_dots = reference.dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    assert dots.tobytes() == want_dots.tobytes()
    src_self = SelfDots.of(pb.src_vec, max(ks for ks, _ in types))
    tgt_self = SelfDots.of(pb.tgt_vec, max(kt for _, kt in types))
    got = bead_scores(pb, centre, half, dots, dot_half, src_self, tgt_self, model,
                      DEFAULT_PARAMS, types)
    want = reference.bead_scores(pb, centre, half, dots, dot_half, src_self, tgt_self, model,
                                 DEFAULT_PARAMS, types)
    assert got.keys() == want.keys()
    for t in want:
        assert got[t].tobytes() == want[t].tobytes(), t


def test_a_long_band_in_many_blocks_matches_the_reference() -> None:
    rng = np.random.default_rng(7)
    n, m, words = 3000, 2600, 60
    dense = lambda rows: np.where(rng.random((rows, words)) < 0.1,  # noqa: E731
                                  rng.random((rows, words)), 0.0).astype(np.float32)
    pb = Problem(n, m, sp.csr_matrix(dense(n)), sp.csr_matrix(dense(m)),
                 rng.integers(1, 300, n).astype(np.float32),
                 rng.integers(1, 300, m).astype(np.float32),
                 np.zeros(n, np.float32), np.zeros(m, np.float32))
    centre = band_centres(n, m, None)
    half = 40
    dots = dot_band(pb.src_vec, pb.tgt_vec, centre, half + 8)
    assert dots.tobytes() == reference.dot_band(pb.src_vec, pb.tgt_vec, centre,
                                                half + 8).tobytes()
    model = Model(0.9, 6.0, 0.05, 0.15)
    selfs = SelfDots.of(pb.src_vec, 4), SelfDots.of(pb.tgt_vec, 4)
    got = bead_scores(pb, centre, half, dots, half + 8, *selfs, model, DEFAULT_PARAMS,
                      UNIT_TYPES)
    want = reference.bead_scores(pb, centre, half, dots, half + 8, *selfs, model,
                                 DEFAULT_PARAMS, UNIT_TYPES)
    for t in want:
        assert got[t].tobytes() == want[t].tobytes(), t
