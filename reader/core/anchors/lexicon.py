"""The general Arabic-English word lexicon: loading it, and looking words up with their clitics."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Mapping
from itertools import chain
from pathlib import Path
from typing import Any

from reader.core.anchors import english_forms, lexicon_cache
from reader.core.anchors.english_forms import by_key, inflections, stem_key
from reader.core.anchors.lexicon_lookup import StemFinder
from reader.core.anchors.tsv import (
    MAX_FILE_BYTES,
    PAIR_COLUMNS,
    ar_key,
    path_key,
    read_rows,
    variants,
)
from reader.core.arabic.normalise import _NORMALIZED_AWAY
from reader.core.arabic.stemmer import Stemmer
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


_MAX_TOKENS = 200_000  # words as asked for, kept with their translations
# A character `ar_key` changes or drops (white space, or what `normalize` folds): a word
# without one is its own key.
_NOT_A_KEY = re.compile(_NORMALIZED_AWAY.pattern[:-1] + r"\s]")


class Lexicon:
    """A general Arabic-English word list keyed on normalised Arabic; build with `Lexicon.load`."""

    def __init__(
        self, entries: Mapping[str, tuple[str, ...]], paths: tuple[Path, ...] = ()
    ) -> None:
        self._entries = dict(entries)
        self.paths = paths
        self._stem_cache: dict[str, tuple[str, ...]] = {}
        self._token_cache: dict[str, tuple[str, ...]] = {}

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
        # a word asked for again is answered without normalising it again (the divergence
        # checks ask for the same words many times)
        cached = self._token_cache.get(ar_token)
        if cached is not None:
            return cached
        key = ar_key(ar_token) if _NOT_A_KEY.search(ar_token) else ar_token
        cached = self._stem_cache.get(key)
        if cached is None:
            entries = self._entries
            found = entries.get(key)
            if found is None:
                stem = self._finder.first(key)
                found = () if stem is None else entries[stem]
            cached = self._stem_cache[key] = self.derived(found)
        if len(self._token_cache) >= _MAX_TOKENS:
            self._token_cache.clear()
        self._token_cache[ar_token] = cached
        return cached

    def translations_of(self, tokens: Iterable[str]) -> list[tuple[str, ...]]:
        """`translations` of each token, in order (a side's forms at once: the same answers,
        without a call and a normalisation per word)."""
        token_cache, stem_cache, entries = self._token_cache, self._stem_cache, self._entries
        first, derived, needs_key = self._finder.first, self.derived, _NOT_A_KEY.search
        out = []
        for token in tokens:
            cached = token_cache.get(token)
            if cached is None:
                # a word already as the lexicon files it (most are: forms come normalized) is
                # its own key
                key = ar_key(token) if needs_key(token) else token
                cached = stem_cache.get(key)
                if cached is None:
                    found = entries.get(key)
                    if found is None:
                        stem = first(key)
                        found = () if stem is None else entries[stem]
                    cached = stem_cache[key] = derived(found) if found else ()
                if len(token_cache) >= _MAX_TOKENS:
                    token_cache.clear()
                token_cache[token] = cached
            out.append(cached)
        return out

    def keep_translations(self, found: Mapping[str, tuple[str, ...]]) -> None:
        """Remember words' `translations` as a forked copy of this lexicon found them (the
        same entries and code: the same answers), unless this one has them already."""
        cache = self._token_cache
        if len(cache) + len(found) > _MAX_TOKENS:
            return  # (it would be cleared before they are asked for)
        for token, translated in found.items():
            cache.setdefault(token, translated)

    @functools.cached_property
    def _finder(self) -> StemFinder:
        return StemFinder(self._entries)

    def derived(self, found: tuple[str, ...]) -> tuple[str, ...]:
        """`found` and, after it, the English words of a verb's family that shares a stem with one
        of them (reader.core.anchors.english_forms), as the lexicon writes them anywhere, and the
        verb's regular forms: the entries list a verbal noun's English (قبول acceptance) and a
        verb's (قبل accept, accepted), not every form a translation may use (accepting)."""
        cached = self._derived_cache.get(found)
        if cached is None:
            stems, starts = self._english_stems, self._family_starts
            # (a word's key is its start, of four letters at least: a word that starts as no
            # family does needs no key worked out)
            more = [w for v in found if " " not in v and v[:4] in starts
                    for w in stems.get(stem_key(v), ())]
            cached = self._derived_cache[found] = tuple(dict.fromkeys(found + tuple(more)))
        return cached

    @functools.cached_property
    def _family_starts(self) -> frozenset[str]:
        """The first four letters of the verbs' families' keys (`_english_stems`)."""
        return frozenset(key[:4] for key in self._english_stems)

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
        # (read back from the user's cache when these translations were grouped by this
        # code before: ~20 ms in each of the two processes that make a pair's sides, ~3 ms)
        joined = " ".join(chain.from_iterable(self._entries.values()))
        kept = lexicon_cache.keyed_path(
            _VERB_FAMILIES, hashlib.sha256(joined.encode("utf-8", "surrogatepass")).digest(),
            (__file__, english_forms.__file__)) if len(self._entries) >= _WORTH_KEEPING else None
        families = lexicon_cache.load_table(kept)
        if families is None:
            families = verb_families(joined)
            lexicon_cache.store(kept, families)
        return families


_VERB_FAMILIES = "verbs"  # the cache's folder of `Lexicon._english_stems`
_WORTH_KEEPING = 1_000  # entries: a smaller lexicon's families are made faster than read back


def verb_families(joined: str) -> dict[str, tuple[str, ...]]:
    """`Lexicon._english_stems` made from the lexicon's translations joined by spaces."""
    # each word once (a tenth of them): `by_key` keeps the first of each, in order; and
    # only the words that may share a key with a form in -ed or -ing (a key is the start
    # of its words, of four letters at least), so that a few words' keys are worked out
    # (split once: the words of every translation in turn, as each one's own split)
    words = dict.fromkeys(joined.split())
    verbs = {stem_key(w)[:4] for w in words
             if w.endswith(("ed", "ing")) and w.isalpha() and len(w) >= 4}
    groups = by_key(w for w in words if w[:4] in verbs)
    return {
        key: group + tuple(f for w in group for f in inflections(w))
        for key, group in groups.items()
        if any(w.endswith(("ed", "ing")) for w in group)
    }


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
