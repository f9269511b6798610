"""Which language a text is in, and which way each paragraph runs."""

from __future__ import annotations

import re

import numpy as np

RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ku"})

_ARABIC_LETTERS = re.compile(r"[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")


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
    """'ar' when Arabic-script letters outnumber Latin ones, else 'en' (the pair's two sides)."""
    arabic, latin = letter_counts(text[:200_000])
    return "ar" if arabic > latin else "en"


def letter_counts(text: str) -> tuple[int, int]:
    """How many characters of `text` `_ARABIC_LETTERS` and `_LATIN_LETTERS` match: each code
    point's class looked up in a table (a tenth of the cost of listing the matches)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    counts = np.bincount(_LETTER_CLASS.take(np.minimum(codes, len(_LETTER_CLASS) - 1)),
                         minlength=3)
    return int(counts[1]), int(counts[2])


def _letter_classes() -> np.ndarray:
    """1 for the code points of `_ARABIC_LETTERS`, 2 for those of `_LATIN_LETTERS`, else 0
    (the last entry stands for every code point beyond the table)."""
    table = np.zeros(0x781, dtype=np.uint8)
    for cls, pattern in ((1, _ARABIC_LETTERS), (2, _LATIN_LETTERS)):
        table[[c for c in range(0x780) if pattern.match(chr(c))]] = cls
    return table


_LETTER_CLASS = _letter_classes()


def paragraph_is_rtl(text: str, default: bool) -> bool:
    """Whether a paragraph should be laid out right to left: by its letters, not its first one."""
    arabic = sum(1 for c in text if is_arabic_letter(c))
    latin = sum(1 for c in text if c.isalpha() and ord(c) < 0x0250)
    if arabic == latin:
        return default
    return arabic > latin
