"""A light Arabic stemmer for matching: clitics and suffixes off, with or without a word list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reader.core.arabic.affixes import (
    ARTICLE_FORMS,
    CONJUNCTIONS,
    PLURALS,
    PREPOSITIONS,
    STEM_ARTICLE_AFTER_CONJUNCTION,
    STEM_LONG_SUFFIXES,
    STEM_NISBA,
    STEM_PRONOUNS,
    STEM_SUFFIXES,
)
from reader.core.arabic.normalise import normalize


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Common words whose first letter looks like a proclitic but belongs to the word (normalized).
_KEEP_PREFIX = _wordset(
    """
    وزير وزيره وزاره وزراء وقت وضع وجود واقع ولايه وطن وطني وفد وفاه وكاله وسط واشنطن وليد
    فريق فرع فكره فصايل فتره فرنسا فلسطين فيلق فعل فقط فوق
    بلد بلاد بين بعد بعض بغداد بيروت بريطانيا بشار بيان برنامج بيت باب بحر بكر بدر بصره
    لبنان ليبيا لكن لجنه لقاء لواء لحظه لندن
    كتائب كتايب كل كان كانت كبير كثير كما كيف كلمه كردستان كركوك كويت
    """
)
# Words that end in what looks like a suffix but is part of the word (normalized).
_KEEP_SUFFIX = _wordset(
    """
    ايران لبنان عمان سودان سليمان عثمان زمان مكان انسان بيان برلمان طهران اردن
    فلسطين حسين ياسين ميادين دين تشرين
    الله لله
    """
)
# The suffixes, longest first, by their last letter: a word need only be tested for those.
_SUFFIXES_ENDING_IN = {
    last: tuple(s for s in STEM_SUFFIXES if s.endswith(last))
    for last in {s[-1] for s in STEM_SUFFIXES}
}
# The proclitic forms of the article by their letters: a word starts with at most one of them.
_ARTICLE_FORM_SET = frozenset(ARTICLE_FORMS)
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
_ARABIC_WORD_MATCH = _ARABIC_WORD.fullmatch
# The letters a proclitic or an article form starts with.
_PROCLITIC_LETTERS = frozenset(f[0] for f in (*ARTICLE_FORMS, *CONJUNCTIONS, *PREPOSITIONS))
# The article's forms after a conjunction (ولل, وال), each of two letters.
_ARTICLES_AFTER_CONJUNCTION = frozenset(STEM_ARTICLE_AFTER_CONJUNCTION)
# The sound plurals: a known word's plural goes to its stem even when the plural is listed.
_PLURALS = frozenset(PLURALS)


@lru_cache(maxsize=200_000)
def strip_clitics(word: str) -> str:
    """A light stem of one Arabic word for matching (its normalized form, clitics removed).

    Proclitics: one conjunction (و ف), then a preposition (ب ل ك) and/or the article
    (ال وال بال فال كال لل); a single-letter proclitic only goes when 3 letters remain and
    the word is not a known word beginning with that letter (وزير, بغداد, لبنان...), the
    article when 2 remain. Then at most one suffix (pronouns ها هم هما هن كم نا ه ي, plurals
    and duals ات ون ين ان, nisba يه يين يون, ta marbuta) when 3 letters remain (4 for ون ين ان,
    which end many nouns and names: ايران, حسين); a ta marbuta written ت before a pronoun
    goes with it (حكومته -> حكوم, as حكومة -> حكوم). Light stemming conflates some words
    (ثورة and ثور) and leaves some clitics: it is for matching, not for morphology.
    Not a word of Arabic letters: returned normalized, unchanged. (Cached: texts repeat their
    words, and the aligner stems each of them where it reads it.) `Stemmer` does the same
    with a word list to tell a clitic from a letter of the word (كبيرة is not ك + بيرة).
    """
    return strip_clitics_normalized(normalize(word))


def strip_clitics_normalized(w: str) -> str:
    """`strip_clitics` of a word `normalize` leaves as it is, not kept (the lexicon's search
    asks once for each word it does not hold: ~13,000 on a long pair)."""
    if _ARABIC_WORD_MATCH(w) is None or w in _KEEP_SUFFIX:
        return w
    if w[0] in _PROCLITIC_LETTERS:
        w = _stripped(w)
        if w in _KEEP_SUFFIX:
            return w
    return _strip_suffix(w)[0]


def _stripped(w: str) -> str:
    """`_strip_prefixes(w)[-1]`, the readings before it not made."""
    prefix = w[:3] if w[:3] in _ARTICLE_FORM_SET else w[:2]
    if prefix in _ARTICLE_FORM_SET and len(w) - len(prefix) >= 2 and w not in _KEEP_SUFFIX:
        return w[len(prefix) :]
    if w[0] in CONJUNCTIONS and len(w) >= 4 and w not in _KEEP_PREFIX:
        w = w[1:]
        for prefix in STEM_ARTICLE_AFTER_CONJUNCTION:
            if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                return w[len(prefix) :]
    if w[0] in PREPOSITIONS and len(w) >= 4 and w not in _KEEP_PREFIX:
        w = w[1:]
        if w.startswith("ال") and len(w) >= 4:
            return w[2:]
    return w


def _strip_suffix(w: str) -> tuple[str, str]:
    """`w` without the suffix `strip_clitics` removes (ت of a ta marbuta too), and the suffix."""
    # the suffixes that end the word, longest first, read by its last three letters (two
    # suffixes of one length cannot both end a word): one slice and one look-up a word
    cuts = _SUFFIX_CUTS.get(w[-3:])
    if cuts is None:
        cuts = _suffix_cuts(w[-3:])
    n = len(w)
    for suffix, k, least, after_t in cuts:
        if n - k >= least:
            if after_t and n - k >= 4 and w[-k - 1] == "ت":
                return w[: -k - 1], after_t
            return w[:-k], suffix
    return w, ""


def _suffix_cuts(last: str) -> tuple[tuple[str, int, int, str], ...]:
    """The suffixes a word ending in `last` (its last three letters, or all of a shorter
    word) may lose, longest first: each with its length, the fewest letters it must leave, and
    for a pronoun, what it is with the ت of a ta marbuta before it (else "")."""
    # (a suffix ends `last` if it is its last one, two or three letters: those of its last two
    # kept for each two letters (~1,800 of them), the one of three looked up; a word's first
    # ending seen costs this, ~4,000 of them a side: a comprehension over the lengths each time
    # cost ~3 µs)
    two = last[-2:]
    cuts = _ENDING_CUTS.get(two)
    if cuts is None:
        # (those of two letters, then of one: two look-ups, not a comprehension)
        of_two = _SUFFIX_CUT.get(two) if len(two) == 2 else None
        of_one = _SUFFIX_CUT.get(two[-1:])
        cuts = ((of_two, of_one) if of_one is not None else (of_two,)) if of_two is not None \
            else (of_one,) if of_one is not None else ()
        _ENDING_CUTS[two] = cuts
    if len(last) > 2:
        three = _SUFFIX_CUT.get(last)
        if three is not None:
            cuts = (three, *cuts)
    if len(_SUFFIX_CUTS) < _MAX_SUFFIX_CUTS:  # (Arabic has ~45,000 endings of three letters)
        _SUFFIX_CUTS[last] = cuts
    return cuts


# the cuts of the suffixes of at most two letters that end a word's last two letters (or all
# of a shorter word), for `_suffix_cuts`
_ENDING_CUTS: dict[str, tuple[tuple[str, int, int, str], ...]] = {}
_SUFFIX_CUTS: dict[str, tuple[tuple[str, int, int, str], ...]] = {}
# each suffix's cut (`_suffix_cuts`), and the suffixes' lengths, longest first: STEM_SUFFIXES
# holds at most one suffix of each length that ends a word, so longest first is their order
_SUFFIX_CUT = {s: (s, len(s), 4 if s in STEM_LONG_SUFFIXES else 3,
                   "ت" + s if s in STEM_PRONOUNS else "") for s in STEM_SUFFIXES}
_LENGTHS_DOWN = sorted({len(s) for s in STEM_SUFFIXES}, reverse=True)
_MAX_SUFFIX_CUTS = 100_000


def _strip_prefixes(w: str) -> list[str]:
    """`w` and what is left of it after each proclitic `strip_clitics` removes, in turn; a
    conjunction or preposition before the article leaves the article first (والبيت, البيت,
    بيت), and لل leaves ال (للبيت, البيت, بيت)."""
    if w[:1] not in _PROCLITIC_LETTERS:  # (most words: none of و ف ب ل ك ا begins them)
        return [w]
    out = [w]
    # the one article form `w` may start with (their first letters differ)
    prefix = w[:3] if w[:3] in _ARTICLE_FORM_SET else w[:2]
    if prefix in _ARTICLE_FORM_SET and len(w) - len(prefix) >= 2 and w not in _KEEP_SUFFIX:
        if prefix != "ال":
            out.append("ال" + w[len(prefix) :])
        out.append(w[len(prefix) :])
        return out
    if w[0] in CONJUNCTIONS and len(w) >= 4 and w not in _KEEP_PREFIX:
        w = w[1:]
        out.append(w)
        # (STEM_ARTICLE_AFTER_CONJUNCTION, both of two letters, told by one look-up)
        if w[:2] in _ARTICLES_AFTER_CONJUNCTION and len(w) >= 4:
            if w[0] == "ل":  # لل
                out.append("ال" + w[2:])
            out.append(w[2:])
            return out
    if w[0] in PREPOSITIONS and len(w) >= 4 and w not in _KEEP_PREFIX:
        w = w[1:]
        out.append(w)
        if w.startswith("ال") and len(w) >= 4:
            out.append(w[2:])
    return out


class Stemmer:
    """`strip_clitics` that asks a word list (normalized forms, such as a lexicon's) whether
    letters that look like a clitic belong to the word.

    A proclitic (و ف ب ل ك) stays when the word with it is known, or its stem is (كبيرة ->
    كبير, not بير "well"; كامل, not امل "hope"; فتحت, not تحت "under"), and goes when only the
    rest is known or neither is (وكان -> كان, as `strip_clitics` does); the article, nearly
    always one, stays in a known word (بالطبع, المسيح, والدين) or when only its stem is known
    (والدها -> والد, but المهم -> مهم, not الم "pain"). A suffix that may be letters of the
    word stays when the word with it is known: final ي (يجري, not يجر; يصلي, not يصل), the
    pronouns (أحيانا, not احيا), the dual and plural endings (سلطان, قوانين) unless the rest is
    known too (مسؤولون -> مسوول, حكومات -> حكوم as حكومة). A nisba ending leaves a known
    adjective or word with its ي (الخارجية, الخارجيين -> خارجي; ولاية -> ولاي, as ولايات).
    A ta marbuta, or one written ت before a pronoun, always goes (حكومة, حكومته -> حكوم).
    With an empty list it is `strip_clitics`. Each word is stemmed once (kept per stemmer).
    """

    __slots__ = ("_cache", "_known")

    def __init__(self, known: Iterable[str] = ()) -> None:
        self._known = frozenset(known)
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            if len(self._cache) >= _STEMMER_CACHE_SIZE:
                self._cache.clear()
            stem = self._cache[word] = self._stem(word) if self._known else strip_clitics(word)
        return stem

    def stems_of_normalized(self, words: Iterable[str]) -> list[str]:
        """`self(w)` of each word, for words `normalize` leaves as they are (a text's words
        after it: none is normalized again, ~0.5 µs a word of 23,000 new ones a side)."""
        if not self._known:
            return list(map(strip_clitics, words))
        words = words if isinstance(words, list) else list(words)
        # a text's words are letters ء to ي: told at once (one match of them all joined, ~1 ms)
        # rather than one word at a time (~0.3 µs each)
        arabic = all(words) and _ARABIC_WORD_MATCH("".join(words)) is not None
        stem_of, cache = self._stem_normalized, self._cache
        out = []
        for w in words:
            stem = cache.get(w)
            if stem is None:
                if len(cache) >= _STEMMER_CACHE_SIZE:
                    cache.clear()
                stem = cache[w] = stem_of(w, arabic)
            out.append(stem)
        return out

    def _stem(self, word: str) -> str:
        return self._stem_normalized(normalize(word))

    def _stem_normalized(self, w: str, arabic: bool = False) -> str:
        # (`arabic`: the caller knows `w` is all letters ء to ي; else tested here, a third of
        # the time of comparing the least and the greatest)
        if (not arabic and _ARABIC_WORD_MATCH(w) is None) or w in _KEEP_SUFFIX:
            return w
        known = self._known
        core = w
        if w[0] in _PROCLITIC_LETTERS:
            chain = _strip_prefixes(w)
            if len(chain) == 2:
                # one reading and its rest (most words): `_keeps_proclitic(w, rest)` inline,
                # whether the rest is known asked last (`w` is not in _KEEP_SUFFIX)
                rest = chain[1]
                if not (w in known or (_stem_known(known, w) and (
                        not w.startswith(ARTICLE_FORMS) or not self._is_known(rest)))):
                    if rest in _KEEP_SUFFIX:
                        return rest
                    core = rest
            elif len(chain) > 2:
                # the least stripped reading that is known, else the most stripped (as
                # strip_clitics); `_keeps_proclitic` inline, whether the rest is known asked
                # once for all the readings
                core = rest = chain[-1]
                rest_known = None
                for reading in chain[:-1]:
                    if reading in known:
                        pass
                    elif reading.startswith(ARTICLE_FORMS):
                        if not _stem_known(known, reading):
                            continue
                        if rest_known is None:
                            rest_known = self._is_known(rest)
                        if rest_known:
                            continue
                    elif not _stem_known(known, reading):
                        continue
                    core = reading
                    break
                if core in _KEEP_SUFFIX:
                    return core
        # (with no proclitic stripped `core` is `w`, not in _KEEP_SUFFIX); `_strip_suffix(core)`
        # inline: a call and its pair a word less (~23,000 words a side)
        cuts = _SUFFIX_CUTS.get(core[-3:])
        if cuts is None:
            cuts = _suffix_cuts(core[-3:])
        n = len(core)
        for suffix, k, least, after_t in cuts:  # noqa: B007 (`suffix` is read after the break)
            if n - k >= least:
                if after_t and n - k >= 4 and core[-k - 1] == "ت":
                    return core[: -k - 1]  # ta marbuta before a pronoun: حكومته -> حكوم
                stem = core[:-k]
                break
        else:
            return core
        if suffix in STEM_NISBA and (stem + "ي" in known or core in known):
            return stem + "ي"  # a known nisba adjective: الخارجية, العلميين -> خارجي, علمي
        if suffix == "ه" or suffix[0] == "ت" or core not in known:
            return stem
        if suffix in _PLURALS and (stem in known or stem + "ه" in known):
            return stem  # a known word's plural: مسؤولون -> مسوول, شركات -> شرك (شركة)
        return core

    def _keeps_proclitic(self, word: str, rest: str) -> bool:
        """Whether `word` is read with the proclitics before `rest` as letters of the word
        (`_stem_normalized` asks the same, inline).

        Yes when the word (or its stem, after و ف ب ل ك) is known; the article, which is
        almost always one, stays only in a known word (الآن, بالطبع, المسيح) or when only its
        stem is known and the rest is not (والدها -> والد, but المهم -> مهم, not الم "pain").
        """
        if not word.startswith(ARTICLE_FORMS):
            return self._is_known(word)
        return word in self._known or (self._is_known(word) and not self._is_known(rest))

    def _is_known(self, word: str) -> bool:
        """Whether `word` (clitics before it kept) or its stem is in the word list."""
        return word in self._known or _stem_known(self._known, word)


def _stem_known(known: frozenset[str], word: str) -> bool:
    """Whether the stem of `word`, not itself in `known`, is (`Stemmer._is_known` after its
    first test: `_stem_normalized` has made that test already)."""
    # (`_strip_suffix(word)` inline: most words asked have no suffix)
    cuts = _SUFFIX_CUTS.get(word[-3:])
    if cuts is None:
        cuts = _suffix_cuts(word[-3:])
    n = len(word)
    for suffix, k, least, after_t in cuts:  # noqa: B007 (`suffix` is read after the break)
        if n - k >= least:
            if after_t and n - k >= 4 and word[-k - 1] == "ت":
                # ta marbuta before a pronoun: مدينتها, and مدينة
                stem = word[: -k - 1]
                return stem in known or stem + "ه" in known
            stem = word[:-k]
            break
    else:
        return False
    if stem in known:
        return True
    # ta marbuta: مدينتها and مدينة, حكومات and حكومة; nisba: السياسية and سياسي
    if suffix[0] == "ت" or suffix == "ات":
        return stem + "ه" in known
    return suffix in STEM_NISBA and stem + "ي" in known


_STEMMER_CACHE_SIZE = 200_000

