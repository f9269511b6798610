"""A side's words and keys, each numbered where it first occurs: made with the side."""

# The pair's space (align.space.build_space) numbers the target's words where each first
# occurs, then the keys of both sides, and the source's words apart, and reads every token's
# number: on the bench's 4,350-paragraph pair some 250,000 dictionary look-ups, most of the
# space's building. All of it but the numbers of the keys across the two sides is work of one
# side alone, so it is done with the side (align.prepared.prepare_side), in whichever process
# prepares that side (align.side_process: both sides at once, the second in its own
# process): the space then renumbers only the few thousand distinct keys. The numbers are
# those the space gives, so the space is the same either way.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from reader.core.align.presence import row_lengths, token_ids
from reader.core.anchors.features import Features
from reader.core.anchors.side_words import SideWords


@dataclass(slots=True)
class SideTokens:
    """Each row's words and keys as indices into the side's distinct words and keys."""

    words: list[str]  # distinct, in the order each first occurs
    word_ids: np.ndarray  # every word of every row, flat: its index in `words` (int64)
    word_counts: np.ndarray  # words a row (int64)
    keys: list[str]  # as `words`, for the anchor keys
    key_ids: np.ndarray
    key_counts: np.ndarray
    # each written form's stem, if each has one (an Arabic side's, for the lexicon's readings
    # of its stems: align.one_side.begin_stems), when the side's words were read in runs
    stem_of: dict[str, str] | None = None

    @classmethod
    def of(cls, features: Sequence[Features]) -> SideTokens:
        words, word_ids, word_counts = _numbered([f.words for f in features])
        keys, key_ids, key_counts = _numbered([f.keys for f in features])
        return cls(words, word_ids, word_counts, keys, key_ids, key_counts)

    @classmethod
    def of_read(cls, features: Sequence[Features], read: SideWords | None) -> SideTokens:
        """`of`, its words numbered as the side's runs were read (`read`, if they were:
        anchors.side_features.side_paragraph_words), not every word looked up again; with
        each written form's stem of an Arabic side."""
        if read is None:
            return cls.of(features)
        keys, key_ids, key_counts = _numbered([f.keys for f in features])
        return cls(read.words, read.word_ids, row_lengths([f.words for f in features]), keys,
                   key_ids, key_counts, read.stem_of)

    def fits(self, features: Sequence[Features]) -> bool:
        """Whether these are the tokens of `features`: as many rows, each with as many words
        and keys (a side's rows are never changed once it is made; another side's differ)."""
        return (len(self.word_counts) == len(features)
                and np.array_equal(row_lengths([f.words for f in features]), self.word_counts)
                and np.array_equal(row_lengths([f.keys for f in features]), self.key_counts))

    def keys_in(self, index: dict[str, int]) -> np.ndarray:
        """Every key of every row, flat: its index in `index` (which holds them all)."""
        ids = np.fromiter(map(index.__getitem__, self.keys), dtype=np.int64,
                          count=len(self.keys))
        return ids[self.key_ids]


def both_fit(src: SideTokens | None, src_features: Sequence[Features], tgt: SideTokens | None,
             tgt_features: Sequence[Features]) -> tuple[SideTokens, SideTokens] | None:
    """Both sides' tokens, if both sides' were made with them (and are theirs)."""
    if src is None or tgt is None or not (src.fits(src_features) and tgt.fits(tgt_features)):
        return None
    return src, tgt


def _numbered(rows: list[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The distinct tokens of `rows` where each first occurs, every token's index among them
    (flat), and the tokens of each row."""
    distinct = list(dict.fromkeys(chain.from_iterable(rows)))
    index = dict(zip(distinct, range(len(distinct)), strict=True))
    return distinct, token_ids(rows, index), row_lengths(rows)
