"""The band scorer's per-cell formulas with their temporaries reused: the same operations, bits."""

# A block of the band (reader.core.align.scores) computes a dozen full-size temporaries per
# lexical term and per bead type's length term; numpy's cost there is the arrays' memory as
# much as the arithmetic. Each function below makes the very ufunc calls of the formula it
# names, in its order and with its operands' order, but writes each result into an array the
# formula made and no longer needs: the values are the same bit for bit
# (tests/core/align/test_scores_exact.py against the one-type-at-a-time reference). Where an
# operand would change a result's dtype (a model per row: float64 columns), the formula is
# evaluated as written.

from __future__ import annotations

import numpy as np

from reader.core.align.model import LengthModel, _LengthTable, length_logprob
from reader.core.align.params import AlignerParams


def lexical_term(dot: np.ndarray | float, own: np.ndarray, other: np.ndarray,
                 weight: float | np.ndarray, threshold: float | np.ndarray) -> np.ndarray:
    """`weight * (dot / np.sqrt(np.maximum(own * other, 1e-12)) - threshold)`."""
    x = own * other
    if (not isinstance(dot, np.ndarray) or x.shape != dot.shape
            or not _keeps(x, dot, threshold, weight)):
        return weight * (dot / np.sqrt(np.maximum(x, 1e-12)) - threshold)
    np.maximum(x, 1e-12, out=x)
    np.sqrt(x, out=x)
    np.divide(dot, x, out=x)
    np.subtract(x, threshold, out=x)
    np.multiply(weight, x, out=x)
    return x


def length_term(ls: np.ndarray, lt: np.ndarray, lt_by_ratio: np.ndarray, model: LengthModel,
                params: AlignerParams) -> np.ndarray:
    """`length_logprob(ls, lt, model, params)`; `lt_by_ratio` is `lt / model.ratio` (shared
    by the bead types of one target length)."""
    ratio, variance = model.ratio, model.variance
    if not (type(ratio) is float and type(variance) is float and ls.dtype == np.float32
            and lt.dtype == np.float32 and lt_by_ratio.dtype == np.float32
            and lt.shape == lt_by_ratio.shape == np.broadcast_shapes(ls.shape, lt.shape)):
        return length_logprob(ls, lt, model, params)
    # every operand float32 or a Python float: every result float32, as in length_logprob
    mean = np.add(ls, lt_by_ratio)
    np.divide(mean, 2.0, out=mean)
    delta = np.subtract(lt, ls * ratio)
    np.abs(delta, out=delta)
    np.maximum(mean, 1.0, out=mean)
    np.multiply(variance, mean, out=mean)
    np.sqrt(mean, out=mean)
    np.divide(delta, mean, out=delta)
    table = _LengthTable.of(params.length_outliers, params.length_outlier_scale)
    if not delta.size or not delta.max() <= table.END:
        return table.at(delta)  # beyond the table (or NaN): computed as it computes them
    # _LengthTable.at
    x = np.multiply(delta, np.float32(1 / table.STEP), out=delta)
    np.minimum(x, np.float32(table.END / table.STEP), out=x)
    k = x.astype(np.int32)
    frac = np.subtract(x, k)  # float64, as float32 less int32 is
    low = table.values.take(k)
    high = table.following.take(k)
    out = np.subtract(1, frac)
    np.multiply(low, out, out=out)
    np.multiply(high, frac, out=frac)
    np.add(out, frac, out=out)
    return out.astype(np.float32)


def bead_score(out: np.ndarray, prior: float, lexical_weight: float, evidence: np.ndarray,
               length_weight: float, length: np.ndarray) -> None:
    """`out[...] = prior + lexical_weight * evidence + length_weight * length`; `evidence`
    and `length` are used up."""
    if not (type(prior) is float and type(lexical_weight) is float
            and type(length_weight) is float and evidence.dtype == np.float32
            and length.dtype == np.float32 and out.dtype == np.float32
            and evidence.shape == length.shape == out.shape):
        out[...] = prior + lexical_weight * evidence + length_weight * length
        return
    np.multiply(lexical_weight, evidence, out=evidence)
    np.add(prior, evidence, out=evidence)
    np.multiply(length_weight, length, out=length)
    np.add(evidence, length, out=out)


def _keeps(x: np.ndarray, *others: float | np.ndarray) -> bool:
    """Whether every binary step of x with each of `others` gives x's dtype."""
    return all(np.result_type(x, o) == x.dtype for o in others)
