"""Escaping for every export: spreadsheet cells, terminals, XML, HTML and Markdown, written once."""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

# SPREADSHEET CELLS (CSV, TSV, the `diverge` CSV, the `align` TSV; OWASP "CSV Injection",
# CWE-1236). One rule, applied only to cells of free text (quotes, comments, names, details,
# file names, values), never to numbers, ids, sides, states or paragraph numbers, which we
# write ourselves. A cell is *live* when a spreadsheet opening it would compute something from
# it: call a function, follow a reference or a link (DDE), or combine values. Some programs
# drop leading blanks and invisible characters before they look, so the rule looks at the
# first character that is not white space (spaces, NBSP, tab, CR, LF), a control or a format
# character (ZWSP, BOM, bidi marks), and folds full-width forms (`＝＋－＠`) to ASCII as an
# East Asian input method does:
# - `=` or `@` there: live. Every spreadsheet reads `=` as a formula, and `@` as one too
#   (Lotus `@SUM(`, Excel's implicit intersection), so `@handle` is live.
# - `+` or `-` there: live only when the rest holds something a formula computes with:
#   `( ) [ ] ! | = @ + - * / ^ & < > " ;` (or their full-width forms). A bare signed word or
#   number is left alone: `-Haq`, `-3`, `-1,234.5`, `+1` run nothing (Excel shows #NAME?
#   for `-Haq`, LibreOffice and Google Sheets the text), and the cell stays as the reader
#   wrote it; `-2+3`, `-Haq +1` and `-cmd|' /C calc'!A0` are live.
# A live cell gets one visible apostrophe in front, which spreadsheets take as "text". So
# that the change can be undone, a cell whose leading apostrophes are followed by a live
# cell gets one more: drop the first apostrophe of every cell that, after its apostrophes,
# is live, and you have the original text back. XLSX needs no apostrophe: every text cell is
# written as a string cell, which no spreadsheet evaluates. TSV cells are made one line
# first (runs of white space, tabs and line ends included, become one space).
#
# TERMINALS (`reader diverge --format table`): control characters (C0, DEL, C1: ESC starts
# every terminal escape sequence) and the explicit bidi controls are shown as Python-style
# escapes (`\x1b`, `\u202e`), so a paragraph cannot clear the screen, move the cursor or fake
# lines of output.
#
# REPORTS (HTML, Markdown): `&`, `<`, `>` are escaped everywhere (quotes too inside
# attributes); Markdown's markup characters are backslash-escaped, and so are list and
# heading starts of every line (`1. `, `=`); the explicit bidi controls (embeddings,
# overrides, isolates: U+202A-U+202E, U+2066-U+2069) in any field are shown as `[U+202E]`, so
# a file name or comment cannot reverse the text around it (`…\u202egnp.txt` never reads
# `…txt.png`); in HTML every such field also sits in its own `<bdi>` isolate, so an Arabic
# quote with numbers keeps its order inside an English cell. The paragraphs of the texts keep
# their bidi controls: each sits in its own block with dir set, which ends every embedding.
# XML (TMX, XLIFF, XLSX) replaces what XML 1.0 cannot hold with U+FFFD.

FORMULA_TRIGGERS = frozenset("=+-@＝＋－＠")
_ALWAYS_LIVE = frozenset("=@＝＠")
_COMPUTES = frozenset("()[]!|=@+-*/^&<>\";（）［］！｜＝＠＋－＊／＾＆＜＞＂；")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a terminal must not receive raw: C0 controls, DEL, C1 controls, bidi controls, and
# lone surrogates (which cannot even be encoded).
_NOT_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What a report shows as an escape: C0 controls but tab and line ends, DEL, C1 controls (an
# HTML parser counts them as errors, a terminal showing the Markdown obeys them), and
# characters no text may hold (lone surrogates, U+FFFE, U+FFFF).
_NOT_REPORT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# HTML's three and Markdown's markup characters in one table (str.translate is one C pass):
# the same as HTML-escaping first and backslash-escaping the markup after
_MD_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{ch: "\\" + ch for ch in "\\`*_{}[]()#+!|~-"}}
)
# A line that Markdown would read as an ordered list item or a setext heading underline
_MD_LINE_START = re.compile(r"^([0-9]{1,9})([.)])|^(=)", re.MULTILINE)
_MD_LEADING_BLANKS = re.compile(r"^[ \t]+", re.MULTILINE)


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def is_armed(value: str) -> bool:
    """Whether a spreadsheet would compute something from this cell (see the rule above)."""
    if not value or value[0].isalnum():  # most cells: neither blank nor a trigger in front
        return False
    for k, ch in enumerate(value):
        if _invisible(ch):
            continue
        if ch in _ALWAYS_LIVE:
            return True
        if ch in FORMULA_TRIGGERS:
            return any(c in _COMPUTES for c in value[k + 1 :])
        return False
    return False


def neutralise(value: str) -> str:
    """The cell as a spreadsheet may safely open it: an apostrophe before a live cell."""
    if not value or value[0].isalnum():  # most cells, decided without a copy
        return value
    return "'" + value if is_armed(value.lstrip("'")) else value


Cell = str | int | float


def neutralise_row(
    values: Iterable[str | int | float | None], free_text: Sequence[bool]
) -> list[Cell]:
    """A table row for CSV or TSV: None empty, numbers as they are, and the cells of free
    text (where `free_text` says so) neutralised; ids and states are ours and kept."""
    return [
        "" if v is None else neutralise(v) if free and isinstance(v, str) else v
        for v, free in zip(values, free_text, strict=True)
    ]


def tsv_cell(text: str) -> str:
    """Free text on one line (no tab, no line end), neutralised."""
    return neutralise(" ".join(text.split()))


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: the characters it cannot, even escaped, become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _escape_code(ch: str) -> str:
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def terminal_text(text: str, *, keep_newlines: bool = False) -> str:
    """Text safe to print: controls, ESC and bidi controls shown as `\\x1b`-style escapes
    (line ends kept when `keep_newlines`)."""
    if _NOT_TERMINAL.search(text) is None:  # nearly always: no new string to build
        return text
    if keep_newlines:
        return "\n".join(terminal_text(line) for line in text.split("\n"))
    return _NOT_TERMINAL.sub(lambda m: _escape_code(m.group()), text)


def controls_visible(text: str) -> str:
    """Control characters (but tab and line ends) shown as `\\x1b`-style escapes."""
    if _NOT_REPORT.search(text) is None:  # nearly always: no new string to build
        return text
    return _NOT_REPORT.sub(lambda m: _escape_code(m.group()), text)


def bidi_visible(text: str) -> str:
    """Explicit bidi controls shown as their code point, e.g. `[U+202E]`, and control
    characters as escapes (controls_visible)."""
    text = controls_visible(text)
    if _BIDI_CONTROLS.search(text) is None:  # nearly always: no new string to build
        return text
    return _BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def html_text(text: str) -> str:
    """A field of a report as HTML text: escaped, bidi controls shown."""
    return html.escape(bidi_visible(text), quote=False)


def html_user(text: str) -> str:
    """A field a person or a file supplied, as HTML: escaped, bidi controls shown, and in its
    own `<bdi>` isolate, its direction taken from its first strong character."""
    return f"<bdi>{html_text(text)}</bdi>"


def html_attr(text: str) -> str:
    """A field as the value of a quoted HTML attribute."""
    return html.escape(bidi_visible(text), quote=True)


def html_block(text: str) -> str:
    """A paragraph of a text as the content of its own block (bidi controls kept, control
    characters shown)."""
    return html.escape(controls_visible(text), quote=False)


def plain_isolate(text: str) -> str:
    """A field in plain text that other text follows (an HTML <title>): bidi controls shown
    and the field wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE."""
    return f"\u2068{bidi_visible(text)}\u2069"


def md_escape(text: str, indent: str = "", *, mid_line: bool = False) -> str:
    """A field made inert in Markdown: HTML escaped, markup characters backslash-escaped,
    list and heading starts escaped on every line, bidi controls shown. A line end becomes a
    hard break and a blank line stays a blank line; the lines after the first are indented
    by `indent` so that they stay inside the list item the field starts in. A field that
    continues a line (`mid_line`) has no line start of its own to escape."""
    escaped = bidi_visible(text).translate(_MD_ESCAPES)
    if "\n" not in escaped and "\r" not in escaped:
        return escaped if mid_line else _md_line_starts(escaped)
    lines = [_md_line_starts(line) for line in escaped.splitlines()]
    if mid_line:
        lines[0] = escaped.splitlines()[0]
    out = lines[0]
    for before, line in itertools.pairwise(lines):
        if not line.strip():
            out += "\n"
        elif not before.strip():
            out += f"\n{indent}{line}"
        else:
            out += f"  \n{indent}{line}"
    return out.rstrip()


def md_cell(text: str) -> str:
    """A field inside a Markdown table cell: one line, escaped."""
    return md_escape(" ".join(text.split()))


def _md_line_starts(text: str) -> str:
    text = _MD_LEADING_BLANKS.sub(lambda m: "&#32;" * len(m.group()), text)
    return _MD_LINE_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\=", text
    )
