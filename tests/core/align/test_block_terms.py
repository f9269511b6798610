"""The band scorer's formulas with reused temporaries equal the formulas as written, bit for bit."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from reader.core.align.block_terms import bead_score, length_term, lexical_term
from reader.core.align.model import Model, length_logprob
from reader.core.align.params import DEFAULT_PARAMS

_LENGTHS = st.sampled_from([0.0, 1.0, 3.0, 7.5, 40.0, 250.0, 1e4, 3e6])
_FLOATS = st.floats(-1e3, 1e3, allow_nan=False, width=32)


@st.composite
def _shape(draw: st.DrawFn) -> tuple[int, int]:
    return draw(st.integers(0, 6)), draw(st.integers(1, 9))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_length_term_is_length_logprob(data: st.DataObject) -> None:
    rows, width = data.draw(_shape())
    ls = data.draw(arrays(np.float32, (rows, 1), elements=_LENGTHS))
    lt = data.draw(arrays(np.float32, (rows, width), elements=_LENGTHS))
    model = Model(ratio=data.draw(st.sampled_from([1.0, 0.8, 1.748, 0.05])),
                  variance=data.draw(st.sampled_from([6.8, 1.0, 40.0, 1e-3])),
                  chance=0.1, threshold=0.2)
    want = length_logprob(ls, lt, model, DEFAULT_PARAMS)
    got = length_term(ls, lt, lt / model.ratio, model, DEFAULT_PARAMS)
    assert got.dtype == want.dtype
    assert got.tobytes() == want.tobytes()


def test_length_term_far_beyond_the_table() -> None:
    ls = np.array([[1.0], [5e5]], dtype=np.float32)
    lt = np.array([[1.0, 2e5, 3.0], [1.0, 5e5, 9e5]], dtype=np.float32)
    model = Model(1.1, 6.8, 0.1, 0.2)
    want = length_logprob(ls, lt, model, DEFAULT_PARAMS)
    assert length_term(ls, lt, lt / 1.1, model, DEFAULT_PARAMS).tobytes() == want.tobytes()


def test_length_term_with_a_model_per_row_is_length_logprob() -> None:
    class Rows:
        ratio = np.array([[1.2], [0.7]], dtype=np.float32)
        variance = np.array([[6.8], [3.0]], dtype=np.float32)

    ls = np.array([[10.0], [30.0]], dtype=np.float32)
    lt = np.array([[12.0, 4.0], [20.0, 90.0]], dtype=np.float32)
    want = length_logprob(ls, lt, Rows(), DEFAULT_PARAMS)
    got = length_term(ls, lt, lt / Rows.ratio, Rows(), DEFAULT_PARAMS)
    assert got.tobytes() == want.tobytes()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_lexical_term_is_the_formula(data: st.DataObject) -> None:
    rows, width = data.draw(_shape())
    dot = data.draw(arrays(np.float32, (rows, width), elements=_FLOATS))
    own_type = data.draw(st.sampled_from([np.float64, np.float32]))
    own = data.draw(arrays(own_type, (rows, 1), elements=st.floats(0, 1e4, width=32)))
    other = data.draw(arrays(np.float64, (rows, width), elements=st.floats(0, 1e4)))
    weight = data.draw(st.one_of(
        arrays(np.float32, (rows, 1), elements=st.floats(0, 50, width=32)),
        arrays(np.float64, (rows, 1), elements=st.floats(0, 50))))
    threshold = data.draw(st.one_of(st.sampled_from([0.0, 0.1, 0.3]),
                                    arrays(np.float64, (rows, 1), elements=st.floats(0, 1))))
    want = weight * (dot / np.sqrt(np.maximum(own * other, 1e-12)) - threshold)
    got = lexical_term(dot, own, other, weight, threshold)
    assert got.dtype == want.dtype
    assert got.tobytes() == want.tobytes()


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_bead_score_is_the_formula(data: st.DataObject) -> None:
    rows, width = data.draw(_shape())
    evidence = data.draw(arrays(np.float32, (rows, width), elements=_FLOATS))
    length = data.draw(arrays(np.float32, (rows, width), elements=_FLOATS))
    prior = data.draw(st.sampled_from([-0.3, -2.5, 0.0]))
    lexical = data.draw(st.sampled_from([1.0, 2.0, 0.75]))
    weight = data.draw(st.sampled_from([1.0, 0.5, np.float64(0.5)]))
    want = np.empty((rows, width), np.float32)
    want[...] = prior + lexical * evidence + weight * length
    got = np.empty((rows, width), np.float32)
    bead_score(got, prior, lexical, evidence.copy(), weight, length.copy())
    assert got.tobytes() == want.tobytes()


def test_lexical_term_of_a_sum_of_nothing_is_the_formula() -> None:
    own = np.array([[2.0], [0.0]])
    other = np.array([[1.0, 4.0], [0.5, 0.0]])
    weight = np.array([[3.0], [1.5]], dtype=np.float32)
    want = weight * (0 / np.sqrt(np.maximum(own * other, 1e-12)) - 0.2)
    assert lexical_term(0, own, other, weight, 0.2).tobytes() == want.tobytes()
