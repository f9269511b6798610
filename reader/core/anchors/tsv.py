"""Reading the glossary's and lexicon's TSV files: decoding, rows checked by column, variants."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.arabic.normalise import normalize
from reader.core.errors import InputError
from reader.core.files import read_bytes

# A glossary or lexicon this large is a wrong pick, not a word list.
MAX_FILE_BYTES = 50 * 1024 * 1024
PAIR_COLUMNS = ("ar", "en")

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Row:
    """One entry line of a TSV file: its line number and its fields by column name."""

    line: int
    fields: dict[str, str]


def _decode(path: Path) -> str:
    raw = read_bytes(path, what="TSV word list", max_bytes=MAX_FILE_BYTES)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("line 1: broken UTF-16 text", path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"line {line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", path
        ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(f"line {line}: binary data (NUL byte), not a TSV file", path)
    return text


def read_rows(path: Path, layouts: Mapping[int, tuple[str, ...]]) -> list[Row]:
    """Rows of a TSV file as column-name -> value, after checking the column count of each line.

    `layouts` maps an accepted column count to its column names; a header line naming one of the
    layouts is optional, otherwise the first data line's column count picks the layout.
    """
    text = _decode(path)
    columns: tuple[str, ...] | None = None
    rows: list[Row] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if columns is None:
            lowered = tuple(f.lower() for f in fields)
            if lowered in layouts.values():
                columns = lowered
                continue
            columns = layouts.get(len(fields))
            if columns is None:
                expected = " or ".join(
                    f"{n} ({', '.join(names)})" for n, names in sorted(layouts.items())
                )
                raise InputError(
                    f"line {number}: {len(fields)} tab-separated column(s); expected {expected}",
                    path,
                )
        # a trailing tab is an accident, not a column
        while len(fields) > len(columns) and not fields[-1]:
            fields.pop()
        if len(fields) != len(columns):
            problem = "missing column" if len(fields) < len(columns) else "too many columns"
            raise InputError(
                f"line {number}: {problem}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(fields)}",
                path,
            )
        for name, value in zip(columns, fields, strict=True):
            if not value and name != "category":
                raise InputError(f"line {number}: empty '{name}' column", path)
        rows.append(Row(number, dict(zip(columns, fields, strict=True))))
    if not rows:
        raise InputError("no entries (the file is empty or holds only comments)", path)
    return rows


def variants(row: Row, column: str, path: Path) -> tuple[str, ...]:
    """The `|`-separated variants of a column, spaces folded, repeats dropped, each checked for
    letters of its script."""
    spaced = (_SPACES.sub(" ", v).strip() for v in row.fields[column].split("|"))
    values = tuple(v for v in dict.fromkeys(spaced) if v)
    if not values:
        raise InputError(f"line {row.line}: no variant in the '{column}' column", path)
    check = _ARABIC_LETTER if column == "ar" else _LATIN_WORD
    for value in values:
        if not check.search(normalize(value) if column == "ar" else value):
            script = "Arabic letters" if column == "ar" else "Latin letters or digits"
            raise InputError(f"line {row.line}: '{column}' variant {value!r} has no {script}", path)
    return values


def path_key(paths: Iterable[Path], include_builtin: bool, builtin: Path) -> tuple[Any, ...]:
    """A cache key that changes when a file is edited, so an edited user file is reread."""
    chosen = ([builtin] if include_builtin else []) + [Path(p) for p in paths]
    key: list[tuple[str, int, int]] = []
    for p in chosen:
        try:
            st = p.stat()
            key.append((str(p.resolve()), st.st_mtime_ns, st.st_size))
        except OSError:
            key.append((str(p), -1, -1))  # reading it will raise the proper InputError
    return tuple(key)


def ar_key(text: str) -> str:
    """The form an Arabic variant is filed and looked up under: normalized, spaces folded."""
    return _SPACES.sub(" ", normalize(text)).strip()

