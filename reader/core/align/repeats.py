"""Paragraphs both sides repeat are the text's own: no bonus for leaving them out."""

# Why: a paragraph that repeats another of its side (text.kinds.find_duplicates) is taken for a
# scrape's teaser or pull quote, which the translation lacks: leaving it out of every bead costs
# nothing (AlignerParams.null_bonus_kind) and the sentence pass keeps it whole. But a text may
# repeat itself: the twelve princes' offerings of Numbers 7 are the same verses twelve times
# over, in both languages, and with the bonus the aligner left 12-14 such paragraphs of each
# Bible case out, and their partners with them (seeds 1-20: Numbers 7 lost 522 beads for 375
# true ones). Where both sides repeat about as much, the repetition is the text's, and its
# paragraphs are aligned, and cut into sentences, as any others; where one side repeats and the
# other hardly at all, the repeats are that side's own and keep the bonus. (A quarter: the
# Bible cases' counts differ up to 18 against 6, as the translation leaves verses out; half
# kept the bonus in two of 20 and gave large 0.9337 against 0.9344.)

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.core.align.one_side import SentenceCuts, sentence_cuts
from reader.core.align.space import Side
from reader.core.text.kinds import Kind


def shared_repeats(src: Side, tgt: Side) -> None:
    """Take the duplicates' null bonus away on both sides, and cut them into sentences, when
    each side has at least a quarter as many duplicate paragraphs as the other (and one or more)."""
    dup_s = [i for i, k in enumerate(src.kinds) if k is Kind.DUPLICATE]
    dup_t = [i for i, k in enumerate(tgt.kinds) if k is Kind.DUPLICATE]
    if not dup_s or not dup_t or 4 * min(len(dup_s), len(dup_t)) < max(len(dup_s), len(dup_t)):
        return
    for side, dups in ((src, dup_s), (tgt, dup_t)):
        bonus = np.array(side.null_bonus, dtype=np.float32)  # a copy: a side may be shared
        bonus[dups] = 0.0
        side.null_bonus = bonus
        if side.cuts is not None:
            # only these paragraphs' sentences: the whole side's cost five times as much
            cut = sentence_cuts([side.texts[i] for i in dups], [side.features[i] for i in dups],
                                bonus[dups], side.lang)
            side.cuts = _spliced(side.cuts, cut, dups)


def _spliced(old: SentenceCuts, new: SentenceCuts, at: Sequence[int]) -> SentenceCuts:
    """`old` with paragraph at[k] cut as paragraph k of `new`."""
    split = old.split.copy()
    split[list(at)] = new.split
    first, (start, end, length) = _splice(old.first, (old.start, old.end, old.length),
                                          new.first, (new.start, new.end, new.length), at)
    said_first, (said_start, said_end) = _splice(
        old.said_first, (old.said_start, old.said_end), new.said_first,
        (new.said_start, new.said_end), at)
    return SentenceCuts(first, start, end, length, split, said_first, said_start, said_end)


def _splice(old_first: np.ndarray, old: Sequence[np.ndarray], new_first: np.ndarray,
            new: Sequence[np.ndarray], at: Sequence[int]
            ) -> tuple[np.ndarray, list[np.ndarray]]:
    """Per-paragraph runs of items (paragraph i's are [first[i], first[i + 1])): the runs of
    paragraphs `at` taken from `new`, the others kept."""
    counts = np.diff(old_first)
    parts: list[list[np.ndarray]] = [[] for _ in old]
    done = 0
    for k, i in enumerate(at):
        for out, was, now in zip(parts, old, new, strict=True):
            out += [was[done:old_first[i]], now[new_first[k]:new_first[k + 1]]]
        counts[i] = new_first[k + 1] - new_first[k]
        done = int(old_first[i + 1])
    for out, was in zip(parts, old, strict=True):
        out.append(was[done:])
    first = np.concatenate([[0], np.cumsum(counts)]).astype(old_first.dtype)
    return first, [np.concatenate(p).astype(was.dtype) for p, was in zip(parts, old, strict=True)]
