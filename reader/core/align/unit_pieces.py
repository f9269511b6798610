"""The sentence pass's pieces: each paragraph cut into its sentences (or kept whole), and the
pieces of both sides the band around the paragraph beads takes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.colon_cuts import unit_sentences
from reader.core.align.one_side import SentenceCuts
from reader.core.align.presence import row_lengths
from reader.core.align.space import Side
from reader.core.text.sentences import Sentence


@dataclass(slots=True)
class Piece:
    """A sentence of one paragraph (or the whole paragraph): code points [start, end), and its
    length. (Not frozen: a frozen record costs four times as much to make, and a large pair
    has tens of thousands of these.)"""

    paragraph: int
    start: int
    end: int
    length: float


def sentence_pieces(side: Side) -> list[list[Piece]]:
    """Each paragraph cut into its sentences. Posts, duplicates and boilerplate stay whole (their
    kind already says they may be left out), and so do paragraphs whose words have no places.
    (From the sentences the side was prepared with, if it was: align.one_side.sentence_cuts.)"""
    return _flat_pieces(side).by_paragraph()


@dataclass(slots=True)
class _FlatPieces:
    """Every paragraph's pieces in one list, in order, and how many each paragraph has."""

    pieces: list[Piece]
    counts: np.ndarray  # pieces a paragraph (int64)

    def by_paragraph(self) -> list[list[Piece]]:
        bounds = np.r_[0, np.cumsum(self.counts)].tolist()
        return [self.pieces[a:b] for a, b in pairwise(bounds)]


def _flat_pieces(side: Side) -> _FlatPieces:
    """`sentence_pieces(side)` flat: one list, as the sentence pass takes the pieces."""
    if side.cuts is not None:
        return _cut_pieces(side, side.cuts)
    by_paragraph = _uncut_pieces(side)
    return _FlatPieces([p for ps in by_paragraph for p in ps],
                       row_lengths(by_paragraph))


def _uncut_pieces(side: Side) -> list[list[Piece]]:
    pieces: list[list[Piece]] = []
    null, lang = side.null_bonus.tolist(), side.lang
    for i, (text, para) in enumerate(zip(side.texts, side.features, strict=True)):
        sentences: Sequence[Sentence] = ()
        if not null[i] and len(para.offsets) == len(para.words):
            sentences = unit_sentences(text, lang)
        if len(sentences) <= 1:
            pieces.append([Piece(i, 0, len(text), float(para.length))])
            continue
        # a sentence's length is its share of the paragraph's (which counts normalized text)
        visible = max(1, len(text) - text.count(" "))
        length = para.length
        pieces.append([Piece(i, s.start, s.end,
                             length * ((len(s.text) - s.text.count(" ")) / visible))
                       for s in sentences])
    return pieces


def _cut_pieces(side: Side, cuts: SentenceCuts) -> _FlatPieces:
    # every piece made in one `map` from flat lists (no comprehension per paragraph, no
    # array read per field), then each paragraph's list sliced from them: a large pair has
    # ~25,000 pieces a side
    n = len(side.texts)
    counts = np.diff(cuts.first)
    cut = counts > 1
    of_unit = np.repeat(np.arange(n, dtype=np.int64), counts)
    taken = cut[of_unit]
    whole = np.flatnonzero(~cut)
    para_len = np.fromiter((f.length for f in side.features), dtype=np.float64, count=n)
    paragraph = np.concatenate([of_unit[taken], whole])
    order = np.argsort(paragraph, kind="stable")
    start = np.concatenate([cuts.start[taken], np.zeros(len(whole), dtype=np.int64)])[order]
    end = np.concatenate([cuts.end[taken], row_lengths(side.texts)[whole]])[order]
    length = np.concatenate([cuts.length[taken].astype(np.float64), para_len[whole]])[order]
    made = list(map(Piece, paragraph[order].tolist(), start.tolist(), end.tolist(),
                    length.tolist()))
    return _FlatPieces(made, np.where(cut, counts, 1))


def balanced_pieces(
    src: Side, tgt: Side, beads: Sequence[Bead], band: int
) -> tuple[list[Piece], list[Piece]]:
    """Both sides' sentences, as units for the sentence pass.

    Where a bead has on one side far more sentences than the band and the 1:3 beads can absorb
    (a 1 MB paragraph against one line), that side's paragraphs stay whole. A run of paragraphs
    left out with more sentences than the band holds would widen the band everywhere: those
    paragraphs get no units (they stay left out, their corners pinned).
    """
    flat_s, flat_t = _flat_pieces(src), _flat_pieces(tgt)
    fast = _in_order(flat_s, flat_t, beads, band)
    if fast is not None:
        return fast
    src_of, tgt_of = flat_s.by_paragraph(), flat_t.by_paragraph()
    skip_s = [False] * len(src.texts)
    skip_t = [False] * len(tgt.texts)
    for side, run in _null_runs(beads):
        pieces_of, skip = (src_of, skip_s) if side == 0 else (tgt_of, skip_t)
        if sum(len(pieces_of[p]) for p in run) > band:
            for p in run:
                skip[p] = True
    src_out: list[Piece] = []
    tgt_out: list[Piece] = []
    for b in beads:
        sp = [p for i in b.src if not skip_s[i] for p in src_of[i]]
        tp = [p for j in b.tgt if not skip_t[j] for p in tgt_of[j]]
        if len(tp) > 3 * len(sp) + band:
            tp = [_whole(tgt, j) for j in b.tgt]
        elif len(sp) > 3 * len(tp) + band:
            sp = [_whole(src, i) for i in b.src]
        src_out.extend(sp)
        tgt_out.extend(tp)
    return src_out, tgt_out


def _in_order(src: _FlatPieces, tgt: _FlatPieces, beads: Sequence[Bead], band: int
              ) -> tuple[list[Piece], list[Piece]] | None:
    """`balanced_pieces` where it is every piece of both sides in order (the usual case, and
    the one that costs a list per bead): the beads take every paragraph of each side once, in
    order, no bead has on one side more pieces than the band and the 1:3 beads absorb, and no
    run of null beads more than the band. None otherwise (or when that cannot be told)."""
    k = len(beads)
    if not k:
        return None
    n_s, first_s = np.zeros(k, dtype=np.int64), np.zeros(k, dtype=np.int64)
    n_t, first_t = np.zeros(k, dtype=np.int64), np.zeros(k, dtype=np.int64)
    for b, bead in enumerate(beads):
        if bead.src:
            first_s[b], n_s[b] = bead.src[0], len(bead.src)
        if bead.tgt:
            first_t[b], n_t[b] = bead.tgt[0], len(bead.tgt)
    sums = []
    for first, count, flat in ((first_s, n_s, src), (first_t, n_t, tgt)):
        # in order: each bead's run starts where the run before it ended, and they end at the
        # side's last paragraph (each run is consecutive: Bead)
        taken = np.cumsum(count)
        held = count > 0
        if taken[-1] != len(flat.counts) or not np.array_equal(first[held],
                                                                (taken - count)[held]):
            return None
        at = np.r_[0, np.cumsum(flat.counts)]
        sums.append(at[taken] - at[taken - count])
    ks, kt = sums
    if (kt > 3 * ks + band).any() or (ks > 3 * kt + band).any():
        return None
    # nor a run of paragraphs left out on one side (it would keep them out of the units)
    counts = src.counts.tolist(), tgt.counts.tolist()
    for side, run in _null_runs(beads):
        if sum(counts[side][p] for p in run) > band:
            return None
    return src.pieces, tgt.pieces


def _null_runs(beads: Sequence[Bead]) -> list[tuple[int, list[int]]]:
    """Runs of consecutive null beads on one side: (0 source / 1 target, paragraphs)."""
    runs: list[tuple[int, list[int]]] = []
    for b in beads:
        side = 0 if b.src and not b.tgt else 1 if b.tgt and not b.src else -1
        if side < 0:
            continue
        paragraph = (b.src or b.tgt)[0]
        last = runs[-1] if runs else None
        if last is not None and last[0] == side and last[1][-1] == paragraph - 1:
            last[1].append(paragraph)
        else:
            runs.append((side, [paragraph]))
    return runs


def _whole(side: Side, i: int) -> Piece:
    return Piece(i, 0, len(side.texts[i]), float(side.features[i].length))
