"""Many small problems' vector spaces, side by side, built in one go (what `batch` aligns)."""

# `batch.align_sides_batch` gives each problem the space `space.pair_space` makes for it alone:
# its own vocabulary, idf over its own segments, lexicon and names. Built problem by problem,
# with scipy's matrices, vectors and a block diagonal of hundreds of small matrices, the fixed
# cost of each sparse operation was most of it (0.76 s of CPU for 294 problems on the large
# bench case). Here each problem's columns, idf weights and translation entries are worked out
# in Python as before, offset into one shared numbering, and the matrices are built and
# multiplied once: the same values, entry for entry, as the problem-by-problem build.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from reader.core.align.params import AlignerParams
from reader.core.align.space import (
    Side,
    Space,
    identity_pairs,
    idf_weights,
    lexicon_pairs,
    name_pairs,
    read_as_written,
    side_slice,
    stem_translations,
    vectors,
    vocabulary,
)
from reader.core.anchors.lexicon import Lexicon

if TYPE_CHECKING:
    from reader.core.align.batch import Block


def block_vectors(
    src: Side, tgt: Side, blocks: Sequence[Block], lexicon: Lexicon | None, params: AlignerParams
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Each problem's vectors in the space `align_segments` makes for it alone (vocabulary,
    idf over its own segments, lexicon and names), side by side: two problems share no column,
    so a dot product across them is zero."""
    src_word_rows: list[list[int]] = []
    src_key_rows: list[list[int]] = []
    tgt_rows: list[list[int]] = []
    weights: list[np.ndarray] = []
    t_rows: list[int] = []
    t_cols: list[int] = []
    t_data: list[float] = []
    a_off = d_off = 0  # where the problem's source words and its columns start
    for b in blocks:
        one_src, one_tgt = side_slice(src, b.i0, b.i1), side_slice(tgt, b.j0, b.j1)
        vocab = vocabulary(one_src, one_tgt)
        n_cols = vocab.n_columns
        # a paragraph's columns as `space._presence` keeps them: each once, in order
        src_word_rows += [[a_off + c for c in sorted(set(r))] for r in vocab.src_word_rows]
        keys = [sorted(set(r)) for r in vocab.src_key_rows]
        tgt_here = [sorted(set(r)) for r in vocab.tgt_rows]
        src_key_rows += [[d_off + c for c in r] for r in keys]
        tgt_rows += [[d_off + c for c in r] for r in tgt_here]
        # document frequencies as float32, as the column sums of the presence matrices give them
        df = np.zeros(n_cols, dtype=np.float32)
        for present in (tgt_here, keys):
            flat = [c for r in present for c in r]
            if flat:
                df += np.bincount(flat, minlength=n_cols).astype(np.float32)
        weights.append(idf_weights(df, len(tgt_here) + len(keys)))
        if lexicon is None:
            rows, cols = identity_pairs(vocab)
            data = [1.0] * len(rows)
        else:
            translations = stem_translations(vocab, one_src, lexicon)
            rows, cols = lexicon_pairs(vocab, translations)
            data = [1.0] * len(rows)
            n_rows, n_cols_, n_data = name_pairs(
                vocab, one_src, one_tgt, translations, params.name_threshold,
                read_as_written(vocab, one_src, lexicon),
            )
            rows, cols, data = rows + n_rows, cols + n_cols_, data + n_data
        t_rows += [a_off + r for r in rows]
        t_cols += [d_off + c for c in cols]
        t_data += data
        a_off += len(vocab.src_vocab)
        d_off += n_cols
    space = Space(
        src_words=_rows_matrix(src_word_rows, a_off),
        src_keys=_rows_matrix(src_key_rows, d_off),
        tgt=_rows_matrix(tgt_rows, d_off),
        weights=np.concatenate(weights) if weights else np.zeros(0, dtype=np.float32),
        src_vocab=[], tgt_vocab={}, n_tgt_words=0,  # not read by `vectors`
    )
    # entries a problem's translation holds twice (a name and a lexicon entry) add up, as
    # they do there; any sum reaches 1, where `vectors` clips
    translation = sp.csr_matrix(
        (np.array(t_data, dtype=np.float32), (t_rows, t_cols)), shape=(a_off, d_off)
    )
    src_vec, tgt_vec = vectors(space, translation)
    src_vec.sort_indices()
    tgt_vec.sort_indices()
    return src_vec, tgt_vec


def _rows_matrix(rows: Sequence[list[int]], n_cols: int) -> sp.csr_matrix:
    """Presence (1.0) at the given columns of each row, already distinct and ascending."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))
