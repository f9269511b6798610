"""Structure bonus, bead runs and nearby matches as first written: references for the fast paths."""

# Kept as they were before issue 13's speed work; test_fast_paths.py checks the fast code
# against them bit for bit.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.structure import (
    _BULLET,
    _CELLS,
    _HEADING,
    _NUMBERED,
    BONUS,
    BULLET,
    HEADING,
    HEADING_SHARE,
    NONE,
    NUMBERED,
    SHORT,
    SHORT_WORDS,
    TITLE_WORDS,
    PairStructure,
    _first_number,
)
from reader.core.align.unexplained import NEAR

if TYPE_CHECKING:
    from reader.core.align.model import Model, Problem
    from reader.core.align.params import AlignerParams


def shape_of(text: str) -> tuple[int, int]:
    """A paragraph's shape and its number (-1: none), read from its markdown-like markers."""
    s = text.lstrip()
    numbered = _NUMBERED.match(s)
    if numbered:
        return NUMBERED, int(numbered.group(1))
    if _HEADING.match(s):
        return HEADING, _first_number(s)
    if _BULLET.match(s):
        return BULLET, -1
    if len(s.split()) <= SHORT_WORDS:
        return SHORT, _first_number(s)
    return NONE, -1


def agreement(structure: PairStructure, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For source paragraphs a and target paragraphs b (arrays of one shape): the share of
    their content words that have a counterpart across, where both have the same shape (and
    the same number, where both have one; the same level, for headings), else 0; two headings
    of one level at least HEADING_SHARE."""
    s, t = structure.src, structure.tgt
    out = np.zeros(a.shape, dtype=np.float32)
    same = (s.shape[a] == t.shape[b]) & (s.shape[a] != NONE) & (s.level[a] == t.level[b])
    na, nb = s.number[a], t.number[b]
    same &= (na < 0) | (nb < 0) | (na == nb)
    # a plain short line is a block of its own only when it is title-short: sentences of up to
    # a dozen words are the bench's ordinary lines, where the bonus moved beads both ways
    same &= (s.shape[a] != SHORT) | ((s.words[a] <= TITLE_WORDS) & (t.words[b] <= TITLE_WORDS))
    cells = np.flatnonzero(same)
    for c0 in range(0, cells.size, _CELLS):
        chunk = cells[c0 : c0 + _CELLS]
        ia, ib = a.ravel()[chunk], b.ravel()[chunk]
        shared = np.asarray(s.keys[ia].multiply(t.keys[ib]).sum(axis=1)).ravel()
        most = np.maximum(np.maximum(s.words[ia], t.words[ib]), 1.0)
        share = np.minimum(1.0, shared / most)
        # two headings of one level are evidence of their own, whatever the lexicon reads
        share[s.shape[ia] == HEADING] = np.maximum(share[s.shape[ia] == HEADING], HEADING_SHARE)
        out.ravel()[chunk] = share
    return out


def add_structure(
    scores: dict[tuple[int, int], np.ndarray], pb: Problem, centre: np.ndarray, half: int,
    model: Model, params: AlignerParams,
) -> None:
    """Add the structure bonus to the 1:1 bead scores of a band (in place; cells where no
    bead can end stay as they are)."""
    one = scores.get((1, 1))
    if one is None or pb.structure is None:
        return
    n, m = pb.n, pb.m
    i = np.arange(n + 1)[:, None]
    j = centre[: n + 1, None] + np.arange(one.shape[1])[None, :] - half
    ok = (i >= 1) & (j >= 1) & (j <= m)
    a = np.clip(i - 1, 0, max(0, n - 1))
    b = np.clip(j - 1, 0, max(0, m - 1))
    a = np.broadcast_to(a, b.shape)
    share = agreement(pb.structure, a, b)
    # the pair's weight in the lexical term (each side's length in its mean), as scored
    weight = 0.5 * (pb.src_len[a] / pb.src_len.mean() + pb.tgt_len[b] / pb.tgt_len.mean())
    lost = params.lexical_weight * weight * model.threshold / max(1e-3, 1.0 - model.chance)
    one += np.where(ok, BONUS * share * lost, 0.0).astype(np.float32)


def _runs(beads: Sequence[Bead], side: int, size: int, shift: int = 0) -> sp.csr_matrix:
    """One row per bead summing its run of one side's paragraphs, moved by `shift`; a row
    whose moved run leaves the text is empty."""
    rows: list[int] = []
    cols: list[int] = []
    for k, bead in enumerate(beads):
        run = bead.src if side == 0 else bead.tgt
        lo, hi = run[0] + shift, run[-1] + shift
        if lo < 0 or hi >= size:
            continue
        rows.extend([k] * len(run))
        cols.extend(range(lo, hi + 1))
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(beads), size))




def _unexplained_norms(vec: sp.csr_matrix) -> np.ndarray:
    return np.sqrt(np.asarray(vec.multiply(vec).sum(axis=1)).ravel())


def cosines(src: sp.csr_matrix, tgt: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    dots = np.asarray(src[a].multiply(tgt[b]).sum(axis=1)).ravel()
    norms = _unexplained_norms(src[a]) * _unexplained_norms(tgt[b])
    return np.where(norms > 0, dots / np.maximum(norms, 1e-12), 0.0)


def best_near(
    rows: sp.csr_matrix, cols: sp.csr_matrix, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """For each row paragraph a[k]: its best cosine with the column paragraphs within NEAR of
    b[k], b[k] itself excepted."""
    best = np.zeros(len(a))
    m = cols.shape[0]
    for d in range(-NEAR, NEAR + 1):
        q = b + d
        ok = (d != 0) & (q >= 0) & (q < m)
        if ok.any():
            best[ok] = np.maximum(best[ok], cosines(rows, cols, a[ok], q[ok]))
    return best
