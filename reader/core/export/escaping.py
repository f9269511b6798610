"""Escaping for every export: spreadsheet cells (CSV, TSV, XLSX), XML, HTML and Markdown."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

# Spreadsheet cells (OWASP "CSV Injection", CWE-1236). A spreadsheet runs a cell as a formula
# when it starts with `=`, `+`, `-` or `@` (and, where input folds full-width forms to ASCII,
# `＝ ＋ － ＠`), and some programs first drop leading blanks and control characters, so a
# cell is *armed* when its first character that is not white space (including NBSP), a control
# character (tab, CR, LF, NUL) or a format character (ZWSP, BOM, bidi marks) is one of those
# eight. An armed cell gets one visible apostrophe in front: the spreadsheet then shows text,
# and a reader sees that the cell was changed. Two exceptions keep the rule exact:
# - a negative or plain number in ASCII digits (`-3`, `-0.5`, `-1,234.5`) is left alone: it
#   holds no function or reference, and the spreadsheet shows the very number the text shows.
#   `+3` is not exempt (a spreadsheet would show `3`), nor is `-Haq` (it is a formula).
# - so that the change can be undone, a cell whose leading apostrophes are followed by an armed
#   cell gets one more: drop the first apostrophe of every cell that, after its apostrophes,
#   is armed, and you have the original text back.
# TSV cells are made one line first (runs of white space, tabs and line ends included, become
# one space), as the aligned-pair TSV always did.
#
# HTML and Markdown reports: `&`, `<`, `>` are escaped everywhere (quotes too inside
# attributes), Markdown's markup characters are backslash-escaped, and the explicit bidi
# controls (embeddings, overrides, isolates: U+202A-U+202E, U+2066-U+2069) in any field are
# shown as `[U+202E]`, so that a file name or comment cannot reverse the text around it, nor
# a file named `<U+202E>gnp.exe` read as `exe.png`. The paragraphs of the texts themselves
# keep them: each sits in its own block, which ends every embedding. XML (TMX, XLSX) replaces
# what XML 1.0 cannot hold with U+FFFD.

FORMULA_TRIGGERS = frozenset("=+-@＝＋－＠")
# ASCII digits only: a spreadsheet reads `-٣` as a formula, not as a number
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)*")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# HTML's three and Markdown's markup characters in one table (str.translate is one C pass):
# the same as HTML-escaping first and backslash-escaping the markup after
_MD_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{ch: "\\" + ch for ch in "\\`*_{}[]()#+!|~-"}}
)


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def _visible_part(value: str) -> str:
    start, end = 0, len(value)
    while start < end and _invisible(value[start]):
        start += 1
    while end > start and _invisible(value[end - 1]):
        end -= 1
    return value[start:end]


def is_armed(value: str) -> bool:
    """Whether a spreadsheet could run this cell as a formula (see the rule above)."""
    if not value or value[0].isalnum():  # most cells: neither blank nor a trigger in front
        return False
    first = next((ch for ch in value if not _invisible(ch)), "")
    if first not in FORMULA_TRIGGERS:
        return False
    return _PLAIN_NUMBER.fullmatch(_visible_part(value)) is None


def neutralise(value: str) -> str:
    """The cell as a spreadsheet may safely open it: an apostrophe before an armed cell."""
    if not value or value[0].isalnum():  # most cells, decided without a copy
        return value
    return "'" + value if is_armed(value.lstrip("'")) else value


def spreadsheet_cells(values: Iterable[str | int | float | None]) -> list[str | int | float]:
    """A table row for CSV, TSV or XLSX: numbers as they are, None empty, text neutralised."""
    return [neutralise(v) if isinstance(v, str) else ("" if v is None else v) for v in values]


def tsv_cell(text: str) -> str:
    """Text on one line (no tab, no line end), neutralised."""
    return neutralise(" ".join(text.split()))


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: the characters it cannot, even escaped, become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def bidi_visible(text: str) -> str:
    """Explicit bidi controls shown as their code point, e.g. `[U+202E]`."""
    if _BIDI_CONTROLS.search(text) is None:  # nearly always: no new string to build
        return text
    return _BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def html_text(text: str) -> str:
    """A field of a report as HTML text: escaped, bidi controls shown."""
    return html.escape(bidi_visible(text), quote=False)


def html_attr(text: str) -> str:
    """A field as the value of a quoted HTML attribute."""
    return html.escape(bidi_visible(text), quote=True)


def html_block(text: str) -> str:
    """A paragraph of a text as the content of its own block (bidi controls kept)."""
    return html.escape(text, quote=False)


def md_escape(text: str) -> str:
    """A field made inert in Markdown: HTML escaped, markup characters backslash-escaped,
    bidi controls shown, line ends kept as hard breaks."""
    escaped = bidi_visible(text).translate(_MD_ESCAPES)
    return "  \n".join(escaped.splitlines()) if "\n" in escaped else escaped
