"""Tests for reader.core.anchors.dates: both Arabic month systems, clitics, English forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchors.dates import DateMention, find_dates
from reader.core.errors import InputError
from reader.resources import CORPUS

AR = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8").splitlines()
EN = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8").splitlines()


def ymd(text: str, lang: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(d.year, d.month, d.day) for d in find_dates(text, lang)]


def test_liberation_day_is_the_same_date_on_both_sides() -> None:
    (ar,) = find_dates(AR[2], "ar")
    (en,) = find_dates(EN[3], "en")
    assert ar.surface == "8 كانون الأول عام 2024"
    assert en.surface == "December 8, 2024"
    assert (ar.year, ar.month, ar.day) == (en.year, en.month, en.day) == (2024, 12, 8)
    assert AR[2][ar.start : ar.end] == ar.surface


def test_every_date_in_the_corpus_pair() -> None:
    found_ar = {n: ymd(line, "ar") for n, line in enumerate(AR) if find_dates(line, "ar")}
    # the embedded posts' attribution lines carry English dates inside the Arabic text
    assert found_ar == {
        2: [(2024, 12, 8)],
        7: [(2024, 5, 8)],
        13: [(2025, 12, 6)],
        18: [(2025, 11, 29)],
        39: [(2025, 12, 8)],
    }
    found_en = {n: ymd(line, "en") for n, line in enumerate(EN) if find_dates(line, "en")}
    assert found_en == {3: [(2024, 12, 8)]}


@pytest.mark.parametrize(
    ("levantine", "egyptian", "month"),
    [
        ("كانون الثاني", "يناير", 1), ("شباط", "فبراير", 2), ("آذار", "مارس", 3),
        ("نيسان", "أبريل", 4), ("أيار", "مايو", 5), ("حزيران", "يونيو", 6),
        ("تموز", "يوليو", 7), ("آب", "أغسطس", 8), ("أيلول", "سبتمبر", 9),
        ("تشرين الأول", "أكتوبر", 10), ("تشرين الثاني", "نوفمبر", 11),
        ("كانون الأول", "ديسمبر", 12),
    ],
)
def test_both_month_systems(levantine: str, egyptian: str, month: int) -> None:
    assert ymd(f"في 8 {levantine} 2024", "ar") == [(2024, month, 8)]
    assert ymd(f"في 8 {egyptian} 2024", "ar") == [(2024, month, 8)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 8 كانون الأول عام 2024", [(2024, 12, 8)]),
        ("بكانون الأول", [(None, 12, None)]),
        ("في ٨ ديسمبر ٢٠٢٤", [(2024, 12, 8)]),
        ("في ٨ كانونَ الأوّلِ سنة ٢٠٢٤", [(2024, 12, 8)]),
        ("منذ ديسمبر من العام 2024", [(2024, 12, None)]),
        ("في 5 كانون الأول/ديسمبر 2024", [(2024, 12, 5)]),
        ("أواخر تشرين الثاني لعام 2024", [(2024, 11, None)]),
        ("ولادته في 25 جويلية 1957 و3 أوت", [(1957, 7, 25), (None, 8, 3)]),
        ("في مارس 2011", [(2011, 3, None)]),
        ("وفي 3 آب", [(None, 8, 3)]),
        ("45 كانون الأول", [(None, 12, None)]),
        ("في 2024-12-08", [(2024, 12, 8)]),
    ],
)
def test_arabic_dates(text: str, expected: list[tuple[int | None, int | None, int | None]]) -> None:
    assert ymd(text, "ar") == expected


@pytest.mark.parametrize(
    "text",
    [
        "قال أب الضحية",  # آب needs a day or a year: here it is "father"
        "مارس الضغط على الحكومة",  # "he exerted"
        "عام 2011",  # a year alone is a number, not a date
        "الكانونين",
    ],
)
def test_arabic_non_dates(text: str) -> None:
    assert find_dates(text, "ar") == []


@pytest.mark.parametrize(
    ("text", "expected", "surface"),
    [
        ("On December 8, 2024 the day", (2024, 12, 8), "December 8, 2024"),
        ("8 December 2024", (2024, 12, 8), "8 December 2024"),
        ("on 3 December 2024, when", (2024, 12, 3), "3 December 2024"),
        ("by Dec. 8 they", (None, 12, 8), "Dec. 8"),
        ("in December 2024 has", (2024, 12, None), "December 2024"),
        ("Monday, January 13, 2025", (2025, 1, 13), "Monday, January 13, 2025"),
        ("the 8th of December", (None, 12, 8), "the 8th of December"),
        ("December 8th", (None, 12, 8), "December 8th"),
        ("as early as 7 December, more", (None, 12, 7), "7 December"),
        ("in July 2023, when", (2023, 7, None), "July 2023"),
        ("since early November", (None, 11, None), "November"),
        ("2024-12-08", (2024, 12, 8), "2024-12-08"),
    ],
)
def test_english_dates(text: str, expected: tuple[int | None, ...], surface: str) -> None:
    (d,) = find_dates(text, "en")
    assert (d.year, d.month, d.day) == expected
    assert d.surface == surface


@pytest.mark.parametrize(
    "text",
    [
        "this may be true",
        "In May the",  # May alone: a date only with a day or a year
        "the militias march on",
        "March ahead",
        "Jan said",
        "December 45",
        "in 2011",
        "april showers",
    ],
)
def test_english_non_dates(text: str) -> None:
    found = find_dates(text, "en")
    assert all(d.day is None or d.day <= 31 for d in found)
    assert [d for d in found if d.surface != "December"] == []


def test_december_is_kanun_al_awwal() -> None:
    (a,) = find_dates("ديسمبر 2024", "ar")
    (b,) = find_dates("كانون الأول 2024", "ar")
    (c,) = find_dates("December 2024", "en")
    assert (a.year, a.month) == (b.year, b.month) == (c.year, c.month) == (2024, 12)


def test_bad_language() -> None:
    with pytest.raises(InputError, match="unsupported language"):
        find_dates("x", "de")


@given(st.dates(), st.sampled_from(["ar", "en"]), st.booleans())
def test_any_date_round_trips(date: object, lang: str, eastern: bool) -> None:
    import datetime

    assert isinstance(date, datetime.date)
    ar_months = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
    if lang == "ar":
        text = f"في {date.day} {ar_months[date.month - 1]} عام {date.year:04d}"
        if eastern:
            text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    else:
        text = f"On {date.strftime('%B')} {date.day}, {date.year:04d}."
    found = find_dates(text, lang)
    if 1000 <= date.year <= 2999:
        assert [(d.year, d.month, d.day) for d in found] == [(date.year, date.month, date.day)]
    for d in found:
        assert text[d.start : d.end] == d.surface


@given(st.text(max_size=80))
def test_never_crashes(text: str) -> None:
    for lang in ("ar", "en"):
        for d in find_dates(text, lang):
            assert text[d.start : d.end] == d.surface


# Pieces that make dates, near-dates and the words that look like month names.
_DATE_PIECES = [
    "May", "may", "MAY", "March", "march", "Dec", "Dec.", "December", "DECEMBER", "Sept",
    "May 8", "8 May 2024", "Dec. 8, 2024", "the 8th of March", "JUNE 2024", "July",
    "Mayor", "daughter", "Monday, ", "the ", "of ", "8", "8th", "31", "2024", "١٢", "٢٠٢٤",
    "2024-12-08", "٢٠٢٤-١٢-٠٨", "-", "/", ",", ".", " ", "  ", "x", "كانون الأول", "آب",
    "8 آب 2024", "شهر ", "عام ", "وفي", "ديسمبر", "مارس", "\u064e",
]


def _dates_without_hints(text: str, lang: str) -> list[DateMention]:
    """What find_dates gives when every pattern runs over every text."""
    from reader.core.anchors import dates

    found = dates._arabic_dates(text) if lang == "ar" else []
    found += [d for d in dates._english_dates(text) if not dates._overlaps(d, found)]
    for m in dates._ISO_DATE.finditer(dates.to_ascii_digits(text)):
        date = dates._make(int(m["y"]), int(m["m"]), int(m["d"]), m.start(), m.end(), text)
        if date is not None and not dates._overlaps(date, found):
            found.append(date)
    return sorted(found, key=lambda d: d.start)


@given(
    st.lists(st.sampled_from(_DATE_PIECES) | st.text(max_size=3), max_size=12).map("".join),
    st.sampled_from(["ar", "en"]),
)
def test_hints_never_hide_a_date(text: str, lang: str) -> None:
    # the cheap tests that let most paragraphs skip the patterns only skip texts without dates
    assert find_dates(text, lang) == _dates_without_hints(text, lang)


_NAME_PIECES = st.sampled_from([
    "January", "Jan", "JANUARY", "June", "Jun", "JUN", "July", "Jul", "Ju", "Ma", "May", "MAY",
    "Mar", "March", "Sept", "Sep", "September", "Dec", "Decem", "Augusta", "Nov.", "Octo",
    "a", "s", "y", "e", "2", "_", " ", ".", "-", "é", "\u0131", "\u212a", "ﻋ", "\n",
])


@given(st.lists(_NAME_PIECES, max_size=10).map("".join))
def test_the_month_hint_finds_a_name_where_the_names_listed_do(text: str) -> None:
    # the hint is a trie of the names: whether it finds one is as for their plain alternation
    import re

    from reader.core.anchors import dates

    listed = re.compile(rf"(?:{dates._EN_MONTH_NAMES})\b")
    assert (dates._EN_HINT.search(text) is None) == (listed.search(text) is None)
