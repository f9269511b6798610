"""The sentence pass's English units cut at every colon and semicolon, joined again at no cost."""

# The Arabic Bible ends a sentence where the King James Version goes on after a colon or a
# semicolon: «...يُعْصَرُ إِلَى أَسْفَلِ الْمَذْبَحِ. إِنَّهُ ذَبِيحَةُ خَطِيَّةٍ.» against "... at the
# bottom of the altar: it is a sin offering." (Leviticus 5:9), «... إِنَّهُمَا يُقْتَلاَنِ
# كِلاَهُمَا. دَمُهُمَا عَلَيْهِمَا.» against "...: both of them shall surely be put to death;
# their blood shall be upon them." colon_cuts cuts only where a capital follows and both parts
# have five words. So a short Arabic sentence that ends a verse faces no English unit of its
# own: it joins its verse (a 2:1 bead, then a 1:1 with the next verse) or the next verse (a
# 1:1, then a 2:1), the priors are the same, and its few words ("unclean", "the LORD") match
# the next law verse as well as its own. It went forward often enough to cut a true bead in
# two or merge two wherever a paragraph ends there: most of large's beads cut in two or
# merged (docs/benchmarks.md). Cut at every colon and semicolon, the English clause is the
# Arabic sentence's 1:1 partner; the pieces of one sentence in one bead are scored as the
# sentence whole (align.subjoins), so a cut the words do not take costs nothing.
#
# Only where the Arabic is the finer side: in the pair (TED's Arabic runs its sentences
# together, and its English would be cut for nothing) and in the paragraph pass's bead (where
# the English has as many units as the Arabic, a short clause at a paragraph's edge found a
# partner in a neighbouring paragraph the translation left out: seeds 1-20, book's omission
# recall 0.906 -> 0.889 with neither this gate nor the cost below). A piece linked apart from
# the rest of its sentence pays `unit_clause_apart`. And only a paragraph's first and last
# sentences: inside a paragraph a clause linked to one Arabic sentence or the next changes no
# paragraph bead, and every piece is a row or column of the band (cutting all: the same
# figures, ~30 % more English units).

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import cast

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.params import NEG, AlignerParams
from reader.core.align.piece_shape import P, PieceShape

# ":" or ";" and the white space after it
_MARK = re.compile(r"[:;]\s+")


def clause_cuts(texts: Sequence[str], pieces: list[P], beads: Sequence[Bead],
                sources: Sequence[PieceShape], params: AlignerParams) -> list[P]:
    """`pieces` (one side's units, in order) with the sentences of each paragraph that faces
    finer units (`finer_paragraphs`) cut after every colon or semicolon where the part before
    the cut has `params.unit_clause_words` words or more (a shorter one stays with the next
    part; the last part may be any length). `pieces` itself when nothing is cut, or when the
    other side's units (`sources`) are fewer than `unit_clause_pair_ratio` times these."""
    words = params.unit_clause_words
    if words <= 0 or len(sources) < params.unit_clause_pair_ratio * len(pieces):
        return pieces
    finer = finer_paragraphs(beads, sources, pieces, params.unit_clause_ratio)
    out: list[P] = []
    cut = False
    make = cast(Callable[..., P], type(pieces[0])) if pieces else None
    last = len(pieces) - 1
    inside = params.unit_clause_inside
    for k, p in enumerate(pieces):
        if p.paragraph not in finer:
            out.append(p)
            continue
        # only a paragraph's first and last sentences: inside one, a clause linked to one
        # Arabic sentence or the next changes no paragraph bead
        edge = k in (0, last) or pieces[k - 1].paragraph != p.paragraph \
            or pieces[k + 1].paragraph != p.paragraph
        if not (edge or inside):
            out.append(p)
            continue
        whole = texts[p.paragraph]
        if whole.find(":", p.start, p.end) < 0 and whole.find(";", p.start, p.end) < 0:
            out.append(p)  # nothing to cut at (`clauses` gives the piece whole): not sliced
            continue
        text = whole[p.start:p.end]
        parts = clauses(text, words)
        assert make is not None
        if len(parts) == 1:
            out.append(p)
            continue
        visible = max(1, len(text) - text.count(" "))
        for a, b in parts:
            out.append(make(p.paragraph, p.start + a, p.start + b,
                            p.length * (b - a - text.count(" ", a, b)) / visible))
        cut = True
    return out if cut else pieces


def clauses(text: str, words: int) -> list[tuple[int, int]]:
    """[start, end) of the parts of `text` cut after each ":" or ";" before white space where
    the part before has at least `words` words and words follow; the white space is left out."""
    if ":" not in text and ";" not in text:
        return [(0, len(text))]
    parts: list[tuple[int, int]] = []
    start = 0
    for m in _MARK.finditer(text):
        # words: the spaces between them (a paragraph's white space is single spaces)
        if m.end() == len(text) or text.count(" ", start, m.start()) + 1 < words:
            continue
        parts.append((start, m.start() + 1))
        start = m.end()
    parts.append((start, len(text)))
    return parts


def finer_paragraphs(beads: Sequence[Bead], sources: Sequence[PieceShape],
                     targets: Sequence[PieceShape], ratio: float) -> set[int]:
    """The target paragraphs of the paragraph pass's matched beads whose source paragraphs
    have more than `ratio` times as many units as their target paragraphs."""
    count_s = Counter(map(attrgetter("paragraph"), sources))
    count_t = Counter(map(attrgetter("paragraph"), targets))
    out: set[int] = set()
    of_s, of_t = count_s.__getitem__, count_t.__getitem__  # 0 for a paragraph not counted
    for b in beads:
        if b.src and b.tgt and sum(map(of_s, b.src)) > ratio * sum(map(of_t, b.tgt)):
            out.update(b.tgt)
    return out


def apart_costs(scores: dict[tuple[int, int], np.ndarray], centre: np.ndarray, half: int,
                row_apart: np.ndarray, col_apart: np.ndarray, cost: float, first: int = 0
                ) -> None:
    """Subtract `cost`, in place, from every bead of the band whose first row (column) is a
    piece that `*_apart` marks (a clause cut off the piece before it): a piece linked apart
    from the rest of its sentence. `scores` as align.scores.score_band gives them (see
    align.subjoins.free_joins; `scores` and `centre` may be the band's rows from `first` on)."""
    if cost == 0.0 or (not row_apart.any() and not col_apart.any()):
        return
    n, m = len(row_apart), len(col_apart)
    rows, cols = np.r_[row_apart, False], np.r_[col_apart, False]
    i = np.arange(first, first + len(centre))
    j = None if not col_apart.any() else np.clip(
        centre[:, None] + np.arange(2 * half + 1)[None, :] - half, 0, m)
    for (ks, kt), table in scores.items():
        if j is None:
            # only rows pay (the side cut has the rows): a few rows of the band, read alone
            hit_rows = np.flatnonzero(rows[np.clip(i - ks, 0, n)]) if ks else i[:0]
            block = table[hit_rows]
            block[block > NEG / 2] -= np.float32(cost)
            table[hit_rows] = block
            continue
        hit = np.zeros(table.shape, dtype=bool)
        if ks:
            hit |= rows[np.clip(i - ks, 0, n)][:, None]
        if kt:
            hit |= cols[np.clip(j - kt, 0, m)]
        hit &= table > NEG / 2
        table[hit] -= np.float32(cost)
