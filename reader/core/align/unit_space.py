"""The sentence pass's units in the pair's space, sliced from their paragraphs' columns."""

# A unit is a sentence of a paragraph, or part of one (align.unit_pieces.Piece): its words and keys
# are those of its paragraph whose places fall in its span, as `Features.within` gives them.
# The bench's large pair has ~25,000 units a side: a Features record per unit, and a dictionary
# look-up per token of each, were half the sentence pass's own CPU before the band. Here every
# paragraph's tokens are looked up once (or taken from the pair's space, which looked them up
# when it was built: Space.columns), and each unit's are a slice of them found by one
# `searchsorted` over all the side's places: the same cells, the same matrices.

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import numpy as np

from reader.core.align.piece_shape import PieceShape
from reader.core.align.presence import presence, row_lengths
from reader.core.align.space import Space, Vocabulary, pair_columns
from reader.core.anchors.features import Features


@dataclass(slots=True)
class UnitSpans:
    """One side's units as arrays: paragraph, span [start, end) in code points, whether the
    unit is its whole paragraph, and its length (as the band scores it: at least 1)."""

    paragraph: np.ndarray
    start: np.ndarray
    end: np.ndarray
    whole: np.ndarray
    length: np.ndarray  # float32

    @classmethod
    def of(cls, pieces: Sequence[PieceShape], features: Sequence[Features],
           texts: Sequence[str]) -> UnitSpans:
        """`pieces`' spans; a unit that is its whole paragraph is as long as the paragraph's
        features say, a part as its own length says (rounded, as `Features.within` takes it)."""
        k = len(pieces)
        paragraph = np.fromiter(map(attrgetter("paragraph"), pieces), dtype=np.int64, count=k)
        start = np.fromiter(map(attrgetter("start"), pieces), dtype=np.int64, count=k)
        end = np.fromiter(map(attrgetter("end"), pieces), dtype=np.int64, count=k)
        own = np.fromiter(map(attrgetter("length"), pieces), dtype=np.float64, count=k)
        text_len = row_lengths(texts)
        para_len = np.fromiter((f.length for f in features), dtype=np.float64,
                               count=len(features))
        whole = (start == 0) & (end == text_len[paragraph]) if k else np.zeros(0, dtype=bool)
        # np.rint rounds half to even, as round() does
        length = np.where(whole, para_len[paragraph] if k else own, np.maximum(1, np.rint(own)))
        return cls(paragraph, start, end, whole, np.maximum(1, length).astype(np.float32))

    def __len__(self) -> int:
        return len(self.paragraph)


def unit_space(space: Space, src: Sequence[Features], src_units: UnitSpans,
               tgt: Sequence[Features], tgt_units: UnitSpans) -> Space:
    """The units of both sides in `space`'s columns, with its weights: what
    `space.pieces_space` gives for their features (`Features.within` of each paragraph)."""
    vocab = Vocabulary(space.src_vocab, space.tgt_vocab, space.n_tgt_words)
    kept = space.columns
    columns = kept if kept is not None and kept.src_rows is src and kept.tgt_rows is tgt \
        else pair_columns(vocab, src, tgt)
    word_at_s, key_at_s = _places(src)
    word_at_t, key_at_t = _places(tgt)
    D = vocab.n_columns
    tgt_m = presence([_unit_tokens(columns.tgt_words, word_at_t, tgt_units),
                      _unit_tokens(columns.tgt_keys, key_at_t, tgt_units)], len(tgt_units), D)
    src_keys = presence([_unit_tokens(columns.src_keys, key_at_s, src_units)], len(src_units), D)
    src_words = presence([_unit_tokens(columns.src_words, word_at_s, src_units)],
                         len(src_units), len(vocab.src_vocab))
    return Space(src_words, src_keys, tgt_m, space.weights, vocab.src_vocab, vocab.tgt_vocab,
                 vocab.n_tgt_words)


def _places(features: Sequence[Features]) -> tuple[tuple[np.ndarray, np.ndarray],
                                                      tuple[np.ndarray, np.ndarray]]:
    """Each paragraph's word and key places, flat, with per-paragraph counts."""
    return ((_flat([f.offsets for f in features]), row_lengths([f.offsets for f in features])),
            (_flat([f.key_offsets for f in features]),
             row_lengths([f.key_offsets for f in features])))


def _flat(rows: Sequence[Sequence[int]]) -> np.ndarray:
    return np.fromiter(chain.from_iterable(rows), dtype=np.int64)


def _unit_tokens(tokens: tuple[np.ndarray, np.ndarray], places: tuple[np.ndarray, np.ndarray],
                 units: UnitSpans) -> tuple[np.ndarray, np.ndarray]:
    """The columns of each unit's tokens, flat, with per-unit counts (as `presence` takes
    them): all of its paragraph's for a whole unit, else those `Features.within` keeps (the
    tokens [lo, hi) where lo and hi are where the span's ends fall among the places)."""
    ids, counts = tokens
    first = np.r_[0, np.cumsum(counts)]
    p = units.paragraph
    lo, hi = _place_ranges(places, units)
    n_tokens = counts[p]
    lo = np.where(units.whole, 0, np.minimum(lo, n_tokens))
    hi = np.where(units.whole, n_tokens, np.minimum(np.maximum(hi, lo), n_tokens))
    per_unit = hi - lo
    begin = first[p] + lo
    # the flat index of every token taken: each unit's run [begin, begin + count)
    at = np.repeat(begin - np.r_[0, np.cumsum(per_unit)[:-1]], per_unit)
    return ids[at + np.arange(len(at))], per_unit


def _place_ranges(places: tuple[np.ndarray, np.ndarray], units: UnitSpans
                  ) -> tuple[np.ndarray, np.ndarray]:
    """For each unit, bisect_left of its start and of its end among its paragraph's places."""
    at, counts = places
    first = np.r_[0, np.cumsum(counts)]
    p = units.paragraph
    if not len(p):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    of = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    # one search over all paragraphs: place keys paragraph * stride + place, ascending
    # while each paragraph's places are (they are: Features), and every place and span
    # end is in [0, stride)
    stride = int(max(at.max(initial=0), units.end.max(initial=0), units.start.max(initial=0))) + 1
    keys = of * stride + at
    if (at.min(initial=0) >= 0 and units.start.min(initial=0) >= 0
            and bool((keys[1:] >= keys[:-1]).all())):
        base = p * stride
        lo = np.searchsorted(keys, base + units.start, side="left") - first[p]
        hi = np.searchsorted(keys, base + units.end, side="left") - first[p]
        return lo, hi
    # places out of order somewhere: per unit, as Features.within does
    rows = np.split(at, first[1:-1]) if len(counts) else []
    lists = [r.tolist() for r in rows]
    starts, ends = units.start.tolist(), units.end.tolist()
    lo_l = [bisect_left(lists[q], s) for q, s in zip(p.tolist(), starts, strict=True)]
    hi_l = [bisect_left(lists[q], e) for q, e in zip(p.tolist(), ends, strict=True)]
    return np.array(lo_l, dtype=np.int64), np.array(hi_l, dtype=np.int64)

