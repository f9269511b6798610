"""A bead's last Arabic sentence cut to the length of the next bead's first English sentence."""

# reader.core.align.subunits cuts an unpunctuated Arabic sentence where its words move from one
# English sentence to the next. A TED segment of a few words ("thank you", "and so") at the very
# end of an Arabic paragraph has too few words for the lexicon to place, and where the English
# paragraph it translates starts the next paragraph-pass bead, the programme needs the words' say
# to cut towards it: no cut is made, and the chain of paragraphs is cut short at the bead's edge
# (seeds 1-20: of the 401 places an English paragraph starts inside an unpunctuated Arabic
# sentence, 55 lie at such an edge; the true cuts of segments of <= 8 words at a paragraph's end
# or start would give small 0.920 -> 0.937). So at each edge between two adjacent matched beads,
# the first bead's last Arabic sentence is offered a cut that leaves a tail as long as the next
# bead's first English sentence would be in Arabic (the pair's length ratio); the sentence pass
# joins the pieces again at no cost of their own (align.subjoins) where the words and lengths do
# not take the offer. Not offered (seeds 1-20, small): a head cut to the length of the first
# bead's last English sentence (0.904 alone, 0.924 with the tail cut); a tail towards an English
# paragraph of one sentence, or from a bead with more Arabic paragraphs than English ones (the
# tail of an Arabic paragraph the translation left out found an English sentence of its length:
# omission recall 0.929 -> 0.911 without these two rules, 0.921 with them).

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from reader.core.align.beads import Bead
from reader.core.align.params import AlignerParams
from reader.core.align.piece_shape import PieceShape
from reader.core.align.space import Side

_TOKEN = re.compile(r"\S+")


def edge_cuts(
    src: Side,
    beads: Sequence[Bead],
    by_src: Mapping[int, Sequence[PieceShape]],
    by_tgt: Mapping[int, Sequence[PieceShape]],
    ratio: float,
    params: AlignerParams,
    offered: list[tuple[int, int]] | None = None,
) -> dict[int, list[int]]:
    """The offset each source piece is cut at (by the piece's id), as described above; `ratio`
    is the source length per target length in the matched beads, `by_*` each paragraph's
    sentences; each (source paragraph, target paragraph) a cut is offered between is appended
    to `offered` if given."""
    out: dict[int, list[int]] = {}
    least = params.unit_edge_min_words
    if least <= 0:
        return out
    matched = [b for b in beads if b.src and b.tgt]
    for a, b in pairwise(matched):
        if a.src[-1] + 1 != b.src[0] or a.tgt[-1] + 1 != b.tgt[0]:
            continue  # a paragraph left out between them: no chain crosses the edge
        last, first = by_src.get(a.src[-1]), by_tgt.get(b.tgt[0])
        if not last or not first or len(first) < 2 or len(a.src) > len(a.tgt):
            continue
        want = ratio * first[0].length
        if want > params.unit_edge_longest:
            continue
        p = last[-1]
        at = _tail_cut(src.texts[p.paragraph], p, want, least)
        if at is not None:
            out[id(p)] = [at]
            if offered is not None:
                offered.append((a.src[-1], b.tgt[0]))
    return out


def _tail_cut(text: str, piece: PieceShape, want: float, least: int) -> int | None:
    """The word start in `piece` that leaves a tail of about `want` length, with at least
    `least` words on each side; None if the piece is too short for one."""
    starts = [m.start() for m in _TOKEN.finditer(text, piece.start, piece.end)]
    if len(starts) < 2 * least:
        return None
    visible = max(1, sum(1 for ch in text[piece.start:piece.end] if not ch.isspace()))
    scale = piece.length / visible
    best, best_off = None, 0.0
    for k in range(least, len(starts) - least + 1):
        size = scale * sum(1 for ch in text[starts[k]:piece.end] if not ch.isspace())
        off = abs(size - want)
        if best is None or off < best_off:
            best, best_off = starts[k], off
    return best


def edge_runs(run: Callable[[AlignerParams, list[tuple[int, int]] | None], list[Bead]],
              params: AlignerParams) -> list[Bead]:
    """The beads `run` (the sentence pass under the given parameters; it appends the edges it
    offered cuts at to the list if given one) finds with the edge cuts, except where they
    leave out other paragraphs than it does without them: the cuts are to join chains, but a
    short piece free to go either way also found an English sentence the translation lacks,
    or the tail of an Arabic paragraph it lacks, of its length (seeds 1-20, small: omission
    recall 0.929 -> 0.921 in one run, held out 41-60 / 61-100 0.936 -> 0.925 / 0.935 ->
    0.928, means; with the second run 0.929, strict F1 0.932 either way), and left out an
    English paragraph whose Arabic it had joined to a sentence (tests/data/runon/genesis-1)."""
    offered: list[tuple[int, int]] = []
    found = run(params, offered)
    if not offered:
        return found  # no cut offered: the run without them is this one
    base = run(replace(params, unit_edge_min_words=0), None)
    return _merged(base, found)


def _corners(beads: Sequence[Bead]) -> list[tuple[int, int]]:
    out = [(0, 0)]
    for b in beads:
        i, j = out[-1]
        out.append((i + len(b.src), j + len(b.tgt)))
    return out


def _merged(base: Sequence[Bead], found: Sequence[Bead]) -> list[Bead]:
    """`found`, but each stretch between corners both share taken from `base` where the two
    leave out different paragraphs."""
    cb, cf = _corners(base), _corners(found)
    at_f = {c: k for k, c in enumerate(cf)}
    out: list[Bead] = []
    k = 0
    while k < len(base):
        end = k + 1  # the stretch of `base` up to the next corner `found` shares
        while cb[end] not in at_f:
            end += 1
        mine, theirs = found[at_f[cb[k]]:at_f[cb[end]]], base[k:end]
        out.extend(mine if _left_out(mine) == _left_out(theirs) else theirs)
        k = end
    return out


def _left_out(beads: Sequence[Bead]) -> tuple[set[int], set[int]]:
    """The source and target paragraphs `beads` leave out."""
    return ({i for b in beads if not b.tgt for i in b.src},
            {j for b in beads if not b.src for j in b.tgt})
