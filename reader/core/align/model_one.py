"""Word pairs learnt from the pair's own aligned beads by IBM Model 1, the lexicon as its prior."""

# Dice over co-occurrence pairs a word with whatever keeps turning up beside it, so a frequent
# word's neighbours are credited with it too. Model 1 (Brown et al. 1993; used to align sentences
# by Moore 2002) shares each target word of a bead out among the bead's source words (and a null
# word) in proportion to how well each translates it, a few EM rounds over the beads: a word the
# lexicon already explains no longer lends its company to the words beside it. Everything runs on
# flat arrays of (bead, source word, target word) triples: a round is a few gathers and bincounts.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.params import AlignerParams
from reader.core.align.space import Space, learnt_matrix


@dataclass(slots=True)
class Triples:
    """Every (source word, target word) meeting in a bead, over the words met in `min_count`
    beads or more: `pair` numbers the distinct pairs (`src`, `tgt` give their words), `slot`
    the (bead, target word) cell the triple explains (cells numbered 0..n_slots-1)."""

    pair: np.ndarray
    slot: np.ndarray
    src: np.ndarray
    tgt: np.ndarray
    met: np.ndarray  # beads each pair meets in
    known: np.ndarray  # whether the lexicon has the pair
    n_slots: int
    n_src: int


@dataclass(slots=True)
class SpaceWords:
    """What Model 1 reads of the vector space (reader.core.align.space.Space): each source
    paragraph's words, each target paragraph's words (not its anchor keys), and the shape of
    the pairs it learns. A few MB, pickled to a second process (align.learnt_process)."""

    src_words: sp.csr_matrix  # n x |A|
    tgt_words: sp.csr_matrix  # m x the target's words
    shape: tuple[int, int]  # source words x all the space's columns

    @classmethod
    def of(cls, space: Space) -> SpaceWords:
        return cls(space.src_words, space.tgt[:, : space.n_tgt_words],
                   (len(space.src_vocab), space.weights.shape[0]))


BeadWords = tuple[tuple[int, ...], tuple[int, ...]]  # a bead's source and target paragraphs


def bead_words(
    words: SpaceWords, beads: Sequence[BeadWords]
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Each bead's source words and target words (presence, one row per bead)."""
    n_b = len(beads)

    def rows(units: list[tuple[int, ...]], n_cols: int) -> sp.csr_matrix:
        lengths = [len(u) for u in units]
        cols = np.concatenate(units) if units else np.zeros(0, np.int64)
        return sp.csr_matrix(
            (np.ones(len(cols), dtype=np.float32),
             (np.repeat(np.arange(n_b), lengths), cols)),
            shape=(n_b, n_cols),
        )

    bs = rows([s for s, _ in beads], words.src_words.shape[0])
    bt = rows([t for _, t in beads], words.tgt_words.shape[0])
    xa = (bs @ words.src_words).minimum(1).tocsr()
    xe = (bt @ words.tgt_words).minimum(1).tocsr()
    xa.sort_indices()
    xe.sort_indices()
    return xa, xe


def _ragged_arange(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """starts[k], starts[k]+1, ..., starts[k]+lengths[k]-1 for every k, concatenated."""
    total = int(lengths.sum())
    ends = np.cumsum(lengths)
    out = np.arange(total, dtype=np.int64)
    out += np.repeat(starts - (ends - lengths), lengths)  # in place: one array fewer
    return out


def _frequent(x: sp.csr_matrix, min_count: int) -> sp.csr_matrix:
    """`x` with only the columns present in `min_count` rows or more (the others zero)."""
    df = np.bincount(x.indices, minlength=x.shape[1])
    keep = df[x.indices] >= min_count
    row = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    indptr = np.r_[0, np.cumsum(np.bincount(row[keep], minlength=x.shape[0]))]
    return sp.csr_matrix((x.data[keep], x.indices[keep], indptr), shape=x.shape)


def triples(
    xa: sp.csr_matrix, xe: sp.csr_matrix, min_count: int, known: sp.csr_matrix, support: int = 1
) -> Triples:
    """The triples of the beads whose words are `xa` (source) and `xe` (target), over the words
    met in `min_count` beads or more and the pairs met in `support` beads or more or `known`
    (nonzero there)."""
    xa, xe = _frequent(xa, min_count), _frequent(xe, min_count)
    # beads per (source word, target word): made target by source and turned, as turning a
    # matrix lays each row's cells out in order, cheaper than sorting the product's rows
    co = (xe.T.tocsr() @ xa).T.tocsr()
    lexical = _known_at(co, known)
    wanted = (co.data >= support) | lexical
    # source word by source word (the beads each is in, then their target words), so that the
    # look-ups of one word's pairs stay within its row of `co`
    by_word = xa.tocsc()
    by_word.sort_indices()
    per = np.diff(xe.indptr)[by_word.indices]
    slot = _ragged_arange(xe.indptr[by_word.indices].astype(np.int64), per)
    src = np.repeat(np.repeat(np.arange(xa.shape[1]), np.diff(by_word.indptr)), per)
    at = _cells_of(co, src, xe.indices[slot])
    del src
    co_src = np.repeat(np.arange(co.shape[0], dtype=np.int64), np.diff(co.indptr))
    if wanted.all():  # every pair kept (support 1, the default): the pairs are co's cells
        return Triples(at, slot, co_src, co.indices.astype(np.int64),
                       co.data.astype(np.int64), lexical, int(xe.indptr[-1]), xa.shape[1])
    number = np.cumsum(wanted) - 1
    keep = wanted[at]
    return Triples(number[at[keep]], slot[keep], co_src[wanted],
                   co.indices[wanted].astype(np.int64), co.data[wanted].astype(np.int64),
                   lexical[wanted], int(xe.indptr[-1]), xa.shape[1])


# cells of the look-up table `_cells_of` fills at a time (int32: 4 MB; reads from a table of
# 16 MB took twice as long, most of them missing the cache)
_TABLE_CELLS = 1 << 20


def _cells_of(co: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The position among `co`'s stored cells of each cell (rows[k], cols[k]), every one of
    them stored; `rows` ascending. A dense table over a block of rows at a time: a look-up
    is one read, not a binary search through all the cells."""
    width = max(1, co.shape[1])
    block = max(1, _TABLE_CELLS // width)
    out = np.empty(len(rows), dtype=np.int64)
    table = np.empty(block * width, dtype=np.int32)
    starts = np.searchsorted(rows, np.arange(0, co.shape[0] + block, block))
    for k in range(len(starts) - 1):
        r0, r1 = k * block, min(co.shape[0], (k + 1) * block)
        if starts[k] == starts[k + 1]:
            continue
        lo, hi = co.indptr[r0], co.indptr[r1]
        cell_rows = np.repeat(np.arange(r1 - r0), np.diff(co.indptr[r0 : r1 + 1]))
        table[cell_rows * width + co.indices[lo:hi]] = np.arange(lo, hi, dtype=np.int32)
        s0, s1 = starts[k], starts[k + 1]
        out[s0:s1] = table[(rows[s0:s1] - r0) * width + cols[s0:s1]]
    return out


def _known_at(co: sp.csr_matrix, known: sp.csr_matrix) -> np.ndarray:
    """Whether `known` is nonzero at each stored cell of `co` (a sorted CSR matrix without
    duplicates; `known` CSR of the same shape). Each of `known`'s few cells is looked up
    among `co`'s (by row and column, both ascending): no copy of `co`, no elementwise product."""
    if known.shape != co.shape:
        raise ValueError(f"the known pairs' shape {known.shape} is not the pairs' {co.shape}")
    if not known.has_canonical_format:  # duplicates count as their sum, as known != 0 has it
        known = known.copy()
        known.sum_duplicates()
    width = max(1, co.shape[1])
    cells = np.repeat(np.arange(co.shape[0], dtype=np.int64) * width, np.diff(co.indptr))
    cells += co.indices
    nonzero = known.data != 0
    keys = np.repeat(np.arange(known.shape[0], dtype=np.int64) * width,
                     np.diff(known.indptr))[nonzero]
    keys += known.indices[nonzero]
    at = np.searchsorted(cells, keys)
    at = at[at < len(cells)]
    out = np.zeros(len(cells), dtype=bool)
    out[at[cells[at] == keys[: len(at)]]] = True
    return out


def train(
    tr: Triples, prior: np.ndarray, iterations: int, null_share: float
) -> np.ndarray:
    """t(target | source) for every distinct pair of `tr`, after `iterations` EM rounds of
    Model 1; `prior` (one per pair) is added to the expected counts of each round (the
    lexicon's pairs get it); the null word explains a target word with weight `null_share`
    against a bead's source words."""
    pair, slot = tr.pair, tr.slot
    # the pairs come word by word (`src` ascending): a word's sum is one of consecutive cells
    words = _Runs(np.bincount(tr.src, minlength=tr.n_src))
    t = np.ones(len(tr.src), dtype=np.float64) + prior
    t /= words.spread(words.sums(t))
    # each round's weights go into the same array (one per triple), and so do the shares taken
    # to them: a fresh one would cost its pages again every round, and the last round's would
    # still be held while it is made. Indices are valid: "clip" only spares take its checks
    w = np.empty(len(pair))
    shares = np.empty(len(pair))
    for _ in range(iterations):
        t.take(pair, out=w, mode="clip")
        share = 1.0 / (np.bincount(slot, w, minlength=tr.n_slots) + null_share)
        w *= share.take(slot, out=shares, mode="clip")
        # (float64 already, but for no triples at all: bincount of nothing counts in integers)
        counts = np.bincount(pair, w, minlength=len(t)).astype(np.float64, copy=False)
        counts += prior  # in place, as the division below: the same values, fewer pages
        t = np.divide(counts, words.spread(words.sums(counts)), out=counts)
    return t


class _Runs:
    """Consecutive runs of cells, `lengths[k]` cells the k-th (a few thousand long: a source
    word's pairs): the sum of each run, added in order from 0.0 as np.bincount adds (the same
    bits; np.add.reduceat adds pairwise), five times faster than bincount (one product of a
    sparse column by 1: no look-up of each cell's run, no pass for their range), and a value
    per run spread over its cells (np.repeat: faster than a look-up, for long runs only)."""

    def __init__(self, lengths: np.ndarray) -> None:
        self.lengths = lengths
        total = int(lengths.sum())
        # int32 as scipy would make them (with one of them int64, it copies both at every
        # product)
        index = np.int32 if total < np.iinfo(np.int32).max else np.int64
        self.ptr = np.zeros(len(lengths) + 1, dtype=index)
        np.cumsum(lengths, out=self.ptr[1:])
        self.column = np.zeros(total, dtype=index)
        self.one = np.ones(1)

    def sums(self, values: np.ndarray) -> np.ndarray:
        """The sum of each run of `values` (float64, one per cell)."""
        runs = sp.csr_matrix((values, self.column, self.ptr), shape=(len(self.lengths), 1),
                             copy=False)
        return np.asarray(runs @ self.one, dtype=np.float64)

    def spread(self, per_run: np.ndarray) -> np.ndarray:
        """`per_run[k]` in each cell of the k-th run."""
        return np.repeat(per_run, self.lengths)


def model_one_matrix(
    space: Space, beads: Sequence[Bead], lexicon: sp.csr_matrix, params: AlignerParams
) -> sp.csr_matrix:
    """Word pairs Model 1 finds in the confident matching beads, valued by t(target | source)
    scaled by `params.model_one_scale` (at most 1); only pairs met in `params.learn_min_count`
    beads or more, with t at least `params.model_one_min`, each source word's best
    `params.learn_top`. `lexicon`: the translation known already (source stems by all columns),
    the prior."""
    return model_one_of_words(SpaceWords.of(space), matching_beads(beads, params),
                              lexicon[:, : space.n_tgt_words], params)


def matching_beads(beads: Sequence[Bead], params: AlignerParams) -> list[BeadWords]:
    """The beads Model 1 learns from, as (source, target) paragraph tuples: the confident
    matching ones, at most `params.model_one_max_beads` of them evenly spread."""
    match = [b for b in beads if b.src and b.tgt and b.confidence >= params.model_one_confidence]
    return [(b.src, b.tgt) for b in evenly_spread(match, params.model_one_max_beads)]


def model_one_of_words(
    words: SpaceWords, match: Sequence[BeadWords], lex: sp.csr_matrix, params: AlignerParams
) -> sp.csr_matrix:
    """`model_one_matrix` on what it reads of the space, the beads it learns from
    (`matching_beads`) and the lexicon's target word columns `lex`: all a second process
    needs (align.learnt_process)."""
    shape = words.shape
    if len(match) < 8:
        return sp.csr_matrix(shape, dtype=np.float32)
    xa, xe = bead_words(words, match)
    tr = triples(xa, xe, params.learn_min_count, lex, params.model_one_support)
    if not len(tr.src):
        return sp.csr_matrix(shape, dtype=np.float32)
    prior = params.model_one_prior * tr.known
    t = train(tr, prior, params.model_one_iterations, params.model_one_null)
    picked = _best(tr, tr.src, t, params)
    data = np.minimum(1.0, t[picked] * params.model_one_scale).astype(np.float32)
    return sp.csr_matrix((data, (tr.src[picked], tr.tgt[picked])), shape=shape)


def evenly_spread(items: Sequence[Bead], most: int) -> list[Bead]:
    """`items` if there are at most `most`, else `most` of them taken at even steps (the same
    for the same input)."""
    if len(items) <= most:
        return list(items)
    step = len(items) / most
    return [items[int(k * step)] for k in range(most)]


def _best(tr: Triples, word: np.ndarray, t: np.ndarray, params: AlignerParams) -> np.ndarray:
    """Which pairs are among the best `params.learn_top` of their `word` (by `t`) of those
    sure enough and met often enough, and not known already."""
    able = np.flatnonzero((t >= params.model_one_min) & (tr.met >= params.learn_min_count))
    order = able[np.lexsort((-t[able], word[able]))]  # by word, the best first
    starts = np.r_[0, np.flatnonzero(np.diff(word[order])) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    picked = np.zeros(len(t), dtype=bool)
    picked[order[rank < params.learn_top]] = True
    return picked & ~tr.known


def learnt_pairs(
    space: Space, beads: Sequence[Bead], lexicon: sp.csr_matrix, params: AlignerParams
) -> sp.csr_matrix:
    """The word pairs the sentence pass adds to `lexicon` (the translation known already):
    Model 1's if `params.model_one`, else Dice's (reader.core.align.space.learnt_matrix)."""
    if params.model_one:
        return model_one_matrix(space, beads, lexicon, params)
    return learnt_matrix(space, beads, params)
