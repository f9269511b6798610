"""How well an alignment's beads are supported: each bead's lexical match against chance."""

# A translation's beads match far better than the same source paragraphs would against nearby
# target paragraphs; two unrelated texts (another talk, another article on the same events) give
# beads no better than their neighbours, however the programme picked them. Measured on the
# vectors the aligner already built, after its last pass: no second alignment.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead

# target offsets of the control runs a bead's match is compared with: near enough to share the
# text's topic, far enough not to be the bead's own counterpart
SHIFTS = (-7, -6, -5, -4, -3, 3, 4, 5, 6, 7)


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Per matched bead (in order of the alignment's non-null beads): its cosine, the best
    cosine of the same source run against shifted target runs, and both lengths."""

    cosine: tuple[float, ...]
    control_best: tuple[float, ...]
    src_len: tuple[float, ...]
    tgt_len: tuple[float, ...]
    src_paragraphs: int
    tgt_paragraphs: int
    matched_src: int  # source paragraphs inside matched beads
    matched_tgt: int

    def swapped(self) -> PairEvidence:
        """The same evidence with source and target exchanged (the cosines are symmetric
        enough for a verdict: the controls stay those of the side that was shifted)."""
        return PairEvidence(
            self.cosine, self.control_best, self.tgt_len, self.src_len,
            self.tgt_paragraphs, self.src_paragraphs, self.matched_tgt, self.matched_src,
        )


@dataclass(frozen=True, slots=True)
class _Spans:
    """Each bead's run of one side's paragraphs: first and last paragraph."""

    lo: np.ndarray
    hi: np.ndarray

    @classmethod
    def of(cls, beads: Sequence[Bead], side: int) -> _Spans:
        runs = [bead.src if side == 0 else bead.tgt for bead in beads]
        return cls(np.array([r[0] for r in runs], dtype=np.int64),
                   np.array([r[-1] for r in runs], dtype=np.int64))


def _runs(spans: _Spans, size: int, shift: int = 0) -> sp.csr_matrix:
    """One row per bead summing its run of one side's paragraphs, moved by `shift`; a row
    whose moved run leaves the text is empty."""
    lo, hi = spans.lo + shift, spans.hi + shift
    inside = np.flatnonzero((lo >= 0) & (hi < size))
    lengths = hi[inside] - lo[inside] + 1
    rows = np.repeat(inside, lengths)
    cols = np.arange(len(rows), dtype=np.int64) + np.repeat(lo[inside] - (np.cumsum(lengths)
                                                                         - lengths), lengths)
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(spans.lo), size))


def _square_norms(a: sp.csr_matrix) -> np.ndarray:
    return np.asarray(a.multiply(a).sum(axis=1)).ravel()


def measure(
    beads: Sequence[Bead],
    src_vec: sp.csr_matrix,
    tgt_vec: sp.csr_matrix,
    src_len: np.ndarray,
    tgt_len: np.ndarray,
) -> PairEvidence:
    """The evidence of `beads` in the aligner's vectors (rows: paragraphs of each side)."""
    n, m = src_vec.shape[0], tgt_vec.shape[0]
    matched = [b for b in beads if b.src and b.tgt]
    if not matched:
        return PairEvidence((), (), (), (), n, m, 0, 0)
    src_spans, tgt_spans = _Spans.of(matched, 0), _Spans.of(matched, 1)
    src_runs, tgt_runs = _runs(src_spans, n), _runs(tgt_spans, m)
    vs = src_runs @ src_vec
    ns = _square_norms(vs)

    def cosines(runs: sp.csr_matrix) -> np.ndarray:
        vt = runs @ tgt_vec
        nt = _square_norms(vt)
        dots = np.asarray(vs.multiply(vt).sum(axis=1)).ravel()
        return np.where((ns > 0) & (nt > 0), dots / np.sqrt(np.maximum(ns * nt, 1e-12)), np.nan)

    cos = cosines(tgt_runs)
    controls = np.stack([cosines(_runs(tgt_spans, m, d)) for d in SHIFTS])
    # a run moved past either end has no control there; one with none at all compares with 0
    ok = ~np.isnan(controls)
    best = np.where(ok.any(axis=0), np.where(ok, controls, -np.inf).max(axis=0), 0.0)
    return PairEvidence(
        tuple(np.nan_to_num(cos, nan=0.0).tolist()), tuple(best.tolist()),
        tuple((src_runs @ src_len.astype(np.float64)).tolist()),
        tuple((tgt_runs @ tgt_len.astype(np.float64)).tolist()),
        n, m, sum(len(b.src) for b in matched), sum(len(b.tgt) for b in matched),
    )
