"""Edge paragraphs: one nothing facing translates left out, one left out it translates joined."""

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
# that side. The mirror, a paragraph left out beside the bead that translates it, is joined to
# it by the same measure of its own words (`join_covered`). Seeds 1-20, large: strict F1
# 0.9251 -> 0.9282, omission recall 0.886 -> 0.899; book 0.9509 -> 0.9522 (docs/benchmarks.md).

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import accumulate

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
# left out, 40 were true parts of an exact bead, 29 of them with more than this; of 84 whose
# bead became exact, 25)
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
    lengths: _Lengths | None = None,
    words: _Words | None = None,
) -> list[Bead]:
    """`beads` with each edge paragraph that shares no translated word of its own with the
    other side of its bead, and whose leaving brings the bead's lengths closer to the pair's
    ratio by more than `gain`, left out as a bead of its own beside it."""
    lengths = _Lengths.of(src, tgt) if lengths is None else lengths
    if lengths is None:
        return list(beads)
    offers = _length_offers(beads, lengths, gain)
    if not offers:
        return list(beads)
    words = (_Words(space, translation) if words is None else words).take(beads, offers)
    xn, left, covered, holds = words.measures(
        [(side, e, [x for x in _own(beads[k], side) if x != e], _own(beads[k], 1 - side))
         for k, side, e in offers])
    cut: dict[int, list[tuple[int, int]]] = {}
    for n, (k, side, e) in enumerate(offers):
        if any(s == side for s, _ in cut.get(k, ())):
            continue
        if (xn[n] >= OWN_WORDS and left[n] <= LEFT_WORDS * xn[n] and covered[n] <= COVERED
                and holds[n] <= COVERED):
            cut.setdefault(k, []).append((side, e))
    out: list[Bead] = []
    for k, b in enumerate(beads):
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
    lengths: _Lengths | None = None,
    words: _Words | None = None,
) -> list[Bead]:
    """`beads` with each paragraph left out alone beside a bead whose other side translates
    the words it holds that the bead's side lacks (JOIN_COVERED) taken into that bead."""
    lengths = _Lengths.of(src, tgt) if lengths is None else lengths
    if lengths is None:
        return list(beads)
    offers: list[tuple[int, int, int, int]] = []  # null bead, neighbour, side, paragraph
    for k, b in enumerate(beads):
        if not b.is_null or len(b.src) + len(b.tgt) != 1:
            continue
        side, p = (0, b.src[0]) if b.src else (1, b.tgt[0])
        for q, step in ((k - 1, -1), (k + 1, 1)):
            if not 0 <= q < len(beads) or beads[q].is_null:
                continue
            own, other = _own(beads[q], side), _own(beads[q], 1 - side)
            if own[-1 if step < 0 else 0] != p + step:
                continue
            mine, facing = lengths.run(side, own), lengths.run(1 - side, other)
            loss = (lengths.off(side, mine + lengths.of_side[side][p], facing)
                    - lengths.off(side, mine, facing))
            if loss < JOIN_LOSS:
                offers.append((k, q, side, p))
    if not offers:
        return list(beads)
    words = (_Words(space, translation) if words is None else words).take(
        beads, [(q, side, p) for _, q, side, p in offers], [(k, side) for k, _, side, _ in offers])
    xn, _, covered, _ = words.measures(
        [(side, p, list(_own(beads[q], side)), _own(beads[q], 1 - side))
         for _, q, side, p in offers])
    best: dict[int, tuple[float, int]] = {}  # null bead -> (share, neighbour)
    for n, (k, q, _, _) in enumerate(offers):
        if xn[n] >= JOIN_WORDS and covered[n] >= JOIN_COVERED and covered[n] > best.get(
                k, (-1.0, 0))[0]:
            best[k] = (float(covered[n]), q)
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


def edge_beads(
    beads: Sequence[Bead],
    src: Side,
    tgt: Side,
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
    trim: bool = True,
    join: bool = True,
) -> list[Bead]:
    """`trim_uncovered` (if `trim`), then `join_covered` (if `join`), on `beads`."""
    lengths = _Lengths.of(src, tgt)
    words = _Words(space, translation)  # the rows both steps read are made once
    out = list(beads)
    if trim:
        out = trim_uncovered(out, src, tgt, space, translation, lengths=lengths, words=words)
    if join:
        out = join_covered(out, src, tgt, space, translation, lengths=lengths, words=words)
    return out


def _length_offers(beads: Sequence[Bead], lengths: _Lengths, gain: float
                   ) -> list[tuple[int, int, int]]:
    """(bead, side, edge paragraph) of every bead's side of two paragraphs or more whose
    first or last paragraph, left out, brings the bead nearer the pair's ratio by `gain`."""
    matched = [k for k, b in enumerate(beads) if b.src and b.tgt]
    if not matched:
        return []
    ends = np.array([(beads[k].src[0], beads[k].src[-1], beads[k].tgt[0], beads[k].tgt[-1])
                     for k in matched], dtype=np.int64)
    sums = [np.asarray(x, dtype=np.float64) for x in lengths.sums]
    each = [np.asarray(x, dtype=np.float64) for x in lengths.of_side]
    run = [sums[0][ends[:, 1] + 1] - sums[0][ends[:, 0]],
           sums[1][ends[:, 3] + 1] - sums[1][ends[:, 2]]]
    found: list[tuple[int, int, int, int]] = []
    for side in (0, 1):
        scale = lengths.ratio if side == 0 else 1.0 / lengths.ratio
        mine, facing = run[side], run[1 - side]
        many = np.flatnonzero(ends[:, 2 * side + 1] > ends[:, 2 * side])
        now = np.abs(np.log(mine[many] * scale / facing[many]))
        for end in (0, 1):
            e = ends[many, 2 * side + end]
            after = np.abs(np.log((mine[many] - each[side][e]) * scale / facing[many]))
            for q in np.flatnonzero(now - after > gain).tolist():
                found.append((matched[int(many[q])], side, end, int(e[q])))
    found.sort()
    return [(k, side, e) for k, side, _, e in found]


def _own(b: Bead, side: int) -> tuple[int, ...]:
    return b.src if side == 0 else b.tgt


class _Lengths:
    """Both sides' paragraph lengths (characters as written: seeds 1-3, the features' lengths
    let 6 true parts of 10 go), run sums, and how far a bead's lengths are from the pair's."""

    def __init__(self, src: Side, tgt: Side) -> None:
        self.of_side = tuple(np.maximum(np.fromiter(map(len, side.texts), np.int64,
                                                    len(side.texts)), 1).tolist()
                             for side in (src, tgt))
        self.sums = tuple([0, *accumulate(x)] for x in self.of_side)
        self.ratio = self.sums[1][-1] / self.sums[0][-1]

    @staticmethod
    def of(src: Side, tgt: Side) -> _Lengths | None:
        return _Lengths(src, tgt) if len(src.texts) and len(tgt.texts) else None

    def run(self, side: int, run: Sequence[int]) -> float:
        """The length of a run of consecutive paragraphs of a side."""
        sums = self.sums[side]
        return float(sums[run[-1] + 1] - sums[run[0]])

    def off(self, side: int, mine: float, facing: float) -> float:
        """|log| of a bead's length ratio over the pair's (`mine` on `side`)."""
        return abs(math.log(mine * (self.ratio if side == 0 else 1.0 / self.ratio) / facing))


class _Words:
    """The words (target words and keys: the columns of the pair's space) of the paragraphs
    of some beads, as the sentence pass's vectors hold them (a source paragraph's are its
    words' translations), one row each."""

    def __init__(self, space: Space, translation: sp.csr_matrix | Callable[[], sp.csr_matrix]
                 ) -> None:
        self.space, self.translation = space, translation
        self.matrix: sp.csr_matrix | None = None
        self.at: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self.weight = space.weights.astype(np.float64) ** 2

    def take(self, beads: Sequence[Bead], offers: Sequence[tuple[int, int, int]],
             alone: Sequence[tuple[int, int]] = ()) -> _Words:
        """Itself, holding the rows of every paragraph of each offer's bead (bead, side, edge
        paragraph) and its edge paragraph, and of each (bead, side)'s paragraphs of `alone`.
        (Rows are added as asked: the trimming and the joining share the rows both ask for.)"""
        need: tuple[set[int], set[int]] = (set(), set())
        for k, side, e in offers:
            need[0].update(beads[k].src)
            need[1].update(beads[k].tgt)
            need[side].add(e)
        for k, side in alone:
            need[side].update(_own(beads[k], side))
        rows = (sorted(need[0].difference(self.at[0])), sorted(need[1].difference(self.at[1])))
        if not rows[0] and not rows[1]:
            return self
        space, translation = self.space, self.translation
        table = translation if isinstance(translation, sp.csr_matrix) else translation()
        projected = space.src_words[rows[0]] @ table + space.src_keys[rows[0]]
        # both sides' rows in one matrix (the same columns): one product for each measure
        block = _binary(sp.vstack([projected, space.tgt[rows[1]]], format="csr"))
        base = 0 if self.matrix is None else self.matrix.shape[0]
        self.at[0].update((r, base + q) for q, r in enumerate(rows[0]))
        base += len(rows[0])
        self.at[1].update((r, base + q) for q, r in enumerate(rows[1]))
        self.matrix = block if self.matrix is None else sp.vstack([self.matrix, block],
                                                                  format="csr")
        return self

    def measures(self, asked: Sequence[tuple[int, int, Sequence[int], Sequence[int]]]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For each (side, paragraph, rest of its side, other side): how many words it has that
        the rest lacks, how many of the other side's the rest lacks, the share (by weight) of
        its own found on the other side, and of the other side's the rest lacks it holds."""
        at, words, w = self.at, self.matrix, self.weight
        assert words is not None
        height = words.shape[0]
        e = words[[at[side][p] for side, p, _, _ in asked]]
        rest = _binary(_pick([[at[side][x] for x in rest] for side, _, rest, _ in asked],
                             height) @ words)
        facing = _binary(_pick([[at[1 - side][x] for x in other]
                                for side, _, _, other in asked], height) @ words)
        own = _binary(e - e.multiply(rest))
        left = _binary(facing - facing.multiply(rest))
        return (_counts(own), _counts(left), _ratio(own.multiply(facing) @ w, own @ w),
                _ratio(left.multiply(e) @ w, left @ w))


def _pick(groups: list[list[int]], width: int) -> sp.csr_matrix:
    """A matrix whose row q sums the rows `groups[q]`."""
    cols = [c for g in groups for c in g]
    ptr = np.r_[0, np.cumsum([len(g) for g in groups])]
    return sp.csr_matrix((np.ones(len(cols)), np.array(cols, dtype=np.int64), ptr),
                         shape=(len(groups), width))


def _binary(m: sp.spmatrix) -> sp.csr_matrix:
    m = sp.csr_matrix(m)
    m.eliminate_zeros()
    m.data = np.ones_like(m.data, dtype=np.float64)
    return m


def _counts(m: sp.csr_matrix) -> np.ndarray:
    return np.diff(m.indptr).astype(np.float64)


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    part, whole = np.asarray(part).ravel(), np.asarray(whole).ravel()
    return np.divide(part, whole, out=np.zeros_like(part), where=whole > 0)
