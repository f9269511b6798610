"""Paragraphs paired for want of anything better: left out on both sides when nothing pairs them."""

# Where a translation is stale (a section dropped on one side, another added on the other at the
# same place), the programme pairs the leftovers with each other: leaving a paragraph out costs
# the same whatever its length, while a short unrelated pair costs little. A reader sees
# paragraphs that have nothing to do with each other, and the omission and the addition go
# unreported. So, after the programme, a 1:1 bead whose two paragraphs share no more than
# chance does (their cosine at most the pair's chance cosine) and whose shapes do not agree
# (reader.core.align.structure) is split into a 1:0 and a 0:1 bead when its paragraphs each
# match clearly better nearby, or when it is part of a run of such paragraphs that leaves
# paragraphs out on both sides and its lengths do not agree as a translation's do (within one
# standard deviation: two short lines the lexicon cannot read, 9 and 9 characters, are a pair).
# A pair alone between two matched beads keeps its place (two headings the lexicon cannot read,
# between the same two sections on each side: their position is evidence), and so do two
# headings or titles just before a matched section. Beads of several paragraphs a side are
# left as they are: their short lines ("(Laughter)", a name) often share nothing with the rest
# and yet belong (bench cases, seeds 1-20). The paragraphs let go get a confidence of
# LEFT_OUT_CONFIDENCE, or 1 when each also matches better elsewhere: a reader should check
# them, not take them as sure.

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.model import Model, Problem
from reader.core.align.structure import HEADING, SHORT, TITLE_WORDS, PairStructure, agreement

NEAR = 7  # paragraphs either side where a better match is looked for
LEFT_OUT_CONFIDENCE = 0.6
# a match nearby counts as better when its cosine is this many times the pair's threshold of
# an explained paragraph (bench, seeds 1-20: true pairs the lexicon cannot read find spurious
# matches nearby at 1.1-1.45 times it)
CLEARLY = 1.5


def leave_out_unexplained(beads: Sequence[Bead], pb: Problem, model: Model | None) -> list[Bead]:
    """`beads` (in the programme's direction, over the paragraphs of `pb`) with the 1:1 beads
    nothing but their place supports split into a 1:0 and a 0:1 bead."""
    ones = [k for k, b in enumerate(beads) if len(b.src) == 1 and len(b.tgt) == 1]
    if model is None or not ones:
        return list(beads)
    a = np.array([beads[k].src[0] for k in ones])
    b = np.array([beads[k].tgt[0] for k in ones])
    cos = _cosines(pb.src_vec, pb.tgt_vec, a, b)
    loose = cos <= model.chance
    if pb.structure is not None:
        loose &= agreement(pb.structure, a, b) == 0
    if not loose.any():
        return list(beads)
    near = np.maximum(cos, CLEARLY * model.threshold)
    # asked of the loose pairs alone (a few of thousands): a pair's best match nearby is
    # computed from its own rows, whichever others are asked with it
    at = np.flatnonzero(loose)
    elsewhere = np.zeros(len(ones), dtype=bool)
    elsewhere[at] = (_best_near(pb.src_vec, pb.tgt_vec, a[at], b[at]) > near[at]) & (
        _best_near(pb.tgt_vec, pb.src_vec, b[at], a[at]) > near[at])
    unexplained = {k for k, x in zip(ones, loose, strict=True) if x}
    best = {k: bool(x) for k, x in zip(ones, elsewhere, strict=True)}
    agree = {k: bool(x) for k, x in zip(ones, _lengths_agree(pb, model, a, b), strict=True)}
    # a heading (or a title) on each side, just before a section that matches, heads it
    titles = _titles(pb.structure, a, b)
    unexplained -= {k for k, x in zip(ones, titles, strict=True)
                    if x and not best[k] and _heads_a_match(beads, k + 1, unexplained)}
    out: list[Bead] = []
    for k, bead in enumerate(beads):
        if k in unexplained and (best[k] or (not agree[k] and _in_run(beads, k, unexplained))):
            conf = LEFT_OUT_CONFIDENCE + (1.0 - LEFT_OUT_CONFIDENCE) * float(best[k])
            out += [Bead(bead.src, (), conf), Bead((), bead.tgt, conf)]
        else:
            out.append(bead)
    return out


def _lengths_agree(pb: Problem, model: Model, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether each pair's lengths agree within one standard deviation of the pair's length
    model (Gale and Church's measure, as the bead score reads it): short lines that translate
    each other without a word the lexicon knows still have the lengths of a translation."""
    ls, lt = pb.src_len[a].astype(float), pb.tgt_len[b].astype(float)
    mean = (ls + lt / model.ratio) / 2.0
    return np.abs(lt - ls * model.ratio) <= np.sqrt(model.variance * np.maximum(mean, 1.0))


def _titles(structure: PairStructure | None, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether paragraphs a and b are both headings, or both lines of a title's few words."""
    if structure is None:
        return np.zeros(len(a), dtype=bool)
    sa, sb = structure.src.shape[a], structure.tgt.shape[b]
    few = (structure.src.words[a] <= TITLE_WORDS) & (structure.tgt.words[b] <= TITLE_WORDS)
    return (sa == sb) & ((sa == HEADING) | ((sa == SHORT) & few))


def _heads_a_match(beads: Sequence[Bead], k: int, unexplained: set[int]) -> bool:
    return k < len(beads) and not beads[k].is_null and k not in unexplained


def _in_run(beads: Sequence[Bead], k: int, unexplained: set[int]) -> bool:
    """Whether bead k lies in a stretch of null and unexplained beads that leaves paragraphs
    out on both sides: a section dropped on one side and another added on the other. (One
    side's omission beside a pair the lexicon cannot read is no such run: bench cases.)"""
    def loose(q: int) -> bool:
        return 0 <= q < len(beads) and (beads[q].is_null or q in unexplained)

    lo, hi = k, k
    while loose(lo - 1):
        lo -= 1
    while loose(hi + 1):
        hi += 1
    stretch = beads[lo : hi + 1]
    return any(b.src and not b.tgt for b in stretch) and any(b.tgt and not b.src for b in stretch)


def _norms(vec: sp.csr_matrix) -> np.ndarray:
    return np.sqrt(np.asarray(vec.multiply(vec).sum(axis=1)).ravel())


def _cosines(src: sp.csr_matrix, tgt: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    picked = src[a]
    return _cosines_of(picked, _norms(picked), tgt[b])


def _cosines_of(x: sp.csr_matrix, x_norms: np.ndarray, y: sp.csr_matrix) -> np.ndarray:
    """Each row of x against the same row of y, x's norms given."""
    dots = np.asarray(x.multiply(y).sum(axis=1)).ravel()
    norms = x_norms * _norms(y)
    return np.where(norms > 0, dots / np.maximum(norms, 1e-12), 0.0)


def _best_near(
    rows: sp.csr_matrix, cols: sp.csr_matrix, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """For each row paragraph a[k]: its best cosine with the column paragraphs within NEAR of
    b[k], b[k] itself excepted."""
    best = np.zeros(len(a))
    m = cols.shape[0]
    # the row paragraphs and their norms once, for every shift that keeps them all (the same
    # rows, so the same sums)
    picked = rows[a]
    picked_norms = _norms(picked)
    for d in range(-NEAR, NEAR + 1):
        q = b + d
        ok = (d != 0) & (q >= 0) & (q < m)
        if ok.all():
            best = np.maximum(best, _cosines_of(picked, picked_norms, cols[q]))
        elif ok.any():
            best[ok] = np.maximum(best[ok], _cosines(rows, cols, a[ok], q[ok]))
    return best
