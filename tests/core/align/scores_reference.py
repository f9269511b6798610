"""Band scoring as it was written first, one bead type and one paragraph pair at a time: the
reference the shared-term scorer (reader.core.align.scores) and the windowed dot band
(reader.core.align.band) must match bit for bit."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from reader.core.align.model import Model, Problem, RowModels, SelfDots, _length_term
from reader.core.align.params import NEG, AlignerParams


def dot_band(src: sp.csr_matrix, tgt: sp.csr_matrix, centre: np.ndarray, half: int) -> np.ndarray:
    n, m = src.shape[0], tgt.shape[0]
    width = 2 * half + 1
    out = np.zeros((n, width), dtype=np.float32)
    chunk = 256
    for a0 in range(0, n, chunk):
        a1 = min(n, a0 + chunk)
        lo = max(0, int(centre[a0]) - half)
        hi = min(m, int(centre[a1 - 1]) + half + 1)
        if hi <= lo:
            continue
        block = (src[a0:a1] @ tgt[lo:hi].T).toarray()
        for a in range(a0, a1):
            start = int(centre[a]) - half
            q0 = max(0, lo - start)
            q1 = min(width, hi - start)
            if q1 > q0:
                out[a, q0:q1] = block[a - a0, start + q0 - lo : start + q1 - lo]
    return out


def _length_logprob(ls: np.ndarray, lt: np.ndarray, ratio: float | np.ndarray,
                    variance: float | np.ndarray, params: AlignerParams) -> np.ndarray:
    mean = (ls + lt / ratio) / 2.0
    delta = np.abs(lt - ls * ratio) / np.sqrt(variance * np.maximum(mean, 1.0))
    step, end = 1.0 / 256, 64.0
    grid = np.arange(0.0, end + 2 * step, step)
    values = _length_term(grid, params.length_outliers, params.length_outlier_scale)
    x = np.minimum(delta * np.float32(1 / step), np.float32(end / step))
    k = x.astype(np.int32)
    frac = x - k
    out = (values[k] * (1 - frac) + values[k + 1] * frac).astype(np.float32)
    far = delta > end
    if far.any():
        out[far] = _length_term(delta[far].astype(np.float64), params.length_outliers,
                                params.length_outlier_scale)
    return out


def _gather(dots: np.ndarray, a: np.ndarray, b: np.ndarray, centre: np.ndarray,
            dot_half: int) -> np.ndarray:
    q = b - centre[a] + dot_half
    ok = (q >= 0) & (q < dots.shape[1])
    return np.where(ok, dots[a, np.minimum(np.maximum(q, 0), dots.shape[1] - 1)],
                    0.0).astype(np.float32)


def bead_scores(
    pb: Problem, centre: np.ndarray, half: int, dots: np.ndarray, dot_half: int,
    src_self: SelfDots, tgt_self: SelfDots, model: Model | RowModels, params: AlignerParams,
    types: Sequence[tuple[int, int]],
) -> dict[tuple[int, int], np.ndarray]:
    n, m = pb.n, pb.m
    width = 2 * half + 1
    ls_cum = np.r_[0, np.cumsum(pb.src_len)]
    lt_cum = np.r_[0, np.cumsum(pb.tgt_len)]
    threshold: float | np.ndarray
    scale: float | np.ndarray
    unit_s: float | np.ndarray
    unit_t: float | np.ndarray
    if isinstance(model, RowModels):
        threshold, scale = model.threshold, model.scale
        unit_s, unit_t = model.unit_s, model.unit_t
    else:
        threshold, scale = model.threshold, max(1e-3, 1.0 - model.chance)
        unit_s, unit_t = float(pb.src_len.mean()), float(pb.tgt_len.mean())
    out = {}
    for ks, kt in types:
        i_idx = np.arange(0, n + 1)[:, None]
        j = centre[:, None] + np.arange(width)[None, :] - half
        valid = (i_idx >= ks) & (j >= kt) & (j <= m)
        jc = np.minimum(np.maximum(j, min(kt, m)), m)
        ic = np.minimum(np.maximum(i_idx, ks), n)
        a_idx = [np.minimum(np.maximum(ic - ks + ka, 0), n - 1) for ka in range(ks)]
        b_idx = [np.minimum(np.maximum(jc - kt + kb, 0), m - 1) for kb in range(kt)]
        pair_dots = [[_gather(dots, a_idx[ka], b_idx[kb], centre, dot_half) for kb in range(kt)]
                     for ka in range(ks)]
        norm_s = src_self.run[ks][np.maximum(ic - ks, 0)]
        norm_t = tgt_self.run[kt][np.maximum(jc - kt, 0)]
        ls = (ls_cum[ic] - ls_cum[np.maximum(ic - ks, 0)]).astype(np.float32)
        lt = (lt_cum[jc] - lt_cum[np.maximum(jc - kt, 0)]).astype(np.float32)
        evidence = np.zeros(j.shape, dtype=np.float32)
        for ka in range(ks):
            dot_a = sum(pair_dots[ka])
            cos_a = dot_a / np.sqrt(np.maximum(src_self.run[1][a_idx[ka]] * norm_t, 1e-12))
            evidence += 0.5 * pb.src_len[a_idx[ka]] / unit_s * (cos_a - threshold)
        for kb in range(kt):
            dot_b = sum(pair_dots[ka][kb] for ka in range(ks))
            cos_b = dot_b / np.sqrt(np.maximum(tgt_self.run[1][b_idx[kb]] * norm_s, 1e-12))
            tl = pb.tgt_len[b_idx[kb]]
            evidence += 0.5 * tl / unit_t * (cos_b - threshold)
        evidence /= scale
        score = (params.log_prior[(ks, kt)] + params.lexical_weight * evidence
                 + params.length_weight * _length_logprob(ls, lt, model.ratio, model.variance,
                                                          params))
        out[ks, kt] = np.where(valid, score, NEG).astype(np.float32)
    return out
