"""Parsed tables (a lexicon, glossary matchers) in the user's cache, keyed by input and code."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.anchors import tsv
from reader.core.arabic import normalise
from reader.core.errors import InputError
from reader.core.files import atomic_write_bytes

# Parsing the 10,000-line built-in TSV (normalising every variant, checking its script) costs
# ~140 ms of every run; reading it back with marshal ~8 ms. The key holds the file's bytes and
# the source of every module whose code decides the parse (a changed normalisation must never
# read an old table), and Python's version (marshal's format follows it).
_MAGIC = b"reader-lexicon-1\n"
KEPT = 8  # tables kept: the built-in lexicon and a few user files, of this version
_ENV_DIR = "READER_CACHE_DIR"  # another folder, or "" for no cache at all
Entries = dict[str, tuple[str, ...]]


def cache_dir() -> Path | None:
    """Where parsed lexicons are kept: $READER_CACHE_DIR if set ("": nowhere), else the
    user's cache folder."""
    chosen = os.environ.get(_ENV_DIR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("parallel-reader", appauthor=False)) / "lexicon"


def folder(kind: str) -> Path | None:
    """Where tables of another `kind` than lexicons are kept (each kind pruned apart: a new
    glossary must not push the lexicon's table out), or None when there is no cache."""
    lexicons = cache_dir()
    return None if lexicons is None else lexicons / kind


def _code_digest(sources: Sequence[str | None]) -> bytes | None:
    """A digest of the parsing code's source, or None when a module's source cannot be read
    (then nothing is cached: a stale table would go unnoticed)."""
    digest = hashlib.sha256(f"{sys.version_info[0]}.{sys.version_info[1]}".encode())
    for source in (*sources, tsv.__file__, normalise.__file__, __file__):
        try:
            digest.update(Path(source or "").read_bytes())
        except OSError:
            return None
    return digest.digest()


def cache_path(raw: bytes, sources: Sequence[str | None]) -> Path | None:
    """The cache file of a lexicon file with these bytes parsed by the code of `sources`
    (with the TSV reader's and the normalisation's), or None when there is no cache."""
    folder = cache_dir()
    code = _code_digest(sources) if folder is not None else None
    if folder is None or code is None:
        return None
    return folder / f"{hashlib.sha256(code + raw).hexdigest()[:32]}.marshal"


def keyed_path(kind: str, key: bytes, sources: Sequence[str | None]) -> Path | None:
    """The cache file of a table of `kind` made from `key` by the code of `sources`, or None
    when there is no cache."""
    place = folder(kind)
    code = _code_digest(sources) if place is not None else None
    if place is None or code is None:
        return None
    return place / f"{hashlib.sha256(code + key).hexdigest()[:32]}.marshal"


def load(path: Path | None) -> Entries | None:
    """The entries kept at `path`, or None when there are none (or they cannot be read)."""
    return load_table(path)


def load_table(path: Path | None) -> dict[str, Any] | None:
    """The table kept at `path`, or None when there is none (or it cannot be read)."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    try:
        entries = marshal.loads(data[len(_MAGIC):])
    except (EOFError, ValueError, TypeError):
        return None  # cut short or damaged: parsed again, and written again
    return entries if isinstance(entries, dict) else None


def store(path: Path | None, entries: dict[str, Any]) -> None:
    """Keep `entries` at `path`, atomically; a folder that cannot be written is no error."""
    if path is None:
        return
    # a read-only home or a full disk: the next run parses the file again
    with contextlib.suppress(InputError):
        atomic_write_bytes(path, _MAGIC + marshal.dumps(entries))
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Only the KEPT most recently written tables stay: each new version of the program, or of
    a user's lexicon, writes a table of its own, and the old ones would pile up (0.5 MB each)."""
    with contextlib.suppress(OSError):
        tables = sorted(folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in tables[KEPT:]:
            with contextlib.suppress(OSError):
                old.unlink()
