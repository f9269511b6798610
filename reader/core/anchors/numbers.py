"""Numbers mentioned in Arabic and English text: digits, separators, multipliers, number words."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.core.arabic import fold_for_search, letter_runs, original_span, tokens
from reader.core.errors import InputError

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class NumberMention:
    """A number in a text; `start`/`end` are code-point offsets, `surface` is `text[start:end]`.

    `unit` is "USD", "EUR", "GBP", "percent", "dinar", "lira", "riyal" or None. `is_year` marks a
    plain integer 1800-2100 written in digits with no multiplier or unit. `from_words` marks a
    value spelled in words (`ثلاثة عشر`, `two`): small ones often have no explicit counterpart
    across languages (Arabic says "two" with a dual noun), so a caller may weigh them less.
    """

    value: float
    start: int
    end: int
    surface: str
    unit: str | None
    is_year: bool
    from_words: bool = False


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
_AR_SCALES: dict[str, tuple[float, bool]] = {
    "الف": (1e3, True), "الفا": (1e3, False), "الاف": (1e3, False),
    "الفان": (2e3, True), "الفين": (2e3, True),
    "مليون": (1e6, True), "مليونا": (1e6, False), "ملايين": (1e6, False),
    "مليونان": (2e6, True), "مليونين": (2e6, True),
    "مليار": (1e9, True), "مليارا": (1e9, False), "مليارات": (1e9, False),
    "ملياران": (2e9, True), "مليارين": (2e9, True),
    "بليون": (1e9, True), "بلايين": (1e9, False), "تريليون": (1e12, True),
}
_AR_DUAL_SCALES = frozenset({"الفان", "الفين", "مليونان", "مليونين", "ملياران", "مليارين"})
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
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_GLUED_SCALES = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}

_CURRENCY_PREFIX = {"$": "USD", "€": "EUR", "£": "GBP"}
_UNIT_WORDS = {
    "en": {
        "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
        "eur": "EUR", "dinar": "dinar", "dinars": "dinar", "lira": "lira", "liras": "lira",
        "riyal": "riyal", "riyals": "riyal", "percent": "percent", "pct": "percent",
        "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    },
    "ar": {
        "دولار": "USD", "دولارا": "USD", "دولارات": "USD", "يورو": "EUR",
        "دينار": "dinar", "دينارا": "dinar", "دنانير": "dinar",
        "ليره": "lira", "ليرات": "lira", "ريال": "riyal", "ريالا": "riyal", "ريالات": "riyal",
        "بالميه": "percent", "بالمايه": "percent",
        "كيلومتر": "km", "كيلومترا": "km", "كيلومترات": "km", "كلم": "km", "كم": "km",
    },
}
# Two-word units: "per cent", "في المئة"
_UNIT_PAIRS = {
    "en": {("per", "cent"): "percent"},
    "ar": {("في", "الميه"): "percent", ("في", "المايه"): "percent"},
}

# Links, handles, hashtags: digits there are not numbers (pic.twitter.com/EzzDr3xTs6).
_NOT_TEXT = re.compile(
    r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|ly|co|me|io|tv|info)(?:/\S*)?|[@#][\w.]+|\S+@\S+"
)
# Every match of _NOT_TEXT holds one of these; most paragraphs hold none, and testing for
# substrings is far cheaper than the pattern, which tries \S+\. from every character.
_NOT_TEXT_MARKS = (
    "://", "www.", ".co", ".org", ".net", ".ly", ".me", ".io", ".tv", ".info", "@", "#",
)
_PLAIN = re.compile(r"\d+(?:[.٫]\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d{1,3}(?:\.\d{3}){2,}")
_RUN = re.compile(r"\d+")
_LATIN = re.compile("[a-z]")


@dataclass
class _Tok:
    start: int
    end: int
    word: str


def find_numbers(
    text: str, lang: str, *, skip_spans: Iterable[tuple[int, int]] = ()
) -> list[NumberMention]:
    """Every number mentioned in `text` (language "ar" or "en"), in order of position.

    Mentions overlapping one of `skip_spans` (`(start, end)` offsets, e.g. the spans of
    `dates.find_dates`) are left out.
    """
    if lang not in LANGUAGES:
        raise InputError(f"numbers: unsupported language {lang!r} (expected 'ar' or 'en')")
    folded, index = fold_for_search(text)
    if not _may_hold_number(folded, lang):
        return []  # no digit and no number word: most paragraphs of a book
    blocked = []
    if any(mark in folded for mark in _NOT_TEXT_MARKS):
        blocked = [(m.start(), m.end()) for m in _NOT_TEXT.finditer(folded)]
    toks: list[_Tok] = []
    for s, e, w in tokens(folded):
        if blocked and any(bs <= s < be for bs, be in blocked):
            continue
        if w[0].isdigit() and not (_GROUPED.fullmatch(w) or _PLAIN.fullmatch(w)):
            # "12.5.2024", "1,2": not one number; each run of digits is its own
            toks.extend(_Tok(s + m.start(), s + m.end(), m.group()) for m in _RUN.finditer(w))
        else:
            toks.append(_Tok(s, e, w))
    found: list[tuple[int, int, float, str | None, bool, bool]] = []
    i = 0
    while i < len(toks):
        word = toks[i].word
        if not word[0].isdigit() and not _may_start_number(word, lang):
            i += 1  # most words: no number can start here (checked from a cached table)
            continue
        parsed = (_digits if word[0].isdigit() else _words)(folded, toks, i, lang)
        if parsed is None:
            i += 1
            continue
        start, end, value, unit, is_year, from_words, i = parsed
        found.append((start, end, value, unit, is_year, from_words))
    skips = list(skip_spans)
    mentions = []
    for start, end, value, unit, is_year, from_words in found:
        s, e = original_span(index, start, end, len(text))
        if any(s < ke and ks < e for ks, ke in skips):
            continue
        mentions.append(NumberMention(value, s, e, text[s:e], unit, is_year, from_words))
    return mentions


_Parsed = tuple[int, int, float, "str | None", bool, bool, int]


def _parse_digits(word: str) -> tuple[float, bool]:
    """Value of a grouped or plain digit string, and whether it is a plain integer."""
    if _GROUPED.fullmatch(word):
        if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", word):  # "1.000.000"
            return float(word.replace(".", "")), False
        integer, _, fraction = re.sub("[,٬]", "", word).replace("٫", ".").partition(".")
        return float(f"{integer}.{fraction}" if fraction else integer), False
    plain = word.replace("٫", ".")
    return float(plain), "." not in plain


def _digits(folded: str, toks: list[_Tok], i: int, lang: str) -> _Parsed | None:
    tok = toks[i]
    before = folded[tok.start - 1] if tok.start > 0 else " "
    after = folded[tok.end] if tok.end < len(folded) else " "
    glued_scale = None
    if _LATIN.match(before):
        return None  # "G20", "Ts6": part of a name or code
    currency = _currency_before(folded, tok.start)
    if _LATIN.match(after):
        # "5bn", "$460m", "400km": a glued multiplier or unit; other glued letters ("2nd",
        # "Ts6", "100s") make no number
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        glued = nxt is not None and nxt.start == tok.end
        if nxt is None or not glued or (nxt.word not in _EN_GLUED_SCALES and nxt.word != "km"):
            return None
        if nxt.word in ("m", "k") and currency is None:
            return None
        glued_scale = nxt
    value, plain_int = _parse_digits(tok.word)
    start, end, j = tok.start, tok.end, i + 1
    if currency is not None:
        start = currency[0]
    scaled = False
    if glued_scale is not None and glued_scale.word == "km":
        pass  # read as a unit below
    elif glued_scale is not None:
        value *= _EN_GLUED_SCALES[glued_scale.word]
        end, j, scaled = glued_scale.end, j + 1, True
    elif j < len(toks):
        scale = _scale_after(toks, j, lang)
        if scale is not None:
            value *= scale
            end, j, scaled = toks[j].end, j + 1, True
    unit, end, j = _unit_after(folded, toks, j, end, lang)
    unit = currency[1] if currency is not None else unit
    is_year = plain_int and not scaled and unit is None and 1800 <= value <= 2100
    is_year = is_year and len(tok.word) == 4
    return start, end, value, unit, is_year, False, j


def _currency_before(folded: str, start: int) -> tuple[int, str] | None:
    k = start - 1
    if k >= 0 and folded[k] == " ":
        k -= 1
    if k >= 0 and folded[k] in _CURRENCY_PREFIX:
        # "US$460": the "us" belongs to the currency sign
        s = k - 2 if folded[max(0, k - 2) : k] == "us" else k
        return s, _CURRENCY_PREFIX[folded[k]]
    return None


def _scale_after(toks: list[_Tok], j: int, lang: str) -> float | None:
    word = toks[j].word
    if lang == "en":
        if word in _EN_SCALES:
            return _EN_SCALES[word]
        if word in ("bn", "mn"):
            return _EN_GLUED_SCALES[word]
        return None
    entry = _AR_SCALES.get(word)
    if entry is None or word in _AR_DUAL_SCALES:
        return None  # a dual (ألفين) after a number is a different number
    return entry[0]


def _unit_after(
    folded: str, toks: list[_Tok], j: int, end: int, lang: str
) -> tuple[str | None, int, int]:
    """A unit right after a number: `%`, `٪`, a currency or percent word or pair."""
    k = end
    while k < len(folded) and folded[k] == " ":
        k += 1
    if k < len(folded) and folded[k] in "%٪":
        while j < len(toks) and toks[j].start <= k:
            j += 1
        return "percent", k + 1, j
    if j < len(toks):
        word = toks[j].word
        if word in _UNIT_WORDS[lang] and _near(folded, end, toks[j].start):
            return _UNIT_WORDS[lang][word], toks[j].end, j + 1
        if j + 1 < len(toks) and _near(folded, end, toks[j].start):
            pair = (word, toks[j + 1].word)
            if pair in _UNIT_PAIRS[lang] and _near(folded, toks[j].end, toks[j + 1].start):
                return _UNIT_PAIRS[lang][pair], toks[j + 1].end, j + 2
    return None, end, j


def _near(folded: str, a: int, b: int) -> bool:
    """Only white space between offsets `a` and `b` (words in the same phrase)."""
    return folded[a:b].strip() == ""


# --- number words -----------------------------------------------------------------------------


def _words(folded: str, toks: list[_Tok], i: int, lang: str) -> _Parsed | None:
    if _LATIN.match(toks[i].word):
        if lang != "en":
            return None
        parsed = _en_words(folded, toks, i)
    else:
        if lang != "ar":
            return None
        parsed = _ar_words(folded, toks, i)
    if parsed is None:
        return None
    value, j = parsed
    start, end = toks[i].start, toks[j - 1].end
    if lang == "ar":
        # the surface starts after a proclitic (وثلاثمائة -> ثلاثمائة)
        start += len(toks[i].word) - len(_ar_strip_proclitic(toks[i].word))
    unit, end, j = _unit_after(folded, toks, j, end, lang)
    return start, end, value, unit, False, True, j


def _ar_word(toks: list[_Tok], j: int, folded: str, prev_end: int) -> str | None:
    """The word at `j` if it follows `prev_end` with only spaces between."""
    if j >= len(toks) or not _near(folded, prev_end, toks[j].start):
        return None
    return toks[j].word


def _ar_small(toks: list[_Tok], i: int, folded: str, first: bool) -> tuple[int, int] | None:
    """A number below 1000 in words starting at token `i`: (value, next token)."""
    word = toks[i].word
    if not first:
        if not word.startswith("و"):
            return None
        word = word[1:]
    elif word not in _AR_UNITS and word not in _AR_TENS and word not in _AR_HUNDREDS and (
        word not in _AR_TEEN_HEADS
    ):
        word = _ar_strip_proclitic(word)
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
        if nxt in _AR_TEN and unit < 10:
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


def _ar_below_hundred(toks: list[_Tok], i: int, folded: str) -> tuple[int, int] | None:
    """"وخمسة وعشرون", "وعشرون" after a hundred or thousand."""
    parsed = _ar_small(toks, i, folded, first=False)
    if parsed is None or parsed[0] >= 100:
        return None
    return parsed


_EN_STARTS = frozenset({"a", "an", *_EN_UNITS, *_EN_TENS})
_AR_STARTS = frozenset({*_AR_HUNDREDS, *_AR_TEEN_HEADS, *_AR_UNITS, *_AR_TENS, *_AR_SCALES})


# A number can only be in a paragraph holding a digit or one of these words (folded forms) as a
# whole word; "a"/"an" start a number only before a scale word, which the English list holds.
_EN_HINT = re.compile(
    r"\d|(?<![a-z])(?:"
    + "|".join(sorted([*_EN_UNITS, *_EN_TENS, *_EN_SCALES, "hundred", "dozen"], key=len,
                      reverse=True))
    + ")(?![a-z])"
)
# Arabic ones also with a conjunction, preposition or article glued on.
_AR_HINT_WORDS = frozenset(
    prefix + word
    for prefix in ("", "و", "ف", "ب", "ل", "ك", "وال", "بال", "فال", "كال", "لل", "ال")
    for word in _AR_STARTS
)
_DIGIT = re.compile(r"\d")


def _may_hold_number(folded: str, lang: str) -> bool:
    """Whether a folded text holds a digit or a number word (most paragraphs of a book do not).

    Arabic words are looked up among the paragraph's runs of letters, which the date finder
    asks for too.
    """
    if lang == "en":
        return _EN_HINT.search(folded) is not None
    return _DIGIT.search(folded) is not None or not _AR_HINT_WORDS.isdisjoint(letter_runs(folded))


@lru_cache(maxsize=65536)
def _may_start_number(word: str, lang: str) -> bool:
    """Whether a number phrase can begin with this (folded) word in this language."""
    if _LATIN.match(word):
        return lang == "en" and word in _EN_STARTS
    return lang == "ar" and (word in _AR_STARTS or _ar_strip_proclitic(word) in _AR_STARTS)


@lru_cache(maxsize=65536)
def _ar_strip_proclitic(word: str) -> str:
    """بثلاثة, لعشرين, والثلاثة, وإحدى: a preposition, conjunction or article on a number word.

    After ل and ك only words of 4 letters or more: لست is "I am not", not "for six".
    """
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ف", "ل", "ك"):
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or rest == "ست":
            continue
        if len(rest) >= (3 if prefix in "وبف" else 4) and (
            rest in _AR_UNITS or rest in _AR_TENS or rest in _AR_HUNDREDS or rest in _AR_TEEN_HEADS
            or _AR_SCALES.get(rest, (0, False))[1]
        ):
            return rest
    return word


def _ar_words(folded: str, toks: list[_Tok], i: int) -> tuple[float, int] | None:
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
        scale = _AR_SCALES.get(nxt) if nxt is not None and nxt not in _AR_DUAL_SCALES else None
        if scale is None:
            return float(value), j
        total, j = value * scale[0], j + 1
    else:
        scale = _AR_SCALES.get(_ar_strip_proclitic(word))
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


def _en_words(folded: str, toks: list[_Tok], i: int) -> tuple[float, int] | None:
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
            if nxt not in ("hundred", "dozen") and nxt not in _EN_SCALES:
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
        elif w in _EN_SCALES and last_kind in ("a", "unit", "tens", "hundred"):
            total += current * _EN_SCALES[w]
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


# --- comparing --------------------------------------------------------------------------------


def numbers_equal(a: NumberMention | float, b: NumberMention | float) -> bool:
    """Whether two mentions state the same number, allowing for a translator's rounding.

    Equal values are equal. Otherwise a round number (two or more trailing zeros: 460,000,000,
    18,000, 100) equals another that rounds to it within 5% (`nearly 460 million` vs `458.7
    million`); years, integers in 1800-2100 (which may be years) and other non-round numbers
    (`Branch 279`) must match exactly. Units must agree when both sides state one.
    """
    va, vb = _value(a), _value(b)
    if isinstance(a, NumberMention) and isinstance(b, NumberMention):
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            return False
        if a.is_year or b.is_year:
            return va == vb
    if math.isclose(va, vb, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if any(v == int(v) and 1800 <= v <= 2100 for v in (va, vb)):
        return False  # possibly a year (2000 is not "about 2014")
    if max(abs(va), abs(vb)) == 0 or abs(va - vb) / max(abs(va), abs(vb)) > 0.05:
        return False
    return _rounds_to(va, vb) or _rounds_to(vb, va)


def _value(x: NumberMention | float) -> float:
    return float(x.value if isinstance(x, NumberMention) else x)


def _rounds_to(value: float, rounded: float) -> bool:
    """Whether `rounded` is a round number (x00, x000...) that `value` rounds to."""
    if rounded != int(rounded) or rounded == 0:
        return False
    n = int(abs(rounded))
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    if zeros < 2:
        return False
    step = 10**zeros
    return round(value / step) * step == rounded
