"""Arabic for terminals that neither shape nor reorder it: visual order, or logical order kept."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
from bidi import get_display


def has_rtl(text: str) -> bool:
    """Whether a string holds any right-to-left character (Arabic, Hebrew, …)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def to_display(text: str, logical: bool = False, base_dir: str | None = None) -> str:
    """One line as a terminal should print it.

    With `logical`, the text is returned unchanged (for terminals that shape and reorder
    Arabic themselves, and for pipes). Otherwise Arabic letters are replaced by their
    joined presentation forms and the line is put in visual (left-to-right) order.
    Newlines should be split off first: reordering works line by line. `base_dir` ("L" or
    "R") fixes the line's direction, e.g. "L" for an English sentence quoting Arabic, which
    would otherwise be laid out right to left when the quote comes first.
    """
    if logical or not has_rtl(text):
        return text
    return str(get_display(arabic_reshaper.reshape(text), base_dir=base_dir))


def char_width(ch: str) -> int:
    """Columns a character takes in a terminal: 0 for marks and format characters, 2 for wide."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap logical text into lines of at most `width` columns, breaking at spaces when it can."""
    width = max(width, 1)
    lines: list[str] = []
    for raw in text.splitlines() or [""]:
        words = raw.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if display_width(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            # a word longer than the width (a URL) is cut
            while display_width(word) > width:
                cut, used = 0, 0
                while cut < len(word) and used + char_width(word[cut]) <= width:
                    used += char_width(word[cut])
                    cut += 1
                cut = max(cut, 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def display_lines(
    text: str, width: int, logical: bool = False, base_dir: str | None = None
) -> list[str]:
    """Wrap in logical order (so that lines break where a reader expects), then reorder each."""
    return [to_display(line, logical, base_dir) for line in wrap(text, width)]


def pad(text: str, width: int) -> str:
    """Pad a display string with spaces to `width` columns."""
    return text + " " * max(0, width - display_width(text))
