"""Tests for reader.core.text.months: one table of month names for dates and posts."""

from __future__ import annotations

import re

import pytest

from reader.core.anchors.dates import find_dates
from reader.core.text.months import (
    AR_EUROPEAN,
    AR_MAGHREBI,
    AR_MONTHS,
    AR_SYRIAC,
    EN_ABBREVIATIONS,
    EN_MONTHS,
    written_pattern,
)


def test_every_system_names_twelve_months() -> None:
    for system in (AR_SYRIAC, AR_EUROPEAN, AR_MAGHREBI, EN_MONTHS):
        assert len(system) == len(set(system)) == 12
    assert set(AR_MONTHS.values()) == set(range(1, 13))
    assert set(EN_ABBREVIATIONS.values()) == set(range(1, 13)) - {5}


@pytest.mark.parametrize(("name", "month"), sorted(AR_MONTHS.items()))
def test_every_arabic_name_is_a_date(name: str, month: int) -> None:
    found = find_dates(f"في 8 {name} 2024", "ar")
    assert [(d.year, d.month, d.day) for d in found] == [(2024, month, 8)]


@pytest.mark.parametrize(
    "written",
    ["آذار", "اذار", "أيار", "ايار", "إبريل", "أبريل", "ابريل", "جويلية", "جويليه", "يونيه",
     "أفريل", "افريل", "أوت", "اوت", "تشرين الأول", "تشرين الاول", "فيفري", "فيفرى"],
)
def test_written_pattern_takes_each_spelling(written: str) -> None:
    assert re.fullmatch(written_pattern(list(AR_MONTHS)), written)


def test_written_pattern_is_no_looser_than_the_letters() -> None:
    pattern = re.compile(written_pattern(list(AR_MONTHS)))
    for word in ("جوانب", "ماىو", "تموزة", "حزيرانه"):
        assert not pattern.fullmatch(word)
