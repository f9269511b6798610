"""A bead's edge paragraph that nothing on the other side translates: left out of the bead."""

# Where one side leaves a paragraph out between two that it keeps, the sentence pass often takes
# that paragraph into the neighbouring bead: in law and census text (Leviticus, Numbers) every
# verse shares most of its words with the next, so its units clear the lexical threshold against
# the neighbour's translation, and leaving a unit out costs more than the little they lose
# (large, seeds 1-20: ~2,190 lost beads of a gold null taken into a bead, the largest class).
# What tells such a paragraph from a true part of the bead is what it holds that the rest of
# its side does not: a paragraph the other side translates has words of its own whose
# translations the other side has, and the other side has words the rest does not explain that
# it does; a paragraph the translation left out has neither (seeds 1-3: of the edge paragraphs
# of many-paragraph beads, 33 of 72 gold nulls and 136 of 12,940 true parts with no such word
# either way), and without it the bead's lengths agree better (of those, 26 nulls and 26 true
# parts; and with 8 words of its own or more 21 and 4). Only an edge paragraph (the first or
# the last of its side), one per side of a bead, and only where the bead keeps a paragraph of
# that side.

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.space import Side, Space

# the paragraph's own words (weighted by idf^2) whose translations the other side has, and the
# other side's words the rest does not explain that it holds: at most this share
COVERED = 0.02
# words of its own (translations, for a source paragraph) it must have: fewer say nothing
OWN_WORDS = 8
# the other side's words the rest leaves unexplained: at most this many for each word of its own
# (a translated part leaves about as many there as it has; seeds 1-12: of 149 such edges
# left out, 40 true parts, 22 with more than this)
LEFT_WORDS = 0.75
# how much closer to the pair's length ratio the bead comes without it (|log| of the ratio)
LENGTH_GAIN = 0.0


def trim_uncovered(
    beads: Sequence[Bead],
    src: Side,
    tgt: Side,
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
    gain: float = LENGTH_GAIN,
) -> list[Bead]:
    """`beads` with each edge paragraph that shares no translated word of its own with the
    other side of its bead, and whose leaving brings the bead's lengths closer to the pair's
    ratio by more than `gain`, left out as a bead of its own beside it."""
    # characters as written (seeds 1-3: the features' lengths let 6 true parts of 10 go)
    src_len = np.array([max(1, len(t)) for t in src.texts], dtype=np.float64)
    tgt_len = np.array([max(1, len(t)) for t in tgt.texts], dtype=np.float64)
    matched = [b for b in beads if b.src and b.tgt]
    if not len(src_len) or not len(tgt_len):
        return list(beads)
    ratio = float(tgt_len.sum() / src_len.sum())
    # candidates by length alone (cheap): the edge whose leaving brings the bead nearer the ratio
    found: dict[int, list[tuple[int, int]]] = {}  # bead -> (side, edge paragraph)
    for k, b in enumerate(matched):
        ls, lt = float(src_len[list(b.src)].sum()), float(tgt_len[list(b.tgt)].sum())
        for side, own, lengths, mine, other, scale in (
            (0, b.src, src_len, ls, lt, ratio), (1, b.tgt, tgt_len, lt, ls, 1.0 / ratio)
        ):
            if len(own) < 2:
                continue
            now = abs(math.log(mine * scale / other))
            for e in (own[0], own[-1]):
                if now - abs(math.log((mine - lengths[e]) * scale / other)) > gain:
                    found.setdefault(k, []).append((side, e))
    if not found:
        return list(beads)
    words = _supports(found, matched, space, translation)
    weight = space.weights.astype(np.float64) ** 2
    cut: dict[int, list[tuple[int, int]]] = {}
    for k, edges in found.items():
        b = matched[k]
        for side, e in edges:
            own, other = (b.src, b.tgt) if side == 0 else (b.tgt, b.src)
            if any(s == side for s, _ in cut.get(k, ())):
                continue
            if _uncovered(e, own, other, words[side], words[1 - side], weight):
                cut.setdefault(k, []).append((side, e))
    if not cut:
        return list(beads)
    index = {id(b): k for k, b in enumerate(matched)}
    out: list[Bead] = []
    for b in beads:
        k = index.get(id(b), -1)
        if k not in cut:
            out.append(b)
            continue
        before: list[Bead] = []
        after: list[Bead] = []
        src_run, tgt_run = list(b.src), list(b.tgt)
        for side, e in cut[k]:
            run = src_run if side == 0 else tgt_run
            alone = Bead((e,), (), b.confidence) if side == 0 else Bead((), (e,), b.confidence)
            (before if e == run[0] else after).append(alone)
            run.remove(e)
        out += [*before, Bead(tuple(src_run), tuple(tgt_run), b.confidence, b.state), *after]
    return out


def _supports(
    found: dict[int, list[tuple[int, int]]],
    matched: Sequence[Bead],
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """The words (target words and keys: the columns of the pair's space) of every paragraph
    of the candidate beads, as the sentence pass's vectors hold them (a source paragraph's
    are its words' translations)."""
    rows_s = sorted({i for k in found for i in matched[k].src})
    rows_t = sorted({j for k in found for j in matched[k].tgt})
    table = translation if isinstance(translation, sp.csr_matrix) else translation()
    projected = ((space.src_words[rows_s] @ table) + space.src_keys[rows_s]).tocsr()
    target = space.tgt[rows_t].tocsr()
    return _rows(projected, rows_s), _rows(target, rows_t)


def _rows(matrix: sp.csr_matrix, rows: list[int]) -> dict[int, set[int]]:
    matrix.eliminate_zeros()
    ptr, idx = matrix.indptr.tolist(), matrix.indices
    return {r: set(idx[ptr[q] : ptr[q + 1]].tolist()) for q, r in enumerate(rows)}


def _uncovered(e: int, own: Sequence[int], other: Sequence[int], mine: dict[int, set[int]],
               theirs: dict[int, set[int]], weight: np.ndarray) -> bool:
    """Whether paragraph `e` of a bead's side `own` has at least OWN_WORDS words the rest of
    `own` lacks, at most COVERED of them (by weight) found on the `other` side, and holds at
    most COVERED of the other side's words that the rest lacks."""
    rest: set[int] = set().union(*(mine[x] for x in own if x != e))
    facing: set[int] = set().union(*(theirs[x] for x in other))
    alone = mine[e] - rest
    if len(alone) < OWN_WORDS:
        return False
    left = facing - rest
    if len(left) > LEFT_WORDS * len(alone) or _share(alone & facing, alone, weight) > COVERED:
        return False
    return not left or _share(left & mine[e], left, weight) <= COVERED


def _share(part: set[int], whole: set[int], weight: np.ndarray) -> float:
    total = float(weight[list(whole)].sum())
    return float(weight[list(part)].sum()) / total if total else 0.0


# a paragraph left out beside a bead joins it when this share (by weight) of the words it holds
# and the rest of its side does not are found on the bead's other side (seeds 1-3: of the
# paragraphs left out beside a bead, 15 of 111 that belong to it and 2 of 1,608 that do not) ...
JOIN_COVERED = 0.5
# ... it has this many such words or more ...
JOIN_WORDS = 3
# ... and the bead's lengths come no further from the pair's ratio than this (|log|)
JOIN_LOSS = 0.1


def join_covered(
    beads: Sequence[Bead],
    src: Side,
    tgt: Side,
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
) -> list[Bead]:
    """`beads` with each paragraph left out alone beside a bead whose other side translates
    the words it holds that the bead's side lacks (JOIN_COVERED) taken into that bead."""
    src_len = np.array([max(1, len(t)) for t in src.texts], dtype=np.float64)
    tgt_len = np.array([max(1, len(t)) for t in tgt.texts], dtype=np.float64)
    if not len(src_len) or not len(tgt_len):
        return list(beads)
    ratio = float(tgt_len.sum() / src_len.sum())
    offers: list[tuple[int, int, int, int]] = []  # null bead, neighbour, side, paragraph
    for k, b in enumerate(beads):
        if not b.is_null or len(b.src) + len(b.tgt) != 1:
            continue
        side, p = (0, b.src[0]) if b.src else (1, b.tgt[0])
        for q, step in ((k - 1, -1), (k + 1, 1)):
            if not 0 <= q < len(beads) or beads[q].is_null:
                continue
            own = beads[q].src if side == 0 else beads[q].tgt
            if own[-1 if step < 0 else 0] == p + step:
                offers.append((k, q, side, p))
    if not offers:
        return list(beads)
    near = sorted({q for _, q, _, _ in offers} | {k for k, _, _, _ in offers})
    words = _supports({i: [] for i in range(len(near))}, [beads[k] for k in near], space,
                      translation)
    weight = space.weights.astype(np.float64) ** 2
    best: dict[int, tuple[float, int]] = {}  # null bead -> (share, neighbour)
    for k, q, side, p in offers:
        b = beads[q]
        own, other = (b.src, b.tgt) if side == 0 else (b.tgt, b.src)
        mine, theirs = words[side], words[1 - side]
        lengths, facing = (src_len, tgt_len) if side == 0 else (tgt_len, src_len)
        scale = ratio if side == 0 else 1.0 / ratio
        lo, lr = float(facing[list(other)].sum()), float(lengths[list(own)].sum())
        loss = abs(math.log((lr + lengths[p]) * scale / lo)) - abs(math.log(lr * scale / lo))
        rest: set[int] = set().union(*(mine[x] for x in own))
        alone = mine[p] - rest
        if len(alone) < JOIN_WORDS or loss >= JOIN_LOSS:
            continue
        facing_words: set[int] = set().union(*(theirs[x] for x in other))
        share = _share(alone & facing_words, alone, weight)
        if share >= JOIN_COVERED and share > best.get(k, (-1.0, 0))[0]:
            best[k] = (share, q)
    if not best:
        return list(beads)
    into: dict[int, list[int]] = {}
    for k, (_, q) in best.items():
        into.setdefault(q, []).append(k)
    out: list[Bead] = []
    for k, b in enumerate(beads):
        if k in best:
            continue
        if k in into:
            src_run = sorted({*b.src, *(i for z in into[k] for i in beads[z].src)})
            tgt_run = sorted({*b.tgt, *(j for z in into[k] for j in beads[z].tgt)})
            b = Bead(tuple(src_run), tuple(tgt_run), b.confidence, b.state)
        out.append(b)
    return out
