"""Numbers spelled in words, Arabic and English: the word tables and reading a run of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from reader.core.anchors.term_starts import ascii_words
from reader.core.anchors.trie import trie_regex
from reader.core.arabic.affixes import NUMBER_PROCLITICS
from reader.core.arabic.normalise import letter_runs

# --- word tables (in the form `fold_for_search` gives: no hamza on alef, ة -> ه, ئ -> ي) -----

_AR_UNITS = {
    "واحد": 1, "واحده": 1, "واحدا": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
# Only as the first half of 11 and 12 (أحد عشر, إحدى عشرة, اثنا عشر): alone أحد is "anyone"
# and إحدى "one of".
_AR_TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_AR_TEN = frozenset({"عشر", "عشره"})
_AR_TENS = {
    f"{stem}{end}": value
    for stem, value in [("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60),
                        ("سبع", 70), ("ثمان", 80), ("تسع", 90)]
    for end in ("ون", "ين")
}
_AR_HUNDRED = frozenset({"ميه", "مايه"})
_AR_HUNDREDS = {
    "ميه": 100, "مايه": 100, "ميتان": 200, "ميتين": 200, "ميتا": 200, "ميتي": 200,
    "مايتان": 200, "مايتين": 200, "مايتا": 200, "مايتي": 200,
}
for _stem, _v in [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                  ("ثماني", 8), ("تسع", 9)]:
    for _h in _AR_HUNDRED:
        _AR_HUNDREDS[_stem + _h] = _v * 100
# Scale words: value, and whether the word alone is a number (ألف is 1000; آلاف alone is
# "thousands", which is vague and not a number).
AR_SCALES: dict[str, tuple[float, bool]] = {
    "الف": (1e3, True), "الفا": (1e3, False), "الاف": (1e3, False),
    "الفان": (2e3, True), "الفين": (2e3, True),
    "مليون": (1e6, True), "مليونا": (1e6, False), "ملايين": (1e6, False),
    "مليونان": (2e6, True), "مليونين": (2e6, True),
    "مليار": (1e9, True), "مليارا": (1e9, False), "مليارات": (1e9, False),
    "ملياران": (2e9, True), "مليارين": (2e9, True),
    "بليون": (1e9, True), "بلايين": (1e9, False), "تريليون": (1e12, True),
}
AR_DUAL_SCALES = frozenset({"الفان", "الفين", "مليونان", "مليونين", "ملياران", "مليارين"})
# Ordinals before عشر (التاسع عشر, "nineteenth") make it part of an ordinal, not ten.
_AR_ORDINAL = re.compile(
    "^(?:ال)?(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)ه?$"
)

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
EN_GLUED_SCALES = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}
# The folded text is lower case: a Latin letter starts an English word.
LATIN = re.compile("[a-z]")


@dataclass(slots=True)
class Tok:
    """A word or digit run of the folded text: its offsets and the word."""

    start: int
    end: int
    word: str


class TokenSeq(Protocol):
    """The tokens the readers below walk: a list of Tok, or `Tokens`."""

    def __len__(self) -> int: ...
    def __getitem__(self, j: int, /) -> Tok: ...


class Tokens:
    """A folded text's tokens as three lists, each made a Tok only when a reader asks for it:
    a number starts at few of a paragraph's words, and a record for each word cost more than
    reading the numbers."""

    __slots__ = ("_made", "ends", "starts", "words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int]) -> None:
        self.words, self.starts, self.ends = words, starts, ends
        # the records made, by index: the readers ask for the same few tokens several times
        # (a record costs more than the look-up; none of them changes one)
        self._made: dict[int, Tok] = {}

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, j: int) -> Tok:
        tok = self._made.get(j)
        if tok is None:
            tok = self._made[j] = Tok(self.starts[j], self.ends[j], self.words[j])
        return tok

    def asked(self) -> int:
        """The highest index a record was made for (-1: none)."""
        return max(self._made, default=-1)


def near(folded: str, a: int, b: int) -> bool:
    """Only white space between offsets `a` and `b` (words in the same phrase)."""
    return folded[a:b].strip() == ""


def _ar_word(toks: TokenSeq, j: int, folded: str, prev_end: int) -> str | None:
    """The word at `j` if it follows `prev_end` with only spaces between."""
    if j >= len(toks) or not near(folded, prev_end, toks[j].start):
        return None
    return toks[j].word


def _ar_small(toks: TokenSeq, i: int, folded: str, first: bool) -> tuple[int, int] | None:
    """A number below 1000 in words starting at token `i`: (value, next token)."""
    word = toks[i].word
    if not first:
        if not word.startswith("و"):
            return None
        word = word[1:]
    elif word not in _AR_UNITS and word not in _AR_TENS and word not in _AR_HUNDREDS and (
        word not in _AR_TEEN_HEADS
    ):
        word = ar_strip_proclitic(word)
    nxt = _ar_word(toks, i + 1, folded, toks[i].end)
    if word in _AR_HUNDREDS:
        value, j = _AR_HUNDREDS[word], i + 1
        if nxt is not None and nxt.startswith("و"):
            rest = _ar_below_hundred(toks, i + 1, folded)
            if rest is not None:
                return value + rest[0], rest[1]
        return value, j
    if word in _AR_TEEN_HEADS or word in _AR_UNITS:
        unit = _AR_TEEN_HEADS.get(word) or _AR_UNITS[word]
        # eleven is أحد عشر / إحدى عشرة: واحد before عشرة is "one", then "ten" (صحن واحد عشرة
        # شواقل; but واحد عشر is و + أحد عشر, "and eleven")
        if nxt in _AR_TEN and unit < 10 and not (unit == 1 and word in _AR_UNITS and nxt == "عشره"):
            return 10 + unit, i + 2
        if word in _AR_TEEN_HEADS:
            return None
        if nxt in _AR_HUNDRED and unit < 10:
            value = unit * 100
            after = _ar_word(toks, i + 2, folded, toks[i + 1].end)
            if after is not None and after.startswith("و"):
                rest = _ar_below_hundred(toks, i + 2, folded)
                if rest is not None:
                    return value + rest[0], rest[1]
            return value, i + 2
        if nxt is not None and nxt.startswith("و") and nxt[1:] in _AR_TENS and unit < 10:
            return unit + _AR_TENS[nxt[1:]], i + 2
        return unit, i + 1
    if word in _AR_TENS:
        return _AR_TENS[word], i + 1
    return None


def _ar_below_hundred(toks: TokenSeq, i: int, folded: str) -> tuple[int, int] | None:
    """"وخمسة وعشرون", "وعشرون" after a hundred or thousand."""
    parsed = _ar_small(toks, i, folded, first=False)
    if parsed is None or parsed[0] >= 100:
        return None
    return parsed


_EN_STARTS = frozenset({"a", "an", *_EN_UNITS, *_EN_TENS})
AR_STARTS = frozenset({*_AR_HUNDREDS, *_AR_TEEN_HEADS, *_AR_UNITS, *_AR_TENS, *AR_SCALES})


# A number can only be in a paragraph holding a digit or one of these words (folded forms) as a
# whole word; "a"/"an" start a number only before a scale word, which the English list holds.
# (A trie: at each place the engine follows one branch instead of trying every word.)
_EN_HINT = re.compile(
    r"(?<![a-z])"
    + trie_regex(list(w) for w in [*_EN_UNITS, *_EN_TENS, *EN_SCALES, "hundred", "dozen"])
    + "(?![a-z])"
)
# The same test as a set look-up of the text's runs of a-z (in its UTF-8 bytes, every byte
# but a-z a space: the runs `_EN_HINT` sees between its look-arounds), a third of the time.
_EN_HINT_WORDS = frozenset(
    w.encode() for w in [*_EN_UNITS, *_EN_TENS, *EN_SCALES, "hundred", "dozen"])
_LOWER_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# Arabic ones also with a conjunction, preposition or article glued on.
_AR_HINT_WORDS = frozenset(
    prefix + word
    for prefix in ("", *NUMBER_PROCLITICS)
    for word in AR_STARTS
)
_DIGIT = re.compile(r"\d")


def may_hold_number(folded: str, lang: str) -> bool:
    """Whether a folded text holds a digit or a number word (most paragraphs of a book do not).

    Arabic words are looked up among the paragraph's runs of letters, which the date finder
    asks for too.
    """
    if lang == "en":
        return _has_digit(folded) or not _EN_HINT_WORDS.isdisjoint(
            folded.encode("utf-8", "surrogatepass").translate(_LOWER_LETTERS).split())
    return _DIGIT.search(folded) is not None or not _AR_HINT_WORDS.isdisjoint(letter_runs(folded))


def english_hints(folded: str, text: str | None = None) -> frozenset[bytes] | None:
    """The English number words (as bytes) a folded text holds as runs of a-z, or None when
    it holds a digit: `may_hold_number(folded, "en")` is whether this is not empty. `text`:
    the text `folded` is the lower case of, character for character, with no word character
    beyond ASCII (numbers.FOLD_SAME), whose words (`term_starts.ascii_words`, kept for the
    glossary's look-up of the same paragraph) are those runs when it holds no "_"."""
    if _has_digit(folded):
        return None
    if text is not None and "_" not in text:
        return _EN_HINT_WORDS.intersection(ascii_words(text))
    return _EN_HINT_WORDS.intersection(
        folded.encode("utf-8", "surrogatepass").translate(_LOWER_LETTERS).split())


def _has_digit(text: str) -> bool:
    """Whether `text` holds a digit (\\d): in ASCII text ten substring tests, which cost less
    than the pattern (written out: `any` over a generator of them cost three times as much,
    ~5 ms over an English book's paragraphs)."""
    if not text.isascii():
        return _DIGIT.search(text) is not None
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)


@lru_cache(maxsize=65536)
def may_start_number(word: str, lang: str) -> bool:
    """Whether a number phrase can begin with this (folded) word in this language."""
    if LATIN.match(word):
        return lang == "en" and word in _EN_STARTS
    return lang == "ar" and (word in AR_STARTS or ar_strip_proclitic(word) in AR_STARTS)


@lru_cache(maxsize=65536)
def ar_strip_proclitic(word: str) -> str:
    """بثلاثة, لعشرين, والثلاثة, وإحدى: a preposition, conjunction or article on a number word.

    After ل and ك only words of 4 letters or more: لست is "I am not", not "for six".
    """
    for prefix in NUMBER_PROCLITICS:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or rest == "ست":
            continue
        if len(rest) >= (3 if prefix in "وبف" else 4) and (
            rest in _AR_UNITS or rest in _AR_TENS or rest in _AR_HUNDREDS or rest in _AR_TEEN_HEADS
            or AR_SCALES.get(rest, (0, False))[1]
        ):
            return rest
    return word


# Every word `may_start_number` accepts, by language: a number word, or one with a proclitic
# `ar_strip_proclitic` takes off (a set look-up per word instead of a call).
NUMBER_STARTS = {
    "en": _EN_STARTS,
    "ar": AR_STARTS | frozenset(
        word
        for word in (prefix + rest for prefix in NUMBER_PROCLITICS for rest in AR_STARTS)
        if ar_strip_proclitic(word) != word
    ),
}


# Number words that make no number unless another number word follows them: "one" alone is
# not read as a number ("one of", "no one"), nor واحد, nor a head of eleven or twelve (أحد,
# إحدى, اثنا) without عشر; likewise with a clitic the readers take off (English as bytes, as
# `english_hints` gives them). A text with no digit whose number words are all among these
# holds no number: every token a number may start at is one of them, and the word after it
# would have to be a number word outside them (`only_lone_number_words`).
# tests/core/anchors/test_lone_number_words.py checks this against the token walk.
EN_LONE_WORDS = frozenset({b"one"})
_AR_LONE_CORES = frozenset({*_AR_TEEN_HEADS, *(w for w, v in _AR_UNITS.items() if v == 1)})


def _ar_core(word: str) -> str:
    """The number word `_ar_small` reads a first word as."""
    if word in _AR_UNITS or word in _AR_TENS or word in _AR_HUNDREDS or word in _AR_TEEN_HEADS:
        return word
    return ar_strip_proclitic(word)


AR_LONE_WORDS = frozenset(
    w for w in _AR_HINT_WORDS
    if _ar_core(w) in _AR_LONE_CORES and ar_strip_proclitic(w) not in AR_SCALES
)
# A word character other than ASCII lower-case letters and digits and the Arabic letters ء to
# ي: a token starting with one may be read as digits (², ①: str.isdigit, not \d), or hold a
# letter the runs of a-z or ء to ي do not show.
_OTHER_WORD_CHARACTER = re.compile(r"[^\W_a-z0-9\u0621-\u064a]")


def only_lone_number_words(folded: str, hints: frozenset[str] | frozenset[bytes],
                           lone: frozenset[str] | frozenset[bytes]) -> bool:
    """Whether a folded text with no digit, whose number words are `hints`, holds none but
    `lone` ones and no character that could make it read otherwise: then it holds no
    number (a fifth of the paragraphs a number word lets through, on the bench's texts)."""
    return lone.issuperset(hints) and (
        folded.isascii() or _OTHER_WORD_CHARACTER.search(folded) is None)


def ar_words(folded: str, toks: TokenSeq, i: int) -> tuple[float, int] | None:
    """Arabic number words: "ثلاثة عشر", "خمسمائة وعشرون", "ألفان", "ثلاثة آلاف وخمسمائة"."""
    word = toks[i].word
    total = 0.0
    j = i
    small = _ar_small(toks, i, folded, first=True)
    if small is not None:
        value, j = small
        if value == 10 and word in _AR_TEN and i > 0 and _AR_ORDINAL.match(toks[i - 1].word):
            return None  # التاسع عشر: "nineteenth"
        if value == 1 and j == i + 1:
            return None  # واحد alone: "one" is rarely a counted number
        nxt = _ar_word(toks, j, folded, toks[j - 1].end)
        scale = AR_SCALES.get(nxt) if nxt is not None and nxt not in AR_DUAL_SCALES else None
        if scale is None:
            return float(value), j
        total, j = value * scale[0], j + 1
    else:
        scale = AR_SCALES.get(ar_strip_proclitic(word))
        if scale is None or not scale[1]:
            return None
        total, j = scale[0], i + 1
    # "ألف وخمسمئة", "ثلاثة آلاف وخمسمائة": a smaller part joined by و
    nxt = _ar_word(toks, j, folded, toks[j - 1].end)
    if nxt is not None and nxt.startswith("و"):
        rest = _ar_small(toks, j, folded, first=False)
        if rest is not None:
            total, j = total + rest[0], rest[1]
    return total, j


def en_words(folded: str, toks: TokenSeq, i: int) -> tuple[float, int] | None:
    """English number words: "thirteen", "twenty-five", "two hundred and fifty thousand"."""
    total = 0.0
    current = 0.0
    j = i
    words = 0  # number words consumed (not "a", "and")
    last_kind = ""
    prev_end = toks[i].start
    while j < len(toks):
        tok = toks[j]
        gap = folded[prev_end : tok.start]
        if j > i and gap.strip() not in ("", "-"):
            break
        w = tok.word
        if w in ("a", "an") and j == i:
            nxt = toks[j + 1].word if j + 1 < len(toks) else ""
            if nxt not in ("hundred", "dozen") and nxt not in EN_SCALES:
                return None
            current, last_kind = 1, "a"
        elif w == "and" and last_kind in ("hundred", "scale"):
            nxt = toks[j + 1].word if j + 1 < len(toks) else ""
            if nxt not in _EN_UNITS and nxt not in _EN_TENS:
                break
            last_kind = "and"
        elif w in _EN_TENS and last_kind in ("", "hundred", "scale", "and"):
            current += _EN_TENS[w]
            last_kind = "tens"
        elif (w in _EN_UNITS and last_kind in ("", "hundred", "scale", "and")) or (
            w in _EN_UNITS and _EN_UNITS[w] < 10 and last_kind == "tens" and gap == "-"
        ):
            current += _EN_UNITS[w]
            last_kind = "unit"
        elif w == "hundred" and last_kind in ("a", "unit") and current < 10:
            current *= 100
            last_kind = "hundred"
        elif w == "dozen" and last_kind in ("a", "unit") and current < 10:
            current *= 12
            last_kind = "hundred"
        elif w in EN_SCALES and last_kind in ("a", "unit", "tens", "hundred"):
            total += current * EN_SCALES[w]
            current = 0
            last_kind = "scale"
        else:
            break
        if w not in ("a", "an", "and"):
            words += 1
        prev_end = tok.end
        j += 1
    if last_kind == "and":
        j -= 1
    if words == 0:
        return None
    if words == 1 and toks[i].word == "one":
        return None  # "one of", "no one", "at one point": not a counted number
    return total + current, j
