"""Which language a text is in, and which way each paragraph runs."""

from __future__ import annotations

import re

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
    sample = text[:200_000]
    arabic = len(_ARABIC_LETTERS.findall(sample))
    latin = len(_LATIN_LETTERS.findall(sample))
    return "ar" if arabic > latin else "en"


def paragraph_is_rtl(text: str, default: bool) -> bool:
    """Whether a paragraph should be laid out right to left: by its letters, not its first one."""
    arabic = sum(1 for c in text if is_arabic_letter(c))
    latin = sum(1 for c in text if c.isalpha() and ord(c) < 0x0250)
    if arabic == latin:
        return default
    return arabic > latin
