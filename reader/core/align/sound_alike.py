"""Arabic and English names that sound alike: their consonant skeletons scored, pairs as arrays."""

# Names share skeletons (many words, few consonant patterns): each distinct pair of skeletons is
# scored once, and only pairs whose lengths leave the score a chance to reach the threshold (the
# ratio of two strings is at most 1 - |a - b| / (a + b) of their lengths): on a long pair that is
# a third of the product of the two lists. The scores are then given to every pair of names with
# those skeletons, in the order of the names, with numpy rather than a Python step per pair.

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from itertools import combinations
from math import comb

import numpy as np

from reader.core.arabic.affixes import ARTICLE_FORMS
from reader.core.arabic.normalise import normalize
from reader.core.arabic.transliterate import skeleton

# two-consonant skeletons collide by chance unless identical
_SHORT = 3
# pairs of skeletons scored in one call without sorting them by length first (a problem of the
# divergence batch: a few dozen names a side)
_FEW = 10_000


def sound_alike(
    ar_names: Sequence[str], en_names: Sequence[str], threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each pair of an Arabic and an English name whose skeletons score at least `threshold`
    (rapidfuzz's ratio, in [0, 1]), skeletons of fewer than 3 classes only when identical: the
    indices into each list and the score in percent (uint8), in order of the two indices."""
    if not ar_names or not en_names:
        return _empty()
    ar_distinct, ar_code = _distinct(ar_skeletons(ar_names))
    en_distinct, en_code = _distinct(en_skeletons(en_names))
    d_a, d_e, score = _scored(ar_distinct, en_distinct, threshold * 100)
    # the short-skeleton rule, on pairs of distinct skeletons
    ar_len = np.array([len(s) for s in ar_distinct], dtype=np.int64)
    en_len = np.array([len(s) for s in en_distinct], dtype=np.int64)
    at = {s: k for k, s in enumerate(ar_distinct)}
    en_as_ar = np.array([at.get(s, -1) for s in en_distinct], dtype=np.int64)
    short = np.minimum(ar_len[d_a], en_len[d_e]) < _SHORT
    keep = ~short | (en_as_ar[d_e] == d_a)
    d_a, d_e, score = d_a[keep], d_e[keep], score[keep]
    # every name with skeleton d_a against every name with skeleton d_e
    a_order, a_start, a_count = _members(ar_code, len(ar_distinct))
    e_order, e_start, e_count = _members(en_code, len(en_distinct))
    per_pair = a_count[d_a] * e_count[d_e]
    pair = np.repeat(np.arange(len(d_a)), per_pair)
    k = np.arange(len(pair)) - np.repeat(np.cumsum(per_pair) - per_pair, per_pair)
    width = e_count[d_e][pair]
    a_i = a_order[a_start[d_a][pair] + k // width]
    e_i = e_order[e_start[d_e][pair] + k % width]
    order = np.lexsort((e_i, a_i))
    return a_i[order], e_i[order], score[pair][order]


def sound_alike_each(
    problems: Sequence[tuple[Sequence[str], Sequence[str]]], threshold: float
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """`sound_alike` of each problem's (Arabic names, English names), in one go: the divergence
    batch asks it of hundreds of problems of a few names each, where numpy's fixed cost per
    call was most of it. Every pair of names of a problem is laid out at once; each distinct
    pair of skeletons that its lengths let reach the cutoff is scored once (rapidfuzz's
    `cpdist`, the scorer `_scored` uses), whatever problems it occurs in."""
    from rapidfuzz import fuzz, process

    n_ar = np.fromiter((len(a) for a, _ in problems), dtype=np.int64, count=len(problems))
    n_en = np.fromiter((len(e) for _, e in problems), dtype=np.int64, count=len(problems))
    per = n_ar * n_en
    total = int(per.sum())
    if not total:
        return [_empty() for _ in problems]
    ar_distinct, ar_code = _distinct(ar_skeletons([n for a, _ in problems for n in a]))
    en_distinct, en_code = _distinct(en_skeletons([n for _, e in problems for n in e]))
    # every pair of each problem, row by row: (Arabic index, English index) ascending
    problem = np.repeat(np.arange(len(problems), dtype=np.int64), per)
    k = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(per) - per, per)
    width = n_en[problem]
    a_i, e_i = k // width, k % width
    d_a = ar_code[(np.cumsum(n_ar) - n_ar)[problem] + a_i]
    d_e = en_code[(np.cumsum(n_en) - n_en)[problem] + e_i]
    n_e = max(1, len(en_distinct))
    pairs, which = np.unique(d_a * n_e + d_e, return_inverse=True)
    p_a, p_e = pairs // n_e, pairs % n_e
    ar_len = np.array([len(s) for s in ar_distinct], dtype=np.int64)[p_a]
    en_len = np.array([len(s) for s in en_distinct], dtype=np.int64)[p_e]
    at = {s: k for k, s in enumerate(ar_distinct)}
    en_as_ar = np.array([at.get(s, -1) for s in en_distinct], dtype=np.int64)[p_e]
    cutoff = threshold * 100
    # the short-skeleton rule, and the best score the two lengths allow (with `_scored`'s
    # point of slack): pairs left out could not reach the cutoff
    lengths = ar_len + en_len
    best = 100.0 * (1.0 - np.abs(ar_len - en_len) / np.maximum(lengths, 1))
    asked = np.flatnonzero(((np.minimum(ar_len, en_len) >= _SHORT) | (en_as_ar == p_a))
                           & ((lengths == 0) | (best >= cutoff - 1.0)))
    scores = np.zeros(len(pairs), dtype=np.uint8)
    if len(asked):
        scores[asked] = process.cpdist(
            [ar_distinct[i] for i in p_a[asked].tolist()],
            [en_distinct[j] for j in p_e[asked].tolist()],
            scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=1,
        )
    score = scores[which]
    kept = np.flatnonzero(score)
    bounds = np.searchsorted(problem[kept], np.arange(len(problems) + 1))
    a_i, e_i, score = a_i[kept], e_i[kept], score[kept]
    return [(a_i[lo:hi], e_i[lo:hi], score[lo:hi])
            for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)]


def _empty() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint8)


def _distinct(skeletons: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct skeletons (sorted) and each name's index among them."""
    distinct = sorted(set(skeletons))
    at = {s: k for k, s in enumerate(distinct)}
    return distinct, np.fromiter(map(at.__getitem__, skeletons), dtype=np.int64,
                                 count=len(skeletons))


def _members(code: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The names grouped by skeleton, in their order within each group: the grouping, where
    each skeleton's group starts in it, and its size."""
    order = np.argsort(code, kind="stable")
    count = np.bincount(code, minlength=n)
    return order, np.cumsum(count) - count, count


def _scored(
    ar: list[str], en: list[str], cutoff: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of skeletons that score at least `cutoff` (rows of `ar`, columns of `en`,
    scores), each length of `ar` against only the lengths of `en` that may reach it, and of
    those only the pairs that share enough of their letters in order (`_sharing`)."""
    # imported here: a process forked to prepare a side (align.side_process) imports this
    # module, not rapidfuzz (~10 ms)
    from rapidfuzz import fuzz, process

    if len(ar) * len(en) <= _FEW:
        s = process.cdist(ar, en, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8,
                          workers=1)
        r, c = np.nonzero(s)
        return r.astype(np.int64), c.astype(np.int64), s[r, c]
    ar_len = np.array([len(s) for s in ar], dtype=np.int64)
    en_len = np.array([len(s) for s in en], dtype=np.int64)
    rows, cols, scores = [], [], []
    pairs: list[tuple[int, int]] = []
    for length in np.unique(ar_len).tolist():
        total = length + en_len
        gap = np.abs(length - en_len)
        # the best score these lengths allow, a point of slack for rounding: a pair let in
        # needlessly scores below the cutoff and is dropped as before
        best = 100.0 * (1.0 - gap / np.maximum(total, 1))
        fit = np.flatnonzero((total == 0) | (best >= cutoff - 1.0))
        if not fit.size:
            continue
        here = np.flatnonzero(ar_len == length)
        for other in np.unique(en_len[fit]).tolist():
            there = fit[en_len[fit] == other]
            shared = _least_shared(length, other, cutoff)
            if shared is None:
                continue
            if shared > 0 and comb(length, shared) <= _MANY and comb(other, shared) <= _MANY:
                pairs.extend(_sharing(ar, here.tolist(), en, there.tolist(), shared))
                continue
            s = process.cdist([ar[i] for i in here.tolist()], [en[j] for j in there.tolist()],
                              scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8,
                              workers=1)
            r, c = np.nonzero(s)
            rows.append(here[r])
            cols.append(there[c])
            scores.append(s[r, c])
    if pairs:
        r, c = np.array(pairs, dtype=np.int64).T
        s = process.cpdist([ar[i] for i in r.tolist()], [en[j] for j in c.tolist()],
                           scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=1)
        keep = np.flatnonzero(s)
        rows.append(r[keep])
        cols.append(c[keep])
        scores.append(s[keep])
    if not rows:
        return _empty()
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(scores)


# Letters in order two skeletons of given lengths must share (their longest common subsequence)
# for their ratio to reach the cutoff: the ratio is a function of the two lengths and of that
# alone. Pairs that share so many are found by joining the skeletons' subsequences of that
# length, where each has few (most skeletons have 3 to 5 classes, and a score of 82 asks for
# all but about a fifth of them): a fraction of the product that the length bound leaves.
_MANY = 40  # subsequences a skeleton may have for its pairs to be found so, not scored all


@functools.lru_cache(maxsize=1024)
def _least_shared(a: int, b: int, cutoff: float) -> int | None:
    """The fewest letters in order that skeletons of `a` and `b` letters share when their ratio
    reaches `cutoff` (None: never)."""
    from rapidfuzz import fuzz

    for k in range(min(a, b) + 1):
        if fuzz.ratio("A" * k + "B" * (a - k), "A" * k + "C" * (b - k), score_cutoff=cutoff):
            return k
    return None


def _sharing(
    ar: list[str], rows: list[int], en: list[str], cols: list[int], k: int
) -> set[tuple[int, int]]:
    """The pairs of `ar[rows]` and `en[cols]` that have a subsequence of `k` letters in common."""
    by_part: dict[str, list[int]] = {}
    for j in cols:
        for part in _subsequences(en[j], k):
            by_part.setdefault(part, []).append(j)
    found: set[tuple[int, int]] = set()
    for i in rows:
        for part in _subsequences(ar[i], k):
            for j in by_part.get(part, ()):
                found.add((i, j))
    return found


def _subsequences(word: str, k: int) -> set[str]:
    return {word} if k == len(word) else set(map("".join, combinations(word, k)))


# An Arabic word of letters alone, none of which normalisation changes, is one word as the
# skeleton reads it (no ta marbuta to drop): its skeleton is its letters' classes after the
# article, و and ي only first, repeats collapsed. Such are the stems of the names a pair
# compares, some 8,000 on a long one; `skeleton` reads the others.
_PLAIN = frozenset(
    c for c in map(chr, range(0x0621, 0x064B)) if c != "ة" and normalize(c) == c
)
# each letter's class first in a word and after it (after an alef, which has none)
_FIRST = {c: skeleton(c, "ar") for c in _PLAIN}
_REST = str.maketrans({c: skeleton("ا" + c, "ar") or None for c in _PLAIN})
_REPEATS = re.compile(r"(.)\1+")
_SKELETONS: dict[str, str] = {}  # each name's, kept: the divergence batch compares them again
_MAX_SKELETONS = 65_536


def ar_skeletons(names: Sequence[str]) -> list[str]:
    """`skeleton(name, "ar")` of each name."""
    found = _SKELETONS
    if len(found) + len(names) > _MAX_SKELETONS:
        found.clear()
    new = [n for n in dict.fromkeys(names) if not found.get(n)]
    plain = _plain(new, _PLAIN)
    if plain:
        # the plain names' letters read all at once (a call per name cost more than its
        # letters): joined by line breaks, which no name holds and `.` never matches
        words = [_article_less(n) if n.startswith(ARTICLE_FORMS) else n for n in plain]
        rests = _JOIN.join([w[1:] for w in words]).translate(_REST).split(_JOIN)
        letters = _JOIN.join([_FIRST[w[0]] + r for w, r in zip(words, rests, strict=True)])
        found.update(zip(plain, _REPEATS.sub(r"\1", letters).split(_JOIN), strict=True))
    for name in new:
        if name not in found:
            found[name] = skeleton(name, "ar")
    return [found[n] for n in names]


def _plain(names: list[str], letters: frozenset[str]) -> list[str]:
    """The names written in `letters` alone (all of them, most often: one search for that)."""
    other = _OTHER.get(letters)
    if other is None:
        other = _OTHER[letters] = re.compile(f"[^{''.join(map(re.escape, sorted(letters)))}]")
    if all(names) and other.search("".join(names)) is None:
        return names
    return [n for n in names if n and letters.issuperset(n)]


_OTHER: dict[frozenset[str], re.Pattern[str]] = {}  # a letter not of the set, by set


def _article_less(word: str) -> str:
    """A plain name without its article (what is left keeps two letters at least)."""
    for prefix in ARTICLE_FORMS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


_JOIN = "\n"


# An English name of ASCII letters (and apostrophes, which the skeleton drops) is one word with
# no article: its skeleton is its digraphs' classes, then c before e i y as S and x as KS, then
# the other letters' classes (w and y only first), repeats collapsed. No digraph starts with e,
# i, y, w or x, so reading them after the digraphs reads each letter where the scan read it.
_EN_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ’'‘`")
_EN_DIGRAPHS = re.compile("sh|ch|th|kh|gh|dh|ph|ck|zh")
_EN_DIGRAPH_CLASS = {d: skeleton(d, "en") for d in ("sh", "ch", "th", "kh", "gh", "dh", "ph",
                                                    "ck", "zh")}
_EN_SOFT_C = re.compile("c(?=[eiy])")
_EN_APOSTROPHES = str.maketrans(dict.fromkeys("’'‘`"))
# each lower-case letter's class after the first letter (after an a, which has none); the
# classes the digraphs gave kept
_EN_REST = str.maketrans({c: skeleton("a" + c, "en") or None for c in "abcdefghijklmnopqrstuvwxyz"})
_EN_SKELETONS: dict[str, str] = {}


def en_skeletons(names: Sequence[str]) -> list[str]:
    """`skeleton(name, "en")` of each name."""
    found = _EN_SKELETONS
    if len(found) + len(names) > _MAX_SKELETONS:
        found.clear()
    new = [n for n in dict.fromkeys(names) if not found.get(n)]
    plain = _plain(new, _EN_PLAIN)
    if plain:
        # all at once, as ar_skeletons reads them: no pattern reads across a line break
        text = _EN_DIGRAPHS.sub(_digraph_class, _JOIN.join(plain).lower().translate(
            _EN_APOSTROPHES))
        words = _EN_SOFT_C.sub("S", text).replace("x", "KS").split(_JOIN)
        # w and y count first only: kept as classes (upper case, which _EN_REST keeps)
        text = _JOIN.join([w[0].upper() + w[1:] if w[:1] in ("w", "y") else w for w in words])
        found.update(zip(plain, _REPEATS.sub(r"\1", text.translate(_EN_REST)).split(_JOIN),
                         strict=True))
    for name in new:
        if name not in found:
            found[name] = skeleton(name, "en")
    return [found[n] for n in names]


def _digraph_class(match: re.Match[str]) -> str:
    return _EN_DIGRAPH_CLASS[match.group()]
