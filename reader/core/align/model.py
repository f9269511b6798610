"""The pair as the programme sees it, and the scoring model fitted to it: lengths and cosines."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.kept_tables import kept_table
from reader.core.align.params import AlignerParams
from reader.core.align.structure import PairStructure

if TYPE_CHECKING:
    import scipy.sparse as sp
else:  # imported on first use (align.sparse_import.LazySparse)
    from reader.core.align.sparse_import import lazy_sparse as sp


@dataclass(slots=True)
class Problem:
    """One alignment as the programme sees it: each side's vectors, lengths and null scores."""

    n: int
    m: int
    src_vec: sp.csr_matrix  # n x D, weighted
    tgt_vec: sp.csr_matrix  # m x D, weighted
    src_len: np.ndarray
    tgt_len: np.ndarray
    src_null: np.ndarray  # score of leaving each source paragraph out
    tgt_null: np.ndarray
    structure: PairStructure | None = None  # headings and list items (align.structure)


@dataclass(slots=True)
class Model:
    """One pair's scoring model: length ratio and variance, chance cosine, evidence threshold."""

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
                dots[:-d] = np.asarray(_rows(vec, 0, n - d).multiply(_rows(vec, d, n))
                                       .sum(axis=1)).ravel()
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


def _rows(vec: sp.csr_matrix, lo: int, hi: int) -> sp.csr_matrix:
    """`vec[lo:hi]` as a view of vec's arrays: the same rows, their columns in the same order
    (slicing copies them, and checks what a view of a checked matrix need not)."""
    start = vec.indptr[lo]
    return sp.csr_matrix(
        (vec.data[start : vec.indptr[hi]], vec.indices[start : vec.indptr[hi]],
         vec.indptr[lo : hi + 1] - start), shape=(hi - lo, vec.shape[1]))


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
    following: np.ndarray  # values[1:]: values[k + 1] without adding 1 to every k

    STEP = 1.0 / 256
    END = 64.0

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, outliers: float, scale: float) -> _LengthTable:
        grid = np.arange(0.0, cls.END + 2 * cls.STEP, cls.STEP)
        # kept: computing it imports scipy.special (70 ms) for this table alone
        values = kept_table(f"length term {outliers!r} {scale!r} {cls.STEP!r} {cls.END!r}",
                            (__file__,), lambda: _length_term(grid, outliers, scale))
        return cls(outliers, scale, values, values[1:])

    def at(self, delta: np.ndarray) -> np.ndarray:
        x = np.minimum(delta * np.float32(1 / self.STEP), np.float32(self.END / self.STEP))
        k = x.astype(np.int32)
        frac = x - k
        out = (self.values[k] * (1 - frac) + self.following[k] * frac).astype(np.float32)
        if delta.size and delta.max() > self.END:
            far = delta > self.END
            out[far] = _length_term(delta[far].astype(np.float64), self.outliers, self.scale)
        return out


def _length_term(delta: np.ndarray, outliers: float, scale: float) -> np.ndarray:
    from scipy.special import log_ndtr  # here: the table is kept (above), far ones are rare

    narrow = math.log(1.0 - outliers) + log_ndtr(-delta)
    wide = math.log(outliers) - math.log(scale) + log_ndtr(-delta / scale)
    return (math.log(2.0) + np.logaddexp(narrow, wide)).astype(np.float32)


def estimate_model(
    pb: Problem, beads: Sequence[Bead] | None, chance: float, match: float, params: AlignerParams
) -> Model:
    ratio = float(pb.tgt_len.sum()) / max(1.0, float(pb.src_len.sum()))
    variance = 6.8 * ratio  # Gale and Church's s^2, in target characters
    if beads:
        matched = [b for b in beads if b.src and b.tgt]
        ls = _run_lengths(pb.src_len, [b.src for b in matched])
        lt = _run_lengths(pb.tgt_len, [b.tgt for b in matched])
        ok = (ls > 0) & (lt > 0)
        if ok.sum() >= 8:
            ls, lt = ls[ok], lt[ok]
            ratio = float(np.median(lt / ls))
            resid = (lt - ratio * ls) / np.sqrt((ls + lt / ratio) / 2.0)
            mad = float(np.median(np.abs(resid - np.median(resid)))) * 1.4826
            variance = max(1.0, mad * mad)
    threshold = chance + params.evidence_threshold * max(0.0, match - chance)
    return Model(ratio=max(ratio, 1e-3), variance=variance, chance=chance, threshold=threshold)


def _run_lengths(lengths: np.ndarray, runs: Sequence[Sequence[int]]) -> np.ndarray:
    """Each run's total length, as `lengths[list(run)].sum()` in float64: at once where every
    length is a whole number and all of them together stay below 2**24 (then every partial
    sum is exact, in float32 as in float64, whatever the order), else run by run."""
    if not runs:
        return np.zeros(0)
    if not (np.all(np.floor(lengths) == lengths) and float(np.abs(lengths).sum()) < 2.0**24):
        return np.array([lengths[list(run)].sum() for run in runs], dtype=float)
    counts = np.array([len(run) for run in runs], dtype=np.int64)
    picked = lengths[np.array([i for run in runs for i in run], dtype=np.int64)]
    return np.add.reduceat(picked.astype(np.float64), np.r_[0, np.cumsum(counts)[:-1]])


def band_cosines(
    dots: np.ndarray, dot_half: int, src_self: SelfDots, tgt_self: SelfDots,
    centre: np.ndarray, m: int, columns: np.ndarray | None = None,
) -> np.ndarray:
    """Cosines of single paragraph pairs over the dot band (or its `columns` only); NaN where
    the band leaves the text."""
    n = dots.shape[0]
    cols = np.arange(dots.shape[1]) if columns is None else columns
    b = centre[:n, None] + cols[None, :] - dot_half
    ok = (b >= 0) & (b < m)
    norms = np.sqrt(
        np.maximum(src_self.run[1][:n, None] * tgt_self.run[1][np.clip(b, 0, m - 1)], 1e-12)
    )
    return np.where(ok, (dots if columns is None else dots[:, columns]) / norms, np.nan)


def model_columns(width: int) -> np.ndarray:
    """The columns of a band `width` wide that `chance_cosine` and `match_cosine` read, in an
    order that leaves both reading the same cells of the narrowed band (edges first and last,
    the middle seven between): the model's cosines cost 11 columns, not the band's width."""
    mid = width // 2
    if width < 11 or mid - 3 < 2:
        return np.arange(width)
    return np.r_[0, 1, mid - 3 : mid + 4, width - 2, width - 1]


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
