"""IBM Model 1's triples and EM rounds as first written (main 3442025): the reference the faster
reader.core.align.model_one must match bit for bit."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from reader.core.align.model_one import Triples, _frequent, _ragged_arange


def triples(
    xa: sp.csr_matrix, xe: sp.csr_matrix, min_count: int, known: sp.csr_matrix, support: int = 1
) -> Triples:
    xa, xe = _frequent(xa, min_count), _frequent(xe, min_count)
    co = (xa.T.tocsr() @ xe).tocsr()
    co.sort_indices()
    lexical = _known_at(co, known)
    wanted = (co.data >= support) | lexical
    by_word = xa.tocsc()
    by_word.sort_indices()
    per = np.diff(xe.indptr)[by_word.indices]
    slot = _ragged_arange(xe.indptr[by_word.indices].astype(np.int64), per)
    src = np.repeat(np.repeat(np.arange(xa.shape[1]), np.diff(by_word.indptr)), per)
    at = _cells_of(co, src, xe.indices[slot])
    number = np.cumsum(wanted) - 1
    keep = wanted[at]
    co_src = np.repeat(np.arange(co.shape[0], dtype=np.int64), np.diff(co.indptr))
    return Triples(number[at[keep]], slot[keep], co_src[wanted],
                   co.indices[wanted].astype(np.int64), co.data[wanted].astype(np.int64),
                   lexical[wanted], int(xe.indptr[-1]), xa.shape[1])


def _known_at(co: sp.csr_matrix, known: sp.csr_matrix) -> np.ndarray:
    # as first written: the cells of co's copy numbered, multiplied by known's nonzeros
    hit = co.copy()
    hit.data = np.arange(1, len(co.data) + 1, dtype=np.float64)
    found = hit.multiply(known != 0).tocsr()
    out = np.zeros(len(co.data), dtype=bool)
    out[(found.data - 1).astype(np.int64)] = True
    return out


def _cells_of(co: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    # a plain binary search: the position of (row, col) among co's sorted cells
    keys = np.repeat(np.arange(co.shape[0], dtype=np.int64), np.diff(co.indptr)) * co.shape[1]
    keys += co.indices
    return np.searchsorted(keys, rows.astype(np.int64) * co.shape[1] + cols)


def train(tr: Triples, prior: np.ndarray, iterations: int, null_share: float) -> np.ndarray:
    word, pair, slot = tr.src, tr.pair, tr.slot
    t = np.ones(len(word), dtype=np.float64) + prior
    t /= np.bincount(word, t, minlength=tr.n_src)[word]
    for _ in range(iterations):
        w = t[pair]
        share = 1.0 / (np.bincount(slot, w, minlength=tr.n_slots) + null_share)
        w *= share[slot]
        counts = np.bincount(pair, w, minlength=len(t)) + prior
        t = counts / np.bincount(word, counts, minlength=tr.n_src)[word]
    return t
