"""The banded dynamic programme over bead types, and the forward-backward pass for confidence.

Cells are (source prefix i, offset o) with target prefix j = centre[i] + o - half: a band of
fixed width around an expected path, so time and memory grow linearly with the pair.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import numpy as np
import scipy.sparse as sp
from scipy.special import log_ndtr

from reader.core.align.beads import Bead
from reader.core.align.params import BEAD_TYPES, MATCH_TYPES, NEG, AlignerParams
from reader.core.errors import Cancelled, ReaderError
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


def path_row_span(path: Sequence[tuple[int, int]], n: int) -> int:
    """The widest range of target positions that a path visits within one source row."""
    lo = np.full(n + 1, np.iinfo(np.int64).max, dtype=np.int64)
    hi = np.full(n + 1, -1, dtype=np.int64)
    for i, j in path:
        lo[i] = min(lo[i], j)
        hi[i] = max(hi[i], j)
    seen = hi >= 0
    return int((hi[seen] - lo[seen]).max()) if seen.any() else 0


def band_half(
    path: Sequence[tuple[int, int]], n: int, centre: np.ndarray, minimum: int, longest: int
) -> int:
    """Half the width of a band around `centre` that holds `path`: every row's visits fit, and
    each row's band reaches the next one's with a bead of at most `longest` target units (a
    path point far from its row's neighbours, as where one unit faces many, moves the centre
    further than the visits alone say)."""
    jump = int(np.diff(centre).max(initial=0))
    return max(minimum, path_row_span(path, n) // 2 + 2, -(-(jump - longest) // 2))


def diagonal_half(n: int, m: int, params: AlignerParams) -> int:
    """Half the width of the first band around the diagonal: a share of the longer side, and
    wide enough for the difference in length."""
    return max(params.band_min, int(params.band_fraction * max(n, m)), abs(n - m) + 8)


def half_cap(n: int, params: AlignerParams) -> int:
    """The widest half band of n + 1 rows that the cell budget allows."""
    return max(4, params.max_cells // (n + 1) // 2)


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


@dataclass(frozen=True, slots=True)
class RowModels:
    """A model per band row, for several problems laid one after another along one band
    (reader.core.align.batch): row i holds the model of the problem whose beads end there.

    Each field is a column vector over the band's rows, of the dtype the one-model scorer's
    Python floats take in the expressions they enter (float64 against the cosines, float32
    against the lengths), so that each problem's cells score as they would in a band of its own.
    """

    threshold: np.ndarray  # float64
    scale: np.ndarray  # float32: what the evidence is divided by, max(1e-3, 1 - chance)
    ratio: np.ndarray  # float32
    variance: np.ndarray  # float32
    unit_s: np.ndarray  # float32: the problem's mean source length
    unit_t: np.ndarray  # float32: the problem's mean target length

    @classmethod
    def of(
        cls, models: Sequence[Model], src_len: Sequence[np.ndarray], tgt_len: Sequence[np.ndarray],
        row_problem: np.ndarray,
    ) -> RowModels:
        """Per-row models from each problem's model and lengths; `row_problem` maps each band
        row to its problem."""

        def column(values: Iterable[float], dtype: type) -> np.ndarray:
            return np.array(list(values), dtype=dtype)[row_problem][:, None]

        return cls(
            threshold=column((m.threshold for m in models), np.float64),
            scale=column((max(1e-3, 1.0 - m.chance) for m in models), np.float32),
            ratio=column((m.ratio for m in models), np.float32),
            variance=column((m.variance for m in models), np.float32),
            unit_s=column((float(x.mean()) for x in src_len), np.float32),
            unit_t=column((float(x.mean()) for x in tgt_len), np.float32),
        )

    def rows(self, r0: int, r1: int) -> RowModels:
        return RowModels(
            self.threshold[r0:r1], self.scale[r0:r1], self.ratio[r0:r1], self.variance[r0:r1],
            self.unit_s[r0:r1], self.unit_t[r0:r1],
        )


def _gather(
    dots: np.ndarray, a: np.ndarray, b: np.ndarray, centre: np.ndarray, dot_half: int
) -> np.ndarray:
    """dots between source paragraphs a (rows) and target paragraphs b, 0 outside the band."""
    q = b - centre[a] + dot_half
    ok = (q >= 0) & (q < dots.shape[1])
    return np.where(ok, dots[a, np.clip(q, 0, dots.shape[1] - 1)], 0.0).astype(np.float32)


@dataclass(slots=True)
class SelfDots:
    """Norms of runs of consecutive paragraphs of one side: |v_a + ... + v_{a+k-1}|^2."""

    run: dict[int, np.ndarray]  # run length -> array over start index (padded)

    @classmethod
    def of(cls, vec: sp.csr_matrix, longest: int = 3) -> SelfDots:
        n = vec.shape[0]
        pad = longest
        # lag[d][a] = v_a . v_{a+d}: a run's squared norm is its squares plus twice its lags
        lag = [np.asarray(vec.multiply(vec).sum(axis=1)).ravel()]
        for d in range(1, longest):
            dots = np.zeros(n)
            if n > d:
                dots[:-d] = np.asarray(vec[:-d].multiply(vec[d:]).sum(axis=1)).ravel()
            lag.append(dots)
        run: dict[int, np.ndarray] = {}
        total = np.zeros(n + pad)
        for k in range(1, longest + 1):
            # runs of k start at a = 0 .. n - k; total[a] adds, for the run's new last member
            # a + k - 1, its square and its dots with the k - 1 members before it
            grown = np.zeros(n + pad)
            if n >= k:
                last = np.arange(k - 1, n)
                grown[: n - k + 1] = lag[0][last] + 2 * sum(
                    (lag[d][last - d] for d in range(1, k)), np.zeros(n - k + 1)
                )
            total = total + grown if k > 1 else grown
            if n >= k:
                total[n - k + 1 :] = 0.0
            run[k] = total.copy()
        return cls(run)


class LengthModel(Protocol):
    """What the length term reads of a model: one pair's, or one per band row (RowModels)."""

    @property
    def ratio(self) -> float | np.ndarray: ...

    @property
    def variance(self) -> float | np.ndarray: ...


def length_logprob(
    ls: np.ndarray, lt: np.ndarray, model: LengthModel, params: AlignerParams
) -> np.ndarray:
    """Gale and Church's length match probability, with a wide component for the beads a
    translator condensed or expanded (a pure Gaussian punishes those quadratically)."""
    mean = (ls + lt / model.ratio) / 2.0
    delta = np.abs(lt - ls * model.ratio) / np.sqrt(model.variance * np.maximum(mean, 1.0))
    return _LengthTable.of(params.length_outliers, params.length_outlier_scale).at(delta)


@dataclass(frozen=True, slots=True)
class _LengthTable:
    """The length term as a function of the standardised difference alone, tabulated: read
    by linear interpolation it costs a third of two log_ndtr calls over the band (error
    below 1e-5), and beyond the table it is computed."""

    outliers: float
    scale: float
    values: np.ndarray

    STEP = 1.0 / 256
    END = 64.0

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, outliers: float, scale: float) -> _LengthTable:
        grid = np.arange(0.0, cls.END + 2 * cls.STEP, cls.STEP)
        return cls(outliers, scale, _length_term(grid, outliers, scale))

    def at(self, delta: np.ndarray) -> np.ndarray:
        x = np.minimum(delta * np.float32(1 / self.STEP), np.float32(self.END / self.STEP))
        k = x.astype(np.int32)
        frac = x - k
        out = (self.values[k] * (1 - frac) + self.values[k + 1] * frac).astype(np.float32)
        far = delta > self.END
        if far.any():
            out[far] = _length_term(delta[far].astype(np.float64), self.outliers, self.scale)
        return out


def _length_term(delta: np.ndarray, outliers: float, scale: float) -> np.ndarray:
    narrow = math.log(1.0 - outliers) + log_ndtr(-delta)
    wide = math.log(outliers) - math.log(scale) + log_ndtr(-delta / scale)
    return (math.log(2.0) + np.logaddexp(narrow, wide)).astype(np.float32)


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


_BLOCK_CELLS = 1_000_000


def score_band(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    params: AlignerParams,
    types: Sequence[tuple[int, int]],
    beads: Sequence[Bead] | None = None,
) -> dict[tuple[int, int], np.ndarray]:
    """Bead scores over the band around `centre`: the dot products there, the chance and
    typical cosines measured on them, and the length model fitted to `beads` (or, without
    them, the pair's totals)."""
    dot_half = half + 8
    dots = dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    src_self = SelfDots.of(pb.src_vec, max(ks for ks, _ in types))
    tgt_self = SelfDots.of(pb.tgt_vec, max(kt for _, kt in types))
    cosines = band_cosines(dots, dot_half, src_self, tgt_self, centre, pb.m)
    model = estimate_model(pb, beads, chance_cosine(cosines), match_cosine(cosines), params)
    return bead_scores(pb, centre, half, dots, dot_half, src_self, tgt_self, model, params, types)


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
            evidence += 0.5 * pb.src_len[a_idx[ka]] / unit_s * (cos_a - threshold)
        for kb in range(kt):
            dot_b = sum(pair_dots[ka][kb] for ka in range(ks))
            cos_b = dot_b / np.sqrt(np.maximum(tgt_self.run[1][b_idx[kb]] * norm_s, 1e-12))
            tl = pb.tgt_len[np.clip(b_idx[kb], 0, m - 1)]
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


_ZERO_ONE = np.int8(BEAD_TYPES.index((0, 1)))


@dataclass(slots=True)
class _Grid:
    """Per band row: the target position of each cell, whether it is inside the text, and the
    running sum of 0:1 bead scores along the row (outside the text the step is 0: those cells
    are NEG already, and a NEG step would swamp the running sum's precision)."""

    j: np.ndarray
    inside: np.ndarray
    cum: np.ndarray

    @classmethod
    def of(cls, centre: np.ndarray, half: int, m: int, null_t: np.ndarray) -> _Grid:
        j = centre[:, None] + np.arange(2 * half + 1)[None, :] - half
        inside = (j >= 0) & (j <= m)
        step = np.where(inside & (j >= 1), null_t[np.clip(j - 1, 0, max(m - 1, 0))], 0.0)
        step[:, 0] = 0.0
        return cls(j, inside, np.cumsum(step, axis=1, dtype=np.float64))


Step = tuple[tuple[int, int], int, int]  # (bead type, source prefix, target prefix) at its end
Pins = dict[int, tuple[int, int]]  # row -> (enter at or before, leave at or after)


def pin_points(points: Iterable[tuple[int, int]]) -> Pins:
    """Pins making the path pass through every one of `points` (several may share a row)."""
    pins: Pins = {}
    for i, j in points:
        lo, hi = pins.get(i, (j, j))
        pins[i] = (min(lo, j), max(hi, j))
    return pins


@dataclass(slots=True)
class Forward:
    """The best path, and when asked for, the forward log-sums the posteriors need."""

    path: list[Step]
    F: np.ndarray | None = None
    # F rows of pinned rows before pinning: cells passed on the way to the pinned point
    transit: dict[int, np.ndarray] = field(default_factory=dict)


_MAX_PAD = 8  # NEG cells either side of a padded row: most shifts are a few cells


@dataclass(slots=True)
class _Moves:
    """Where each bead type's other end lies, row by row, in padded tables of the band.

    Rows of a table hold `pad` cells of NEG either side of the band, and one more row of NEG
    stands for every cell outside it, so that one `take` of flat indices gathers the candidate
    cells of every bead type for a row (numpy's cost here is per call, not per cell).
    `offset[i, r]` is the flat index of the cell that bead type r links to cell 0 of row i.
    """

    pad: int
    stride: int  # cells in a padded row
    offset: np.ndarray  # (n + 1, types) int64
    shift: np.ndarray  # (n + 1, types): the linked cell of cell o is o + shift
    slow: dict[int, list[int]]  # row -> bead types whose linked cells lie beyond the pad

    @classmethod
    def of(
        cls, centre: np.ndarray, half: int, types: Sequence[tuple[int, int]], planes: int,
        forward: bool,
    ) -> _Moves:
        n = len(centre) - 1
        width = 2 * half + 1
        rows = np.arange(n + 1)
        shift = np.zeros((n + 1, len(types)), dtype=np.int64)
        linked = np.empty((n + 1, len(types)), dtype=np.int64)
        for r, (ks, kt) in enumerate(types):
            # forward: a bead ending at row i starts at row i - ks; backward: the other way
            other = rows - ks if forward else rows + ks
            ok = (other >= 0) & (other <= n)
            oc = centre[np.clip(other, 0, n)]
            shift[:, r] = (centre - oc - kt) if forward else (centre + kt - oc)
            linked[:, r] = np.where(ok, other, -1)
        reach = np.abs(shift)
        pad = int(min(_MAX_PAD, reach[linked >= 0].max(initial=0)))
        stride = width + 2 * pad
        # a shift beyond the pad but inside the band's width: that bead's cells are gathered
        # one slice at a time (few rows: where the path crossed a long run of 0:1 beads)
        far = (linked >= 0) & (reach > pad)
        slow: dict[int, list[int]] = {}
        for i, r in zip(*np.nonzero(far & (reach < width)), strict=True):
            slow.setdefault(int(i), []).append(int(r))
        linked[far] = -1
        dummy = n + 1
        offset = np.where(linked >= 0, linked, dummy) * planes * stride + pad
        offset += np.where(linked >= 0, shift, 0)
        return cls(pad, stride, offset, shift, slow)

    def table(self, n: int, planes: int) -> np.ndarray:
        """A padded table of NEG: n + 1 rows of the band and the row standing for outside."""
        return np.full((n + 2, planes, self.stride), NEG, dtype=np.float64)


def _stacked_scores(
    scores: dict[tuple[int, int], np.ndarray], types: Sequence[tuple[int, int]]
) -> np.ndarray:
    """The match types' score tables as one array, (rows, types, width)."""
    return np.stack([scores[t] for t in types], axis=1)


def run_dp(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    pinned: Pins | None = None,
    sums: bool = False,
) -> Forward:
    """Viterbi over the band, and with `sums` the forward log-sums in the same sweep (the two
    share every candidate; numpy's cost here is per call, so one sweep does both).

    `pinned` maps a row to the target positions the path must pass through there: it enters
    the row at or before the first and leaves at or after the last (0:1 beads move along it).
    """
    n, m = pb.n, pb.m
    width = 2 * half + 1
    k = 2 if sums else 1
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    type_of_row = np.array([BEAD_TYPES.index(t) for t in types], dtype=np.int8)
    moves = _Moves.of(centre, half, types, k, forward=True)
    # float64: on a book the running totals reach millions, beyond float32's resolution
    V = moves.table(n, k)  # [.., 0]: best, [.., 1]: log-sum
    flat = V.reshape(-1)
    band = slice(moves.pad, moves.pad + width)
    gather = (np.arange(k)[:, None] * moves.stride + np.arange(width)[None, :])[None]
    S = _stacked_scores(scores, match)
    # the best candidate of each cell (a row of `types`) and whether a 0:1 bead beat it
    came_by = np.zeros((n + 1, width), dtype=np.int8)
    moved = np.zeros((n + 1, width), dtype=bool)
    null_s = (params.log_prior[(1, 0)] + pb.src_null).astype(np.float64)
    grid = _Grid.of(centre, half, m, params.log_prior[(0, 1)] + pb.tgt_null)
    first_in, first_out = _inside_bounds(centre, half, m)
    transit: dict[int, np.ndarray] = {}
    pinned = pinned or {}
    for i in range(n + 1):
        if cancelled is not None and i % 512 == 0 and cancelled():
            raise Cancelled()
        if i == 0:
            cands = np.full((1, k, width), NEG)
            cands[0][:, grid.j[0] == 0] = 0.0
        else:
            cands = flat.take(moves.offset[i][:, None, None] + gather)
            for r in moves.slow.get(i, ()):
                shift = int(moves.shift[i, r])
                lo, hi = max(0, -shift), min(width, width - shift)
                start = moves.pad + lo + shift
                cands[r, :, lo:hi] = V[i - types[r][0], :, start : start + hi - lo]
            cands[:-1] += S[i][:, None, :]
            cands[-1] += null_s[i - 1]
        cum, pin = grid.cum[i], pinned.get(i)
        best = cands[:, 0].argmax(axis=0)
        base = cands[:, 0].max(axis=0)
        if pin is not None:
            base = np.where(grid.j[i] <= pin[0], base, NEG)
        # 0:1 beads inside the row: D[o] = max(base[o], D[o-1] + step[o])
        own = base - cum
        best_so_far = np.maximum.accumulate(own)
        row = cum + best_so_far
        # exact: the running maximum came from a cell to the left only if it beats this one
        np.greater(best_so_far, own, out=moved[i])
        came_by[i] = best
        _outside_to_neg(row, first_in[i], first_out[i])
        V[i, 0, band] = row if pin is None else np.where(grid.j[i] >= pin[1], row, NEG)
        if sums:
            base = np.logaddexp.reduce(cands[:, 1], axis=0)
            if pin is not None:
                base = np.where(grid.j[i] <= pin[0], base, NEG)
            row = cum + np.logaddexp.accumulate(base - cum)
            _outside_to_neg(row, first_in[i], first_out[i])
            if pin is not None:
                transit[i] = row
                row = np.where(grid.j[i] >= pin[1], row, NEG)
            V[i, 1, band] = row
    back = np.where(moved, _ZERO_ONE, type_of_row[came_by])
    back[0] = np.where(moved[0], _ZERO_ONE, -1)  # the start: nothing came before it
    # trace back from (n, m)
    o = int(m - centre[n] + half)
    if not 0 <= o < width or V[n, 0, moves.pad + o] <= NEG / 2:
        raise ReaderError(
            "the two texts cannot be aligned: their paragraph counts differ more than a text "
            "this long allows (try --blocks if one side is hard-wrapped)"
        )
    path: list[Step] = []
    i = n
    while i > 0 or centre[i] + o - half > 0:
        t = int(back[i, o])
        if t < 0:
            # cannot happen: every cell on the band's path has a predecessor
            raise RuntimeError(f"alignment lost its path at source paragraph {i}")
        ks, kt = BEAD_TYPES[t]
        jj = int(centre[i] + o - half)
        path.append(((ks, kt), i, jj))
        o = int(jj - kt - centre[i - ks] + half)
        i -= ks
    path.reverse()
    return Forward(path, V[: n + 1, 1, band] if sums else None, transit)


def _inside_bounds(centre: np.ndarray, half: int, m: int) -> tuple[list[int], list[int]]:
    """Per row, the first cell inside the target (j >= 0) and the first past its end (j > m)."""
    width = 2 * half + 1
    first_in = np.clip(half - centre, 0, width)
    first_out = np.clip(m - centre + half + 1, 0, width)
    return first_in.tolist(), first_out.tolist()


def _outside_to_neg(row: np.ndarray, first_in: int, first_out: int) -> None:
    """Cells of a band row outside the target text cannot be on a path."""
    row[:first_in] = NEG
    row[first_out:] = NEG


@dataclass(slots=True)
class Sweeps:
    """Forward and backward log-sums over the band, and what they give."""

    centre: np.ndarray
    half: int
    scores: dict[tuple[int, int], np.ndarray]
    null_s: np.ndarray
    null_t: np.ndarray
    forward: Forward
    F: np.ndarray
    B: np.ndarray
    transit: dict[int, np.ndarray]  # B rows of pinned rows before pinning
    z: float

    def bead_posteriors(self) -> list[float]:
        """The posterior probability of each bead on the best path."""
        centre, half, F, B = self.centre, self.half, self.F, self.B
        out = []
        for (ks, kt), row, col in self.forward.path:
            o_end = int(col - centre[row] + half)
            o_start = int(col - kt - centre[row - ks] + half)
            if ks == 0:
                # a 0:1 bead moves along a row: inside a pinned row, on the way to its point
                f_row = self.forward.transit.get(row, F[row])
                b_row = self.transit.get(row, B[row])
                bead_score = self.null_t[col - 1]
            else:
                f_row, b_row = F[row - ks], B[row]
                bead_score = (self.null_s[row - 1] if kt == 0
                              else self.scores[(ks, kt)][row, o_end])
            out.append(_probability(f_row[o_start] + bead_score + b_row[o_end] - self.z))
        return out

    def visit(self, i: int, j: int) -> float:
        """The probability that the path passes through the point (i, j)."""
        o = int(j - self.centre[i] + self.half)
        if not 0 <= o < self.F.shape[1]:
            return 0.0
        f = self.forward.transit.get(i, self.F[i])[o]
        b = self.transit.get(i, self.B[i])[o]
        return _probability(f + b - self.z)


def _probability(logp: float) -> float:
    return float(min(1.0, math.exp(min(0.0, logp))))


def _scores_from_start(
    scores: dict[tuple[int, int], np.ndarray], types: Sequence[tuple[int, int]],
    shift: np.ndarray, n: int, width: int,
) -> np.ndarray:
    """Each bead type's score indexed by the cell where the bead starts, (rows, types, width):
    the backward sweep reads them so. Where the end cell leaves the band the gathered sum is
    NEG anyway, so its index is only kept inside the table."""
    out = np.empty((n + 1, len(types), width), dtype=np.float32)
    cols = np.arange(width)
    for r, t in enumerate(types):
        ends = np.minimum(np.arange(n + 1) + t[0], n)[:, None]
        at = np.clip(cols[None, :] + shift[:, r, None], 0, width - 1)
        out[:, r, :] = scores[t][ends, at]
    return out


def backward(
    pb: Problem,
    centre: np.ndarray,
    half: int,
    scores: dict[tuple[int, int], np.ndarray],
    params: AlignerParams,
    forward: Forward,
    pinned: Pins | None = None,
) -> Sweeps:
    """The backward sweep over the band, to go with `run_dp(..., sums=True)`."""
    if forward.F is None:
        raise ValueError("posteriors need the forward sums: run_dp(..., sums=True)")
    F = forward.F
    n, m = pb.n, pb.m
    width = 2 * half + 1
    null_s = params.log_prior[(1, 0)] + pb.src_null
    null_t = params.log_prior[(0, 1)] + pb.tgt_null
    neg = float(NEG)
    grid = _Grid.of(centre, half, m, null_t)
    match = [t for t in BEAD_TYPES if t[0] and t[1] and t in scores]
    types = [*match, (1, 0)]
    moves = _Moves.of(centre, half, types, 1, forward=False)
    table = moves.table(n, 1)
    flat = table.reshape(-1)
    band = slice(moves.pad, moves.pad + width)
    cols = np.arange(width)
    S = _scores_from_start(scores, match, moves.shift[:, :-1], n, width)
    first_in, first_out = _inside_bounds(centre, half, m)
    # each row's running 0:1 sums read from the right
    rev_cum = (grid.cum[:, -1:] - grid.cum)[:, ::-1]
    pinned = pinned or {}
    transit: dict[int, np.ndarray] = {}
    # backwards, the 0:1 step from (i, j) to (i, j+1) scores null_t[j]: the row's running sum
    # read from the right
    for i in range(n, -1, -1):
        if i == n:
            base = np.where(grid.j[n] == m, 0.0, neg)
        else:
            cands = flat.take(moves.offset[i][:, None] + cols[None, :])
            for r in moves.slow.get(i, ()):
                shift = int(moves.shift[i, r])
                lo, hi = max(0, -shift), min(width, width - shift)
                start = moves.pad + lo + shift
                cands[r, lo:hi] = table[i + types[r][0], 0, start : start + hi - lo]
            cands[:-1] += S[i]
            if i + 1 <= n:
                cands[-1] += null_s[i]
            base = np.logaddexp.reduce(cands, axis=0)
        pin = pinned.get(i)
        if pin is not None:
            base = np.where(grid.j[i] >= pin[1], base, neg)
        # B[o] = logaddexp(base[o], step[o+1] + B[o+1]), step[o+1] = cum[o+1] - cum[o]
        rev = rev_cum[i]
        row = (rev + np.logaddexp.accumulate(base[::-1] - rev))[::-1].copy()
        _outside_to_neg(row, first_in[i], first_out[i])
        if pin is not None:
            transit[i] = row.copy()
            row = np.where(grid.j[i] <= pin[0], row, neg)
        table[i, 0, band] = row
    B = table[: n + 1, 0, band]
    z = F[n, int(m - centre[n] + half)]
    if not math.isclose(z, B[0, int(half - centre[0])], rel_tol=1e-6, abs_tol=1e-3):
        raise AssertionError("forward and backward totals differ")  # a bug, never bad input
    return Sweeps(centre, half, scores, null_s, null_t, forward, F, B, transit, float(z))


def path_to_beads(path: Sequence[Step], conf: Sequence[float]) -> list[Bead]:
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


def band_cosines(
    dots: np.ndarray, dot_half: int, src_self: SelfDots, tgt_self: SelfDots,
    centre: np.ndarray, m: int,
) -> np.ndarray:
    """Cosines of single paragraph pairs over the dot band; NaN where the band leaves the text."""
    n = dots.shape[0]
    b = centre[:n, None] + np.arange(dots.shape[1])[None, :] - dot_half
    ok = (b >= 0) & (b < m)
    norms = np.sqrt(
        np.maximum(src_self.run[1][:n, None] * tgt_self.run[1][np.clip(b, 0, m - 1)], 1e-12)
    )
    return np.where(ok, dots / norms, np.nan)


def chance_cosine(cosines: np.ndarray) -> float:
    """Median cosine of paragraph pairs at the band's edges: far enough apart to be unrelated."""
    edges = cosines[:, [0, 1, -2, -1]]
    edges = edges[~np.isnan(edges)]
    return float(np.median(edges)) if edges.size else 0.0


def match_cosine(cosines: np.ndarray) -> float:
    """Median over source paragraphs of the best cosine near the expected path."""
    mid = cosines.shape[1] // 2
    near = np.nan_to_num(cosines[:, max(0, mid - 3) : mid + 4], nan=0.0)
    return float(np.median(near.max(axis=1))) if near.size else 0.0
