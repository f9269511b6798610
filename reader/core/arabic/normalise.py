"""Arabic normalisation for matching: letter forms, marks, digits, the search fold, word tokens."""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from functools import lru_cache

import numpy as np

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
TATWEEL = "\u0640"
_PRESENTATION = re.compile("[\ufb50-\ufeff]")
_LETTER_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ی": "ي", "ې": "ي",
        "ة": "ه", "ۀ": "ه", "ہ": "ه",
        "ؤ": "و", "ئ": "ي",
        "ک": "ك", "گ": "ك",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    }
)


# Above this length normalize maps code points with numpy: str.translate with a dict costs
# about 50 ns a character (2.5 s for 50 MB), the array lookup a tenth of that.
_LONG_TEXT = 20_000


# Every character normalize changes or drops. Words already normalized come back often (stems,
# lexicon keys, names): one search answers for them what mapping every character would.
_NORMALIZED_AWAY = re.compile(
    "[" + _PRESENTATION.pattern[1:-1] + DIACRITICS.pattern[1:-1] + TATWEEL
    + re.escape("".join(map(chr, _LETTER_MAP))) + "]"
)


def normalize(text: str) -> str:
    """Fold Arabic for matching: presentation forms, diacritics, tatweel, alef/hamza, digits."""
    if _NORMALIZED_AWAY.search(text) is None:
        return text
    if len(text) > _WORD_LENGTH:
        return _normalize(text)
    # a word: the same ones come back (a vocalised text writes each with its marks, and the
    # lexicon and the features look each up), so the last words' forms are kept
    form = _recent_words.get(text)
    if form is None:
        if len(_recent_words) >= _RECENT_WORDS:
            _recent_words.clear()
        form = _recent_words[text] = _normalize(text)
    return form


_WORD_LENGTH = 40
_RECENT_WORDS = 100_000
_recent_words: dict[str, str] = {}


def _normalize(text: str) -> str:
    if _PRESENTATION.search(text):
        text = unicodedata.normalize("NFKC", text)
    if len(text) > _LONG_TEXT:
        return _map_codes(text, _NORMALIZE_CODES)[0]
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    return text.translate(_LETTER_MAP)


def normalize_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """`normalize(text)` and, for each of its characters, the offset in `text` it came from
    (None when presentation forms were expanded: then the two do not correspond char by char)."""
    if _PRESENTATION.search(text):
        return normalize(text), None
    norm, kept = _map_codes(text, _NORMALIZE_CODES)
    return norm, _kept_offsets(text, kept)


# --- digits -----------------------------------------------------------------------------------

_DIGIT_MAP = str.maketrans(
    {c: str(i % 10) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")}
)


def to_ascii_digits(text: str) -> str:
    """Eastern Arabic and Persian digits to ASCII; nothing else changes, so offsets still hold."""
    return text.translate(_DIGIT_MAP)


# --- folding for search -----------------------------------------------------------------------

# Characters dropped by the fold (their code points map to None in the translation table).
_DROPPED = re.compile(DIACRITICS.pattern[:-1] + TATWEEL + "]")
_FOLD_TABLE: dict[int, int | str | None] = dict(_LETTER_MAP)
_FOLD_TABLE.update({ord(TATWEEL): None})
for _c in range(0x0610, 0x0700):
    if DIACRITICS.match(chr(_c)):
        _FOLD_TABLE[_c] = None
# Whether a character survives the fold, and what each becomes in normalize and in the fold
# (which also lowercases the BMP). The tables span every code point (4 MB each), so that a
# text's code points index them directly: for a paragraph, numpy's fixed cost per call is most
# of the work, and setting astral characters apart took two more calls.
_KEPT = np.ones(sys.maxunicode + 1, dtype=bool)
_KEPT[[c for c, v in _FOLD_TABLE.items() if v is None]] = False
_NORMALIZE_CODES = np.arange(sys.maxunicode + 1, dtype=np.uint32)
for _c, _v in _LETTER_MAP.items():
    _NORMALIZE_CODES[_c] = ord(str(_v))
_FOLD_CODES = _NORMALIZE_CODES.copy()


def _lowered_bmp() -> np.ndarray:
    """Each BMP code point lowered alone (kept when it lowers to more than one character),
    with the letters of `_LETTER_MAP` as `_FOLD_CODES` has them.

    The BMP is lowered as one string, but for the two characters whose lowering is not one
    character of their own (U+0130 lowers to two; a final sigma depends on its neighbours):
    a comprehension of 65,536 calls took most of this module's import time.
    """
    codes = _FOLD_CODES[:0x10000].copy()
    pieces = (0, 0x130, 0x131, 0x3A3, 0x3A4, 0x10000)
    lowered: list[str] = []
    for start, end in itertools.pairwise(pieces):
        # (the code points decoded as one buffer: "".join(map(chr, ...)) cost 30 ms)
        piece = np.arange(start, end, dtype=np.uint32).tobytes().decode(
            "utf-32-le", "surrogatepass")
        low = piece.lower()
        if len(low) != len(piece):  # another expanding character: one at a time
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in piece)
        lowered.append(low)
    low_codes = np.frombuffer("".join(lowered).encode("utf-32-le", "surrogatepass"), np.uint32)
    changed = low_codes != np.arange(0x10000, dtype=np.uint32)
    changed[list(_LETTER_MAP)] = False
    codes[changed] = low_codes[changed]
    return codes
_FOLD_CODES[:0x10000] = _lowered_bmp()


def _map_codes(text: str, table: np.ndarray) -> tuple[str, np.ndarray | None]:
    """`text` with code points mapped through `table` and dropped ones removed; the offsets
    of the kept characters, or None when none was dropped (most texts carry no diacritics).
    (`take` with the kept offsets costs less than indexing with a mask, and listing them from
    there half of what listing them from the mask cost.)"""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if _DROPPED.search(text) is None:
        return table.take(codes).tobytes().decode("utf-32-le", "surrogatepass"), None
    kept = _KEPT.take(codes).nonzero()[0]
    mapped = table.take(codes.take(kept))
    return mapped.tobytes().decode("utf-32-le", "surrogatepass"), kept


def _kept_offsets(text: str, kept: np.ndarray | None) -> list[int]:
    return list(range(len(text))) if kept is None else kept.tolist()

# Characters whose fold may change the length (compatibility forms, the dotted capital I):
# they take the slow path, one character at a time.
_EXPANDING = re.compile("[\ufb00-\ufdff\ufe70-\ufeff\u0130\uff00-\uffef]")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if _EXPANDING.match(ch):
        ch = unicodedata.normalize("NFKC", ch)
    return _map_codes(ch.lower() if ch == "\u0130" else ch, _FOLD_CODES)[0]


def fold_for_search(text: str) -> tuple[str, Sequence[int]]:
    """See `_fold_for_search`; the last result is kept, since the number, date and glossary
    finders each fold the same paragraph in turn. Callers must not change the index list."""
    global _last_fold
    last = _last_fold
    if last is not None and last[0] is text:
        return last[1]
    folded = _fold_for_search(text)
    _last_fold = (text, folded)
    return folded


_last_fold: tuple[str, tuple[str, Sequence[int]]] | None = None


_LETTER_RUN = re.compile("[\u0621-\u064a]+")


def letter_runs(folded: str) -> frozenset[str]:
    """The distinct runs of Arabic letters (ء to ي) in `folded`, a text `fold_for_search` gave.

    The date and number finders test whether a paragraph holds one of their words as a whole
    word: a set intersection, far cheaper than a pattern that tries every position. The last
    result is kept, since both ask about the same paragraph in turn.
    """
    global _last_runs
    last = _last_runs
    if last is not None and last[0] is folded:
        return last[1]
    runs = frozenset(_LETTER_RUN.findall(folded))
    _last_runs = (folded, runs)
    return runs


_last_runs: tuple[str, frozenset[str]] | None = None


def keep_fold(text: str, folded: str, index: Sequence[int], runs: frozenset[str],
              latin: bool = True, digits: bool = True) -> None:
    """Let `fold_for_search(text)` and `letter_runs` of its fold answer with these (made for a
    whole side at once by `side_folds`), `may_hold_latin(text)` with `latin` and
    `may_hold_digit(folded)` with `digits`."""
    global _last_fold, _last_runs, _last_latin, _last_digits
    _last_fold = (text, (folded, index))
    _last_runs = (folded, runs)
    _last_latin = (text, latin)
    _last_digits = (folded, digits)


def may_hold_digit(folded: str) -> bool:
    """Whether `folded` may hold a digit (\\d): False only when the kept fold it is
    (`keep_fold`) says it holds none (most Arabic paragraphs: the number finder's search for
    one cost ~1.5 µs on each)."""
    last = _last_digits
    return last is None or last[0] is not folded or last[1]


_last_digits: tuple[str, bool] | None = None


def may_hold_latin(text: str) -> bool:
    """Whether `text` may hold a letter A-Z or a-z: False only when its kept fold (`keep_fold`)
    says it holds none. An Arabic side's paragraphs seldom do (60 of the 4,343 of the bench's
    large text), and the English dates' pattern, which looks for the capital of a month's name
    at every character, cost ~3 µs on each of the others."""
    last = _last_latin
    return last is None or last[0] is not text or last[1]


_last_latin: tuple[str, bool] | None = None


def side_folds(texts: Sequence[str], part: int = 1 << 14
               ) -> Iterator[tuple[str, Sequence[int], frozenset[str], bool, bool] | None]:
    """`fold_for_search` of each text, `letter_runs` of that, whether the text holds a
    letter A-Z or a-z (`may_hold_latin`) and whether its fold may hold a digit
    (`may_hold_digit`), made a part of the texts at a time (numpy's fixed
    cost paid once a part, not once a paragraph; the runs split out of one string): None for a
    text they are not made for that way (ASCII, or a character whose fold may change the
    length). tests/core/arabic/test_side_folds.py compares them."""
    start = 0
    while start < len(texts):
        end, chars = start, 0
        while end < len(texts) and (end == start or chars + len(texts[end]) <= part):
            chars += len(texts[end]) + 1
            end += 1
        yield from _part_folds(texts[start:end])
        start = end


def _part_folds(texts: Sequence[str]
                ) -> Iterator[tuple[str, Sequence[int], frozenset[str], bool, bool] | None]:
    # every text folded (those it is not made for too: their folds are not given), and those
    # with a character whose fold may expand found by a table of the code points (searching
    # each text for `_EXPANDING` cost a third of the fold)
    joined = "\n".join(texts)  # (a paragraph may hold a line break: places come from lengths)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # what each character is (may expand, a Latin letter, dropped) read from one table of
    # the BMP: one look-up of every character, not one for each question
    kind = _CODE_KIND.take(np.minimum(codes, len(_CODE_KIND) - 1))
    expanding = (kind & _MAY_EXPAND).nonzero()[0]
    plain = [not t.isascii() for t in texts]
    for i in set((np.searchsorted(starts, expanding, side="right") - 1).tolist()):
        plain[i] = False
    latin_at = (kind & _LATIN).nonzero()[0]
    latin = set((np.searchsorted(starts, latin_at, side="right") - 1).tolist())
    kept = (kind != _DROPPED_KIND).nonzero()[0]
    mapped = _FOLD_CODES.take(codes.take(kept))
    folded = mapped.tobytes().decode("utf-32-le", "surrogatepass")
    first = np.searchsorted(kept, starts)  # (the separators are kept)
    # each kept character's offset in its own text: less its text's start, repeated over the
    # text's kept characters (the first of each line on)
    line_start = np.repeat(starts, np.diff(first, append=len(kept)))
    # (an array of machine integers, sliced per text: its items read back as ints, and making
    # them a list of 2.5 million ints for the few that `original_span` reads cost a fifth of
    # the fold)
    # (the difference made in place and read as bytes: not copied twice over)
    index = array("q")
    index.frombytes(np.subtract(kept, line_start, out=line_start).view(np.uint8))
    letter = _RUN_LETTER.take(np.minimum(mapped, len(_RUN_LETTER) - 1))
    # the only digits (\\d) below U+0660 are 0-9; above it, any code may be one (seldom in
    # a fold: Arabic-Indic digits fold to 0-9)
    digit_at = ((mapped - 0x30 < 10) | (mapped >= 0x0660)).nonzero()[0]
    digits = set((np.searchsorted(first, digit_at, side="right") - 1).tolist())
    runs = np.where(letter, mapped, np.uint32(32)).tobytes().decode(
        "utf-32-le", "surrogatepass").split()
    run_start = letter.copy()
    run_start[1:] &= ~letter[:-1]
    run_bounds = [*np.searchsorted(run_start.nonzero()[0], first).tolist(), len(runs)]
    ends = [*(first[1:] - 1).tolist(), len(mapped)]
    for i, (a, b) in enumerate(zip(first.tolist(), ends, strict=True)):
        yield ((folded[a:b], index[a:b], frozenset(runs[run_bounds[i]:run_bounds[i + 1]]),
                i in latin, i in digits) if plain[i] else None)


# the characters of `_EXPANDING` (the table's last entry, False, stands for every code past it)
_EXPANDING_CODE = np.zeros(0x10000, dtype=bool)
for _lo, _hi in ((0xFB00, 0xFDFF), (0xFE70, 0xFEFF), (0x0130, 0x0130), (0xFF00, 0xFFEF)):
    _EXPANDING_CODE[_lo:_hi + 1] = True
# the letters A-Z and a-z (the table's last entry, False, stands for every code past it)
_LATIN_LETTER = np.zeros(0x81, dtype=bool)
_LATIN_LETTER[0x41:0x5B] = _LATIN_LETTER[0x61:0x7B] = True
# the letters of `_LETTER_RUN` (the table's last entry, False, stands for every code past it)
_RUN_LETTER = np.zeros(0x064C, dtype=bool)
_RUN_LETTER[0x0621:0x064B] = True
# `_part_folds`' kinds of characters, for each BMP code point (the table's last entry, 0,
# stands for every code past it: none is dropped, may expand or is a Latin letter): whether
# its fold may expand (`_EXPANDING_CODE`), whether it is a letter A-Z or a-z (`_LATIN_LETTER`),
# and `_DROPPED_KIND` alone for one the fold drops (not `_KEPT`: none of those is either)
_MAY_EXPAND, _LATIN, _DROPPED_KIND = np.uint8(1), np.uint8(2), np.uint8(4)
_CODE_KIND = np.zeros(0x10001, dtype=np.uint8)
_CODE_KIND[:0x10000][_EXPANDING_CODE] |= _MAY_EXPAND
_CODE_KIND[:len(_LATIN_LETTER) - 1][_LATIN_LETTER[:-1]] |= _LATIN
if _CODE_KIND[~_KEPT[:0x10001]].any() or not _KEPT[0x10000:].all():
    raise AssertionError("a dropped character is kept, expands or is a Latin letter")
_CODE_KIND[~_KEPT[:0x10001]] = _DROPPED_KIND


def _fold_for_search(text: str) -> tuple[str, list[int]]:
    """A search fold of `text` and, for each folded character, the index it came from.

    Ignores Arabic diacritics and tatweel, alef/hamza forms, alef maqsura and ta marbuta
    (as `normalize` does), Latin case, and expands presentation forms. `index[i]` is the
    offset in `text` of the character that produced `folded[i]`; it never decreases, so a
    hit `folded[a:b]` covers `text[index[a]:index[b - 1] + 1]` (see `original_span`).
    """
    if text.isascii():
        # English text: only case folds, character for character (str.isascii costs nothing)
        return text.lower(), list(range(len(text)))
    if _EXPANDING.search(text) is None:
        # Fast path: every character folds to itself, another single character, or nothing.
        folded, kept = _map_codes(text, _FOLD_CODES)
        return folded, _kept_offsets(text, kept)
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        if f:
            parts.append(f)
            index.extend([i] * len(f))
    return "".join(parts), index


def original_span(index: Sequence[int], start: int, end: int, text_length: int
                  ) -> tuple[int, int]:
    """Map a span `[start, end)` of a folded string back to `[start, end)` in its original.

    Marks dropped right after the last character (a trailing fatha, a tatweel) are included.
    """
    if start >= end:
        pos = index[start] if start < len(index) else text_length
        return pos, pos
    last = index[end - 1]
    stop = text_length
    if end < len(index):
        stop = index[end] if index[end] > last else last + 1
    return index[start], stop


# --- tokens -----------------------------------------------------------------------------------

# Combining marks and joiners that belong inside a word (Arabic harakat, Latin accents, ZWNJ).
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u200c\u200d"
)
# A letter, then letters and marks: written as runs of each, since a repeated alternation of
# single characters costs the regex engine a step per character.
_TOKEN = re.compile(
    rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*"
    r"|\d+(?:[,.٬٫]\d+)*"
)


# The same, as a group: splitting on it gives what lies between tokens and the tokens in turn.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# The same for ASCII text, where a letter is A-Z or a-z, a digit 0-9, the separators , and .,
# and no mark occurs: a third cheaper than the classes the engine looks up per character.
_ASCII_TOKEN_SPLIT = re.compile(r"([A-Za-z]+|[0-9]+(?:[,.][0-9]+)*)")
# The same for text of ASCII, the letters ء to ي (tatweel among them: all letters, [^\W\d_])
# and the signs of Arabic prose, which are neither word characters nor marks: the folded
# Arabic of a search (`fold_for_search`), without marks, digits 0-9 alone. Ranges of letters
# cost a third less than the classes the engine looks up per character.
_PLAIN_ARABIC_SIGNS = "«»،؛؟—–…“”‘’\u00a0"
_BEYOND_PLAIN_ARABIC = re.compile(f"[^\\x00-\\x7f\u0621-\u064a{_PLAIN_ARABIC_SIGNS}]")
_PLAIN_ARABIC_TOKEN_SPLIT = re.compile(r"([\u0621-\u064aA-Za-z]+|[0-9]+(?:[,.][0-9]+)*)")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens `(start, end, surface)`: letter runs (marks and tatweel inside) or digit runs.

    Digit runs keep internal `, . ٬ ٫` separators (`18,000`, `2.5`, `١٨٬٠٠٠`); letters glued to
    digits are separate tokens (`و2014` gives `و` and `2014`).
    """
    words, starts, ends = token_columns(text)
    return list(zip(starts, ends, words, strict=True))


def token_columns(text: str) -> tuple[list[str], list[int], list[int]]:
    """`tokens(text)` as three lists: the surfaces, their starts and their ends.

    One split and a running sum of the pieces' lengths, both in C: a match object per token
    cost three times as much on a long paragraph.
    """
    # between, token, between, ..., token, between
    if text.isascii():
        parts = _ASCII_TOKEN_SPLIT.split(text)
    elif _BEYOND_PLAIN_ARABIC.search(text) is None:
        parts = _PLAIN_ARABIC_TOKEN_SPLIT.split(text)
    else:
        parts = _TOKEN_SPLIT.split(text)
    bounds = list(itertools.accumulate(map(len, parts)))
    return parts[1::2], bounds[0:-1:2], bounds[1::2]

