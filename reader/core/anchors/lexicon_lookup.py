"""The stem a word list holds for a word with clitics: its candidates in turn, parts shared."""

# `Lexicon.translations` reads a word it does not hold as the first of its candidate stems that
# it does (`StemFinder`: the order). A long pair asks for some 25,000 words, half of
# them in no entry at all (names, rare forms), each of which runs through every candidate.
# `StemFinder` tries the same candidates in the same order in one pass: the endings a word may
# carry (read from a table by its last three letters) cut from it and from each of its heads
# (a head ends as the word does), its proclitics read by its first two letters, each candidate
# tried as it is made; a verb's first pattern found is kept for the words that share it.

from __future__ import annotations

from collections.abc import Container

from reader.core.anchors.arabic_patterns import verb_candidates
from reader.core.arabic.affixes import (
    ARTICLE,
    LEXICON_ENDINGS,
    LEXICON_PROCLITICS,
    PRONOUNS,
)
from reader.core.arabic.normalise import normalize
from reader.core.arabic.stemmer import strip_clitics_normalized

# The tails (pronouns, then endings) in the order they are tried, and the proclitics.
TAILS = PRONOUNS + LEXICON_ENDINGS
# Fewer letters than this left by an ending or a clitic are not a stem: two-letter words are
# too often the accident of a stripped letter (معين is not مع "with" + ين, حياة not حي + ا).
MIN_STEM = 3
# ... except before a pronoun (يدي, أمي, فمك) or after و ف ب (بكل, ومخ), which leave common
# two-letter words (يد, أم, فم, كل); ه is left out, a ta marbuta as often (مدة is not مد + ه),
# and so are ك ل and the article (كلم is not ك + لم, لكم not ل + كم, والآن not وال + أن).
TWO_LETTER_TAILS = frozenset(PRONOUNS) - {"ه"}
TWO_LETTER_HEADS = frozenset({"و", "ف", "ب", "وب", "فب"})
# the endings whose stem is also read with a ta marbuta (حكومات -> حكومة)
_TA_MARBUTA_AFTER = frozenset({"ات", "ان", "ين"})

# Each tail by its last letter, in order, with what testing it takes: its length, the fewest
# letters it must leave, whether it is the tanween's alef, whether its stem takes a ta marbuta.
_TAIL_TESTS: dict[str, tuple[tuple[str, int, int, bool, bool], ...]] = {
    letter: tuple(
        (t, len(t), 2 if t in TWO_LETTER_TAILS else MIN_STEM, t == "ا", t in _TA_MARBUTA_AFTER)
        for t in TAILS if t[-1] == letter
    )
    for letter in {t[-1] for t in TAILS}
}
# Memories dropped when they hold this many words (a long pair fills some 50,000).
_MAX_KEPT = 400_000
_NONE = ""  # kept for a part that leads to no stem (no entry is empty)


class StemFinder:
    """The first stem of a word that `entries` holds, each part of the search worked out once
    for all the words that share it.

    The stems tried for a word, in turn: endings alone first (بيتهم is بيت + هم before it is
    ب + يتهم), then proclitics alone, then both; then the shared light stemmer's stem (it strips
    a proclitic before an ending: بيتهم -> يتهم), then the word with the article, for the names
    and nouns listed with it (المكسيك), last the verbs it may be derived from (قائلا "saying":
    قال). Each leaves at least 3 letters (2 before a pronoun or after و ف ب), a final ا goes as
    the alef that carries tanween (عامًا -> عام). It over-generates on purpose: a candidate only
    counts if the lexicon holds it."""

    __slots__ = ("_cuts", "_entries", "_heads", "_max_kept", "_verb_hit")

    def __init__(self, entries: Container[str], max_kept: int = _MAX_KEPT) -> None:
        self._entries = entries
        self._max_kept = max_kept
        self._cuts: dict[str, tuple[tuple[int, int, bool, bool], ...]] = {}
        self._heads: dict[str, tuple[tuple[str, int, int, bool], ...]] = {}
        self._verb_hit: dict[str, str] = {}

    def first(self, key: str) -> str | None:
        """The first stem of `key` that the entries hold, None if none is."""
        entries = self._entries
        # One pass of tables: the word's endings (by its last three letters) serve its own
        # tails and its heads' (a head ends as the word does), its proclitics (by its first
        # two) its heads; each candidate is tried as it is made, in the search's order.
        last = key[-3:]
        cuts = self._cuts.get(last)
        if cuts is None:
            cuts = self._cuts[last] = _cuts_of(last)
        n = len(key)
        own = []
        for length, need, alef, ta_marbuta in cuts:
            if n < need:
                continue
            stem = key[:-length]
            if alef and stem[-1] == "ا":
                continue
            if stem in entries:
                return stem
            own.append(stem)
            if stem[-1] == "ت":
                stem = stem[:-1] + "ه"
            elif ta_marbuta:
                stem += "ه"
            else:
                continue
            if stem in entries:
                return stem
            own.append(stem)
        heads = self._heads.get(key[:2])
        if heads is None:
            heads = self._heads[key[:2]] = _heads_of(key[:2])
        found = []
        for p, k, need, article in heads:
            if n >= need and (not p or key.startswith(p)):
                head = key[k:]
                if head in entries:
                    return head
                found.append(head)
                if article:  # (لل + the word: ل + ال + its first letter)
                    head = "ا" + key[1:]
                    if head in entries:
                        return head
                    found.append(head)
        if cuts:
            # a head's tails: the word's endings, cut from the head (none of a two-letter head)
            for head in found:
                m = len(head)
                for length, need, alef, ta_marbuta in cuts:
                    if m < need:
                        continue
                    stem = head[:-length]
                    if alef and stem[-1] == "ا":
                        continue
                    if stem in entries:
                        return stem
                    if stem[-1] == "ت":
                        stem = stem[:-1] + "ه"
                    elif ta_marbuta:
                        stem += "ه"
                    else:
                        continue
                    if stem in entries:
                        return stem
        # (`strip_clitics` without its memory: a word is searched once, its answer kept by the
        # lexicon; keeping its stem there as well only cost time)
        stem = strip_clitics_normalized(normalize(key))
        if stem in entries:
            return stem
        if ARTICLE + key in entries:
            return ARTICLE + key
        # (a stem's tails are shorter than it: of a stem of 4 letters, none has a verb's shape;
        # and those of 4 letters or more start with its first two, which must allow one)
        tails = (self._cut(stem) if len(stem) > 4 and (stem[0] in "اتم" or stem[1] == "ا")
                 else ())
        verb_hit = self._verb_hit
        for word in (key, stem, *own, *tails):
            # only words of 4 to 7 letters in a verbal noun's or participle's shape have a verb
            # (arabic_patterns.verb_candidates); a word met again has none either
            n = len(word)
            if not ((n == 4 and word[1] == "ا") or (4 < n < 8 and word[0] in "اتم")):
                continue
            hit = verb_hit.get(word)
            if hit is None:
                hit = verb_hit[word] = next(
                    filter(entries.__contains__, verb_candidates(word)), _NONE)
            if hit:
                return hit
        if len(verb_hit) > self._max_kept:
            verb_hit.clear()
        return None

    def _cut(self, word: str) -> tuple[str, ...]:
        """The stems `word` may have under one ending (a pronoun or an ending), in turn: the
        endings it may carry read by its last three letters."""
        last = word[-3:]
        cuts = self._cuts.get(last)
        if cuts is None:
            cuts = self._cuts[last] = _cuts_of(last)
        n = len(word)
        stems = []
        for length, need, alef, ta_marbuta in cuts:
            if n < need:
                continue
            stem = word[:-length]
            if alef and stem[-1] == "ا":
                continue
            stems.append(stem)
            if stem[-1] == "ت":
                stems.append(stem[:-1] + "ه")
            elif ta_marbuta:
                stems.append(stem + "ه")
        return tuple(stems)


def _cuts_of(last: str) -> tuple[tuple[int, int, bool, bool], ...]:
    """The tails a word ending in `last` (its last three letters) may lose, in turn: each
    with its length, the fewest letters the word must have, whether it is the tanween's
    alef, whether its stem takes a ta marbuta."""
    # (the tails ending `last` are those ending its longest end that ends a tail: three
    # look-ups for the ~4,000 endings a long text's words have)
    for end in (last, last[-2:], last[-1:]):
        cuts = _CUTS_BY_END.get(end)
        if cuts is not None:
            return cuts
    return ()


# `_cuts_of` of each end of a tail (a tail's last one, two or three letters)
_CUTS_BY_END = {
    end: tuple(
        (length, length + least, alef, ta_marbuta)
        for tail, length, least, alef, ta_marbuta in _TAIL_TESTS[end[-1]]
        if end.endswith(tail)
    )
    for end in {t[-k:] for t in TAILS for k in range(1, len(t) + 1)}
}


def _heads_of(first: str) -> tuple[tuple[str, int, int, bool], ...]:
    """The proclitics that share a word's first two letters `first` (or are its first
    letter), in turn: each (but for the longer ones, known to start it) with its length, the
    fewest letters the word must have, and whether the word is لل + a word read with ال too."""
    return tuple(
        (p if len(p) > 2 else "", len(p), len(p) + (2 if p in TWO_LETTER_HEADS else MIN_STEM),
         p == "لل" and first == "لل")
        for p in LEXICON_PROCLITICS if first.startswith(p[:2])
    )
