"""English words of one stem: a lexicon's "acceptance" also reaches "accepting", "accepted"."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable

from reader.core.anchors import lexicon_cache

# Derivational and inflectional endings, longest first: what is left is the key a word shares
# with the other words of its stem (accept, accepts, accepted, accepting, acceptance).
_ENDINGS = (
    "ations", "ation", "ments", "ment", "ances", "ance", "ences", "ence", "ings", "ing",
    "ions", "ion", "ed", "es", "s",
)
# a key keeps at least this many letters: shorter ones join unrelated words (sing, singer and
# "s" + "ing"; nation is not n + ation)
_MIN_KEY = 4
_VOWELS = frozenset("aeiou")
_KIND = "forms"  # the cache's folder of grouped words
_WORTH_KEEPING = 1_000  # fewer words are grouped faster than a cache file is read


@functools.lru_cache(maxsize=65_536)
def stem_key(word: str) -> str:
    """The key of an English word (lower case, letters only): the word less its longest
    ending that leaves `_MIN_KEY` letters, less a final e, a doubled last consonant single
    (stopping, stop)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_KEY:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) > _MIN_KEY:
        word = word[:-1]
    if len(word) > _MIN_KEY and word[-1] == word[-2] and word[-1] not in _VOWELS | {"l", "s"}:
        word = word[:-1]
    return word


def inflections(word: str) -> tuple[str, ...]:
    """The regular verb forms of a base (accept: accepted, accepting; believe: believed,
    believing); the plural in -s the aligner's English stem already folds."""
    if len(word) < _MIN_KEY or not word.isalpha() or stem_key(word) not in (word, word[:-1]):
        return ()  # a derived word (acceptance), not a base
    if word.endswith("ee"):
        return (word + "d", word + "ing")
    if word.endswith("e"):
        return (word + "d", word[:-1] + "ing")
    if word.endswith(("ing", "ed", "s")):
        return ()
    return (word + "ed", word + "ing")


def by_key(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The single words of `words` grouped by their key (words of fewer letters left out).

    Read back from the user's cache when these words were grouped by this code before: the
    lexicon's 54,000 English words took 25 ms at every start, reading them back 2 ms."""
    unique = list(dict.fromkeys(words))  # each word once, in the order it first comes
    kept = lexicon_cache.keyed_path(
        _KIND, hashlib.sha256("\n".join(unique).encode("utf-8", "surrogatepass")).digest(),
        (__file__,),
    ) if len(unique) >= _WORTH_KEEPING else None
    groups = lexicon_cache.load_table(kept)
    if groups is None:
        groups = _by_key(unique)
        lexicon_cache.store(kept, groups)
    return groups


def _by_key(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, dict[str, None]] = {}
    for word in words:
        if word.isalpha() and len(word) >= _MIN_KEY:
            groups.setdefault(stem_key(word), {})[word] = None
    return {key: tuple(group) for key, group in groups.items()}
