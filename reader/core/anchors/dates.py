"""Dates mentioned in Arabic and English text, with both Arabic month-name systems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.anchors.trie import trie_regex
from reader.core.arabic.affixes import ARTICLE, DATE_CLITICS
from reader.core.arabic.normalise import (
    fold_for_search,
    letter_runs,
    may_hold_latin,
    original_span,
    to_ascii_digits,
)
from reader.core.errors import InputError
from reader.core.text.months import (
    AR_AMBIGUOUS,
    AR_MONTHS,
    EN_ABBREVIATIONS,
    EN_MONTHS,
    folded,
)


@dataclass(frozen=True)
class DateMention:
    """A calendar date, complete or partial (`December 2024`, `Dec. 8`, `كانون الأول`).

    `start`/`end` are code-point offsets into the text, `surface` is `text[start:end]`.
    """

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    surface: str


# Month names in the form fold_for_search gives (no hamza on alef, ة -> ه, ى -> ي).
_AR_MONTHS: dict[str, int] = {folded(name): number for name, number in AR_MONTHS.items()}
_AR_AMBIGUOUS = frozenset(folded(name) for name in AR_AMBIGUOUS)

_EN_MONTHS: dict[str, int] = {
    name.lower(): number
    for name, number in [*((m, n) for n, m in enumerate(EN_MONTHS, start=1)),
                         *EN_ABBREVIATIONS.items()]
}
# Full names safe to read as a month alone ("in December"); "May" and "March" are words,
# abbreviations and "April"/"June"/"August" are also names, so they need a day or a year.
_EN_ALONE = frozenset({"January", "February", "July", "September", "October", "November",
                       "December"})

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len,
                                                                          reverse=True))


_AR_MONTH = _alternation(list(_AR_MONTHS))
_AR_CLITIC = "[" + "".join(DATE_CLITICS) + "]"
_AR_DATE = re.compile(
    rf"(?:(?<![\d.,/])(?P<day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?)?"
    rf"(?<![^\W\d_])(?P<clitic>{_AR_CLITIC}?)(?:شهر\s+)?(?P<month>{_AR_MONTH})(?![^\W\d_])"
    rf"(?:\s*[/(-]\s*(?P<month2>{_AR_MONTH})\s*\)?)?"
    r"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ل|من\s+)?(?:ال)?(?:عام|سنه)\s+)?(?P<year>\d{4})(?!\d))?"
)

_EN_MONTH_NAMES = "|".join([*EN_MONTHS, *EN_ABBREVIATIONS, *(m.upper() for m in EN_MONTHS)])
_EN_MONTH = rf"(?P<{{g}}>(?:{_EN_MONTH_NAMES})\b\.?)"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_EN_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:"
    # December 8, 2024 / Dec. 8 / December 8th
    rf"{_EN_MONTH.format(g='m1')}\s+(?P<d1>\d{{1,2}}){_ORD}(?![\d:])(?:,?\s+(?P<y1>\d{{4}})(?!\d))?"
    # 8 December 2024 / the 8th of December
    rf"|(?:the\s+)?(?<![\d.,/])(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_EN_MONTH.format(g='m2')}"
    rf"(?:,?\s+(?P<y2>\d{{4}})(?!\d))?"
    # December 2024 / December, 2024
    rf"|{_EN_MONTH.format(g='m3')},?\s+(?P<y3>\d{{4}})(?!\d)"
    # December
    rf"|{_EN_MONTH.format(g='m4')}"
    r")"
)
_ISO_DATE = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/.-])")


# Cheap tests that a paragraph may hold a date at all: most paragraphs of a book hold none, and
# the full patterns (with folding and an offset map for Arabic) cost far more than these.
# Every English date holds a month name as `_EN_MONTH` writes it (case and all), followed by a
# word boundary; so does every text the hint lets through, and "may", "many" or "daughter" do
# not. (No leading \b, (?i) or character class: alternatives that start with plain letters let
# the regex engine skip ahead to those letters, which on Arabic text is most of the work.)
# (A trie of the names, not their list: the engine tries far fewer alternatives at each capital
# J, F, M, A, S, O, N or D, a third of the search's time on English text. Only whether it
# finds one is asked, which the order of the alternatives does not change.)
_EN_HINT = re.compile(
    trie_regex([re.escape(c) for c in name] for name in _EN_MONTH_NAMES.split("|")) + r"\b")
# every way a month's first word can be written as a whole word: a clitic, the article
_AR_HINT_FORMS = frozenset(
    clitic + article + name.split()[0]
    for name in _AR_MONTHS
    for clitic in ("", *DATE_CLITICS)
    for article in ("", ARTICLE)
)
_AR_AMBIGUOUS_FORMS = frozenset(
    clitic + article + name
    for name in _AR_AMBIGUOUS
    for clitic in ("", *DATE_CLITICS)
    for article in ("", ARTICLE)
)
_DIGIT = re.compile(r"\d")


def _may_hold_arabic_date(folded: str) -> bool:
    """A month name as a whole word; one that is also a common word (آب "father") only
    with a digit somewhere, since it is a date only beside a day or a year."""
    hits = _AR_HINT_FORMS.intersection(letter_runs(folded))
    if not hits:
        return False
    return not hits <= _AR_AMBIGUOUS_FORMS or _DIGIT.search(folded) is not None
_ISO_HINT = re.compile(r"[\d\u0660-\u0669\u06f0-\u06f9]{4}-")


def _may_hold_iso_date(text: str) -> bool:
    # the hyphen first: a test for one character is far cheaper than the pattern
    return "-" in text and _ISO_HINT.search(text) is not None


def may_hold_date(text: str, lang: str) -> bool:
    """Whether `find_dates` may find anything in `text` (the tests it starts with). A part of
    a text cut at white space holds a date only if the whole text may hold one."""
    if _EN_HINT.search(text) is not None or _may_hold_iso_date(text):
        return True
    return lang == "ar" and _may_hold_arabic_date(fold_for_search(text)[0])


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Dates mentioned in `text` ("ar" or "en"), in order; ISO `2024-12-08` in either.

    Arabic text is also searched for English dates, which embedded posts carry. A year
    alone (`عام 2011`, `in 2011`) is not a date here: `numbers.find_numbers` marks it `is_year`.
    """
    if lang not in ("ar", "en"):
        raise InputError(f"dates: unsupported language {lang!r} (expected 'ar' or 'en')")
    # (the month's name is in English letters, which a kept fold may know the text lacks)
    english_hint = may_hold_latin(text) and _EN_HINT.search(text) is not None
    found = []
    # the search fold is normalize() and lower case, and numbers and terms fold the same text
    if lang == "ar" and _may_hold_arabic_date(fold_for_search(text)[0]):
        found = _arabic_dates(text)
    if english_hint:
        # Arabic articles quote posts and sources with English dates ("May 8, 2024")
        found += [d for d in _english_dates(text) if not _overlaps(d, found)]
    if not _may_hold_iso_date(text):
        return sorted(found, key=lambda d: d.start)
    ascii_text = to_ascii_digits(text)
    for m in _ISO_DATE.finditer(ascii_text):
        date = _make(int(m["y"]), int(m["m"]), int(m["d"]), m.start(), m.end(), text)
        if date is not None and not _overlaps(date, found):
            found.append(date)
    return sorted(found, key=lambda d: d.start)


def _overlaps(date: DateMention, others: list[DateMention]) -> bool:
    return any(d.start < date.end and date.start < d.end for d in others)


def _make(
    year: int | None, month: int, day: int | None, start: int, end: int, text: str
) -> DateMention | None:
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    if year is not None and not 1000 <= year <= 2999:
        return None
    return DateMention(year, month, day, start, end, text[start:end])


def _arabic_dates(text: str) -> list[DateMention]:
    folded, index = fold_for_search(text)
    dates = []
    for m in _AR_DATE.finditer(folded):
        month_name = re.sub(r"\s+", " ", m["month"])
        day = int(m["day"]) if m["day"] else None
        year = int(m["year"]) if m["year"] else None
        if month_name in _AR_AMBIGUOUS and day is None and year is None:
            continue
        month = _AR_MONTHS[month_name]
        if m["month2"] and _AR_MONTHS[re.sub(r"\s+", " ", m["month2"])] != month:
            continue  # "كانون الأول/ديسمبر" names one month twice; two months are no date
        start = m.start() if day is not None else m.start("month")
        if day is None and m["clitic"]:
            start = m.start("clitic") + 1
        end = m.end()
        while end > start and folded[end - 1] in " )":
            end -= 1
        s, e = original_span(index, start, end, len(text))
        date = _make(year, month, day, s, e, text)
        if date is not None:
            dates.append(date)
        elif day is not None:
            # "45 كانون الأول": not a day; keep the month (and year)
            s, e = original_span(index, m.start("month"), end, len(text))
            alone = _make(year, month, None, s, e, text)
            if alone is not None and month_name not in _AR_AMBIGUOUS:
                dates.append(alone)
    return dates


def _english_dates(text: str) -> list[DateMention]:
    ascii_text = to_ascii_digits(text)
    dates = []
    for m in _EN_DATE.finditer(ascii_text):
        name = next(m[g] for g in ("m1", "m2", "m3", "m4") if m[g])
        month = _EN_MONTHS[name.rstrip(".").lower()]
        day_s = m["d1"] or m["d2"]
        year_s = m["y1"] or m["y2"] or m["y3"]
        if m["m4"] and name.rstrip(".").title() not in _EN_ALONE:
            continue
        if m["m4"] and not name[0].isupper():
            continue
        start, end = m.start(), m.end()
        date = _make(int(year_s) if year_s else None, month, int(day_s) if day_s else None,
                     start, end, text)
        if date is not None:
            dates.append(date)
    return dates
