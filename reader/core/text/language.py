"""Which language a text is in, and which way each paragraph runs."""

from __future__ import annotations

import functools
import re
import sys
from typing import Any

RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ku"})

_ARABIC_LETTERS = re.compile(r"[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
# What is written in Latin letters whatever the language of the prose around it: fenced code
# (shell transcripts), inline code, HTML tags with their attributes, markdown link and image
# targets, and bare addresses. A translated web page keeps all of it in English: OONI's Arabic
# report (tests/data/real/ooni-egypt) has 5,121 Latin letters to 3,166 Arabic before it goes.
_MARKUP = re.compile(
    r"^```[^`\n]*\n.*?^```"  # a fenced block over lines
    r"|```[^\n]*?```|```[^\n]*"  # one made a paragraph of one line, closed there or not
    r"|`[^`\n]*`"
    r"|<[^<>\n]*>"
    r"|\]\([^()\n]*\)"
    r"|(?:https?://|www\.)\S+",
    re.DOTALL | re.MULTILINE,
)


def is_arabic_letter(ch: str) -> bool:
    """An Arabic-script letter, in any of the script's blocks (presentation forms too)."""
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    ) and ch.isalpha()


def detect_language(text: str) -> str:
    """'ar' when Arabic-script letters outnumber Latin ones in the prose (code, markup and
    addresses left out), else 'en' (the pair's two sides)."""
    sample = text[:200_000]
    # (the markup only starts at these: a text without any has none to leave out)
    if any(mark in sample for mark in _MARKUP_STARTS):
        sample = _MARKUP.sub(" ", sample)
    arabic, latin = _letters(sample)
    return "ar" if arabic > latin else "en"


_MARKUP_STARTS = ("`", "<", "](", "http", "www.")


def _letters(sample: str) -> tuple[int, int]:
    """How many Arabic and how many Latin letters `sample` holds (`_ARABIC_LETTERS`,
    `_LATIN_LETTERS`): counted by numpy when it is loaded already (a table of the letters, 1
    ms for 200,000 characters against 10-20 of finding them), else found one by one (a command
    that never needs numpy must not import it for this)."""
    np = sys.modules.get("numpy")
    if np is None or len(sample) < 1000:
        return len(_ARABIC_LETTERS.findall(sample)), len(_LATIN_LETTERS.findall(sample))
    codes = np.frombuffer(sample.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    counts = np.bincount(_letter_table(np)[np.minimum(codes, _TABLE_SIZE)], minlength=3)
    return int(counts[1]), int(counts[2])


_TABLE_SIZE = 0x800  # both classes' letters are below this; the table's last entry: neither


@functools.cache
def _letter_table(np: Any) -> Any:
    """Each code point below `_TABLE_SIZE`: 1 an Arabic letter, 2 a Latin one, else 0 (and 0
    at `_TABLE_SIZE`, where every code point above is counted)."""
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for code in range(_TABLE_SIZE):
        if _ARABIC_LETTERS.match(chr(code)):
            table[code] = 1
        elif _LATIN_LETTERS.match(chr(code)):
            table[code] = 2
    return table


def paragraph_is_rtl(text: str, default: bool) -> bool:
    """Whether a paragraph should be laid out right to left: by its letters, not its first one."""
    arabic = sum(1 for c in text if is_arabic_letter(c))
    latin = sum(1 for c in text if c.isalpha() and ord(c) < 0x0250)
    if arabic == latin:
        return default
    return arabic > latin
