"""Many small alignments in one programme, each as `aligner.align_segments` makes it alone.

The divergence detector realigns the sentences of every 1:n bead that looks short of a sentence,
a hundred or more on a long pair. `align_segments` pays the aligner's whole fixed cost on each
call (a vector space, lexicon and name matrices, band scoring, the programme's sweeps), and for a
handful of sentences that cost is nearly all of it. Here the problems share it:

- their sentences get their features in one pass, and one vector space in which each problem has
  columns of its own, made as `align_space` makes a pair's: its vocabulary, idf weights counted
  over its own sentences, lexicon translations (falling back on the forms its own sentences
  write), names matched among its own words. Vectors of two problems share no column, so their
  dot products are zero;
- each problem keeps its length model (the ratio of its totals) and the chance and typical
  cosines of its own band; the scorer reads them per row (`align_dp.RowModels`);
- the problems follow one another along the diagonal of one band, each centred on its own
  diagonal, in a band as wide as `align_segments` gives it, and the path is pinned to pass every
  problem's corners with no bead straddling them: the best path is each problem's best path,
  joined.

The beads are `align_segments`' up to rounding: a dot product adds the same terms, perhaps in
another order (scipy keeps the index order its operations leave), and the programme's running
totals carry the problems before; either can only decide an exact tie. Beads carry no posterior
(confidence 1.0): the callers want the path.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz, process

from reader.core.align_dp import (
    NEG,
    Model,
    Pins,
    Problem,
    RowModels,
    SelfDots,
    band_centres,
    band_cosines,
    bead_scores,
    chance_cosine,
    diagonal_half,
    dot_band,
    estimate_model,
    match_cosine,
    path_to_beads,
    pin_points,
    run_dp,
)
from reader.core.align_params import MATCH_TYPES, AlignerParams
from reader.core.align_space import Side, Space, vectors
from reader.core.alignment import Bead
from reader.core.anchors import Features, english_stem
from reader.core.arabic import skeleton
from reader.core.glossary import Lexicon

SegmentProblem = tuple[Sequence[str], Sequence[str]]  # source segments, target segments


def problem_half(n: int, m: int, params: AlignerParams) -> int:
    """Half the width of the band `align_segments` aligns n against m segments in (one pass,
    around the diagonal, no wider than the problem)."""
    return min(diagonal_half(n, m, params), max(n, m) + 3)


def align_sides_batch(
    src: Side, tgt: Side, blocks: Sequence[Block], lexicon: Lexicon | None, params: AlignerParams
) -> list[list[Bead]]:
    """The beads of each block's problem: `src` and `tgt` hold every problem's segments, one
    problem after another, and no side of a block is empty. `lexicon` None: one language."""
    space, translation = block_space(src, tgt, blocks, lexicon, params)
    src_vec, tgt_vec = vectors(space, translation)
    src_len = np.array([max(1, f.length) for f in src.features], dtype=np.float32)
    tgt_len = np.array([max(1, f.length) for f in tgt.features], dtype=np.float32)
    out: list[list[Bead]] = [[] for _ in blocks]
    for half, members in _band_groups(blocks, params).items():
        rows = np.concatenate([np.arange(blocks[k].i0, blocks[k].i1) for k in members])
        cols = np.concatenate([np.arange(blocks[k].j0, blocks[k].j1) for k in members])
        group = _Group(_laid_out([(blocks[k].n, blocks[k].m) for k in members]))
        pb = Problem(
            len(rows), len(cols), src_vec[rows], tgt_vec[cols], src_len[rows], tgt_len[cols],
            src.null_bonus[rows], tgt.null_bonus[cols],
        )
        for k, beads in zip(members, _align_group(pb, group, half, params), strict=True):
            out[k] = beads
    return out


# ---------------------------------------------------------------------------------------------
# where each problem sits


@dataclass(frozen=True, slots=True)
class Block:
    """One problem's segments: source rows [i0, i1) and target rows [j0, j1) of the batch."""

    i0: int
    i1: int
    j0: int
    j1: int

    @property
    def n(self) -> int:
        return self.i1 - self.i0

    @property
    def m(self) -> int:
        return self.j1 - self.j0


def blocks_of(problems: Sequence[SegmentProblem]) -> list[Block]:
    """The problems' segments one after another."""
    return _laid_out([(len(s), len(t)) for s, t in problems])


def _laid_out(sizes: Sequence[tuple[int, int]]) -> list[Block]:
    out = []
    i = j = 0
    for n, m in sizes:
        out.append(Block(i, i + n, j, j + m))
        i, j = i + n, j + m
    return out


@dataclass(slots=True)
class _Group:
    """Problems laid along one band, their blocks counted from the first."""

    blocks: list[Block]

    def row_problem(self, n: int) -> np.ndarray:
        """For each band row 0..n, the problem whose beads end there (row 0: the first)."""
        ends = np.array([b.i1 for b in self.blocks])
        return np.minimum(np.searchsorted(ends, np.arange(n + 1)), len(self.blocks) - 1)

    def corners(self) -> list[tuple[int, int]]:
        """Where one problem ends and the next begins, and both ends of the band."""
        return [(b.i0, b.j0) for b in self.blocks] + [(self.blocks[-1].i1, self.blocks[-1].j1)]

    def centre(self) -> np.ndarray:
        """Each problem's diagonal, one after another."""
        parts = [np.zeros(1, dtype=np.int64)]
        parts += [b.j0 + band_centres(b.n, b.m, None)[1:] for b in self.blocks]
        return np.concatenate(parts)


def _band_groups(blocks: Sequence[Block], params: AlignerParams) -> dict[int, list[int]]:
    """Problems that can share a band, by its half width.

    A problem whose own band holds all its cells (half >= m) aligns the same in any band that
    does: those go by the narrowest of a few widths that holds them (scoring costs per cell of
    the band, and each band a little of its own). A problem whose band is narrower than it
    needs a band of exactly its width, so that the programme sees the same cells."""
    groups: dict[int, list[int]] = {}
    for k, b in enumerate(blocks):
        half = problem_half(b.n, b.m, params)
        if half >= b.m:
            half = max(4, 1 << (b.m - 1).bit_length())  # the power of two at or above m
        groups.setdefault(half, []).append(k)
    return dict(sorted(groups.items()))


# ---------------------------------------------------------------------------------------------
# one vector space with columns of each problem's own


@dataclass(slots=True)
class _Vocab:
    """One problem's vocabulary, ordered as `build_space` orders a pair's: target words, then
    the keys of both sides (the target's first); source words apart."""

    tgt: dict[str, int]
    n_words: int
    src: dict[str, int]

    @classmethod
    def of(cls, src: Sequence[Features], tgt: Sequence[Features]) -> _Vocab:
        tv: dict[str, int] = {}
        for f in tgt:
            for w in f.words:
                tv.setdefault(w, len(tv))
        n_words = len(tv)
        for f in (*tgt, *src):
            for k in f.keys:
                tv.setdefault(k, len(tv))
        sv: dict[str, int] = {}
        for f in src:
            for w in f.words:
                sv.setdefault(w, len(sv))
        return cls(tv, n_words, sv)


@dataclass(slots=True)
class _Columns:
    """Where each problem's columns sit in the batch's space: all problems' word columns
    first (so that, as in a pair's space, columns below `n_words` are words), then their keys,
    each problem's in its own order."""

    word0: list[int]
    key0: list[int]
    src0: list[int]  # first row of each problem's source words in the translation matrix
    n_words: int
    n_cols: int
    n_src_words: int

    @classmethod
    def of(cls, vocabs: Sequence[_Vocab]) -> _Columns:
        words = np.array([v.n_words for v in vocabs], dtype=np.int64)
        keys = np.array([len(v.tgt) - v.n_words for v in vocabs], dtype=np.int64)
        srcs = np.array([len(v.src) for v in vocabs], dtype=np.int64)
        n_words = int(words.sum())
        word0 = np.r_[0, np.cumsum(words)[:-1]]
        key0 = n_words + np.r_[0, np.cumsum(keys)[:-1]]
        src0 = np.r_[0, np.cumsum(srcs)[:-1]]
        return cls(word0.tolist(), key0.tolist(), src0.tolist(), n_words,
                   n_words + int(keys.sum()), int(srcs.sum()))

    def column(self, p: int, vocab: _Vocab, local: int) -> int:
        if local < vocab.n_words:
            return self.word0[p] + local
        return self.key0[p] + local - vocab.n_words


def _presence(rows: Sequence[Sequence[int]], n_cols: int) -> sp.csr_matrix:
    """Rows of column indices as a 0/1 matrix (each row's columns sorted, once each)."""
    indptr = [0]
    indices: list[int] = []
    for r in rows:
        indices.extend(sorted(set(r)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix(
        (data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), n_cols)
    )


def block_space(
    src: Side, tgt: Side, blocks: Sequence[Block], lexicon: Lexicon | None, params: AlignerParams
) -> tuple[Space, sp.csr_matrix]:
    """The batch's space and translation matrix: for each problem, what `build_space` and the
    lexicon and name matrices (or, in one language, the identity) make of it alone."""
    vocabs = [
        _Vocab.of(src.features[b.i0 : b.i1], tgt.features[b.j0 : b.j1]) for b in blocks
    ]
    cols = _Columns.of(vocabs)
    space = _space(src, tgt, blocks, vocabs, cols)
    if lexicon is None:
        return space, _identity(vocabs, cols)
    return space, _translation(src, tgt, blocks, vocabs, cols, lexicon, params)


def _space(
    src: Side, tgt: Side, blocks: Sequence[Block], vocabs: Sequence[_Vocab], cols: _Columns
) -> Space:
    """Presence of each segment's words and keys in its problem's columns, and idf weights
    counted over the problem's own segments. (The vocabularies name each token with its
    problem: "3|word".)"""
    tgt_rows: list[list[int]] = []
    src_key_rows: list[list[int]] = []
    src_word_rows: list[list[int]] = []
    n_docs = np.zeros(cols.n_cols, dtype=np.float32)  # segments of the column's problem
    for p, (b, v) in enumerate(zip(blocks, vocabs, strict=True)):
        for f in tgt.features[b.j0 : b.j1]:
            tgt_rows.append([cols.column(p, v, v.tgt[t]) for t in (*f.words, *f.keys)])
        for f in src.features[b.i0 : b.i1]:
            src_key_rows.append([cols.column(p, v, v.tgt[k]) for k in f.keys])
            src_word_rows.append([cols.src0[p] + v.src[w] for w in f.words])
        for c0, size in ((cols.word0[p], v.n_words), (cols.key0[p], len(v.tgt) - v.n_words)):
            n_docs[c0 : c0 + size] = b.n + b.m
    tgt_m = _presence(tgt_rows, cols.n_cols)
    src_keys = _presence(src_key_rows, cols.n_cols)
    # as build_space: idf over both sides' keys and the target's words
    df = np.asarray(tgt_m.sum(axis=0)).ravel() + np.asarray(src_keys.sum(axis=0)).ravel()
    weights = (np.log((n_docs + 1) / (df + 1)) + 1.0).astype(np.float32)
    return Space(
        src_words=_presence(src_word_rows, cols.n_src_words),
        src_keys=src_keys,
        tgt=tgt_m,
        weights=weights,
        src_vocab=[f"{p}|{w}" for p, v in enumerate(vocabs) for w in v.src],
        tgt_vocab={
            f"{p}|{t}": cols.column(p, v, e) for p, v in enumerate(vocabs) for t, e in v.tgt.items()
        },
        n_tgt_words=cols.n_words,
    )


def _translation(
    src: Side, tgt: Side, blocks: Sequence[Block], vocabs: Sequence[_Vocab], cols: _Columns,
    lexicon: Lexicon, params: AlignerParams,
) -> sp.csr_matrix:
    """Each problem's lexicon matrix plus its name matrix, in its own rows and columns."""
    translate = functools.lru_cache(maxsize=None)(lexicon.translations)  # words recur
    names = _NameMatcher(params.name_threshold)
    lex = _Entries()
    found = _Entries()
    for p, (b, v) in enumerate(zip(blocks, vocabs, strict=True)):
        src_f, tgt_f = src.features[b.i0 : b.i1], tgt.features[b.j0 : b.j1]
        translations = _stem_translations(v, src_f, translate)
        lex.add_lexicon(p, v, cols, translations)
        found.add_names(p, v, cols, translations, src_f, tgt_f, names)
    shape = (cols.n_src_words, cols.n_cols)
    return (lex.matrix(shape) + found.matrix(shape)).tocsr()


def _stem_translations(
    vocab: _Vocab, src: Sequence[Features], translate: Callable[[str], tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """As `align_space.stem_translations`: a stem's own translations (`translate`: the
    lexicon's), or those of the forms this problem's sentences write it in."""
    words = list(vocab.src)
    own = [translate(w) for w in words]
    untranslated = {w for w, t in zip(words, own, strict=True) if not t}
    forms: dict[str, set[str]] = {}
    for f in src:
        for stem, form in zip(f.words, f.forms, strict=True):
            if stem in untranslated:
                forms.setdefault(stem, {stem}).add(form)
    return [
        t or tuple(x for form in sorted(forms.get(w, ())) for x in translate(form))
        for w, t in zip(words, own, strict=True)
    ]


@dataclass(slots=True)
class _Entries:
    """Entries of a translation matrix, gathered problem by problem."""

    rows: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    data: list[float] = field(default_factory=list)

    def matrix(self, shape: tuple[int, int]) -> sp.csr_matrix:
        # duplicates are summed, as in the pair's matrices
        return sp.csr_matrix(
            (np.array(self.data, dtype=np.float32), (self.rows, self.cols)), shape=shape
        )

    def add_lexicon(
        self, p: int, vocab: _Vocab, cols: _Columns, translations: Sequence[tuple[str, ...]]
    ) -> None:
        """As `align_space.lexicon_matrix`: source stems to the target words their lexicon
        translations give."""
        for a, found in enumerate(translations):
            targets = set()
            for translation in found:
                for part in translation.split():
                    e = vocab.tgt.get(english_stem(part))
                    if e is not None and e < vocab.n_words:
                        targets.add(e)
            for e in sorted(targets):
                self.rows.append(cols.src0[p] + a)
                self.cols.append(cols.column(p, vocab, e))
                self.data.append(1.0)

    def add_names(
        self, p: int, vocab: _Vocab, cols: _Columns, translations: Sequence[tuple[str, ...]],
        src: Sequence[Features], tgt: Sequence[Features], names: _NameMatcher,
    ) -> None:
        """As `align_space.name_matrix`: source words the lexicon does not know, matched to the
        target's capitalised words by sound."""
        known = {w for w, found in zip(vocab.src, translations, strict=True) if found}
        ar_names = sorted({w for f in src for w in f.names if w not in known})
        en_names = sorted({n for f in tgt for n in f.names})
        for a_name, e_name, score in names.matches(ar_names, en_names):
            e = vocab.tgt.get(english_stem(e_name))
            if e is None:
                continue
            self.rows.append(cols.src0[p] + vocab.src[a_name])
            self.cols.append(cols.column(p, vocab, e))
            self.data.append(float(score) / 100.0)


class _NameMatcher:
    """Arabic and English names that sound alike, as `align_space.name_matrix` matches them;
    skeletons are computed once per word for the whole batch."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._skeletons: dict[tuple[str, str], str] = {}

    def skeleton(self, word: str, lang: str) -> str:
        key = (word, lang)
        found = self._skeletons.get(key)
        if found is None:
            found = self._skeletons[key] = skeleton(word, lang)
        return found

    def matches(self, ar_names: list[str], en_names: list[str]) -> list[tuple[str, str, int]]:
        """(Arabic name, English name, score 0-100) in the order of the names."""
        if not ar_names or not en_names:
            return []
        ar_sk = [self.skeleton(w, "ar") for w in ar_names]
        en_sk = [self.skeleton(w, "en") for w in en_names]
        ar_distinct, ar_members = _by_skeleton(ar_sk)
        en_distinct, en_members = _by_skeleton(en_sk)
        scores = process.cdist(
            ar_distinct, en_distinct, scorer=fuzz.ratio, score_cutoff=self.threshold * 100,
            dtype=np.uint8, workers=1,
        )
        found = sorted(
            (a_i, e_i, int(scores[d_a, d_e]))
            for d_a, d_e in zip(*np.nonzero(scores), strict=True)
            for a_i in ar_members[d_a]
            for e_i in en_members[d_e]
        )
        out = []
        for a_i, e_i, score in found:
            a_sk, e_sk = ar_sk[a_i], en_sk[e_i]
            if min(len(a_sk), len(e_sk)) < 3 and a_sk != e_sk:
                continue  # two-consonant skeletons collide by chance unless identical
            out.append((ar_names[a_i], en_names[e_i], score))
        return out


def _by_skeleton(skeletons: list[str]) -> tuple[list[str], list[list[int]]]:
    """The distinct skeletons, and for each the indices of the names that have it."""
    distinct = sorted(set(skeletons))
    at = {sk: k for k, sk in enumerate(distinct)}
    members: list[list[int]] = [[] for _ in distinct]
    for i, sk in enumerate(skeletons):
        members[at[sk]].append(i)
    return distinct, members


def _identity(vocabs: Sequence[_Vocab], cols: _Columns) -> sp.csr_matrix:
    """As `align_space.identity_matrix`, for two sides in one language: a word is itself."""
    rows, targets = [], []
    for p, v in enumerate(vocabs):
        for a, word in enumerate(v.src):
            e = v.tgt.get(word)
            if e is not None and e < v.n_words:
                rows.append(cols.src0[p] + a)
                targets.append(cols.column(p, v, e))
    return sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, targets)),
        shape=(cols.n_src_words, cols.n_cols),
    )


# ---------------------------------------------------------------------------------------------
# the programme


def _align_group(pb: Problem, group: _Group, half: int, params: AlignerParams) -> list[list[Bead]]:
    """One band holding the group's problems: each problem's model, the path pinned to its
    corners, and the path cut back into the problems' beads."""
    centre = group.centre()
    dot_half = half + 8  # as score_band reads it
    dots = dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    src_self = SelfDots.of(pb.src_vec, max(ks for ks, _ in MATCH_TYPES))
    tgt_self = SelfDots.of(pb.tgt_vec, max(kt for _, kt in MATCH_TYPES))
    cosines = _own_cosines(
        band_cosines(dots, dot_half, src_self, tgt_self, centre, pb.m), group, centre, dot_half
    )
    models = [_problem_model(pb, b, cosines[b.i0 : b.i1], params) for b in group.blocks]
    row_models = RowModels.of(
        models,
        [pb.src_len[b.i0 : b.i1] for b in group.blocks],
        [pb.tgt_len[b.j0 : b.j1] for b in group.blocks],
        group.row_problem(pb.n),
    )
    scores = bead_scores(
        pb, centre, half, dots, dot_half, src_self, tgt_self, row_models, params, MATCH_TYPES
    )
    pinned = pin_points(group.corners())
    _forbid_straddling(scores, pinned)
    path = run_dp(pb, centre, half, scores, params, None, pinned).path
    return _cut(path_to_beads(path, [1.0] * len(path)), group)


def _own_cosines(
    cosines: np.ndarray, group: _Group, centre: np.ndarray, dot_half: int
) -> np.ndarray:
    """The band's cosines with those between two problems' segments set to NaN, as cells
    outside the text are in a problem's own band."""
    n, width = cosines.shape
    j = centre[:n, None] + np.arange(width)[None, :] - dot_half
    row_block = group.row_problem(n)[1:]  # source segment a ends on row a + 1
    lo = np.array([b.j0 for b in group.blocks])[row_block][:, None]
    hi = np.array([b.j1 for b in group.blocks])[row_block][:, None]
    return np.where((j >= lo) & (j < hi), cosines, np.nan)


_NO_VECTORS = sp.csr_matrix((0, 0), dtype=np.float32)


def _problem_model(
    pb: Problem, block: Block, cosines: np.ndarray, params: AlignerParams
) -> Model:
    """The model `score_band` fits to one problem alone: its length totals, its band's
    chance and typical cosines."""
    lengths = Problem(  # estimate_model reads only the lengths (no beads given)
        block.n, block.m, _NO_VECTORS, _NO_VECTORS, pb.src_len[block.i0 : block.i1],
        pb.tgt_len[block.j0 : block.j1], pb.src_null[block.i0 : block.i1],
        pb.tgt_null[block.j0 : block.j1],
    )
    return estimate_model(lengths, None, chance_cosine(cosines), match_cosine(cosines), params)


def _forbid_straddling(scores: dict[tuple[int, int], np.ndarray], pinned: Pins) -> None:
    """No bead may straddle a pinned row (a bead of ks rows ending less than ks rows after
    it would start before it)."""
    for row in pinned:
        for (ks, _), table in scores.items():
            table[row + 1 : row + ks] = NEG


def _cut(beads: Sequence[Bead], group: _Group) -> list[list[Bead]]:
    """The path's beads, each in its problem's own numbering."""
    src_starts = np.array([b.i0 for b in group.blocks])
    tgt_starts = np.array([b.j0 for b in group.blocks])
    out: list[list[Bead]] = [[] for _ in group.blocks]
    for bead in beads:
        if bead.src:
            p = int(np.searchsorted(src_starts, bead.src[0], side="right")) - 1
        else:
            p = int(np.searchsorted(tgt_starts, bead.tgt[0], side="right")) - 1
        b = group.blocks[p]
        out[p].append(Bead(tuple(i - b.i0 for i in bead.src), tuple(j - b.j0 for j in bead.tgt),
                           bead.confidence))
    return out
