"""Word pairs a pair teaches about itself: stems that keep turning up together in its beads."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

# A pair is learnt when the two words share at least this many beads, with at least this Dice
# coefficient, at least twice as often as chance would put them together; each word keeps its
# few best partners.
MIN_COUNT = 2
MIN_DICE = 0.3
TOP = 3


def learn_pairs(
    src_words: Sequence[Sequence[str]], tgt_words: Sequence[Sequence[str]]
) -> dict[str, frozenset[str]]:
    """For each source word (of `src_words`, one list per bead), the target words (of
    `tgt_words`, the same beads) it keeps meeting: the translation the lexicon may lack
    (archaic or technical vocabulary, a translator's habits)."""
    if len(src_words) != len(tgt_words) or len(src_words) < 8:
        return {}
    xa, a_vocab = _presence(src_words)
    xe, e_vocab = _presence(tgt_words)
    co = (xa.T @ xe).tocoo()
    ca = np.asarray(xa.sum(axis=0)).ravel()
    ce = np.asarray(xe.sum(axis=0)).ravel()
    c = co.data
    dice = 2 * c / (ca[co.row] + ce[co.col])
    expected = ca[co.row] * ce[co.col] / len(src_words)
    keep = (c >= MIN_COUNT) & (dice >= MIN_DICE) & (c >= 2 * expected)
    rows, cols, vals = co.row[keep], co.col[keep], dice[keep]
    out: dict[str, list[tuple[float, str]]] = {}
    for r, col, v in zip(rows.tolist(), cols.tolist(), vals.tolist(), strict=True):
        out.setdefault(a_vocab[r], []).append((v, e_vocab[col]))
    return {a: frozenset(e for _, e in sorted(pairs, reverse=True)[:TOP])
            for a, pairs in out.items()}


def _presence(rows: Sequence[Sequence[str]]) -> tuple[sp.csc_matrix, list[str]]:
    index: dict[str, int] = {}
    r_idx: list[int] = []
    c_idx: list[int] = []
    for r, words in enumerate(rows):
        for w in set(words):
            r_idx.append(r)
            c_idx.append(index.setdefault(w, len(index)))
    m = sp.csr_matrix(
        (np.ones(len(r_idx), dtype=np.float32), (r_idx, c_idx)), shape=(len(rows), len(index))
    )
    return m.tocsc(), list(index)
