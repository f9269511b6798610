"""The stemmer's fast paths give exactly what the original code gave (kept here)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors.lexicon import Lexicon
from reader.core.arabic import stemmer as new
from reader.core.arabic.affixes import (
    ARTICLE_FORMS,
    CONJUNCTIONS,
    PREPOSITIONS,
    STEM_ARTICLE_AFTER_CONJUNCTION,
    STEM_LONG_SUFFIXES,
    STEM_NISBA,
    STEM_PRONOUNS,
)
from reader.core.arabic.normalise import normalize
from reader.core.arabic.stemmer import Stemmer, strip_clitics, strip_clitics_normalized
from tests.core.arabic.mixed_text import sample_lines

# --- the original implementation --------------------------------------------------------------

_KEEP_PREFIX = new._KEEP_PREFIX
_KEEP_SUFFIX = new._KEEP_SUFFIX
_SUFFIXES_ENDING_IN = new._SUFFIXES_ENDING_IN
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")


def old_strip_clitics(word: str) -> str:
    w = normalize(word)
    if not _ARABIC_WORD.fullmatch(w) or w in _KEEP_SUFFIX:
        return w
    w = _old_strip_prefixes(w)[-1]
    if w in _KEEP_SUFFIX:
        return w
    return _old_strip_suffix(w)[0]


def _old_strip_suffix(w: str) -> tuple[str, str]:
    for suffix in _SUFFIXES_ENDING_IN.get(w[-1], ()):
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            if len(stem) >= (4 if suffix in STEM_LONG_SUFFIXES else 3):
                if suffix in STEM_PRONOUNS and stem.endswith("ت") and len(stem) >= 4:
                    return stem[:-1], "ت" + suffix
                return stem, suffix
    return w, ""


def _old_strip_prefixes(w: str) -> list[str]:
    out = [w]
    for prefix in ARTICLE_FORMS:
        if w.startswith(prefix) and len(w) - len(prefix) >= 2 and w not in _KEEP_SUFFIX:
            if prefix != "ال":
                out.append("ال" + w[len(prefix) :])
            out.append(w[len(prefix) :])
            return out
    if w[0] in CONJUNCTIONS and len(w) >= 4 and w not in _KEEP_PREFIX:
        w = w[1:]
        out.append(w)
        for prefix in STEM_ARTICLE_AFTER_CONJUNCTION:
            if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                if prefix == "لل":
                    out.append("ال" + w[2:])
                out.append(w[len(prefix) :])
                return out
    if w[0] in PREPOSITIONS and len(w) >= 4 and w not in _KEEP_PREFIX:
        w = w[1:]
        out.append(w)
        if w.startswith("ال") and len(w) >= 4:
            out.append(w[2:])
    return out


class OldStemmer:
    def __init__(self, known: Iterable[str] = ()) -> None:
        self._known = frozenset(known)

    def __call__(self, word: str) -> str:
        return self._stem(word) if self._known else old_strip_clitics(word)

    def _stem(self, word: str) -> str:
        w = normalize(word)
        if not _ARABIC_WORD.fullmatch(w) or w in _KEEP_SUFFIX:
            return w
        chain = _old_strip_prefixes(w)
        rest = chain[-1]
        core = next((c for c in chain[:-1] if self._keeps_proclitic(c, rest)), rest)
        if core in _KEEP_SUFFIX:
            return core
        stem, suffix = _old_strip_suffix(core)
        known = self._known
        if suffix in STEM_NISBA and (stem + "ي" in known or core in known):
            return stem + "ي"
        if not suffix or suffix == "ه" or suffix[0] == "ت" or core not in known:
            return stem
        if suffix in new._PLURALS and (stem in known or stem + "ه" in known):
            return stem
        return core

    def _keeps_proclitic(self, word: str, rest: str) -> bool:
        if not word.startswith(ARTICLE_FORMS):
            return self._is_known(word)
        return word in self._known or (self._is_known(word) and not self._is_known(rest))

    def _is_known(self, word: str) -> bool:
        known = self._known
        if word in known:
            return True
        stem, suffix = _old_strip_suffix(word)
        if not suffix:
            return False
        if stem in known:
            return True
        if suffix[0] == "ت" or suffix == "ات":
            return stem + "ه" in known
        return suffix in STEM_NISBA and stem + "ي" in known


# --- the comparisons --------------------------------------------------------------------------

_KNOWN = Lexicon.load(()).entries
_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_REAL_WORDS = sorted({w for line in sample_lines() for w in _WORD.findall(normalize(line))})


def _same(word: str, known_stemmer: Stemmer, old_known: OldStemmer) -> None:
    assert strip_clitics(word) == old_strip_clitics(word)
    assert strip_clitics_normalized(normalize(word)) == old_strip_clitics(word)
    assert Stemmer()(word) == old_strip_clitics(word)
    assert known_stemmer(word) == old_known(word)


def test_as_before_on_the_real_words_and_the_lexicon() -> None:
    stemmer, old = Stemmer(_KNOWN), OldStemmer(_KNOWN)
    words = _REAL_WORDS + sorted(_KNOWN)
    for word in words:
        _same(word, stemmer, old)
        assert new._strip_prefixes(word) == _old_strip_prefixes(word)
        assert new._strip_suffix(word) == _old_strip_suffix(word)
    assert len(words) > 1000


# Words built of clitics, a lexicon word or a few letters, and suffixes
_letters = st.text("ابتثجحخدذرسشصضطظعغفقكلمنهويءةى", min_size=1, max_size=4)
_word = st.tuples(
    st.sampled_from(["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل",
                     "وب", "فل"]),
    st.one_of(_letters, st.sampled_from(sorted(_KNOWN)[::7]),
              st.sampled_from(sorted(new._KEEP_PREFIX | new._KEEP_SUFFIX))),
    st.sampled_from(["", "ه", "ها", "هم", "هما", "كما", "نا", "ي", "ات", "ون", "ين", "ان", "يه",
                     "يين", "يون", "يات", "ته", "تها", "ك", "ني"]),
).map("".join)


_STEMMER, _OLD_STEMMER = Stemmer(_KNOWN), OldStemmer(_KNOWN)


@settings(max_examples=600)
@given(_word)
def test_as_before(word: str) -> None:
    _same(word, _STEMMER, _OLD_STEMMER)
    assert new._strip_prefixes(word) == _old_strip_prefixes(word)
    assert new._strip_suffix(word) == _old_strip_suffix(word)


def test_normalized_words_in_one_call_as_one_at_a_time() -> None:
    words = [normalize(w) for w in _REAL_WORDS + sorted(_KNOWN)[::3]]
    words += ["", "ٮ", "پال", "ال", "abc", "ء", "ي", "قال2"]
    assert Stemmer().stems_of_normalized(words) == [old_strip_clitics(w) for w in words]
    assert Stemmer(_KNOWN).stems_of_normalized(words) == [_OLD_STEMMER(w) for w in words]


@settings(max_examples=300)
@given(st.lists(_word.map(normalize), max_size=6))
def test_normalized_words_as_one_at_a_time(words: list[str]) -> None:
    stemmer = Stemmer(_KNOWN)
    assert stemmer.stems_of_normalized(words) == [_OLD_STEMMER(w) for w in words]
    assert stemmer.stems_of_normalized(words) == [stemmer(w) for w in words]  # from its memory


@settings(max_examples=400)
@given(st.text("ابتهمنيكاوفلس", min_size=1, max_size=5))
def test_short_words_as_before(word: str) -> None:
    # the endings table is read by a word's last three letters: all of a shorter word
    assert new._strip_suffix(word) == _old_strip_suffix(word)
    assert new._strip_prefixes(word) == _old_strip_prefixes(word)
    _same(word, _STEMMER, _OLD_STEMMER)


def test_words_told_arabic_at_once_or_one_at_a_time() -> None:
    # all letters ء to ي (told at once), one other word among them (each tested), and words
    # given as an iterator rather than a list: the same stems
    arabic = [normalize(w) for w in _REAL_WORDS[::5] if re.fullmatch("[\u0621-\u064a]+", w)]
    expected = [_OLD_STEMMER(w) for w in arabic]
    assert Stemmer(_KNOWN).stems_of_normalized(arabic) == expected
    assert Stemmer(_KNOWN).stems_of_normalized(iter(arabic)) == expected
    mixed = [*arabic[:50], "پال", *arabic[50:100]]
    assert Stemmer(_KNOWN).stems_of_normalized(mixed) == [_OLD_STEMMER(w) for w in mixed]
    assert Stemmer(_KNOWN).stems_of_normalized([*arabic[:3], ""]) == [
        *expected[:3], _OLD_STEMMER("")]


def test_the_articles_after_a_conjunction_are_of_two_letters() -> None:
    # `_strip_prefixes` tells them by a word's first two letters
    assert {len(a) for a in STEM_ARTICLE_AFTER_CONJUNCTION} == {2}


def test_as_before_on_a_long_arabic_text() -> None:
    # every distinct word of the real Arabic texts the project holds, and some of them with
    # each proclitic the stemmer reads: the words a side's features stem
    root = Path(__file__).resolve().parents[3]
    texts = [*sorted((root / "tests" / "data" / "real").glob("*.ar.txt")),
             *sorted((root / "corpus").glob("*.ar.txt"))]
    text = "\n".join(t.read_text(encoding="utf-8") for t in texts)
    words = sorted({w for w in _WORD.findall(normalize(text))})
    assert len(words) > 2000
    words += [p + w for p in ("و", "ف", "ب", "ل", "ك", "وال", "بال", "لل", "ولل", "وب")
              for w in words[::13]]
    stemmer = Stemmer(_KNOWN)
    assert stemmer.stems_of_normalized(words) == [_OLD_STEMMER(w) for w in words]
    for word in words[::5]:
        assert new._strip_prefixes(word) == _old_strip_prefixes(word)


def _old_suffix_cuts(last: str) -> tuple[tuple[str, int, int, str], ...]:
    return tuple(new._SUFFIX_CUT[end] for end in (last[-k:] for k in (3, 2, 1) if k <= len(last))
                 if end in new._SUFFIX_CUT)


def test_endings_cut_as_before() -> None:
    # the cuts of every ending of one to three letters, read cold (longest first) and then
    # from what is kept: a word's last three letters hold every suffix it may lose
    assert max(map(len, new.STEM_SUFFIXES)) <= 3
    letters = "ابتثجحخدذرسشصضطظعغفقكلمنهويءةى"
    endings = ["".join(e) for k in (3, 2, 1) for e in itertools.product(letters, repeat=k)]
    new._SUFFIX_CUTS.clear()
    new._ENDING_CUTS.clear()
    for ending in [*endings, *reversed(endings)]:
        assert new._suffix_cuts(ending) == _old_suffix_cuts(ending)
