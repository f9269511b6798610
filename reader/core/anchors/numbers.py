"""Numbers mentioned in Arabic and English text: digits, separators, multipliers, number words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.anchors.number_words import (
    _AR_HINT_WORDS,
    AR_DUAL_SCALES,
    AR_LONE_WORDS,
    AR_SCALES,
    EN_GLUED_SCALES,
    EN_LONE_WORDS,
    EN_SCALES,
    LATIN,
    NUMBER_STARTS,
    Tok,
    Tokens,
    TokenSeq,
    ar_strip_proclitic,
    ar_words,
    en_words,
    english_hints,
    near,
    only_lone_number_words,
)
from reader.core.anchors.term_starts import is_word
from reader.core.arabic.normalise import (
    _MARKS as _TOKEN_MARKS,
)
from reader.core.arabic.normalise import (
    fold_for_search,
    letter_runs,
    may_hold_digit,
    original_span,
    token_columns,
)
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


def _may_hold_link(folded: str) -> bool:
    """Whether `folded` holds one of `_NOT_TEXT_MARKS` (written out: `any` over a generator of
    the tests cost twice as much)."""
    return ("@" in folded or "#" in folded or "://" in folded or "www." in folded
            or ".co" in folded or ".org" in folded or ".net" in folded or ".ly" in folded
            or ".me" in folded or ".io" in folded or ".tv" in folded or ".info" in folded)
# Characters beyond ASCII that English text often holds (’ in a fifth of an English book's
# paragraphs) and the search fold leaves as they are: a text with no other one beyond ASCII
# folds to its lower case character for character, and its words are its runs of ASCII word
# characters, as in an ASCII text (`fold_for_search` cost ~25 µs a paragraph; the search for
# another character, a microsecond). tests/core/anchors/test_fold_same.py checks the fold.
FOLD_SAME = "".join(c for c in "‘’“”–—…" if fold_for_search(c) == (c, [0]) and not is_word(c))
_NOT_FOLD_SAME = re.compile(f"[^\\x00-\\x7f{FOLD_SAME}]")
_PLAIN = re.compile(r"\d+(?:[.٫]\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d{1,3}(?:\.\d{3}){2,}")
_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")


def find_numbers(
    text: str, lang: str, *, skip_spans: Iterable[tuple[int, int]] = ()
) -> list[NumberMention]:
    """Every number mentioned in `text` (language "ar" or "en"), in order of position.

    Mentions overlapping one of `skip_spans` (`(start, end)` offsets, e.g. the spans of
    `dates.find_dates`) are left out.
    """
    if lang not in LANGUAGES:
        raise InputError(f"numbers: unsupported language {lang!r} (expected 'ar' or 'en')")
    # an ASCII text folds to its lower case, character for character (no offsets to list),
    # and so does one whose other characters are typographic quotes and dashes
    if text.isascii() or _NOT_FOLD_SAME.search(text) is None:
        folded, index = text.lower(), None
    else:
        folded, index = fold_for_search(text)
    spots = None
    if lang == "ar":
        # (once: the text is scanned for digits once, if its kept fold does not tell)
        if not may_hold_digit(folded) or _DIGIT.search(folded) is None:
            runs = letter_runs(folded)
            if _AR_HINT_WORDS.isdisjoint(runs):
                return []  # no digit and no number word (`may_hold_number`): most paragraphs
            if NUMBER_STARTS["ar"].isdisjoint(runs):
                return []  # only words like لست: a token a number starts at is a run of letters
            if only_lone_number_words(folded, _AR_HINT_WORDS.intersection(runs),
                                      AR_LONE_WORDS):
                return []  # only واحد, أحد and the like, which alone make no number
    else:
        hints = english_hints(folded, text if index is None else None)
        if hints is not None and (not hints or only_lone_number_words(folded, hints,
                                                                      EN_LONE_WORDS)):
            return []  # no digit and no number word but "one": most paragraphs of a book
        spots = _english_spots(folded, hints)
    found: list[tuple[int, int, float, str | None, bool, bool]] = []
    if spots is not None:
        _read_spots(folded, lang, spots, found)
    else:
        toks, candidates = _tokens(folded, lang)
        # the tokens where a number may start, in turn; one found resumes after its last token
        resume = 0
        for i in candidates:
            if i < resume:
                continue
            parsed = (_digits if toks.words[i][0].isdigit() else _words)(folded, toks, i, lang)
            if parsed is None:
                continue
            start, end, value, unit, is_year, from_words, resume = parsed
            found.append((start, end, value, unit, is_year, from_words))
    skips = list(skip_spans)
    mentions = []
    for start, end, value, unit, is_year, from_words in found:
        s, e = (start, end) if index is None else original_span(index, start, end, len(text))
        if any(s < ke and ks < e for ks, ke in skips):
            continue
        mentions.append(NumberMention(value, s, e, text[s:e], unit, is_year, from_words))
    return mentions


def _tokens(folded: str, lang: str) -> tuple[Tokens, list[int]]:
    """The words and digit runs of a folded text (none inside a link, a handle or a hashtag;
    "12.5.2024" cut into its runs of digits), and those a number may start at: a digit run or a
    word `may_start_number` accepts. "a" and "an" start one only before a scale word, so only
    in a text holding one."""
    words, starts, ends = token_columns(folded)
    firsts = NUMBER_STARTS[lang]
    if lang == "en" and _A_SCALES.isdisjoint(words):
        firsts = _EN_FIRSTS_BUT_A
    candidates = [i for i, w in enumerate(words) if w in firsts or w[0].isdigit()]
    blocked = []
    if _may_hold_link(folded):
        blocked = [(m.start(), m.end()) for m in _NOT_TEXT.finditer(folded)]
    if not blocked and all(_whole(words[i]) for i in candidates):
        return Tokens(words, starts, ends), candidates
    # the few texts with links or digits to cut: the tokens one by one
    toks: list[Tok] = []
    for s, e, w in zip(starts, ends, words, strict=True):
        if blocked and any(bs <= s < be for bs, be in blocked):
            continue
        if not _whole(w):
            # "12.5.2024", "1,2": not one number; each run of digits is its own
            toks.extend(Tok(s + m.start(), s + m.end(), m.group()) for m in _RUN.finditer(w))
        else:
            toks.append(Tok(s, e, w))
    words = [t.word for t in toks]
    candidates = [i for i, w in enumerate(words) if w in firsts or w[0].isdigit()]
    return Tokens(words, [t.start for t in toks], [t.end for t in toks]), candidates


# --- reading a number where one may start, without the paragraph's other tokens --------------

# A long English paragraph holding no digit is mostly words a number does not start at:
# tokenizing all of it (`_tokens`) cost more than reading its numbers (one of the Bible holds
# some 80 tokens, and 2 or 3 number words). When its tokens are plainly its runs of a-z (no
# digit, no other word character, no mark that a token runs on across, no link), the places a
# number may start at are found by looking for the number words it holds, and each is read on
# the tokens of a stretch of text from there: white space is in no token, so the tokens up to
# a space are those the whole paragraph's split has there. A reader that reached the
# stretch's last token (it asks for every token up to where it stops) is run again on the
# rest of the text. (Arabic paragraphs, shorter, with more number words and clitics, and a
# reader that looks at the token before a number, are tokenized whole: stretches cost more.)

# a word's letters in such a text (the runs `_TOKEN` takes as words there)
_PLAIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# what makes a text's tokens other than its runs of a-z (digits are tested first)
_NOT_PLAIN = re.compile(rf"[^\W_a-z0-9]|[{_TOKEN_MARKS}]")
# how far past a number word the stretch of text read with it goes (to the next space)
_STRETCH_AFTER = 48
# fewer characters a number word than this: the whole paragraph is tokenized (cheaper)
_CHARS_A_SPOT = 80
_A_SCALE_HINTS = frozenset(w.encode() for w in ("hundred", "dozen", *EN_SCALES))
_EN_A = re.compile(r"(?<![a-z])an?(?![a-z])")


def _english_spots(folded: str, hints: frozenset[bytes] | None) -> list[int] | None:
    """Where a number may start in a folded English text (`_tokens`' candidates' places), or
    None when its tokens are not its runs of a-z (a digit: `hints` is None)."""
    if hints is None or _may_hold_link(folded) or (
            not folded.isascii() and _NOT_PLAIN.search(folded) is not None):
        return None
    words = [w.decode("ascii") for w in hints]
    spots = _places_of(folded, [w for w in words if w in _EN_FIRSTS_BUT_A])
    if not _A_SCALE_HINTS.isdisjoint(hints):  # "a" and "an" start one before a scale word
        spots += [m.start() for m in _EN_A.finditer(folded)]
        spots.sort()
    return spots if len(folded) >= _CHARS_A_SPOT * len(spots) else None


def _places_of(text: str, words: Iterable[str]) -> list[int]:
    """Where each of `words` stands in `text` as a whole run of a-z, in order."""
    spots = []
    find, size, letters = text.find, len(text), _PLAIN_LETTERS
    for word in words:
        at = find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or text[at - 1] not in letters) and (
                    end == size or text[end] not in letters):
                spots.append(at)
            at = find(word, at + 1)
    spots.sort()
    return spots


# A spot that starts no number, told by a pattern at the spot rather than by reading the
# stretch's tokens (a third of the spots of the bench's large English): "one" whose next word
# is no "hundred", "dozen" or scale word after white space and at most one "-" (`en_words`
# reads "one" alone as none), or "a" or "an" whose next word (wherever it stands) is none of
# those. Tokens are runs of a-z here, so the next word is the next run of them.
# tests/core/anchors/test_number_stretches.py compares the spots read with the token walk.
_SCALE_WORD = rf"(?:{'|'.join(['hundred', 'dozen', *EN_SCALES])})(?![a-z])"
_LONE_AT = re.compile(rf"one(?![a-z])(?!\s*(?:-\s*)?{_SCALE_WORD})"
                      rf"|an?(?![a-z])(?![^a-z]*{_SCALE_WORD})")


def _read_spots(folded: str, lang: str, spots: list[int],
                found: list[tuple[int, int, float, str | None, bool, bool]]) -> None:
    """The numbers starting at `spots` (token starts, ascending), as the token walk reads
    them; one found resumes after its last token."""
    size = len(folded)
    resume_at = 0
    for at in spots:
        if at < resume_at or _LONE_AT.match(folded, at) is not None:
            continue
        hi = folded.find(" ", at + _STRETCH_AFTER)
        hi = size if hi < 0 else hi
        while True:
            toks = _stretch(folded, at, hi)
            parsed = _words(folded, toks, 0, lang)
            made = toks.asked()
            if hi < size and made >= len(toks) - 1:
                hi = size  # it read up to the stretch's end, which may not be the text's
                continue
            break
        if parsed is None:
            continue
        start, end, value, unit, is_year, from_words, resume = parsed
        found.append((start, end, value, unit, is_year, from_words))
        resume_at = toks.starts[resume] if resume < len(toks) else size


def _stretch(folded: str, lo: int, hi: int) -> Tokens:
    """The tokens of `folded[lo:hi]` (`lo` where one starts, `hi` at none), placed in
    `folded`."""
    words, starts, ends = token_columns(folded[lo:hi])
    if lo:
        starts = [s + lo for s in starts]
        ends = [e + lo for e in ends]
    return Tokens(words, starts, ends)


def _whole(word: str) -> bool:
    """Whether a token is read as it is: a word, or one plain or grouped number."""
    return not word[0].isdigit() or bool(_GROUPED.fullmatch(word) or _PLAIN.fullmatch(word))


# "a" and "an" start a number only before one of these ("a hundred", "a dozen", "a million")
_A_SCALES = frozenset({"hundred", "dozen", *EN_SCALES})
_EN_FIRSTS_BUT_A = NUMBER_STARTS["en"] - {"a", "an"}

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


def _digits(folded: str, toks: TokenSeq, i: int, lang: str) -> _Parsed | None:
    tok = toks[i]
    before = folded[tok.start - 1] if tok.start > 0 else " "
    after = folded[tok.end] if tok.end < len(folded) else " "
    glued_scale = None
    if LATIN.match(before):
        return None  # "G20", "Ts6": part of a name or code
    currency = _currency_before(folded, tok.start)
    if LATIN.match(after):
        # "5bn", "$460m", "400km": a glued multiplier or unit; other glued letters ("2nd",
        # "Ts6", "100s") make no number
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        glued = nxt is not None and nxt.start == tok.end
        if nxt is None or not glued or (nxt.word not in EN_GLUED_SCALES and nxt.word != "km"):
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
        value *= EN_GLUED_SCALES[glued_scale.word]
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


def _scale_after(toks: TokenSeq, j: int, lang: str) -> float | None:
    word = toks[j].word
    if lang == "en":
        if word in EN_SCALES:
            return EN_SCALES[word]
        if word in ("bn", "mn"):
            return EN_GLUED_SCALES[word]
        return None
    entry = AR_SCALES.get(word)
    if entry is None or word in AR_DUAL_SCALES:
        return None  # a dual (ألفين) after a number is a different number
    return entry[0]


def _unit_after(
    folded: str, toks: TokenSeq, j: int, end: int, lang: str
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
        if word in _UNIT_WORDS[lang] and near(folded, end, toks[j].start):
            return _UNIT_WORDS[lang][word], toks[j].end, j + 1
        if j + 1 < len(toks) and near(folded, end, toks[j].start):
            pair = (word, toks[j + 1].word)
            if pair in _UNIT_PAIRS[lang] and near(folded, toks[j].end, toks[j + 1].start):
                return _UNIT_PAIRS[lang][pair], toks[j + 1].end, j + 2
    return None, end, j


def _words(folded: str, toks: TokenSeq, i: int, lang: str) -> _Parsed | None:
    """A number spelled in words at token `i` (number_words reads it), with a unit after it."""
    if LATIN.match(toks[i].word):
        if lang != "en":
            return None
        parsed = en_words(folded, toks, i)
    else:
        if lang != "ar":
            return None
        parsed = ar_words(folded, toks, i)
    if parsed is None:
        return None
    value, j = parsed
    start, end = toks[i].start, toks[j - 1].end
    if lang == "ar":
        # the surface starts after a proclitic (وثلاثمائة -> ثلاثمائة)
        start += len(toks[i].word) - len(ar_strip_proclitic(toks[i].word))
    unit, end, j = _unit_after(folded, toks, j, end, lang)
    return start, end, value, unit, False, True, j
