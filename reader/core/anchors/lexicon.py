"""The general Arabic-English word lexicon: loading it, and looking words up with their clitics."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from reader.core.anchors import lexicon_cache
from reader.core.anchors.arabic_patterns import verb_candidates
from reader.core.anchors.english_forms import by_key, inflections, stem_key
from reader.core.anchors.tsv import (
    MAX_FILE_BYTES,
    PAIR_COLUMNS,
    ar_key,
    path_key,
    read_rows,
    variants,
)
from reader.core.arabic.affixes import ARTICLE, LEXICON_ENDINGS, LEXICON_PROCLITICS, PRONOUNS
from reader.core.arabic.stemmer import Stemmer, strip_clitics
from reader.core.files import read_bytes
from reader.resources import resource_path

BUILTIN_LEXICON = resource_path("lexicon", "ar-en.tsv")


def _read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """A lexicon file's entries: parsed once per content (and parsing code), then read back
    from the user's cache (reader.core.anchors.lexicon_cache)."""
    # the same checks and errors as the parse's own read (reader.core.anchors.tsv._decode)
    raw = read_bytes(path, what="TSV word list", max_bytes=MAX_FILE_BYTES)
    kept = lexicon_cache.cache_path(raw, (__file__,))
    entries = lexicon_cache.load(kept)
    if entries is None:
        entries = _parse_lexicon(path)
        lexicon_cache.store(kept, entries)
    return entries


def _parse_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    entries: dict[str, tuple[str, ...]] = {}
    for row in read_rows(path, {2: PAIR_COLUMNS}):
        en = variants(row, "en", path)
        for ar in variants(row, "ar", path):
            key = ar_key(ar)
            entries[key] = tuple(dict.fromkeys(entries.get(key, ()) + en))
    return entries


# The tails (pronouns, then endings) by their last letter and the proclitics by their first,
# each in its order: a word need only be tested for those that share its last or first letter.
_TAILS = PRONOUNS + LEXICON_ENDINGS
_TAILS_ENDING_IN = {
    letter: tuple(t for t in _TAILS if t[-1] == letter) for letter in {t[-1] for t in _TAILS}
}
_PROCLITICS_STARTING_WITH = {
    letter: tuple(p for p in LEXICON_PROCLITICS if p[0] == letter)
    for letter in {p[0] for p in LEXICON_PROCLITICS}
}


# Fewer letters than this left by an ending or a clitic are not a stem: two-letter words are
# too often the accident of a stripped letter (معين is not مع "with" + ين, حياة not حي + ا).
_MIN_STEM = 3
# ... except before a pronoun (يدي, أمي, فمك) or after و ف ب (بكل, ومخ), which leave common
# two-letter words (يد, أم, فم, كل); ه is left out, a ta marbuta as often (مدة is not مد + ه),
# and so are ك ل and the article (كلم is not ك + لم, لكم not ل + كم, والآن not وال + أن).
_TWO_LETTER_TAILS = frozenset(PRONOUNS) - {"ه"}
_TWO_LETTER_HEADS = frozenset({"و", "ف", "ب", "وب", "فب"})


def _tails(word: str) -> Iterator[str]:
    for tail in _TAILS_ENDING_IN.get(word[-1:], ()):
        stem = word[: -len(tail)]
        if not word.endswith(tail) or len(stem) < (2 if tail in _TWO_LETTER_TAILS else _MIN_STEM):
            continue
        if tail == "ا" and stem.endswith("ا"):
            continue
        yield stem
        if stem.endswith("ت"):
            yield stem[:-1] + "ه"  # مدينتها -> مدينة
        elif tail in ("ات", "ان", "ين"):
            yield stem + "ه"  # حكومات -> حكومة


def _iter_clitic_candidates(token: str) -> Iterator[str]:
    """Stems to try for a token not in the lexicon as is, the likelier readings first (repeats
    and all: the lexicon stops at the first it holds).

    Endings alone go first (بيتهم is بيت + هم before it is ب + يتهم), then proclitics alone,
    then both; each leaves at least 3 letters (2 before a pronoun or after و ف ب), a final ا
    goes as the alef that carries tanween (عامًا -> عام), and لل stands for ل + the article
    (للمسيح -> المسيح). It over-generates on purpose: a candidate only counts if the lexicon
    holds it.
    """
    yield from _tails(token)
    heads = [
        token[len(p) :]
        for p in _PROCLITICS_STARTING_WITH.get(token[:1], ())
        if token.startswith(p)
        and len(token) - len(p) >= (2 if p in _TWO_LETTER_HEADS else _MIN_STEM)
    ]
    if token.startswith("لل") and token[2:] in heads:
        heads.insert(heads.index(token[2:]) + 1, "ا" + token[1:])
    yield from heads
    for head in heads:
        yield from _tails(head)


class Lexicon:
    """A general Arabic-English word list keyed on normalised Arabic; build with `Lexicon.load`."""

    def __init__(
        self, entries: Mapping[str, tuple[str, ...]], paths: tuple[Path, ...] = ()
    ) -> None:
        self._entries = dict(entries)
        self.paths = paths
        self._stem_cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(cls, paths: Iterable[Path] = (), include_builtin: bool = True) -> Lexicon:
        """The built-in lexicon (unless excluded) extended by user files; same words merge."""
        paths = tuple(Path(p) for p in paths)
        return _load_lexicon(path_key(paths, include_builtin, BUILTIN_LEXICON), paths,
                             include_builtin)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, ar: object) -> bool:
        return isinstance(ar, str) and ar_key(ar) in self._entries

    @property
    def entries(self) -> Mapping[str, tuple[str, ...]]:
        return self._entries

    @functools.cached_property
    def stemmer(self) -> Stemmer:
        """The light stemmer that reads words by this lexicon's forms (made once, kept)."""
        return Stemmer(self._entries)

    def translations(self, ar_token: str) -> tuple[str, ...]:
        """English translations of an Arabic word: as written, else with its clitics stripped;
        each followed by the other English words of its stem (`derived`)."""
        key = ar_key(ar_token)
        cached = self._stem_cache.get(key)
        if cached is None:
            entries = self._entries
            found = entries.get(key)
            if found is None:
                found = next((entries[c] for c in _stem_candidates(key) if c in entries), ())
            cached = self._stem_cache[key] = self.derived(found)
        return cached

    def derived(self, found: tuple[str, ...]) -> tuple[str, ...]:
        """`found` and, after it, the English words of a verb's family that shares a stem with one
        of them (reader.core.anchors.english_forms), as the lexicon writes them anywhere, and the
        verb's regular forms: the entries list a verbal noun's English (قبول acceptance) and a
        verb's (قبل accept, accepted), not every form a translation may use (accepting)."""
        cached = self._derived_cache.get(found)
        if cached is None:
            stems = self._english_stems
            more = [w for v in found if " " not in v for w in stems.get(stem_key(v), ())]
            cached = self._derived_cache[found] = tuple(dict.fromkeys(found + tuple(more)))
        return cached

    @functools.cached_property
    def _derived_cache(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        return {}  # many words share one entry's readings (the forms of a verb)

    @functools.cached_property
    def _english_stems(self) -> dict[str, tuple[str, ...]]:
        """The English words of the lexicon by their key, a verb's family only (a group with a
        form in -ed or -ing: accept, accepted, acceptance), with the verb's regular forms. A
        noun's group (city, cities) adds nothing the aligner's English stem does not, and
        widening every reading moved the balance of leaving a paragraph out (tests/core/align/
        test_units.py: an untranslated paragraph joined its neighbour's bead)."""
        groups = by_key(w for found in self._entries.values() for v in found for w in v.split())
        return {
            key: group + tuple(f for w in group for f in inflections(w))
            for key, group in groups.items()
            if any(w.endswith(("ed", "ing")) for w in group)
        }


def _stem_candidates(key: str) -> Iterator[str]:
    """The stems `Lexicon.translations` tries for a word it does not hold, in turn: the clitic
    candidates, then the shared light stemmer's (it strips a proclitic before an ending:
    بيتهم -> يتهم), last the word with the article, for the names and nouns listed with it
    (المكسيك), then the verbs it may be derived from; the word itself is none of them (nor, so,
    in the lexicon)."""
    yield from _iter_clitic_candidates(key)
    stem = strip_clitics(key)
    yield stem
    yield ARTICLE + key
    # last, a verbal noun or participle read as the verb it comes from (قائلا "saying": قال)
    for word in dict.fromkeys((key, stem, *_tails(key), *_tails(stem))):
        yield from verb_candidates(word)


@functools.lru_cache(maxsize=16)
def _load_lexicon(key: tuple[Any, ...], paths: tuple[Path, ...], include_builtin: bool) -> Lexicon:
    files = ((BUILTIN_LEXICON,) if include_builtin else ()) + paths
    merged: dict[str, tuple[str, ...]] = {}
    for path in files:
        entries = _read_lexicon(path)
        if not merged:  # the first file's variants are already without repeats
            merged = entries
            continue
        for ar, en in entries.items():
            merged[ar] = tuple(dict.fromkeys(merged.get(ar, ()) + en))
    return Lexicon(merged, files)
