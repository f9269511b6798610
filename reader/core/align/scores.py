"""Scores of every bead type at every cell of the band: lexical evidence, length, priors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.align.band import dot_band
from reader.core.align.beads import Bead
from reader.core.align.model import (
    LengthModel,
    Model,
    Problem,
    RowModels,
    SelfDots,
    band_cosines,
    chance_cosine,
    estimate_model,
    length_logprob,
    match_cosine,
    model_columns,
)
from reader.core.align.params import MATCH_TYPES, NEG, AlignerParams
from reader.core.align.structure import add_structure


def _gather(
    dots: np.ndarray, a: np.ndarray, b: np.ndarray, centre: np.ndarray, dot_half: int
) -> np.ndarray:
    """dots between source paragraphs a (rows) and target paragraphs b, 0 outside the band."""
    q = b - centre[a] + dot_half
    ok = (q >= 0) & (q < dots.shape[1])
    # np.minimum/np.maximum: np.clip costs more per call than the work on these arrays
    return np.where(ok, dots[a, np.minimum(np.maximum(q, 0), dots.shape[1] - 1)],
                    0.0).astype(np.float32)


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
    block = max(1, _BLOCK_CELLS // width)
    ctx = _ScoreContext(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params)
    for r0 in range(0, n + 1, block):
        r1 = min(n + 1, r0 + block)
        for t in types:
            scores[t][r0:r1] = ctx.rows(t, r0, r1)
    return scores


_BLOCK_CELLS = 250_000


def score_band(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    params: AlignerParams,
    types: Sequence[tuple[int, int]],
    beads: Sequence[Bead] | None = None,
    model: Model | None = None,
) -> tuple[dict[tuple[int, int], np.ndarray], Model]:
    """Bead scores over the band around `centre`, and the model they were scored with:
    `model` if given (a re-alignment scores with the whole pair's), else the chance and
    typical cosines measured on the band's dot products and the length model fitted to
    `beads` (or, without them, the pair's totals)."""
    dot_half = half + 8
    dots = dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    src_self = SelfDots.of(pb.src_vec, max(ks for ks, _ in types))
    tgt_self = SelfDots.of(pb.tgt_vec, max(kt for _, kt in types))
    if model is None:
        # the model reads a few columns of the band's cosines: only those are computed
        cosines = band_cosines(dots, dot_half, src_self, tgt_self, centre, pb.m,
                               model_columns(dots.shape[1]))
        model = estimate_model(pb, beads, chance_cosine(cosines), match_cosine(cosines), params)
    scores = bead_scores(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params,
                         types)
    add_structure(scores, pb, centre, half, model, params)
    return scores, model


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

    def rows(self, bead_type: tuple[int, int], r0: int, r1: int) -> np.ndarray:
        """Scores of one bead type for band rows r0..r1-1."""
        pb, centre, half, params = self.pb, self.centre, self.half, self.params
        src_self, tgt_self, dots, dot_half = self.src_self, self.tgt_self, self.dots, self.dot_half
        ls_cum, lt_cum = self.ls_cum, self.lt_cum
        ks, kt = bead_type
        n, m = pb.n, pb.m
        width = 2 * half + 1
        terms = self._terms(r0, r1)
        unit_s, unit_t, threshold = terms.unit_s, terms.unit_t, terms.threshold
        i_idx = np.arange(r0, r1)[:, None]
        j = centre[r0:r1, None] + np.arange(width)[None, :] - half  # target prefix position
        valid = (i_idx >= ks) & (j >= kt) & (j <= m)
        jc = np.minimum(np.maximum(j, min(kt, m)), m)
        ic = np.minimum(np.maximum(i_idx, ks), n)
        # indices are clipped into the texts; cells where they would fall outside are invalid
        a_idx = [np.minimum(np.maximum(ic - ks + ka, 0), n - 1) for ka in range(ks)]
        b_idx = [np.minimum(np.maximum(jc - kt + kb, 0), m - 1) for kb in range(kt)]
        pair_dots = [
            [_gather(dots, a_idx[ka], b_idx[kb], centre, dot_half) for kb in range(kt)]
            for ka in range(ks)
        ]
        norm_s = src_self.run[ks][np.maximum(ic - ks, 0)]
        norm_t = tgt_self.run[kt][np.maximum(jc - kt, 0)]
        ls = (ls_cum[ic] - ls_cum[np.maximum(ic - ks, 0)]).astype(np.float32)
        lt = (lt_cum[jc] - lt_cum[np.maximum(jc - kt, 0)]).astype(np.float32)
        # each paragraph of the bead, weighted by its length, is scored by how well the other
        # side of the bead explains it: unrelated text merged into a bead costs, left out it
        # costs nothing (the null bead's prior decides)
        evidence = np.zeros(j.shape, dtype=np.float32)
        for ka in range(ks):
            dot_a = sum(pair_dots[ka])
            cos_a = dot_a / np.sqrt(np.maximum(src_self.run[1][a_idx[ka]] * norm_t, 1e-12))
            evidence += 0.5 * pb.src_len[a_idx[ka]] / unit_s * (cos_a - threshold)
        for kb in range(kt):
            dot_b = sum(pair_dots[ka][kb] for ka in range(ks))
            cos_b = dot_b / np.sqrt(np.maximum(tgt_self.run[1][b_idx[kb]] * norm_s, 1e-12))
            tl = pb.tgt_len[b_idx[kb]]  # already inside [0, m - 1]
            evidence += 0.5 * tl / unit_t * (cos_b - threshold)
        evidence /= terms.scale
        score = (
            params.log_prior[(ks, kt)]
            + params.lexical_weight * evidence
            + params.length_weight * length_logprob(ls, lt, terms.lengths, params)
        )
        return np.where(valid, score, NEG).astype(np.float32)


@dataclass(frozen=True, slots=True)
class _Terms:
    """What scoring a block of rows reads of the model: scalars, or column vectors (RowModels)."""

    threshold: float | np.ndarray
    scale: float | np.ndarray  # max(1e-3, 1 - chance)
    unit_s: float | np.ndarray
    unit_t: float | np.ndarray
    lengths: LengthModel
