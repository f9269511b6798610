"""The cross-lingual paragraph aligner: anchors, a bilingual lexicon learnt on the fly, length.

How it works (see DESIGN.md):
1. Each paragraph is reduced to features (reader.core.anchors): content words, language-neutral
   anchor keys (numbers, dates, glossary terms, handles, links) and name candidates.
2. Source paragraphs are projected into the target's word space through a translation matrix
   built from the shipped lexicon, transliterated-name matches, and, after the first pass, word
   pairs learnt from the pair itself (co-occurrence over confidently aligned beads).
3. A dynamic programme over bead types (1:1, 1:2, 2:1, 1:3, 3:1, 2:2, 1:0, 0:1) in a band
   around an expected path (the diagonal, then the previous pass's path) maximises the sum of
   bead scores: lexical evidence (idf-weighted matches minus what chance would give), a
   Gale–Church length term with the ratio estimated from the pair, and bead-type priors.
   Paragraphs known to be embedded posts, duplicates or boilerplate cost little to leave out.
4. A forward–backward pass over the same band gives each bead its posterior probability:
   the confidence the app shows.
Everything is vectorised over the band, so time grows linearly with the length of the pair.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.special import log_ndtr

from reader.core.alignment import Alignment, Bead
from reader.core.anchors import Anchors, Features, english_stem, paragraph_features, text_anchors
from reader.core.glossary import Glossary, Lexicon
from reader.core.pair import CancelCheck, Cancelled, ProgressCallback
from reader.core.texts import Kind, Text

# (source paragraphs, target paragraphs) of each bead type the programme considers
BEAD_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 0), (0, 1))
_MATCH_TYPES = [t for t in BEAD_TYPES if t[0] and t[1]]
NEG = np.float32(-1e30)


@dataclass(frozen=True, slots=True)
class AlignerParams:
    """Weights of the bead score and the search's extent. Tuned on bench cases of several seeds."""

    log_prior: dict[tuple[int, int], float] = field(
        default_factory=lambda: {
            (1, 1): 0.0,
            (1, 2): -2.3,
            (2, 1): -2.3,
            (1, 3): -4.5,
            (3, 1): -4.5,
            (2, 2): -4.5,
            (1, 0): -3.0,
            (0, 1): -3.0,
        }
    )
    lexical_weight: float = 40.0
    length_weight: float = 1.0
    length_outliers: float = 0.1  # share of beads whose length ratio is off the pair's norm
    length_outlier_scale: float = 4.0
    # where, between chance and a typical match, a paragraph's cosine counts as explained
    evidence_threshold: float = 0.3
    # a paragraph that is an embedded post, a duplicate or boilerplate: cheaper to leave out
    null_bonus_kind: float = 6.0
    band_min: int = 30
    band_fraction: float = 0.03
    band_refine: int = 16
    max_cells: int = 40_000_000
    passes: int = 3
    learn_min_count: int = 2
    learn_min_dice: float = 0.25
    learn_top: int = 3
    name_threshold: float = 0.82
    temperature: float = 1.0


DEFAULT_PARAMS = AlignerParams()


# ----------------------------------------------------------------------------- features


@dataclass(slots=True)
class _Side:
    features: list[Features]
    null_bonus: np.ndarray  # per paragraph


def _side(text_paragraphs: Sequence[str], kinds: Sequence[Kind], lang: str, glossary: Glossary,
          params: AlignerParams, anchors: Sequence[Anchors] | None = None,
          cancelled: CancelCheck | None = None) -> _Side:
    feats = []
    for i, t in enumerate(text_paragraphs):
        if cancelled is not None and i % 256 == 0 and cancelled():
            raise Cancelled()
        feats.append(paragraph_features(t, lang, glossary, None if anchors is None else anchors[i]))
    bonus = np.array(
        [params.null_bonus_kind if k in (Kind.EMBEDDED_POST, Kind.DUPLICATE, Kind.BOILERPLATE)
         else 0.0 for k in kinds],
        dtype=np.float32,
    )
    return _Side(feats, bonus)


class _Vocab:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def id(self, token: str) -> int:
        i = self.index.get(token)
        if i is None:
            i = self.index[token] = len(self.index)
        return i

    def __len__(self) -> int:
        return len(self.index)


def _presence(rows: Sequence[Iterable[int]], n_cols: int) -> sp.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    for r in rows:
        cols = sorted(set(r))
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)),
                         shape=(len(rows), n_cols))


@dataclass(slots=True)
class _Space:
    """Both sides as vectors in one space: target words and anchor keys."""

    src_words: sp.csr_matrix  # n x |A| (Arabic/source word presence)
    src_keys: sp.csr_matrix  # n x D
    tgt: sp.csr_matrix  # m x D (target word and key presence)
    weights: np.ndarray  # D idf weights
    src_vocab: list[str]
    tgt_vocab: dict[str, int]
    n_tgt_words: int


def _build_space(src: _Side, tgt: _Side) -> _Space:
    tv = _Vocab()
    for f in tgt.features:
        for w in f.words:
            tv.id(w)
    n_words = len(tv)
    for f in tgt.features + src.features:
        for k in f.keys:
            tv.id(k)
    sv = _Vocab()
    src_word_rows = [[sv.id(w) for w in f.words] for f in src.features]
    D = len(tv)
    tgt_rows = [[tv.index[w] for w in f.words] + [tv.index[k] for k in f.keys] for f in tgt.features]
    tgt_m = _presence(tgt_rows, D)
    src_keys = _presence([[tv.index[k] for k in f.keys] for f in src.features], D)
    # idf over both sides' presence (keys) and the target (words)
    df = np.asarray(tgt_m.sum(axis=0)).ravel() + np.asarray(src_keys.sum(axis=0)).ravel()
    n_docs = tgt_m.shape[0] + src_keys.shape[0]
    weights = (np.log((n_docs + 1) / (df + 1)) + 1.0).astype(np.float32)
    return _Space(
        src_words=_presence(src_word_rows, len(sv)),
        src_keys=src_keys,
        tgt=tgt_m,
        weights=weights,
        src_vocab=list(sv.index),
        tgt_vocab=tv.index,
        n_tgt_words=n_words,
    )


def _lexicon_matrix(space: _Space, lexicon: Lexicon) -> sp.csr_matrix:
    rows, cols = [], []
    for a, word in enumerate(space.src_vocab):
        for translation in lexicon.translations(word):
            for part in translation.split():
                e = space.tgt_vocab.get(english_stem(part))
                if e is not None and e < space.n_tgt_words:
                    rows.append(a)
                    cols.append(e)
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(space.src_vocab), space.weights.shape[0]))


def _name_matrix(space: _Space, src: _Side, tgt: _Side, lexicon: Lexicon,
                 threshold: float) -> sp.csr_matrix:
    """Arabic words the lexicon does not know, matched to English capitalised words by sound."""
    from rapidfuzz import fuzz, process

    from reader.core.arabic import skeleton

    known = {w for w in space.src_vocab if lexicon.translations(w)}
    ar_names = sorted({w for f in src.features for w in f.names if w not in known})
    en_names = sorted({n for f in tgt.features for n in f.names})
    if not ar_names or not en_names:
        return sp.csr_matrix((len(space.src_vocab), space.weights.shape[0]), dtype=np.float32)
    ar_sk = [skeleton(w, "ar") for w in ar_names]
    en_sk = [skeleton(w, "en") for w in en_names]
    scores = process.cdist(ar_sk, en_sk, scorer=fuzz.ratio, score_cutoff=threshold * 100,
                           dtype=np.uint8, workers=1)
    src_index = {w: i for i, w in enumerate(space.src_vocab)}
    rows, cols, data = [], [], []
    for a_i, e_i in zip(*np.nonzero(scores), strict=True):
        a_sk, e_sk = ar_sk[a_i], en_sk[e_i]
        if min(len(a_sk), len(e_sk)) < 3 and a_sk != e_sk:
            continue  # two-consonant skeletons collide by chance unless identical
        e = space.tgt_vocab.get(english_stem(en_names[e_i]))
        if e is None:
            continue
        rows.append(src_index[ar_names[a_i]])
        cols.append(e)
        data.append(float(scores[a_i, e_i]) / 100.0)
    return sp.csr_matrix((np.array(data, dtype=np.float32), (rows, cols)),
                         shape=(len(space.src_vocab), space.weights.shape[0]))


def _learnt_matrix(space: _Space, beads: Sequence[Bead], params: AlignerParams) -> sp.csr_matrix:
    """Word pairs that keep turning up together in aligned beads (Dice over co-occurrence)."""
    match = [b for b in beads if b.src and b.tgt and b.confidence >= 0.5]
    shape = (len(space.src_vocab), space.weights.shape[0])
    if len(match) < 8:
        return sp.csr_matrix(shape, dtype=np.float32)
    n_b = len(match)
    bs = sp.csr_matrix(
        (np.ones(sum(len(b.src) for b in match), dtype=np.float32),
         (np.repeat(np.arange(n_b), [len(b.src) for b in match]),
          np.concatenate([b.src for b in match]))),
        shape=(n_b, space.src_words.shape[0]),
    )
    bt = sp.csr_matrix(
        (np.ones(sum(len(b.tgt) for b in match), dtype=np.float32),
         (np.repeat(np.arange(n_b), [len(b.tgt) for b in match]),
          np.concatenate([b.tgt for b in match]))),
        shape=(n_b, space.tgt.shape[0]),
    )
    xa = (bs @ space.src_words).minimum(1).tocsc()
    xe = (bt @ space.tgt[:, : space.n_tgt_words]).minimum(1).tocsc()
    co = (xa.T @ xe).tocoo()
    ca = np.asarray(xa.sum(axis=0)).ravel()
    ce = np.asarray(xe.sum(axis=0)).ravel()
    c = co.data
    dice = 2 * c / (ca[co.row] + ce[co.col])
    expected = ca[co.row] * ce[co.col] / n_b
    keep = (c >= params.learn_min_count) & (dice >= params.learn_min_dice) & (c >= 2 * expected)
    rows, cols, vals = co.row[keep], co.col[keep], dice[keep].astype(np.float32)
    # keep each source word's best few translations
    order = np.lexsort((-vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    rank = np.zeros(len(rows), dtype=np.int64)
    if len(rows):
        starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
        run_start = np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        rank = np.arange(len(rows)) - run_start
    top = rank < params.learn_top
    return sp.csr_matrix((np.minimum(1.0, vals[top] * 2), (rows[top], cols[top])), shape=shape)


# ----------------------------------------------------------------------------- the programme


@dataclass(slots=True)
class _Problem:
    n: int
    m: int
    src_vec: sp.csr_matrix  # n x D, weighted
    tgt_vec: sp.csr_matrix  # m x D, weighted
    src_len: np.ndarray
    tgt_len: np.ndarray
    src_null: np.ndarray  # score of leaving each source paragraph out
    tgt_null: np.ndarray


def _vectors(space: _Space, translation: sp.csr_matrix) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    projected = (space.src_words @ translation).minimum(1) + space.src_keys
    w = sp.diags(space.weights)
    return (projected.minimum(1) @ w).tocsr(), (space.tgt @ w).tocsr()


def _band_centres(n: int, m: int, path: Sequence[tuple[int, int]] | None) -> np.ndarray:
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


def _dot_band(src: sp.csr_matrix, tgt: sp.csr_matrix, centre: np.ndarray, half: int) -> np.ndarray:
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
                out[a, q0:q1] = block[a - a0, start + q0 - lo:start + q1 - lo]
    return out


@dataclass(slots=True)
class _Model:
    ratio: float
    variance: float
    chance: float  # cosine of unrelated paragraphs
    threshold: float  # cosine above which a paragraph counts as explained by its counterpart


def _gather(dots: np.ndarray, a: np.ndarray, b: np.ndarray, centre: np.ndarray,
            dot_half: int) -> np.ndarray:
    """dots between source paragraphs a (rows) and target paragraphs b, 0 outside the band."""
    q = b - centre[a] + dot_half
    ok = (q >= 0) & (q < dots.shape[1])
    return np.where(ok, dots[a, np.clip(q, 0, dots.shape[1] - 1)], 0.0).astype(np.float32)


@dataclass(slots=True)
class _SelfDots:
    """Norms of runs of 1-3 consecutive paragraphs of one side: |v_a + ... + v_{a+k-1}|^2."""

    run: dict[int, np.ndarray]  # run length -> array over start index (padded)

    @classmethod
    def of(cls, vec: sp.csr_matrix) -> _SelfDots:
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
        run3 = (np.r_[sq[:-2] + sq[1:-1] + sq[2:] + 2 * (d1[:-2] + d1[1:-1] + d2[:-2]), pad, 0, 0]
                if n > 2 else np.zeros(n + 3))
        return cls({1: run1, 2: run2[: n + 3], 3: run3[: n + 3]})


def _length_logprob(ls: np.ndarray, lt: np.ndarray, model: _Model, params: AlignerParams) -> np.ndarray:
    """Gale and Church's length match probability, with a wide component for the beads a
    translator condensed or expanded (a pure Gaussian punishes those quadratically)."""
    mean = (ls + lt / model.ratio) / 2.0
    delta = np.abs(lt - ls * model.ratio) / np.sqrt(model.variance * np.maximum(mean, 1.0))
    narrow = math.log(1.0 - params.length_outliers) + log_ndtr(-delta)
    wide = (math.log(params.length_outliers) - math.log(params.length_outlier_scale)
            + log_ndtr(-delta / params.length_outlier_scale))
    return (math.log(2.0) + np.logaddexp(narrow, wide)).astype(np.float32)


def _bead_scores(pb: _Problem, centre: np.ndarray, half: int, dots: np.ndarray, dot_half: int,
                 src_self: _SelfDots, tgt_self: _SelfDots, model: _Model,
                 params: AlignerParams,
                 types: Sequence[tuple[int, int]] = _MATCH_TYPES) -> dict[tuple[int, int], np.ndarray]:
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
    for k, l in types:
        valid = (i_idx >= k) & (j >= l) & (j <= m)
        jc = np.clip(j, min(l, m), m)
        ic = np.minimum(np.maximum(i_idx, k), n)
        # indices are clipped into the texts; cells where they would fall outside are invalid
        a_idx = [np.clip(ic - k + kk, 0, n - 1) for kk in range(k)]  # (n+1, 1) each
        b_idx = [np.clip(jc - l + ll, 0, m - 1) for ll in range(l)]  # (n+1, width) each
        pair_dots = [[_gather(dots, a_idx[kk], b_idx[ll], centre, dot_half) for ll in range(l)]
                     for kk in range(k)]
        norm_s = src_self.run[k][np.maximum(ic - k, 0)]
        norm_t = tgt_self.run[l][np.maximum(jc - l, 0)]
        ls = (ls_cum[ic] - ls_cum[np.maximum(ic - k, 0)]).astype(np.float32)
        lt = (lt_cum[jc] - lt_cum[np.maximum(jc - l, 0)]).astype(np.float32)
        # each paragraph of the bead, weighted by its length, is scored by how well the other
        # side of the bead explains it: unrelated text merged into a bead costs, left out it
        # costs nothing (the null bead's prior decides)
        evidence = np.zeros(j.shape, dtype=np.float32)
        for kk in range(k):
            dot_a = sum(pair_dots[kk])
            cos_a = dot_a / np.sqrt(np.maximum(src_self.run[1][a_idx[kk]] * norm_t, 1e-12))
            evidence += 0.5 * pb.src_len[a_idx[kk]] / unit_s * (cos_a - model.threshold)
        for ll in range(l):
            dot_b = sum(pair_dots[kk][ll] for kk in range(k))
            cos_b = dot_b / np.sqrt(np.maximum(tgt_self.run[1][b_idx[ll]] * norm_s, 1e-12))
            tl = pb.tgt_len[np.clip(b_idx[ll], 0, m - 1)]
            evidence += 0.5 * tl / unit_t * (cos_b - model.threshold)
        evidence /= max(1e-3, 1.0 - model.chance)
        score = (params.log_prior[(k, l)]
                 + params.lexical_weight * evidence
                 + params.length_weight * _length_logprob(ls, lt, model, params))
        scores[(k, l)] = np.where(valid, score, NEG).astype(np.float32)
    return scores


def _run_dp(pb: _Problem, centre: np.ndarray, half: int,
            scores: dict[tuple[int, int], np.ndarray], params: AlignerParams,
            cancelled: CancelCheck | None) -> tuple[list[tuple[tuple[int, int], int, int]], np.ndarray,
                                                    np.ndarray]:
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
        for t, (k, l) in enumerate(BEAD_TYPES):
            if k == 0 or i < k or (l and (k, l) not in scores):
                continue
            shift = int(centre[i] - centre[i - k]) - l
            lo, hi = max(0, -shift), min(width, width - shift)
            if hi <= lo:
                continue
            prev = D[i - k, lo + shift:hi + shift]
            if l == 0:
                cand = prev + null_s[i - 1]
            else:
                cand = prev + scores[(k, l)][i, lo:hi]
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
            raise RuntimeError(f"alignment band lost the path at {i} {o} {centre[i]} {D[i, max(0,o-3):o+3]}")
        k, l = BEAD_TYPES[t]
        jj = int(centre[i] + o - half)
        path.append(((k, l), i, jj))
        o = int(jj - l - centre[i - k] + half)
        i -= k
    path.reverse()
    return path, D, back


def _posteriors(pb: _Problem, centre: np.ndarray, half: int,
                scores: dict[tuple[int, int], np.ndarray], params: AlignerParams,
                path: list[tuple[tuple[int, int], int, int]]) -> list[float]:
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
        for k, l in BEAD_TYPES:
            if k == 0 or i < k or (l and (k, l) not in sc):
                continue
            shift = int(centre[i] - centre[i - k]) - l
            lo, hi = max(0, -shift), min(width, width - shift)
            if hi <= lo:
                continue
            prev = F[i - k, lo + shift:hi + shift]
            add = null_s[i - 1] if l == 0 else sc[(k, l)][i, lo:hi]
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
        for k, l in BEAD_TYPES:
            if k == 0 or i + k > n or (l and (k, l) not in sc):
                continue
            # a bead of type (k, l) from (i, j) to (i+k, j+l)
            shift = int(centre[i] + l - centre[i + k])
            lo, hi = max(0, -shift), min(width, width - shift)
            if hi <= lo:
                continue
            nxt = B[i + k, lo + shift:hi + shift]
            add = null_s[i + k - 1] if l == 0 else sc[(k, l)][i + k, lo + shift:hi + shift]
            base[lo:hi] = np.logaddexp(base[lo:hi], nxt + add)
        base = np.where(inside, base, neg)
        # 0:1 from (i, j) to (i, j+1): B[o] = logaddexp(base[o], null_t[j] + B[o+1])
        j_next = j + 1
        step = np.where(inside & (j_next <= m), null_t[np.clip(j_next - 1, 0, max(m - 1, 0))], 0.0)
        rev_step = step[::-1]
        rev_base = base[::-1]
        # reversed: R[p] = logaddexp(rb[p], rs[p] + R[p-1]) with rs aligned so step applies going left
        rs = np.r_[0.0, rev_step[1:]]
        cum = np.cumsum(rs)
        R = cum + np.logaddexp.accumulate(rev_base - cum)
        B[i] = np.where(inside, R[::-1], neg)
    z = F[n, int(m - centre[n] + half)]
    out = []
    for (k, l), i, j in path:
        o_end = int(j - centre[i] + half)
        o_start = int(j - l - centre[i - k] + half)
        if k == 0:
            add = null_t[j - 1]
        elif l == 0:
            add = null_s[i - 1]
        else:
            add = sc[(k, l)][i, o_end]
        logp = F[i - k, o_start] + add + B[i, o_end] - z
        out.append(float(min(1.0, math.exp(min(0.0, logp)))))
    return out


def _path_to_beads(path: list[tuple[tuple[int, int], int, int]], conf: Sequence[float]) -> list[Bead]:
    beads = []
    for ((k, l), i, j), c in zip(path, conf, strict=True):
        beads.append(Bead(tuple(range(i - k, i)), tuple(range(j - l, j)), c))
    return beads


def _estimate_model(pb: _Problem, beads: Sequence[Bead] | None, chance: float, match: float,
                    params: AlignerParams) -> _Model:
    ratio = float(pb.tgt_len.sum()) / max(1.0, float(pb.src_len.sum()))
    variance = 6.8 * ratio  # Gale and Church's s^2, in target characters
    if beads:
        ls = np.array([pb.src_len[list(b.src)].sum() for b in beads if b.src and b.tgt], dtype=float)
        lt = np.array([pb.tgt_len[list(b.tgt)].sum() for b in beads if b.src and b.tgt], dtype=float)
        ok = (ls > 0) & (lt > 0)
        if ok.sum() >= 8:
            ls, lt = ls[ok], lt[ok]
            ratio = float(np.median(lt / ls))
            resid = (lt - ratio * ls) / np.sqrt((ls + lt / ratio) / 2.0)
            mad = float(np.median(np.abs(resid - np.median(resid)))) * 1.4826
            variance = max(1.0, mad * mad)
    threshold = chance + params.evidence_threshold * max(0.0, match - chance)
    return _Model(ratio=max(ratio, 1e-3), variance=variance, chance=chance, threshold=threshold)


def _chance_cosine(dots: np.ndarray, dot_half: int, src_self: _SelfDots,
                   tgt_self: _SelfDots, centre: np.ndarray, m: int) -> float:
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


def _identity_matrix(space: _Space) -> sp.csr_matrix:
    """Two texts in one language: a word translates as itself."""
    rows, cols = [], []
    for a, word in enumerate(space.src_vocab):
        e = space.tgt_vocab.get(word)
        if e is not None and e < space.n_tgt_words:
            rows.append(a)
            cols.append(e)
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                         shape=(len(space.src_vocab), space.weights.shape[0]))


def _match_cosine(dots: np.ndarray, dot_half: int, src_self: _SelfDots,
                  tgt_self: _SelfDots, centre: np.ndarray, m: int) -> float:
    """Median over source paragraphs of the best cosine near the expected path."""
    n = dots.shape[0]
    b = centre[:n, None] + np.arange(dots.shape[1])[None, :] - dot_half
    ok = (b >= 0) & (b < m)
    norms = np.sqrt(np.maximum(src_self.run[1][:n, None] * tgt_self.run[1][np.clip(b, 0, m - 1)],
                               1e-12))
    cos = np.where(ok, dots / norms, 0.0)
    near = cos[:, max(0, dot_half - 3):dot_half + 4]
    return float(np.median(near.max(axis=1)))


def _align_sides(src: _Side, tgt: _Side, lexicon: Lexicon | None, params: AlignerParams,
                 progress: ProgressCallback | None, cancelled: CancelCheck | None) -> list[Bead]:
    """Align two sides; `lexicon` None means both sides are in the same language."""
    n, m = len(src.features), len(tgt.features)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    space = _build_space(src, tgt)
    if lexicon is None:
        base_translation = _identity_matrix(space)
    else:
        base_translation = _lexicon_matrix(space, lexicon) + _name_matrix(
            space, src, tgt, lexicon, params.name_threshold)
    src_len = np.array([max(1, f.length) for f in src.features], dtype=np.float32)
    tgt_len = np.array([max(1, f.length) for f in tgt.features], dtype=np.float32)
    beads: list[Bead] | None = None
    path_points: list[tuple[int, int]] | None = None
    passes = max(1, params.passes)
    for p in range(passes):
        if cancelled is not None and cancelled():
            raise Cancelled()
        translation = base_translation
        if beads is not None:
            translation = translation + _learnt_matrix(space, beads, params)
        src_vec, tgt_vec = _vectors(space, translation.tocsr())
        pb = _Problem(n, m, src_vec, tgt_vec, src_len, tgt_len, src.null_bonus, tgt.null_bonus)
        if path_points is None:
            half = max(params.band_min, int(params.band_fraction * max(n, m)), abs(n - m) + 8)
        else:
            half = params.band_refine
        half = min(half, max(n, m) + 3, max(4, params.max_cells // (n + 1) // 2))
        centre = _band_centres(n, m, path_points)
        dot_half = half + 8
        dots = _dot_band(src_vec, tgt_vec, centre, dot_half)
        src_self, tgt_self = _SelfDots.of(src_vec), _SelfDots.of(tgt_vec)
        chance = _chance_cosine(dots, dot_half, src_self, tgt_self, centre, m)
        match = _match_cosine(dots, dot_half, src_self, tgt_self, centre, m)
        model = _estimate_model(pb, beads, chance, match, params)
        # the first pass only finds the corridor: the common bead types are enough for that
        types = _MATCH_TYPES if path_points is not None or passes == 1 else [(1, 1), (1, 2), (2, 1)]
        scores = _bead_scores(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params,
                              types)
        path, _, _ = _run_dp(pb, centre, half, scores, params, cancelled)
        # posteriors cost a forward and a backward pass: only the final beads need them
        last = p == passes - 1
        conf = _posteriors(pb, centre, half, scores, params, path) if last else [1.0] * len(path)
        beads = _path_to_beads(path, conf)
        path_points = [(0, 0)] + [(i, j) for _, i, j in path]
        if progress is not None:
            progress(min(0.99, 0.2 + 0.8 * (p + 1) / passes))
    assert beads is not None
    return beads


# ----------------------------------------------------------------------------- public API


def _swap(beads: Sequence[Bead]) -> list[Bead]:
    return [Bead(b.tgt, b.src, b.confidence) for b in beads]


@dataclass(slots=True)
class _Input:
    """One side as the aligner takes it: paragraph texts, kinds, language, anchors if known."""

    texts: Sequence[str]
    kinds: Sequence[Kind]
    lang: str
    anchors: Sequence[Anchors] | None = None


def _align_any(source: _Input, target: _Input, glossary: Glossary, params: AlignerParams,
               progress: ProgressCallback | None, cancelled: CancelCheck | None) -> list[Bead]:
    """Align in whichever direction the lexicon reads (Arabic to English), then put it back."""
    if source.lang != "ar" and target.lang == "ar":
        return _swap(_align_any(target, source, glossary, params, progress, cancelled))
    src = _side(source.texts, source.kinds, source.lang, glossary, params, source.anchors, cancelled)
    tgt = _side(target.texts, target.kinds, target.lang, glossary, params, target.anchors, cancelled)
    src_lang, tgt_lang = source.lang, target.lang
    if progress is not None:
        progress(0.2)
    lexicon = None if src_lang == tgt_lang else Lexicon.load()
    return _align_sides(src, tgt, lexicon, params, progress, cancelled)


def align_texts(
    source: Text,
    target: Text,
    glossaries: Sequence[Path] = (),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
) -> Alignment:
    """Align two texts paragraph by paragraph. Deterministic for the same input."""
    glossary = Glossary.load(glossaries)
    if progress is not None:
        progress(0.0)
    beads = _align_any(
        _Input([p.text for p in source.paragraphs], [p.kind for p in source.paragraphs],
               source.language, text_anchors(source, glossary, cancelled)),
        _Input([p.text for p in target.paragraphs], [p.kind for p in target.paragraphs],
               target.language, text_anchors(target, glossary, cancelled)),
        glossary, params, progress, cancelled,
    )
    if progress is not None:
        progress(1.0)
    return Alignment(beads, len(source.paragraphs), len(target.paragraphs))


def align_segments(
    src_segments: Sequence[str],
    tgt_segments: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
) -> list[Bead]:
    """Align two short lists of strings (e.g. the sentences of one bead) with the same machinery."""
    glossary = glossary if glossary is not None else Glossary.load()
    return _align_any(
        _Input(src_segments, [Kind.BODY] * len(src_segments), src_lang),
        _Input(tgt_segments, [Kind.BODY] * len(tgt_segments), tgt_lang),
        glossary, replace(params, passes=1), None, None,
    )
