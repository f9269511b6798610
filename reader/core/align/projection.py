"""The space's vectors: each side's paragraphs (or units) as weighted rows of the target's
word and key space, the source's words carried there by a translation matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import scipy.sparse as sp

    from reader.core.align.space import Space
else:  # imported on first use (align.sparse_import.LazySparse)
    from reader.core.align.sparse_import import lazy_sparse as sp


def vectors(space: Space, translation: sp.csr_matrix) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """The source's rows (its words carried by `translation`, with its keys) and the target's,
    each capped at 1 and weighted by the space's weights."""
    src = projected(space.src_words, translation).minimum(1) + space.src_keys
    w = sp.diags(space.weights)
    return (src.minimum(1) @ w).tocsr(), (space.tgt @ w).tocsr()


def projected(words: sp.csr_matrix, translation: sp.csr_matrix) -> sp.csr_matrix:
    """`words @ translation`, each row's columns in order. scipy's product leaves them in the
    order it met them, and sorting them (`minimum` does) cost more than the product (the
    sentence pass's ~13,700 units: ~10 ms). The transposed product's rows, transposed back,
    come in order; each cell adds the same terms in the same order (the words of a row in
    order: `words` canonical), so the sums are the same floats."""
    if not (words.has_canonical_format and translation.dtype == words.dtype):
        return words @ translation
    return (translation.T.tocsr() @ words.T.tocsr()).T.tocsr()
