"""Unpunctuated Arabic sentences cut where the facing English paragraph boundary falls."""

# The sentence pass links sentences, and paragraphs sharing a linked sentence form a bead. A
# TED talk's Arabic runs segments together without full stops, so one Arabic "sentence" may hold
# the translation of the last sentence of one English paragraph and the first of the next: no
# sentence link can then say that the two English paragraphs are one bead with it, and the chain
# is cut one paragraph early or late. Such a sentence is cut, before the sentence pass, where its
# words stop translating into one English paragraph's sentences and start translating into the
# next one's: each word of a paragraph-pass bead's Arabic is given one of the English sentences
# the bead holds (and the sentence either side of it) by a monotone programme that weighs where
# the word's translations occur against where its place in the Arabic puts it in proportion to
# length. A cut is made wherever the programme moves from one English sentence to another
# inside an Arabic sentence: the sentence pass joins the parts again at no cost of their own
# where it prefers the sentence whole (align.subjoins), so a cut is an offer, not a decision
# (params: unit_cut_sentences, unit_cut_punctuated give the earlier, stricter rule: only
# between English paragraphs, only in a paragraph with no sentence break).

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass
from itertools import groupby, pairwise
from operator import attrgetter

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.params import AlignerParams
from reader.core.align.piece_shape import P, PieceShape
from reader.core.align.space import Side, Space
from reader.core.align.subedges import edge_cuts

_TOKEN = re.compile(r"\S+")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Words that open a clause: discourse markers ("so", "therefore", "well", "thus") and, with the
# conjunction و or ف written onto them, connectives ("and if", "but", "and now"); linguistic
# lists, not fitted to the bench's text (written for the clause cuts tried in the branch
# acc-units). Between the last word that translates into the earlier sentence and the first
# that translates into the later one, the cut goes before the first such word, else as early
# as it can: a segment's first words are often function words and verbs the lexicon lacks
# (seeds 1-20: cutting at the first translated word instead, small 0.904; half-way 0.907)
_OPENERS = frozenset({"لذا", "لذلك", "لهذا", "إذن", "إذاً", "اذن", "حسنا", "حسناً", "هكذا"})
_AFTER_CONJUNCTION = frozenset({
    *_OPENERS, "لكن", "لكنني", "لكننا", "لكنه", "لكنها", "لكنهم", "لكنك", "إذا", "اذا",
    "إذ", "عندما", "الآن", "بالتالي", "هذا", "لم", "ربما",
})


# a bead with more words than this is not searched for cuts (the programme is words x sentences)
_MOST_WORDS = 5_000


@dataclass(slots=True)
class _Slot:
    """A target sentence the bead's source words may be given: its columns and its span, in
    shares of the bead's target length (before 0 or after 1 for a neighbour)."""

    paragraph: int
    columns: list[int]
    lo: float
    hi: float
    outside: bool


def cut_sources(
    src: Side,
    tgt: Side,
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
    beads: Sequence[Bead],
    src_pieces: list[P],
    tgt_pieces: list[P],
    params: AlignerParams,
    offered: list[tuple[int, int]] | None = None,
) -> list[P]:
    """`src_pieces` with the cuts described above; unchanged unless the source is Arabic.
    The paragraphs a cut at a bead's edge is offered between go to `offered` (align.subedges).
    `translation` may be a call that gives it (align.learnt_process: a second process may
    still be learning it), made only when a paragraph is to be cut."""
    if src.lang != "ar" or params.unit_cut_min_words <= 0 or not src_pieces or not tgt_pieces:
        return src_pieces
    by_src = _by_paragraph(src_pieces)
    by_tgt = _by_paragraph(tgt_pieces)
    if not _runs_on(beads, src_pieces, tgt_pieces, params):
        return src_pieces
    if not isinstance(translation, sp.csr_matrix):
        translation = translation()
    weighted = (translation.minimum(1) @ sp.diags(space.weights)).tocsr()
    src_index = {w: a for a, w in enumerate(space.src_vocab)}
    tgt_index = space.tgt_vocab
    cuts: dict[int, list[int]] = {}  # id of a source piece -> offsets to cut it at
    # a neighbouring sentence is one of a matched paragraph: one the paragraph programme left
    # out is more likely an omission than the end of a chain
    matched = {j for b in beads if b.src for j in b.tgt}
    # the sentences that may be cut: those of a paragraph with no sentence break of its own
    # (one that has some is punctuated, and its long sentences are sentences: the built-in
    # pair's news article lost a bead), or any, now that the sentence pass joins the pieces
    # again at no cost where it prefers the sentence whole (reader.core.align.subjoins)
    whole = ({id(p) for p in src_pieces} if params.unit_cut_punctuated
             else {id(ps[0]) for ps in by_src.values() if len(ps) == 1})
    for b in beads:
        if not b.src or not b.tgt:
            continue
        s_pieces = [p for i in b.src for p in by_src.get(i, ())]
        t_core = [p for j in b.tgt for p in by_tgt.get(j, ())]
        if not s_pieces or len(t_core) <= len(s_pieces):
            continue  # no more English sentences than Arabic ones: nothing to find
        words = [_n_words(src, p) for p in s_pieces]
        if sum(words) > _MOST_WORDS or not any(
                id(p) in whole and w >= 2 * params.unit_cut_min_words
                for p, w in zip(s_pieces, words, strict=True)):
            continue
        before = by_tgt.get(b.tgt[0] - 1, ()) if b.tgt[0] - 1 in matched else ()
        after = by_tgt.get(b.tgt[-1] + 1, ()) if b.tgt[-1] + 1 in matched else ()
        t_all = ([before[-1]] if before else []) + t_core + ([after[0]] if after else [])
        slots = _slots(tgt, t_all, t_core, tgt_index)
        cuts.update(_bead_cuts(src, s_pieces, slots, weighted, src_index, params, whole))
    # and at each bead's edge, a tail to the next bead's first English sentence's length
    ratio = _length_ratio(beads, by_src, by_tgt)
    for key, edge in edge_cuts(src, beads, by_src, by_tgt, ratio, params,
                                    offered).items():
        cuts[key] = sorted({*cuts.get(key, ()), *edge})
    if not cuts:
        return src_pieces
    out: list[P] = []
    for p in src_pieces:
        offsets = cuts.get(id(p))
        out.extend(_split(src.texts[p.paragraph], p, offsets) if offsets else (p,))
    return out


def pin_threshold(src: Side, beads: Sequence[Bead], src_pieces: Sequence[P],
                  tgt_pieces: Sequence[P], params: AlignerParams) -> float:
    """How sure the paragraph pass must be that a paragraph was left out for the sentence pass
    to keep it out (align.units.null_corners): `unit_pin`, or `unit_pin_run_on` where the
    Arabic runs its sentences together. There a short Arabic paragraph the paragraph pass
    left out, sure of it, is often the last sentence of the facing English paragraph ("I ran
    through the numbers myself": the 1:1 beside it scored better than the 2:1), and the
    sentence pass, free to, links it (seeds 1-20: small 0.932 -> 0.935, small-coupled 0.977
    -> 0.980, omission recall unchanged; the Bible, where a pin matters, is not run on)."""
    if src.lang != "ar" or params.unit_cut_min_words <= 0 or not src_pieces or not tgt_pieces:
        return params.unit_pin
    if _runs_on(beads, src_pieces, tgt_pieces, params):
        return params.unit_pin_run_on
    return params.unit_pin


def _runs_on(beads: Sequence[Bead], src_pieces: Sequence[P], tgt_pieces: Sequence[P],
             params: AlignerParams) -> bool:
    """Whether the source's sentences run together: only where the Arabic has fewer
    sentences than the English in the matched paragraphs (TED: 13-17 % fewer); where it has
    more (the Bible cuts verses at full stops the English writes as colons), a cut only finds
    omissions a piece."""
    # the pieces of each paragraph, counted once, summed over the matched beads' paragraphs
    matched = [b for b in beads if b.src and b.tgt]
    matched_s = _pieces_in(src_pieces, [i for b in matched for i in b.src])
    matched_t = _pieces_in(tgt_pieces, [j for b in matched for j in b.tgt])
    return matched_t > params.unit_cut_ratio * matched_s


def _pieces_in(pieces: Sequence[P], paragraphs: list[int]) -> int:
    """How many of `pieces` belong to `paragraphs` (each counted as often as it is listed)."""
    of = np.fromiter(map(attrgetter("paragraph"), pieces), dtype=np.int64, count=len(pieces))
    wanted = np.array(paragraphs, dtype=np.int64)
    if not len(of) or not len(wanted) or of.min() < 0 or wanted.min() < 0:
        return sum(int((of == i).sum()) for i in paragraphs)
    counts = np.bincount(of, minlength=int(wanted.max()) + 1)
    return int(counts[wanted].sum())


def _length_ratio(beads: Sequence[Bead], by_src: dict[int, list[P]],
                  by_tgt: dict[int, list[P]]) -> float:
    """Source length per target length in the matched beads."""
    s = sum(p.length for b in beads if b.src and b.tgt for i in b.src for p in by_src.get(i, ()))
    t = sum(p.length for b in beads if b.src and b.tgt for j in b.tgt for p in by_tgt.get(j, ()))
    return s / t if s > 0 and t > 0 else 1.0


def _by_paragraph(pieces: Sequence[P]) -> dict[int, list[P]]:
    # pieces come in runs of one paragraph: a list per run, not an append per piece
    out: dict[int, list[P]] = {}
    for i, run in groupby(pieces, attrgetter("paragraph")):
        if i in out:
            out[i].extend(run)
        else:
            out[i] = list(run)
    return out


def _word_range(side: Side, p: PieceShape) -> tuple[int, int]:
    offsets = side.features[p.paragraph].offsets
    return int(np.searchsorted(offsets, p.start)), int(np.searchsorted(offsets, p.end))


def _n_words(side: Side, p: PieceShape) -> int:
    lo, hi = _word_range(side, p)
    return hi - lo


def _slots(tgt: Side, pieces: Sequence[PieceShape], core: Sequence[PieceShape],
           index: dict[str, int]) -> list[_Slot]:
    total = sum(p.length for p in core) or 1.0
    first = core[0]
    inside = {p.paragraph for p in core}
    # where each piece starts, in shares of the core's length (the one before is negative)
    at = -(pieces[0].length / total) if pieces[0] is not first else 0.0
    slots = []
    for p in pieces:
        f = tgt.features[p.paragraph].within(p.start, p.end, 1)
        columns = [c for c in (index.get(t) for t in (*f.words, *f.keys)) if c is not None]
        span = p.length / total
        slots.append(_Slot(p.paragraph, columns, at, at + span, p.paragraph not in inside))
        at += span
    return slots


def _bead_cuts(
    src: Side,
    pieces: Sequence[PieceShape],
    slots: Sequence[_Slot],
    weighted: sp.csr_matrix,
    src_index: dict[str, int],
    params: AlignerParams,
    whole: set[int],
) -> dict[int, list[int]]:
    """The offsets each source piece of one bead is cut at (pieces without cuts left out);
    only the pieces `whole` names (by id) are cut."""
    # the programme runs over the text's words (cuts fall at their starts); a word's rows of
    # `weighted` are those of the stems the features place inside it (none: a function word)
    rows: list[list[int]] = []
    where: list[float] = []  # each word's place in shares of the bead's source length
    owner: list[int] = []  # the piece each word is in
    starts: list[int] = []  # each word's offset in its paragraph
    cue: list[bool] = []  # whether a clause may start at the word
    total = sum(p.length for p in pieces) or 1.0
    at = 0.0
    for k, p in enumerate(pieces):
        f = src.features[p.paragraph]
        text = src.texts[p.paragraph]
        lo, hi = _word_range(src, p)
        width = max(1, p.end - p.start)
        w = lo
        for m_ in _TOKEN.finditer(text, p.start, p.end):
            mine = []
            while w < hi and f.offsets[w] < m_.end():
                a = src_index.get(f.words[w], -1)
                if a >= 0:
                    mine.append(a)
                w += 1
            rows.append(mine)
            cue.append(_opens_clause(m_.group(), text, m_.start()))
            where.append((at + p.length * (m_.start() - p.start) / width) / total)
            owner.append(k)
            starts.append(m_.start())
        at += p.length
    n, m = len(rows), len(slots)
    if n < 2 or m < 2:
        return {}
    flat = [a for r in rows for a in r]
    link = np.zeros((n, m), dtype=np.float64)
    if flat:
        idx = np.repeat(np.arange(n), [len(r) for r in rows])
        sub = weighted[np.array(flat)]
        cols = [c for s in slots for c in s.columns]
        owners = [j for j, s in enumerate(slots) for _ in s.columns]
        present = sp.csr_matrix(
            (np.ones(len(cols), dtype=np.float32), (owners, cols)),
            shape=(m, weighted.shape[1]),
        ).minimum(1)
        per_stem = (sub @ present.T).toarray()
        share_stem = per_stem / np.maximum(per_stem.sum(axis=1, keepdims=True), 1e-9)
        np.add.at(link, idx, share_stem)
    share = link  # each word's translations, shared out among the sentences holding them
    pos = np.array(where)[:, None]
    first = np.array([s.lo for s in slots])[None, :]
    last = np.array([s.hi for s in slots])[None, :]
    off = np.maximum(first - pos, 0) + np.maximum(pos - last, 0)
    score = params.unit_cut_lexical * share - (off / params.unit_cut_spread) ** 2
    path = _monotone_path(score, params.unit_cut_switch)
    out: dict[int, list[int]] = {}
    least = params.unit_cut_min_words
    owner_arr = np.array(owner)
    idx_all = np.arange(n)
    for i in range(1, n):
        a, b = path[i - 1], path[i]
        if owner[i] != owner[i - 1] or a == b or (
                slots[a].paragraph == slots[b].paragraph and not params.unit_cut_sentences):
            continue  # not inside a sentence, or not to a sentence the cuts are made for
        k = owner[i]
        if id(pieces[k]) not in whole:
            continue
        mine = owner_arr == k
        # towards a sentence outside the bead, only on the words' say: an English paragraph
        # the sentence pass would leave out is not to find a piece cut to its measure
        if slots[a].outside or slots[b].outside:
            said = min(share[mine & (idx_all < i), a].sum(), share[mine & (idx_all >= i), b].sum())
            if said < params.unit_cut_outside:
                continue
        i = _in_gap(i, share[:, a], share[:, b], owner, cue)
        before = int((mine & (idx_all < i)).sum())
        if before >= least and int(mine.sum()) - before >= least:
            out.setdefault(id(pieces[k]), []).append(starts[i])
    return out


def _in_gap(i: int, left: np.ndarray, right: np.ndarray, owner: Sequence[int],
            cue: Sequence[bool]) -> int:
    """Where the cut the programme makes before word `i` goes: between the last word before it
    that translates into the left sentence and the first from it on that translates into the
    right one (the words between say nothing), at the first clause opening there, else at the
    earliest."""
    k = owner[i]
    lo = i
    while lo - 1 > 0 and owner[lo - 1] == k and left[lo - 1] <= 0:
        lo -= 1
    hi = i
    while hi + 1 < len(owner) and owner[hi + 1] == k and right[hi] <= 0:
        hi += 1
    return next((q for q in range(lo, hi + 1) if cue[q]), lo)


def _monotone_path(score: np.ndarray, switch: float) -> list[int]:
    """The non-decreasing column of each row that maximises the summed scores, less `switch`
    for every move to another column."""
    n, m = score.shape
    best = score[0].copy()
    back = np.zeros((n, m), dtype=np.int64)
    for i in range(1, n):
        # best earlier column, strictly left of each column
        run = np.maximum.accumulate(best)
        arg = np.zeros(m, dtype=np.int64)
        for j in range(1, m):
            arg[j] = arg[j - 1] if best[arg[j - 1]] >= best[j] else j
        moved = np.full(m, -np.inf)
        moved[1:] = run[:-1] - switch
        stay = best
        take_move = moved > stay
        back[i] = np.where(take_move, np.concatenate(([0], arg[:-1])), np.arange(m))
        best = np.where(take_move, moved, stay) + score[i]
    path = [int(np.argmax(best))]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def _opens_clause(word: str, text: str, at: int) -> bool:
    """Whether a clause may start at `word` (at `at` in `text`): after a comma, colon or dash,
    or at a discourse marker or a conjunction written onto a connective."""
    before = text[max(0, at - 4):at].rstrip()
    if before.endswith(("،", ",", ":", "؛", ";", "--")):
        return True
    bare = _DIACRITICS.sub("", word).strip("«»\"'()،,:")
    return bare in _OPENERS or (bare[:1] in ("و", "ف") and bare[1:] in _AFTER_CONJUNCTION)


def _split(text: str, piece: P, offsets: Sequence[int]) -> list[P]:
    """`piece` cut at `offsets`, each part's length its share of the piece's visible text."""
    bounds = [piece.start, *sorted(offsets), piece.end]
    visible = max(1, sum(1 for ch in text[piece.start:piece.end] if not ch.isspace()))
    parts = []
    for a, b in pairwise(bounds):
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            share = sum(1 for ch in text[a:b] if not ch.isspace()) / visible
            part = copy(piece)
            part.start, part.end, part.length = a, b, piece.length * share
            parts.append(part)
    return parts
