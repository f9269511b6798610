"""Scores of every bead type at every cell of the band: lexical evidence, length, priors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.align.band import dot_band
from reader.core.align.beads import Bead
from reader.core.align.block_terms import bead_score, length_term, lexical_term
from reader.core.align.memo import BandMemo
from reader.core.align.model import (
    LengthModel,
    Model,
    Problem,
    RowModels,
    SelfDots,
    band_cosines,
    chance_cosine,
    estimate_model,
    match_cosine,
    model_columns,
)
from reader.core.align.params import MATCH_TYPES, NEG, AlignerParams
from reader.core.align.structure import add_structure


def bead_scores(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    dots: np.ndarray,
    dot_half: int,
    src_self: SelfDots,
    tgt_self: SelfDots,
    model: Model | RowModels,
    params: AlignerParams,
    types: Sequence[tuple[int, int]] = MATCH_TYPES,
) -> dict[tuple[int, int], np.ndarray]:
    """Score of each bead type ending at every cell (i, o) of the band; NEG where impossible.

    Each paragraph of a bead, weighted by its length, scores the cosine between it and the other
    side of the bead, above a threshold between chance and a typical match; a length term and
    the type's prior are added. Rows are scored in blocks, so temporaries stay small. `model`
    is the pair's, or one per row (RowModels) when the band holds several problems.
    """
    n = pb.n
    width = 2 * half + 1
    scores = {t: np.empty((n + 1, width), dtype=np.float32) for t in types}
    score_rows(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params, types,
               scores, 0, n + 1)
    return scores


def score_rows(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    dots: np.ndarray,
    dot_half: int,
    src_self: SelfDots,
    tgt_self: SelfDots,
    model: Model | RowModels,
    params: AlignerParams,
    types: Sequence[tuple[int, int]],
    scores: dict[tuple[int, int], np.ndarray],
    start: int,
    end: int,
) -> None:
    """`bead_scores`'s rows start..end-1 into the same rows of `scores` (`start` a multiple
    of `score_block(half)`: every cell scores as it would alone, whatever block holds it)."""
    block = score_block(half)
    ctx = _ScoreContext(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params)
    for r0 in range(start, end, block):
        r1 = min(end, r0 + block)
        ctx.block(types, r0, r1, {t: table[r0:r1] for t, table in scores.items()})


def score_block(half: int) -> int:
    """The rows `bead_scores` scores at a time in a band of half width `half`."""
    return max(1, _BLOCK_CELLS // (2 * half + 1))


# cells of a block of rows: every bead type of the block is scored from the same shared terms,
# which stay in the cache at this size
_BLOCK_CELLS = 16_384


def score_band(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    params: AlignerParams,
    types: Sequence[tuple[int, int]],
    beads: Sequence[Bead] | None = None,
    model: Model | None = None,
    memo: BandMemo | None = None,
) -> tuple[dict[tuple[int, int], np.ndarray], Model]:
    """Bead scores over the band around `centre`, and the model they were scored with:
    `model` if given (a re-alignment scores with the whole pair's), else the chance and
    typical cosines measured on the band's dot products and the length model fitted to
    `beads` (or, without them, the pair's totals). `memo` (of `pb`) keeps what another pass
    over the same vectors computed too."""
    dot_half = dot_half_of(half)
    src_self, tgt_self = self_dots(pb, types, memo)
    if memo is not None:
        dots = memo.dots(centre, dot_half)
    else:
        dots = dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    if model is None:
        model = band_model(pb, centre, dots, dot_half, src_self, tgt_self, beads, params)
    scores = bead_scores(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params,
                         types)
    add_structure(scores, pb, centre, half, model, params)
    return scores, model


def dot_half_of(half: int) -> int:
    """The half width of the dot band that a band of half width `half` is scored from."""
    return half + 8


def self_dots(pb: Problem, types: Sequence[tuple[int, int]], memo: BandMemo | None = None
              ) -> tuple[SelfDots, SelfDots]:
    """Both sides' norms of runs as long as `types`' beads (kept by `memo` if given)."""
    longest_s, longest_t = max(ks for ks, _ in types), max(kt for _, kt in types)
    if memo is not None:
        return memo.self_dots(0, longest_s), memo.self_dots(1, longest_t)
    return SelfDots.of(pb.src_vec, longest_s), SelfDots.of(pb.tgt_vec, longest_t)


def band_model(pb: Problem, centre: np.ndarray, dots: np.ndarray, dot_half: int,
               src_self: SelfDots, tgt_self: SelfDots, beads: Sequence[Bead] | None,
               params: AlignerParams) -> Model:
    """The chance and typical cosines measured on the band's dot products, and the length
    model fitted to `beads` (or, without them, the pair's totals)."""
    # the model reads a few columns of the band's cosines: only those are computed
    cosines = band_cosines(dots, dot_half, src_self, tgt_self, centre, pb.m,
                           model_columns(dots.shape[1]))
    return estimate_model(pb, beads, chance_cosine(cosines), match_cosine(cosines), params)


@dataclass(slots=True)
class _ScoreContext:
    pb: Problem
    centre: np.ndarray
    half: int
    dots: np.ndarray
    dot_half: int
    src_self: SelfDots
    tgt_self: SelfDots
    model: Model | RowModels
    params: AlignerParams
    ls_cum: np.ndarray = field(init=False)
    lt_cum: np.ndarray = field(init=False)
    padded: _Windows | None = None

    def __post_init__(self) -> None:
        self.ls_cum = np.r_[0, np.cumsum(self.pb.src_len)]
        self.lt_cum = np.r_[0, np.cumsum(self.pb.tgt_len)]

    def _terms(self, r0: int, r1: int) -> _Terms:
        """The model's values that rows r0..r1-1 are scored with."""
        if isinstance(self.model, RowModels):
            m = self.model.rows(r0, r1)
            return _Terms(m.threshold, m.scale, m.unit_s, m.unit_t, m)
        model, pb = self.model, self.pb
        return _Terms(model.threshold, max(1e-3, 1.0 - model.chance), float(pb.src_len.mean()),
                      float(pb.tgt_len.mean()), model)

    def block(
        self, types: Sequence[tuple[int, int]], r0: int, r1: int, out: dict[tuple[int, int],
                                                                             np.ndarray],
    ) -> None:
        """Scores of each bead type for band rows r0..r1-1, into `out`.

        Each type's score is the sum of terms that types share: paragraph a = i-1-da of the
        source against the bead's kt target paragraphs, b = j-1-db of the target against its
        ks source paragraphs. Each term is computed once and added, in the order and with the
        operations of the type's own formula, so every valid cell scores as it would alone;
        the others (indices clipped into the texts) become NEG."""
        pb, centre, half, params = self.pb, self.centre, self.half, self.params
        src_self, tgt_self = self.src_self, self.tgt_self
        n, m = pb.n, pb.m
        width = 2 * half + 1
        t = self._terms(r0, r1)
        i = np.arange(r0, r1)[:, None]
        j = centre[r0:r1, None] + np.arange(width)[None, :] - half  # target prefix position
        jc = np.minimum(np.maximum(j, 0), m)
        # the block's cells past either end of the target, if any, are found cell by cell
        lowest, highest = int(centre[r0:r1].min()) - half, int(centre[r0:r1].max()) + half
        longest_s = max(ks for ks, _ in types)
        longest_t = max(kt for _, kt in types)
        a = [np.minimum(np.maximum(i - 1 - da, 0), max(n - 1, 0)) for da in range(longest_s)]
        b = [np.minimum(np.maximum(j - 1 - db, 0), max(m - 1, 0)) for db in range(longest_t)]
        pair: dict[tuple[int, int], np.ndarray] = {}

        def dots(da: int, db: int) -> np.ndarray:
            if (da, db) not in pair:
                pair[da, db] = self._pair_dots(r0, r1, da, db)
            return pair[da, db]

        # each paragraph of the bead, weighted by its length, is scored by how well the other
        # side of the bead explains it: unrelated text merged into a bead costs, left out it
        # costs nothing (the null bead's prior decides)
        src_terms: dict[tuple[int, int], np.ndarray] = {}
        tgt_terms: dict[tuple[int, int], np.ndarray] = {}
        norm_t = {kt: tgt_self.run[kt][np.maximum(jc - kt, 0)] for kt in {kt for _, kt in types}}
        norm_s = {ks: src_self.run[ks][np.maximum(i - ks, 0)] for ks in {ks for ks, _ in types}}
        tgt_weight = {}
        for ks, kt in types:
            for da in range(ks):
                if (da, kt) not in src_terms:
                    dot_a = sum([dots(da, db) for db in range(kt - 1, -1, -1)])
                    src_terms[da, kt] = lexical_term(
                        dot_a, src_self.run[1][a[da]], norm_t[kt],
                        0.5 * pb.src_len[a[da]] / t.unit_s, t.threshold)
            for db in range(kt):
                if (db, ks) not in tgt_terms:
                    dot_b = sum([dots(da, db) for da in range(ks - 1, -1, -1)])
                    if db not in tgt_weight:
                        tgt_weight[db] = 0.5 * pb.tgt_len[b[db]] / t.unit_t
                    tgt_terms[db, ks] = lexical_term(dot_b, tgt_self.run[1][b[db]],
                                                     norm_s[ks], tgt_weight[db], t.threshold)
        lengths_t = {kt: (self.lt_cum[jc] - self.lt_cum[np.maximum(jc - kt, 0)]).astype(
            np.float32) for kt in norm_t}
        ratio = t.lengths.ratio
        lt_by_ratio = {kt: lengths_t[kt] / ratio for kt in lengths_t}
        for ks, kt in types:
            evidence = np.zeros(j.shape, dtype=np.float32)
            for da in range(ks - 1, -1, -1):
                evidence += src_terms[da, kt]
            for db in range(kt - 1, -1, -1):
                evidence += tgt_terms[db, ks]
            evidence /= t.scale
            ls = (self.ls_cum[i] - self.ls_cum[np.maximum(i - ks, 0)]).astype(np.float32)
            table = out[(ks, kt)]
            bead_score(table, params.log_prior[(ks, kt)], params.lexical_weight, evidence,
                       params.length_weight,
                       length_term(ls, lengths_t[kt], lt_by_ratio[kt], t.lengths, params))
            if lowest < kt or highest > m:
                table[(j < kt) | (j > m)] = NEG
            table[: max(0, ks - r0)] = NEG  # no bead of ks rows ends before row ks

    def _pair_dots(self, r0: int, r1: int, da: int, db: int) -> np.ndarray:
        """dots between source paragraph a = i-1-da and target b = j-1-db over rows r0..r1-1
        (0 outside the dot band). Row i reads a window of the dot band's row a, so each row is
        one slice; cells whose a or b leaves the text read anything finite."""
        dots, centre, half, dot_half = self.dots, self.centre, self.half, self.dot_half
        width = 2 * half + 1
        if dots.shape[0] == 0:
            return np.zeros((r1 - r0, width), dtype=np.float32)
        i = np.arange(r0, r1)
        a = np.minimum(np.maximum(i - 1 - da, 0), dots.shape[0] - 1)
        # b - centre[a] + dot_half for the cell o = 0; beyond the dot band a dot is 0: rows
        # wholly outside it read the zero padding
        start = centre[r0:r1] - half - 1 - db - centre[a] + dot_half
        start = np.minimum(np.maximum(start, -width), dots.shape[1])
        windows = self._windows(int(max(0, -start.min())),
                                int(max(0, start.max() + width - dots.shape[1])))
        return windows.windows[a, start + windows.left]

    def _windows(self, left: int, right: int) -> _Windows:
        if self.padded is None or self.padded.left < left or self.padded.right < right:
            dots = self.dots
            if left or right:
                dots = np.zeros((dots.shape[0], dots.shape[1] + left + right), dtype=dots.dtype)
                dots[:, left : left + self.dots.shape[1]] = self.dots
            windows = np.lib.stride_tricks.sliding_window_view(dots, 2 * self.half + 1, axis=1)
            self.padded = _Windows(left, right, windows)
        return self.padded


@dataclass(frozen=True, slots=True)
class _Windows:
    """The dot band padded with zeros, seen as each row's windows a band row wide."""

    left: int
    right: int
    windows: np.ndarray


@dataclass(frozen=True, slots=True)
class _Terms:
    """What scoring a block of rows reads of the model: scalars, or column vectors (RowModels)."""

    threshold: float | np.ndarray
    scale: float | np.ndarray  # max(1e-3, 1 - chance)
    unit_s: float | np.ndarray
    unit_t: float | np.ndarray
    lengths: LengthModel
