"""The banded dynamic programme over bead types, and the forward-backward pass for confidence.

Cells are (source prefix i, offset o) with target prefix j = centre[i] + o - half: a band of
fixed width around an expected path, so time and memory grow linearly with the pair.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.special import log_ndtr

from reader.core.align_params import BEAD_TYPES, MATCH_TYPES, NEG, AlignerParams
from reader.core.alignment import Bead
from reader.core.errors import Cancelled
from reader.core.pair import CancelCheck


@dataclass(slots=True)
class Problem:
    n: int
    m: int
    src_vec: sp.csr_matrix  # n x D, weighted
    tgt_vec: sp.csr_matrix  # m x D, weighted
    src_len: np.ndarray
    tgt_len: np.ndarray
    src_null: np.ndarray  # score of leaving each source paragraph out
    tgt_null: np.ndarray


def band_centres(n: int, m: int, path: Sequence[tuple[int, int]] | None) -> np.ndarray:
    if path is None:
        return np.round(np.arange(n + 1) * (m / max(n, 1))).astype(np.int64)
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.full(n + 1, -1, dtype=np.int64)
    for i, j in path:
        lo[i] = min(lo[i], j)
        hi[i] = max(hi[i], j)
    # rows inside a 2:1 or 3:1 bead are not on the path: they take the row before them
    centre = np.where(hi >= 0, (lo + hi) // 2, -1)
    centre[0] = 0
    centre[n] = m
    return np.maximum.accumulate(centre)


def dot_band(src: sp.csr_matrix, tgt: sp.csr_matrix, centre: np.ndarray, half: int) -> np.ndarray:
    """dots[a, q] = src[a] . tgt[centre[a] - half + q], zero outside the text."""
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


@dataclass(slots=True)
class Model:
    ratio: float
    variance: float
    chance: float  # cosine of unrelated paragraphs
    threshold: float  # cosine above which a paragraph counts as explained by its counterpart


def _gather(
    dots: np.ndarray, a: np.ndarray, b: np.ndarray, centre: np.ndarray, dot_half: int
) -> np.ndarray:
    """dots between source paragraphs a (rows) and target paragraphs b, 0 outside the band."""
    q = b - centre[a] + dot_half
    ok = (q >= 0) & (q < dots.shape[1])
    return np.where(ok, dots[a, np.clip(q, 0, dots.shape[1] - 1)], 0.0).astype(np.float32)


@dataclass(slots=True)
class SelfDots:
    """Norms of runs of 1-3 consecutive paragraphs of one side: |v_a + ... + v_{a+k-1}|^2."""

    run: dict[int, np.ndarray]  # run length -> array over start index (padded)

    @classmethod
    def of(cls, vec: sp.csr_matrix) -> SelfDots:
        n = vec.shape[0]
        sq = np.asarray(vec.multiply(vec).sum(axis=1)).ravel()
        d1 = np.zeros(n)
        d2 = np.zeros(n)
        if n > 1:
            d1[:-1] = np.asarray(vec[:-1].multiply(vec[1:]).sum(axis=1)).ravel()
        if n > 2:
            d2[:-2] = np.asarray(vec[:-2].multiply(vec[2:]).sum(axis=1)).ravel()
        pad = np.zeros(3)
        run1 = np.r_[sq, pad]
        run2 = np.r_[sq[:-1] + sq[1:] + 2 * d1[:-1], pad, 0.0] if n > 1 else np.zeros(n + 3)
        run3 = (
            np.r_[sq[:-2] + sq[1:-1] + sq[2:] + 2 * (d1[:-2] + d1[1:-1] + d2[:-2]), pad, 0, 0]
            if n > 2
            else np.zeros(n + 3)
        )
        return cls({1: run1, 2: run2[: n + 3], 3: run3[: n + 3]})


def length_logprob(
    ls: np.ndarray, lt: np.ndarray, model: Model, params: AlignerParams
) -> np.ndarray:
    """Gale and Church's length match probability, with a wide component for the beads a
    translator condensed or expanded (a pure Gaussian punishes those quadratically)."""
    mean = (ls + lt / model.ratio) / 2.0
    delta = np.abs(lt - ls * model.ratio) / np.sqrt(model.variance * np.maximum(mean, 1.0))
    narrow = math.log(1.0 - params.length_outliers) + log_ndtr(-delta)
    wide = (
        math.log(params.length_outliers)
        - math.log(params.length_outlier_scale)
        + log_ndtr(-delta / params.length_outlier_scale)
    )
    return (math.log(2.0) + np.logaddexp(narrow, wide)).astype(np.float32)


def bead_scores(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    dots: np.ndarray,
    dot_half: int,
    src_self: SelfDots,
    tgt_self: SelfDots,
    model: Model,
    params: AlignerParams,
    types: Sequence[tuple[int, int]] = MATCH_TYPES,
) -> dict[tuple[int, int], np.ndarray]:
    """Score of each bead type ending at every cell (i, o) of the band; NEG where impossible.

    The lexical term is the cosine of the bead's summed vectors above chance, weighted by the
    bead's share of the text, so that splitting a bead neither gains nor loses by itself.
    """
    n, m = pb.n, pb.m
    width = 2 * half + 1
    i_idx = np.arange(n + 1)[:, None]
    j = centre[:, None] + np.arange(width)[None, :] - half  # (n+1, width) target prefix position
    ls_cum = np.r_[0, np.cumsum(pb.src_len)]
    lt_cum = np.r_[0, np.cumsum(pb.tgt_len)]
    unit_s = float(pb.src_len.mean())
    unit_t = float(pb.tgt_len.mean())
    scores: dict[tuple[int, int], np.ndarray] = {}
    for ks, kt in types:
        valid = (i_idx >= ks) & (j >= kt) & (j <= m)
        jc = np.clip(j, min(kt, m), m)
        ic = np.minimum(np.maximum(i_idx, ks), n)
        # indices are clipped into the texts; cells where they would fall outside are invalid
        a_idx = [np.clip(ic - ks + ka, 0, n - 1) for ka in range(ks)]  # (n+1, 1) each
        b_idx = [np.clip(jc - kt + kb, 0, m - 1) for kb in range(kt)]  # (n+1, width) each
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
            evidence += 0.5 * pb.src_len[a_idx[ka]] / unit_s * (cos_a - model.threshold)
        for kb in range(kt):
            dot_b = sum(pair_dots[ka][kb] for ka in range(ks))
            cos_b = dot_b / np.sqrt(np.maximum(tgt_self.run[1][b_idx[kb]] * norm_s, 1e-12))
            tl = pb.tgt_len[np.clip(b_idx[kb], 0, m - 1)]
            evidence += 0.5 * tl / unit_t * (cos_b - model.threshold)
        evidence /= max(1e-3, 1.0 - model.chance)
        score = (
            params.log_prior[(ks, kt)]
            + params.lexical_weight * evidence
            + params.length_weight * length_logprob(ls, lt, model, params)
        )
        scores[(ks, kt)] = np.where(valid, score, NEG).astype(np.float32)
    return scores


def run_dp(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    cancelled: CancelCheck | None,
) -> tuple[list[tuple[tuple[int, int], int, int]], np.ndarray, np.ndarray]:
    """Viterbi over the band; returns the best path as (type, i, j) steps, and the tables."""
    n, m = pb.n, pb.m
    width = 2 * half + 1
    D = np.full((n + 1, width), NEG, dtype=np.float32)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    offsets = np.arange(width)
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    for i in range(n + 1):
        if cancelled is not None and i % 512 == 0 and cancelled():
            raise Cancelled()
        j = centre[i] + offsets - half
        inside = (j >= 0) & (j <= m)
        base = np.full(width, NEG, dtype=np.float32)
        choice = np.full(width, -1, dtype=np.int8)
        if i == 0:
            base[(j == 0)] = 0.0
        for t, (ks, kt) in enumerate(BEAD_TYPES):
            if ks == 0 or i < ks or (kt and (ks, kt) not in scores):
                continue
            shift = int(centre[i] - centre[i - ks]) - kt
            lo, hi = max(0, -shift), min(width, width - shift)
            if hi <= lo:
                continue
            prev = D[i - ks, lo + shift : hi + shift]
            add = null_s[i - 1] if kt == 0 else scores[(ks, kt)][i, lo:hi]
            cand = prev + add
            better = cand > base[lo:hi]
            base[lo:hi] = np.where(better, cand, base[lo:hi])
            choice[lo:hi] = np.where(better, t, choice[lo:hi])
        base = np.where(inside, base, NEG)
        # 0:1 beads inside the row: D[o] = max(base[o], D[o-1] + null_t[j-1])
        # outside the text the step is 0: those cells are NEG already, and a NEG step would
        # swamp the running sum's precision
        step = np.where(inside & (j >= 1), null_t[np.clip(j - 1, 0, max(m - 1, 0))], 0.0)
        step[0] = 0.0
        cum = np.cumsum(step, dtype=np.float64)
        row = cum + np.maximum.accumulate(base - cum)
        row = np.where(inside, row, NEG)
        from_left = row > base + 1e-4
        choice = np.where(from_left, BEAD_TYPES.index((0, 1)), choice)
        D[i] = row.astype(np.float32)
        back[i] = choice
    # trace back from (n, m)
    o = int(m - centre[n] + half)
    path: list[tuple[tuple[int, int], int, int]] = []
    i = n
    while i > 0 or centre[i] + o - half > 0:
        t = int(back[i, o])
        if t < 0:
            raise RuntimeError(
                f"alignment band lost the path at {i} {o} {centre[i]} {D[i, max(0, o - 3) : o + 3]}"
            )
        ks, kt = BEAD_TYPES[t]
        jj = int(centre[i] + o - half)
        path.append(((ks, kt), i, jj))
        o = int(jj - kt - centre[i - ks] + half)
        i -= ks
    path.reverse()
    return path, D, back


def posteriors(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    path: list[tuple[tuple[int, int], int, int]],
) -> list[float]:
    """Forward–backward over the band: the posterior probability of each bead on the path."""
    n, m = pb.n, pb.m
    width = 2 * half + 1
    tau = params.temperature
    offsets = np.arange(width)
    null_s = (params.log_prior[(1, 0)] + pb.src_null) / tau
    null_t = (params.log_prior[(0, 1)] + pb.tgt_null) / tau
    sc = {t: s / tau for t, s in scores.items()}
    neg = -1e30

    def jrow(i: int) -> np.ndarray:
        return centre[i] + offsets - half

    def step_row(i: int) -> np.ndarray:
        j = jrow(i)
        inside = (j >= 0) & (j <= m)
        return np.where(inside & (j >= 1), null_t[np.clip(j - 1, 0, max(m - 1, 0))], 0.0)

    F = np.full((n + 1, width), neg, dtype=np.float64)
    for i in range(n + 1):
        j = jrow(i)
        inside = (j >= 0) & (j <= m)
        base = np.full(width, neg)
        if i == 0:
            base[j == 0] = 0.0
        for ks, kt in BEAD_TYPES:
            if ks == 0 or i < ks or (kt and (ks, kt) not in sc):
                continue
            shift = int(centre[i] - centre[i - ks]) - kt
            lo, hi = max(0, -shift), min(width, width - shift)
            if hi <= lo:
                continue
            prev = F[i - ks, lo + shift : hi + shift]
            add = null_s[i - 1] if kt == 0 else sc[(ks, kt)][i, lo:hi]
            base[lo:hi] = np.logaddexp(base[lo:hi], prev + add)
        base = np.where(inside, base, neg)
        step = step_row(i)
        step[0] = 0.0
        cum = np.cumsum(step)
        F[i] = np.where(inside, cum + np.logaddexp.accumulate(base - cum), neg)
    B = np.full((n + 1, width), neg, dtype=np.float64)
    for i in range(n, -1, -1):
        j = jrow(i)
        inside = (j >= 0) & (j <= m)
        base = np.full(width, neg)
        if i == n:
            base[j == m] = 0.0
        for ks, kt in BEAD_TYPES:
            if ks == 0 or i + ks > n or (kt and (ks, kt) not in sc):
                continue
            # a bead of type (ks, kt) from (i, j) to (i+ks, j+kt)
            shift = int(centre[i] + kt - centre[i + ks])
            lo, hi = max(0, -shift), min(width, width - shift)
            if hi <= lo:
                continue
            nxt = B[i + ks, lo + shift : hi + shift]
            add = null_s[i + ks - 1] if kt == 0 else sc[(ks, kt)][i + ks, lo + shift : hi + shift]
            base[lo:hi] = np.logaddexp(base[lo:hi], nxt + add)
        base = np.where(inside, base, neg)
        # 0:1 from (i, j) to (i, j+1): B[o] = logaddexp(base[o], null_t[j] + B[o+1])
        j_next = j + 1
        step = np.where(inside & (j_next <= m), null_t[np.clip(j_next - 1, 0, max(m - 1, 0))], 0.0)
        rev_step = step[::-1]
        rev_base = base[::-1]
        # reversed: R[p] = logaddexp(rb[p], rs[p] + R[p-1]), the step shifted to apply leftwards
        rs = np.r_[0.0, rev_step[1:]]
        cum = np.cumsum(rs)
        R = cum + np.logaddexp.accumulate(rev_base - cum)
        B[i] = np.where(inside, R[::-1], neg)
    z = F[n, int(m - centre[n] + half)]
    if not math.isclose(z, B[0, int(half - centre[0])], rel_tol=1e-6, abs_tol=1e-3):
        raise AssertionError("forward and backward totals differ")  # a bug, never bad input
    out = []
    for (ks, kt), row, col in path:
        o_end = int(col - centre[row] + half)
        o_start = int(col - kt - centre[row - ks] + half)
        if ks == 0:
            bead_score = null_t[col - 1]
        elif kt == 0:
            bead_score = null_s[row - 1]
        else:
            bead_score = sc[(ks, kt)][row, o_end]
        logp = F[row - ks, o_start] + bead_score + B[row, o_end] - z
        out.append(float(min(1.0, math.exp(min(0.0, logp)))))
    return out


def path_to_beads(
    path: list[tuple[tuple[int, int], int, int]], conf: Sequence[float]
) -> list[Bead]:
    beads = []
    for ((ks, kt), i, j), c in zip(path, conf, strict=True):
        beads.append(Bead(tuple(range(i - ks, i)), tuple(range(j - kt, j)), c))
    return beads


def estimate_model(
    pb: Problem, beads: Sequence[Bead] | None, chance: float, match: float, params: AlignerParams
) -> Model:
    ratio = float(pb.tgt_len.sum()) / max(1.0, float(pb.src_len.sum()))
    variance = 6.8 * ratio  # Gale and Church's s^2, in target characters
    if beads:
        ls = np.array(
            [pb.src_len[list(b.src)].sum() for b in beads if b.src and b.tgt], dtype=float
        )
        lt = np.array(
            [pb.tgt_len[list(b.tgt)].sum() for b in beads if b.src and b.tgt], dtype=float
        )
        ok = (ls > 0) & (lt > 0)
        if ok.sum() >= 8:
            ls, lt = ls[ok], lt[ok]
            ratio = float(np.median(lt / ls))
            resid = (lt - ratio * ls) / np.sqrt((ls + lt / ratio) / 2.0)
            mad = float(np.median(np.abs(resid - np.median(resid)))) * 1.4826
            variance = max(1.0, mad * mad)
    threshold = chance + params.evidence_threshold * max(0.0, match - chance)
    return Model(ratio=max(ratio, 1e-3), variance=variance, chance=chance, threshold=threshold)


def chance_cosine(
    dots: np.ndarray,
    dot_half: int,
    src_self: SelfDots,
    tgt_self: SelfDots,
    centre: np.ndarray,
    m: int,
) -> float:
    """Median cosine of paragraph pairs far enough apart to be unrelated."""
    n = dots.shape[0]
    values = []
    for off in (-dot_half, -dot_half + 1, dot_half - 1, dot_half):
        b = centre[:n] + off
        ok = (b >= 0) & (b < m)
        if not ok.any():
            continue
        d = dots[:n, off + dot_half][ok]
        norms = np.sqrt(np.maximum(src_self.run[1][:n][ok] * tgt_self.run[1][b[ok]], 1e-12))
        values.append(d / norms)
    if not values:
        return 0.0
    return float(np.median(np.concatenate(values)))


def match_cosine(
    dots: np.ndarray,
    dot_half: int,
    src_self: SelfDots,
    tgt_self: SelfDots,
    centre: np.ndarray,
    m: int,
) -> float:
    """Median over source paragraphs of the best cosine near the expected path."""
    n = dots.shape[0]
    b = centre[:n, None] + np.arange(dots.shape[1])[None, :] - dot_half
    ok = (b >= 0) & (b < m)
    norms = np.sqrt(
        np.maximum(src_self.run[1][:n, None] * tgt_self.run[1][np.clip(b, 0, m - 1)], 1e-12)
    )
    cos = np.where(ok, dots / norms, 0.0)
    near = cos[:, max(0, dot_half - 3) : dot_half + 4]
    return float(np.median(near.max(axis=1)))
