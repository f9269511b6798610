"""The words' product with the translation made transposed (projection.projected) is scipy's
product with each row's columns in order, the same floats bit for bit, whatever the tables."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.projection import projected, vectors
from reader.core.align.space import Space

# weights as the vector space makes them, and values whose sums round differently by order
VALUES = np.array([1.0, 0.5, 2.25, 0.1, 0.3333, 7.0, 1e-30, 3e-39, 1e7, 0.0], dtype=np.float32)


def _random(rng: np.random.Generator, rows: int, cols: int, density: float,
            values: np.ndarray, shuffle: bool) -> sp.csr_matrix:
    dense = np.where(rng.random((rows, cols)) < density,
                     rng.choice(values, size=(rows, cols)), 0).astype(np.float32)
    m = sp.csr_matrix(dense)
    if shuffle:  # a product's rows keep their columns in the order it met them
        for r in range(rows):
            row = slice(m.indptr[r], m.indptr[r + 1])
            perm = rng.permutation(row.stop - row.start)
            m.data[row], m.indices[row] = m.data[row][perm], m.indices[row][perm]
        m = sp.csr_matrix((m.data, m.indices, m.indptr), shape=m.shape)
    return m


def _reference(words: sp.csr_matrix, translation: sp.csr_matrix) -> sp.csr_matrix:
    product = words @ translation
    product.sort_indices()
    return product


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000), rows=st.integers(0, 40), words=st.integers(1, 30),
       cols=st.integers(1, 30), shuffle=st.booleans())
def test_the_product_is_scipys_in_order(seed: int, rows: int, words: int, cols: int,
                                         shuffle: bool) -> None:
    rng = np.random.default_rng(seed)
    presence = _random(rng, rows, words, 0.3, np.array([1.0], dtype=np.float32), shuffle)
    translation = _random(rng, words, cols, 0.4, VALUES, shuffle)
    got, want = projected(presence, translation), _reference(presence, translation)
    assert got.shape == want.shape
    got.sort_indices()  # (unsorted input: scipy's own product, sorted here as minimum does)
    assert np.array_equal(got.indptr, want.indptr)
    assert np.array_equal(got.indices, want.indices)
    assert got.data.tobytes() == want.data.tobytes()


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), rows=st.integers(1, 30), words=st.integers(1, 20),
       cols=st.integers(1, 20))
def test_the_vectors_are_those_of_the_plain_product(seed: int, rows: int, words: int,
                                                     cols: int) -> None:
    rng = np.random.default_rng(seed)
    presence = _random(rng, rows, words, 0.3, np.array([1.0], dtype=np.float32), False)
    keys = _random(rng, rows, cols, 0.1, np.array([1.0], dtype=np.float32), False)
    tgt = _random(rng, rows, cols, 0.3, np.array([1.0], dtype=np.float32), False)
    translation = _random(rng, words, cols, 0.4, VALUES, False)
    weights = rng.choice(VALUES, size=cols).astype(np.float32)
    space = Space(presence, keys, tgt, weights, [f"w{k}" for k in range(words)], {}, cols)
    got = vectors(space, translation)
    w = sp.diags(weights)
    projected = (presence @ translation).minimum(1) + keys
    want = ((projected.minimum(1) @ w).tocsr(), (tgt @ w).tocsr())
    for a, b in zip(got, want, strict=True):
        assert np.array_equal(a.indptr, b.indptr)
        assert np.array_equal(a.indices, b.indices)
        assert a.data.tobytes() == b.data.tobytes()
