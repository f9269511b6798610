"""Normalisation's fast paths give exactly what the original numpy code gave (kept here)."""

from __future__ import annotations

import unicodedata

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.arabic import normalise
from reader.core.arabic.normalise import (
    _LETTER_MAP,
    _PRESENTATION,
    _fold_for_search,
    normalize,
    normalize_with_offsets,
)
from tests.core.arabic.mixed_text import mixed_text, sample_lines

# --- the original implementation --------------------------------------------------------------

_OLD_KEPT = np.ones(0x10000, dtype=bool)
_OLD_KEPT[[c for c, v in normalise._FOLD_TABLE.items() if v is None]] = False
_OLD_NORMALIZE_CODES = np.arange(0x10000, dtype=np.uint32)
for _c, _v in _LETTER_MAP.items():
    _OLD_NORMALIZE_CODES[_c] = ord(str(_v))
_OLD_FOLD_CODES = _OLD_NORMALIZE_CODES.copy()
_LOWERED = [chr(_c).lower() for _c in range(0x10000)]
_CHANGED = [_c for _c, _low in enumerate(_LOWERED)
            if len(_low) == 1 and _low != chr(_c) and _c not in _LETTER_MAP]
_OLD_FOLD_CODES[_CHANGED] = [ord(_LOWERED[_c]) for _c in _CHANGED]


def old_map_codes(text: str, table: np.ndarray) -> tuple[str, np.ndarray]:
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = np.minimum(codes, np.uint32(0xFFFF))
    keep = _OLD_KEPT[bmp]
    mapped = np.where(codes > 0xFFFF, codes, table[bmp])[keep].astype(np.uint32)
    return mapped.tobytes().decode("utf-32-le", "surrogatepass"), keep


def old_normalize(text: str) -> str:
    if _PRESENTATION.search(text):
        text = unicodedata.normalize("NFKC", text)
    if len(text) > 20_000:
        return old_map_codes(text, _OLD_NORMALIZE_CODES)[0]
    text = normalise.DIACRITICS.sub("", text).replace(normalise.TATWEEL, "")
    return text.translate(_LETTER_MAP)


def old_normalize_with_offsets(text: str) -> tuple[str, list[int] | None]:
    if _PRESENTATION.search(text):
        return old_normalize(text), None
    norm, keep = old_map_codes(text, _OLD_NORMALIZE_CODES)
    return norm, np.flatnonzero(keep).tolist()


def _old_fold_char(ch: str) -> str:
    if normalise._EXPANDING.match(ch):
        ch = unicodedata.normalize("NFKC", ch)
    return old_map_codes(ch.lower() if ch == "\u0130" else ch, _OLD_FOLD_CODES)[0]


def old_fold_for_search(text: str) -> tuple[str, list[int]]:
    if text.isascii():
        return text.lower(), list(range(len(text)))
    if normalise._EXPANDING.search(text) is None:
        folded, keep = old_map_codes(text, _OLD_FOLD_CODES)
        if len(folded) == len(text):
            return folded, list(range(len(text)))
        return folded, np.flatnonzero(keep).tolist()
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _old_fold_char(ch)
        if f:
            parts.append(f)
            index.extend([i] * len(f))
    return "".join(parts), index


# --- the comparisons --------------------------------------------------------------------------


def test_tables_as_before() -> None:
    assert (normalise._FOLD_CODES[:0x10000] == _OLD_FOLD_CODES).all()
    assert (normalise._NORMALIZE_CODES[:0x10000] == _OLD_NORMALIZE_CODES).all()
    assert (normalise._KEPT[:0x10000] == _OLD_KEPT).all()
    # astral characters are kept as they are, in both maps
    astral = np.arange(0x10000, len(normalise._FOLD_CODES))
    assert (normalise._FOLD_CODES[0x10000:] == astral).all()
    assert (normalise._NORMALIZE_CODES[0x10000:] == astral).all()
    assert normalise._KEPT[0x10000:].all()


def _same(text: str) -> None:
    assert normalize(text) == old_normalize(text)
    assert normalize(text) == old_normalize(text)  # again, from the kept words
    assert normalize_with_offsets(text) == old_normalize_with_offsets(text)
    assert _fold_for_search(text) == old_fold_for_search(text)


def test_as_before_on_the_real_lines() -> None:
    for line in sample_lines():
        _same(line)


@settings(max_examples=300)
@given(mixed_text)
def test_as_before(text: str) -> None:
    _same(text)


@settings(max_examples=100)
@given(st.text(max_size=30))
def test_as_before_on_any_characters(text: str) -> None:
    _same(text)


def test_lone_surrogates_and_long_texts_as_before() -> None:
    for text in ["\ud800", "a\udfffب\u064e", "\U0001f600\u0640\ud83d", "Σ\u03a3ΣΣ"]:
        _same(text)
    long = "الحكومةُ العراقيّة\u0640 \U0001f600 Ω " * 1500
    _same(long)
    _same(long.replace("\u064f", ""))


# ASCII text: words, digits with their separators, and what stands between them
_ASCII_PIECES = st.sampled_from(["one", "Two", "x", "Z", "12", "1,200", "2.5", "1.2.3", "3,",
                                 ",4", ".", ",", "_", "a_b", "'", "-", " ", "\n", "\t"])
_ASCII_TEXT = st.one_of(st.lists(_ASCII_PIECES, max_size=12).map("".join),
                        st.text(st.characters(max_codepoint=127), max_size=40))


@settings(max_examples=400)
@given(_ASCII_TEXT)
def test_ascii_tokens_as_the_pattern_finds_them(text: str) -> None:
    assert text.isascii()
    assert normalise.tokens(text) == [(m.start(), m.end(), m.group())
                                      for m in normalise._TOKEN.finditer(text)]


# Folded Arabic prose: its letters (tatweel too), ASCII, its signs, and a few characters beyond
# them (a mark, Arabic-Indic digits and separators, Persian letters, another script's digit)
_PLAIN_ARABIC_PIECES = st.sampled_from([
    "العراق", "وفي", "ـ", "ء", "ي", "٠", "١٢", "٬", "٫", "\u064e", "\u0670", "پ", "ک", "\u0966",
    "«", "»", "،", "؛", "؟", "—", "–", "…", "“", "”", "‘", "’", "\u00a0", "\u200c", "é",
])


@settings(max_examples=400)
@given(st.lists(st.one_of(_PLAIN_ARABIC_PIECES, _ASCII_PIECES), max_size=14).map("".join))
def test_plain_arabic_tokens_as_the_pattern_finds_them(text: str) -> None:
    assert normalise.tokens(text) == [(m.start(), m.end(), m.group())
                                      for m in normalise._TOKEN.finditer(text)]


def test_the_plain_arabic_letters_and_signs_are_as_the_token_pattern_reads_them() -> None:
    # what the plain Arabic split relies on: ء to ي are letters, its signs neither word
    # characters nor marks
    import re

    letter, word, mark = re.compile(r"[^\W\d_]"), re.compile(r"\w"), re.compile(
        f"[{normalise._MARKS}]")
    assert all(letter.match(chr(c)) for c in range(0x0621, 0x064B))
    assert not any(word.match(c) or mark.match(c) for c in normalise._PLAIN_ARABIC_SIGNS)
