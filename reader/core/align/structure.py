"""Text structure as alignment evidence: headings, list items and short lines facing each other."""

# A heading or a one-line list item has too few words for the cosine of the bead score: weighted
# by its length, its match counts for little, and in the sentence pass two null beads beat it.
# What a reader sees instead is structure: a heading faces a heading, the third numbered item
# faces the third, and the few words of one have their dictionary counterparts in the other.
# So a 1:1 bead between two paragraphs of the same shape (both headings of one level, both
# bulleted items, both numbered with the same number, both title-short lines) gains a bonus in
# proportion to how many of their content words find a counterpart on the other side (lexicon
# translations compared by their first letters, so that "acceptance" answers "accepting"), and
# nothing when none do: two list items that merely sit at the same place are no evidence (a
# stale translation); two headings of one level are some (HEADING_SHARE). The
# bonus is measured like the bead score's lexical term, so that it weighs the same in the
# paragraph and the sentence programmes: when half the words answer each other it cancels
# what a cosine of zero costs the pair, when all do it is worth as much again.

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from reader.core.align.readings import Readings, target_stems
from reader.core.anchors.features import Features
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem, stopwords

if TYPE_CHECKING:
    import scipy.sparse as sp
else:  # imported on first use (align.sparse_import.LazySparse)
    from reader.core.align.sparse_import import lazy_sparse as sp

if TYPE_CHECKING:
    from reader.core.align.model import Model, Problem
    from reader.core.align.params import AlignerParams

NONE, HEADING, BULLET, NUMBERED, SHORT = 0, 1, 2, 3, 4
_HEADING = re.compile(r"#{1,6}\s")
_BULLET = re.compile(r"[*+\-•]\s")
_NUMBERED = re.compile(r"([0-9٠-٩]{1,4})[.)]\s")
_NUMBER = re.compile(r"[0-9٠-٩]{1,4}")
# the three markers in one pattern, in the order they are tried (at most one can match)
_MARKER = re.compile(f"{_NUMBERED.pattern}|({_HEADING.pattern})|{_BULLET.pattern}")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]+")  # names, code and markup kept in Latin script
SHORT_WORDS = 12  # a plain line of at most this many words reads as a short block of its own
HEADING_SHARE = 0.25  # what two headings of one level agree by at least
TITLE_WORDS = 4  # content words of a short line that reads as a title
PREFIX = 5  # letters of an English stem that make its key: inflections and derivations meet
# what a same-shape 1:1 bead whose every content word has a counterpart gains, in units of
# what its lexical term loses when its cosine is zero
BONUS = 2.0
_CELLS = 200_000  # cells scored at once: bounds the temporaries on long structured texts


@dataclass(frozen=True, slots=True)
class Shapes:
    """One side's paragraphs (or sentence units) as structure: a shape, an item or heading
    number (-1: none), and the keys of its content words (lexicon translations on the
    Arabic side, word stems on the other) with how many words they stand for."""

    shape: np.ndarray  # int8
    number: np.ndarray  # int64
    keys: sp.csr_matrix  # rows x key space, 1 where the paragraph has a word with that key
    words: np.ndarray  # float32: content words and anchors of the paragraph (0: no key rows)
    level: np.ndarray  # int8: a heading's level (the number of #), 0 for the rest

    def take(self, rows: np.ndarray, whole: np.ndarray | None = None) -> Shapes:
        """The shapes of `rows`; rows where `whole` is False (a sentence of a longer
        paragraph) have none."""
        shape = self.shape[rows]
        if whole is not None:
            shape = np.where(whole, shape, NONE).astype(np.int8)
        return Shapes(shape, self.number[rows], self.keys[rows], self.words[rows],
                      self.level[rows])


@dataclass(frozen=True, slots=True)
class PairStructure:
    """Both sides' shapes, in the programme's direction (rows are the source)."""

    src: Shapes
    tgt: Shapes

    def take(self, src_rows: np.ndarray, tgt_rows: np.ndarray) -> PairStructure:
        return PairStructure(self.src.take(src_rows), self.tgt.take(tgt_rows))

    def flipped(self) -> PairStructure:
        return PairStructure(self.tgt, self.src)


def shape_of(text: str) -> tuple[int, int]:
    """A paragraph's shape and its number (-1: none), read from its markdown-like markers."""
    s = text.lstrip()
    marker = _MARKER.match(s)
    if marker:
        number, heading = marker.group(1, 2)
        if number is not None:
            return NUMBERED, int(number)
        return (HEADING, _first_number(s)) if heading is not None else (BULLET, -1)
    if len(s.split(maxsplit=SHORT_WORDS)) <= SHORT_WORDS:  # no need to split a long one whole
        return SHORT, _first_number(s)
    return NONE, -1


def _first_number(text: str) -> int:
    found = _NUMBER.search(text)
    return int(found.group()) if found else -1


@dataclass(frozen=True, slots=True)
class SideShapes:
    """One side's shapes before the pair's key columns: each (row, column) of its keys, the
    columns numbered in `vocab`, its own. Each side's are read apart (one of them by a child,
    align.names_ahead) and `joined`."""

    shape: np.ndarray
    number: np.ndarray
    words: np.ndarray
    level: np.ndarray
    rows: np.ndarray  # int64
    cols: np.ndarray  # int64, in `vocab`
    vocab: dict[str, int]


def joined(src: SideShapes, tgt: SideShapes) -> PairStructure:
    """Both sides' shapes in one key space: the source's keys numbered first, then the
    target's not among them, in the order the target first has them (the columns one pass over
    both sides gives: the target's keys are numbered in the order it meets them)."""
    vocab = dict(src.vocab)
    column = vocab.setdefault
    mapping = np.array([column(k, len(vocab)) for k in tgt.vocab], dtype=np.int64)
    width = max(1, len(vocab))
    return PairStructure(_with_keys(src, src.cols, width),
                         _with_keys(tgt, mapping[tgt.cols], width))


def _with_keys(side: SideShapes, cols: np.ndarray, width: int) -> Shapes:
    keys = sp.csr_matrix((np.ones(len(side.rows), dtype=np.float32), (side.rows, cols)),
                         shape=(len(side.shape), width))
    return Shapes(side.shape, side.number, keys, side.words, side.level)


def side_shapes(texts: Sequence[str], features: Sequence[Features], lexicon: Lexicon | None
                ) -> SideShapes:
    """One side's shapes; `lexicon`: the side is a source it reads into the other's words."""
    vocab: dict[str, int] = {}
    readings = None if lexicon is None else Readings.of(lexicon)
    shapes = [shape_of(t) for t in texts]
    rows: list[int] = []
    cols: list[int] = []
    words = np.zeros(len(texts), dtype=np.float32)
    column = vocab.setdefault
    for i, ((shape, _), feats) in enumerate(zip(shapes, features, strict=True)):
        if shape == NONE:
            continue  # only paragraphs with a shape are ever compared
        keys: set[str] = {f"#{k}" for k in feats.keys}
        # (each key added one by one, in order, whatever the call: the set, and the columns
        # numbered in its order below, are those of a key at a time)
        if readings is None:
            keys.update([w.lower()[:PREFIX] for w in feats.words])  # a word's key
            latin = 0
        else:
            forms = feats.forms or feats.words
            for stem, form in zip(feats.words, forms, strict=False):
                found = readings.form(form) or readings.form(stem)
                keys.update([w.lower()[:PREFIX] for w in target_stems(found)])
            # what the Arabic text keeps in Latin script (names, code, tags) meets its match
            # as written
            written = {english_stem(w.lower()) for w in _LATIN.findall(texts[i])} - _EN_STOP
            keys.update([w.lower()[:PREFIX] for w in written])
            latin = len(written)
        words[i] = len(feats.words) + len(feats.keys) + latin
        rows.extend([i] * len(keys))
        cols.extend([column(k, len(vocab)) for k in keys])
    levels = [len(t.lstrip()) - len(t.lstrip().lstrip("#")) if s == HEADING else 0
              for t, (s, _) in zip(texts, shapes, strict=True)]
    return SideShapes(np.array([s for s, _ in shapes], dtype=np.int8),
                      np.array([n for _, n in shapes], dtype=np.int64), words,
                      np.array(levels, dtype=np.int8), np.array(rows, dtype=np.int64),
                      np.array(cols, dtype=np.int64), vocab)


_EN_STOP = stopwords("en")


def agreement(structure: PairStructure, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For source paragraphs a and target paragraphs b (arrays of one shape): the share of
    their content words that have a counterpart across, where both have the same shape (and
    the same number, where both have one; the same level, for headings), else 0; two headings
    of one level at least HEADING_SHARE."""
    s, t = structure.src, structure.tgt
    out = np.zeros(a.shape, dtype=np.float32)
    # only paragraphs that may agree with some other are looked at (on a long pair of prose,
    # a few hundred short lines): the rest of the cells stay 0
    a_flat, b_flat = a.ravel(), b.ravel()
    cells = np.flatnonzero(_may_agree(s)[a_flat] & _may_agree(t)[b_flat])
    ia, ib = a_flat[cells], b_flat[cells]
    same = (s.shape[ia] == t.shape[ib]) & (s.level[ia] == t.level[ib])
    na, nb = s.number[ia], t.number[ib]
    same &= (na < 0) | (nb < 0) | (na == nb)
    # a plain short line is a block of its own only when it is title-short: sentences of up to
    # a dozen words are the bench's ordinary lines, where the bonus moved beads both ways
    # (`_may_agree` has left out the others)
    cells = cells[same]
    for c0 in range(0, cells.size, _CELLS):
        chunk = cells[c0 : c0 + _CELLS]
        ia, ib = a_flat[chunk], b_flat[chunk]
        shared = _shared(s.keys, t.keys, ia, ib)
        most = np.maximum(np.maximum(s.words[ia], t.words[ib]), 1.0)
        share = np.minimum(1.0, shared / most)
        # two headings of one level are evidence of their own, whatever the lexicon reads
        share[s.shape[ia] == HEADING] = np.maximum(share[s.shape[ia] == HEADING], HEADING_SHARE)
        out.ravel()[chunk] = share
    return out


def _may_agree(shapes: Shapes) -> np.ndarray:
    """Whether each paragraph has a shape that may agree with another's: any but a plain
    line longer than a title."""
    return (shapes.shape != NONE) & ((shapes.shape != SHORT) | (shapes.words <= TITLE_WORDS))


def _shared(src: sp.csr_matrix, tgt: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many keys paragraphs a[k] and b[k] share (float32): the product of the distinct
    rows involved, read at the pairs (sums of ones: exact in any order)."""
    rows, at_a = np.unique(a, return_inverse=True)
    cols, at_b = np.unique(b, return_inverse=True)
    product = (src[rows] @ tgt[cols].T).tocsr()
    return np.asarray(product[at_a, at_b], dtype=np.float32).ravel()


def add_structure(
    scores: dict[tuple[int, int], np.ndarray], pb: Problem, centre: np.ndarray, half: int,
    model: Model, params: AlignerParams, within: tuple[int, int] | None = None,
) -> None:
    """Add the structure bonus to the 1:1 bead scores of a band (in place; cells where no
    bead can end stay as they are); of its rows `within` (start, end) alone if given."""
    one = scores.get((1, 1))
    if one is None or pb.structure is None:
        return
    n, m = pb.n, pb.m
    # the band's cells where a 1:1 bead can end, of rows whose paragraph may agree with any
    i = np.flatnonzero(_may_agree(pb.structure.src)[:n]) + 1
    if within is not None:
        i = i[(i >= within[0]) & (i < within[1])]
    j = centre[i, None] + np.arange(one.shape[1])[None, :] - half
    ok = (j >= 1) & (j <= m)
    rows, cols = np.nonzero(ok)
    a, b = i[rows] - 1, j[rows, cols] - 1
    share = agreement(pb.structure, a, b)
    # the rows' bonus alone: a band's rows are scored a part at a time (align.band_halves)
    lo, hi = (0, one.shape[0]) if within is None else within
    bonus = np.zeros((max(0, hi - lo), one.shape[1]), dtype=np.float32)
    if share.any():
        cell = share > 0
        a, b, share = a[cell], b[cell], share[cell]
        # the pair's weight in the lexical term (each side's length in its mean), as scored
        weight = 0.5 * (pb.src_len[a] / pb.src_len.mean() + pb.tgt_len[b] / pb.tgt_len.mean())
        lost = params.lexical_weight * weight * model.threshold / max(1e-3, 1.0 - model.chance)
        bonus[i[rows[cell]] - lo, cols[cell]] = (BONUS * share * lost).astype(np.float32)
    # added everywhere, zeros included, as when every cell was scored
    one[lo:hi] += bonus


def unit_structure(
    structure: PairStructure, src_paragraph: np.ndarray, src_first: np.ndarray,
    tgt_paragraph: np.ndarray, tgt_first: np.ndarray,
) -> PairStructure:
    """The shapes of sentence units (each unit's paragraph, and its first unit per paragraph:
    reader.core.align.units.Units): a unit that is its whole paragraph has the paragraph's
    shape, a sentence of a longer one has none."""

    def side(shapes: Shapes, paragraph: np.ndarray, first: np.ndarray) -> Shapes:
        whole = (np.diff(first) == 1)[paragraph]
        return shapes.take(paragraph, whole)

    return PairStructure(side(structure.src, src_paragraph, src_first),
                         side(structure.tgt, tgt_paragraph, tgt_first))
