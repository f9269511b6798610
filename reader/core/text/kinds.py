"""What each paragraph is: body, heading, embedded post, duplicate or boilerplate."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a paragraph is, as far as alignment and divergences care."""

    BODY = "body"
    HEADING = "heading"
    EMBEDDED_POST = "embedded_post"
    DUPLICATE = "duplicate"
    BOILERPLATE = "boilerplate"


_BOILERPLATE = re.compile(
    r"^(no comments?:?|\d+ comments?:?|post a comment|newer post|older post|home|"
    r"subscribe to:.*|labels?:.*|share this( article)?:?|posted by .*|read more:?|"
    r"advertisement|related( articles)?:?|لا توجد تعليقات|اقرأ أيضا:?|شارك:?|إعلان)$",
    re.IGNORECASE,
)
_TERMINAL = ".!?؟:;,،…\"”»'"


def _looks_like_heading(text: str, next_text: str | None) -> bool:
    if len(text) > 110:
        return False  # most paragraphs: no need to count their words
    words = text.split()
    if not words or len(words) > 14:
        return False
    if text[-1] in '.,;:،؛…"”' or next_text is None:
        return False
    if re.search(r"\d{1,2}/\d{1,2}/\d{2,4}|[“”\"]", text):
        return False  # a reference or a quotation, not a heading
    return len(next_text) > len(text)


_WORD_RUN = re.compile(r"\w+")


def _fold_for_duplicates(text: str) -> str:
    # the runs of word characters joined by one space: what replacing every run of others by
    # a space and folding the spaces gives, at two thirds of the cost
    return " ".join(_WORD_RUN.findall(text.casefold()))


def find_duplicates(paragraph_texts: list[str], min_chars: int = 40) -> set[int]:
    """Paragraphs that repeat another one: the same text again, or a truncated copy of it.

    Scrapes repeat a lead as a teaser ("… the Islamic Resistance who’d gone there ...") or a
    first sentence as a pull quote; the shorter or later copy is the duplicate.
    """
    # A paragraph's bucket is the start of its fold, and the fold of a prefix is a prefix of
    # the fold (stripping white space, dots and "…" at the ends changes no run of word
    # characters): folding a short prefix finds the buckets, and only paragraphs that share
    # one are folded whole. Folding every paragraph whole was most of the cost of loading.
    buckets: dict[str, list[int]] = {}
    for i, (text, key) in enumerate(zip(paragraph_texts, _prefix_folds(paragraph_texts),
                                        strict=True)):
        if len(key) < min_chars:
            if len(text) <= _PREFIX:
                continue
            key = _fold_for_duplicates(text)
            if len(key) < min_chars:
                continue
        buckets.setdefault(key[:min_chars], []).append(i)
    duplicates: set[int] = set()
    folded: dict[int, str] = {}
    for members in buckets.values():
        if len(members) < 2:
            continue
        for i in members:
            folded[i] = _fold_for_duplicates(paragraph_texts[i])
        for i in members:
            for j in members:
                if i == j or not folded[j].startswith(folded[i]):
                    continue
                if len(folded[i]) < len(folded[j]) or (folded[i] == folded[j] and i > j):
                    duplicates.add(i)
    return duplicates


# Characters folded for a paragraph's bucket: 40 folded ones need about 50 (Arabic marks and
# punctuation fold away), and the few paragraphs short of 40 are folded whole.
_PREFIX = 60


def _prefix_folds(texts: Sequence[str]) -> list[str]:
    """`_fold_for_duplicates(text[:_PREFIX])` of each text: by numpy, all at once, when it is
    loaded already (a fold per paragraph, a regex match per word, cost ~5 µs on Arabic, whose
    marks cut its words into many runs: ~22 ms of loading the bench's large Arabic side), else
    one by one (a command that never needs numpy must not import it for this)."""
    np = sys.modules.get("numpy")
    if np is None or len(texts) < 64:
        return [_fold_for_duplicates(t[:_PREFIX]) for t in texts]
    # one string of the prefixes a line each (a line break in one, \W as a space is, made a
    # space); case folding maps each character apart, so that of the whole is theirs joined
    joined = "\n".join([p if "\n" not in p else p.replace("\n", " ")
                         for p in (t[:_PREFIX] for t in texts)]).casefold()
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    word = _word_table(np, codes)[codes]
    line = codes == 10
    # each run of other characters (between words, at a prefix's ends) becomes one space
    other = ~(word | line)
    first = other.copy()
    first[1:] &= ~other[:-1]
    kept = np.where(other, np.uint32(32), codes)[word | line | first]
    folds = kept.tobytes().decode("utf-32-le", "surrogatepass").split("\n")
    return [f.strip(" ") for f in folds]


def _word_table(np: Any, codes: Any) -> Any:
    """For each code point up to the largest of `codes`: whether \\w matches it (asked of
    the regex engine, for those `codes` holds only)."""
    # (counted rather than sorted out: a fifth of the time of numpy.unique)
    present = np.bincount(codes).nonzero()[0]
    table = np.zeros(len(present) and int(present[-1]) + 1, dtype=bool)
    table[[c for c in present.tolist() if _WORD_RUN.fullmatch(chr(c))]] = True
    return table


def classify(paragraph_texts: list[str]) -> tuple[list[Kind], list[int | None]]:
    """Kind of each paragraph, and for embedded-post lines the number of their post."""
    from reader.core.text.posts import find_posts

    kinds = [Kind.BODY] * len(paragraph_texts)
    post_of: list[int | None] = [None] * len(paragraph_texts)
    for number, post in enumerate(find_posts(paragraph_texts)):
        for i in post.paragraphs:
            kinds[i] = Kind.EMBEDDED_POST
            post_of[i] = number
    duplicates = find_duplicates(paragraph_texts)
    for i, text in enumerate(paragraph_texts):
        if kinds[i] is not Kind.BODY:
            continue
        stripped = text.strip()
        if _BOILERPLATE.match(stripped):
            kinds[i] = Kind.BOILERPLATE
        elif i in duplicates:
            kinds[i] = Kind.DUPLICATE
        elif _looks_like_heading(
            stripped, paragraph_texts[i + 1] if i + 1 < len(paragraph_texts) else None
        ):
            kinds[i] = Kind.HEADING
    return kinds, post_of
