"""Which pairs of paragraphs could reach a score at all: a bound computed with matrices, exact."""

# Weighing a pair's evidence one concept at a time costs a Python step per shared concept, and
# in two long documents nearly every pair shares some common word. A bound on each pair's
# shared weight, as one matrix product, leaves out the pairs that cannot reach the threshold
# whatever their evidence: it never drops a link that weighing would keep.

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from reader.core.link.concepts import Concepts
from reader.core.link.records import LinkParams
from reader.core.link.scoring import NAMING_CATEGORIES, Weights

_ROWS = 256  # rows of the first document per dense block: bounds memory on long documents


def _heaviest_kind(key: str, params: LinkParams, categories: Mapping[str, str]) -> float:
    """The largest kind weight a concept can take in any pair (scoring.concept_kind): a word
    may be read as a name, a number as a word."""
    prefix, _, value = key.partition(":")
    if prefix in ("d", "dm", "ym"):
        return params.kind_weight("date")
    if prefix == "y":
        return params.kind_weight("year")
    if prefix == "n":
        return max(params.kind_weight("number"), params.kind_weight("word"))
    if prefix == "g":
        return params.kind_weight(
            "name" if categories.get(value) in NAMING_CATEGORIES else "term")
    if prefix in ("h", "t", "u"):
        return params.kind_weight("handle")
    return max(params.kind_weight("name"), params.kind_weight("word"))


def _matrix(concepts: Sequence[Concepts], column: Mapping[str, int]) -> sp.csr_matrix:
    """Each paragraph's concepts as the square roots of their strengths (the geometric mean
    of two strengths bounds the smaller one)."""
    rows, cols, data = [], [], []
    for i, found in enumerate(concepts):
        for key, occurrence in found.items():
            c = column.get(key)
            if c is not None:
                rows.append(i)
                cols.append(c)
                data.append(np.sqrt(occurrence.strength))
    return sp.csr_matrix((np.array(data, dtype=np.float64), (rows, cols)),
                         shape=(len(concepts), len(column)))


def promising_pairs(
    a: Sequence[Concepts], b: Sequence[Concepts], weights: Weights, params: LinkParams,
    categories: Mapping[str, str], mass_a: Sequence[float], mass_b: Sequence[float],
    min_score: float,
) -> list[tuple[int, int]]:
    """The pairs (i, j) whose score could be `min_score` or more, in order of i then j."""
    keys = sorted(k for k, idf in weights.idf.items() if idf > 0.0)
    column = {k: c for c, k in enumerate(keys)}
    u = np.array([weights.idf[k] ** params.rarity * _heaviest_kind(k, params, categories)
                  for k in keys], dtype=np.float64)
    left = _matrix(a, column) @ sp.diags(u)
    right = _matrix(b, column).T.tocsc()
    m_a = np.asarray(mass_a, dtype=np.float64)
    m_b = np.asarray(mass_b, dtype=np.float64)
    # the raw evidence that would give `min_score` (scoring.calibrated inverted; the scores
    # are rounded to 4 places: keep what rounds up to it)
    target = max(min_score - 1e-4, 1e-12)
    if target >= 1.0:
        return []
    least = params.centre + np.log(target / (1.0 - target)) / params.slope
    out: list[tuple[int, int]] = []
    for start in range(0, len(a), _ROWS):
        shared = (left[start:start + _ROWS] @ right).toarray()
        sizes = np.sqrt(np.maximum(m_a[start:start + _ROWS, None], 1e-9)
                        * np.maximum(m_b[None, :], 1e-9))
        raw = shared * (shared / sizes) ** params.damping  # scoring.raw_evidence_of
        rows, cols = np.nonzero((shared > 0.0) & (raw >= least))
        out.extend((start + int(i), int(j)) for i, j in zip(rows, cols, strict=True))
    return out
