"""A glossary's terms and matchers kept in the user's cache, the matchers' regexes compiled."""

from __future__ import annotations

import _sre
import contextlib
import dataclasses
import hashlib
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from reader.core.anchors import lexicon_cache
from reader.core.anchors.tsv import MAX_FILE_BYTES
from reader.core.files import read_bytes

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# Building a matcher (its trie-shaped pattern, then `re`'s parse and compile of 20,000
# characters, both pure Python) costs 60-90 ms per language at every start; its parts read
# back with marshal and the pattern made from its kept code (what re.compile itself ends with)
# cost 2-3 ms. The key holds the terms, the source of the modules whose code shapes a
# matcher, and Python's version and regex engine (the code's format follows them).
_KIND = "glossary"
_FORMAT = "reader-glossary-matcher-2"
# the modules whose code decides a matcher (glossary.py builds it from the terms, with the
# Arabic affixes, the TSV key and the normalisation; term_starts its Arabic first words)
_MODULES = (
    "reader.core.anchors.glossary",
    "reader.core.anchors.term_starts",
    "reader.core.anchors.trie",
    "reader.core.anchors.tsv",
    "reader.core.arabic.affixes",
    "reader.core.arabic.normalise",
    __name__,
)


class Matcher(Protocol):
    """What the cache keeps of a glossary matcher (reader.core.anchors.glossary._Matcher)."""

    @property
    def pattern(self) -> re.Pattern[str]: ...
    @property
    def ids(self) -> dict[str, str]: ...
    @property
    def ignored(self) -> frozenset[str]: ...
    @property
    def firsts(self) -> frozenset[str] | None: ...
    @property
    def further(self) -> Mapping[str, tuple[str, ...]]: ...
    @property
    def heads(self) -> re.Pattern[str] | None: ...


M = TypeVar("M", bound=Matcher)
D = TypeVar("D", bound="DataclassInstance")
Rebuild = Callable[[re.Pattern[str], dict[str, str], frozenset[str], "frozenset[str] | None",
                    dict[str, tuple[str, ...]], "re.Pattern[str] | None"], M]


def cached_matcher(language: str, terms: Sequence[object], build: Callable[[], M | None],
                   rebuild: Rebuild[M]) -> M | None:
    """The matcher `build` makes for `terms` (whose repr shows all they hold) in `language`:
    read back from the cache when it holds one (made again by `rebuild` from its parts), else
    built and kept."""
    path = _path(language, repr(list(terms)).encode("utf-8", "surrogatepass"))
    kept = lexicon_cache.load_table(path)
    if kept is not None:
        with contextlib.suppress(Exception):  # damaged or not ours: built again, kept again
            return _restore(kept, rebuild)
    matcher = build()
    if matcher is not None and path is not None:
        data = _parts(matcher)
        if data is not None:
            lexicon_cache.store(path, data)
    return matcher


def cached_terms(path: Path, read: Callable[[Path], list[D]], make: type[D]) -> list[D]:
    """The terms (dataclasses `make`) `read` finds in the glossary file at `path`, read back
    from the cache when it holds those of a file with these bytes, else read and kept; a file
    `read` refuses raises as it always did."""
    try:
        raw = read_bytes(path, what="TSV word list", max_bytes=MAX_FILE_BYTES)
    except Exception:  # what `read` says of it (it reads the file again), word for word
        return read(path)
    where = _path("terms", raw)
    kept = lexicon_cache.load_table(where)
    if kept is not None:
        with contextlib.suppress(Exception):  # damaged or not ours: read again, kept again
            return [make(*fields) for fields in kept["terms"]]
    terms = read(path)
    names = [f.name for f in dataclasses.fields(make)]
    lexicon_cache.store(where, {"terms": [tuple(getattr(t, n) for n in names) for t in terms]})
    return terms


def _path(what: str, data: bytes) -> Path | None:
    """The cache file of `what` (a language's matcher, a file's terms) made from `data`."""
    folder = lexicon_cache.folder(_KIND)
    if folder is None:
        return None
    digest = hashlib.sha256(repr((_FORMAT, sys.version, _sre.MAGIC, sys.maxunicode,
                                  what)).encode())
    for name in _MODULES:
        source = getattr(sys.modules.get(name), "__file__", None)
        try:
            digest.update(Path(source or "").read_bytes())
        except OSError:
            return None  # code that cannot be read: a stale matcher would go unnoticed
    digest.update(data)
    return folder / f"{digest.hexdigest()[:32]}.marshal"


def _parts(matcher: Matcher) -> dict[str, Any] | None:
    """A matcher as marshal keeps it, or None when its pattern's code cannot be had (another
    Python whose `re` is built otherwise: then nothing is kept)."""
    try:
        code = compiled_code(matcher.pattern)
        heads = None if matcher.heads is None else compiled_code(matcher.heads)
    except Exception:  # any change of re's internals: no cache, the same results
        return None
    return {"regex": code, "ids": dict(matcher.ids), "ignored": sorted(matcher.ignored),
            "firsts": None if matcher.firsts is None else sorted(matcher.firsts),
            "further": {w: tuple(p) for w, p in matcher.further.items()}, "heads": heads}


def _restore(kept: dict[str, Any], rebuild: Rebuild[M]) -> M:
    firsts, heads = kept["firsts"], kept["heads"]
    return rebuild(pattern_from_code(kept["regex"]), dict(kept["ids"]),
                   frozenset(kept["ignored"]), None if firsts is None else frozenset(firsts),
                   {w: tuple(p) for w, p in kept["further"].items()},
                   None if heads is None else pattern_from_code(heads))


def compiled_code(pattern: re.Pattern[str]) -> dict[str, Any]:
    """What `re.compile` hands the regex engine for `pattern`, as `re._compiler.compile`
    makes it (parse, then code), to make the same pattern again with `pattern_from_code`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    code = _compiler._code(tree, pattern.flags & ~re.UNICODE)
    state = tree.state
    flags = int((pattern.flags & ~re.UNICODE) | state.flags)  # not a RegexFlag: marshal it
    if flags != pattern.flags or state.groupdict != pattern.groupindex:
        raise ValueError("the pattern's flags or groups differ from the parse's")
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return {"pattern": pattern.pattern, "flags": flags, "code": [int(c) for c in code],
            "groups": state.groups - 1, "groupindex": dict(state.groupdict),
            "indexgroup": tuple(indexgroup)}


def pattern_from_code(kept: dict[str, Any]) -> re.Pattern[str]:
    """The pattern `compiled_code` describes, made by the regex engine from its code (which it
    checks) with no parse; raises when the code is not the engine's."""
    pattern = _sre.compile(kept["pattern"], kept["flags"], kept["code"], kept["groups"],
                           kept["groupindex"], kept["indexgroup"])
    if not isinstance(pattern, re.Pattern):
        raise TypeError("not a pattern")
    return pattern
