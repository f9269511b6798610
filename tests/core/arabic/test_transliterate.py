"""Tests for reader.core.arabic.transliterate: consonant skeletons of names and their likeness."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.arabic.transliterate import name_similarity, skeleton

PAIRS = [
    ("المالكي", "Maliki"),
    ("الأسد", "Assad"),
    ("بشار", "Bashar"),
    ("سليماني", "Soleimani"),
    ("الكعبي", "al-Kaabi"),
    ("الزيدي", "al-Zaydi"),
    ("المهندس", "al-Muhandis"),
    ("نوري", "Nouri"),
    ("حزب الله", "Hezbollah"),
    ("قاسم", "Qassem"),
    ("الزهيري", "al-Zuhairi"),
    ("البوكمال", "Bukamal"),
    ("البوكمال", "Al-Bukamal"),
    ("الميادين", "Mayadeen"),
    ("زينب", "Zainab"),
    ("أكرم", "Akram"),
    ("النجباء", "al-Nujaba"),
    ("بغداد", "Baghdad"),
    ("طهران", "Tehran"),
    ("المالكي", "al Maliki"),
]


@pytest.mark.parametrize(("ar", "en"), PAIRS)
def test_names_match_across_scripts(ar: str, en: str) -> None:
    assert skeleton(ar, "ar") == skeleton(en, "en")
    assert name_similarity(ar, en) == 1.0


@pytest.mark.parametrize(
    ("ar", "en"),
    [
        ("المالكي", "Bashar"),
        ("الأسد", "Saddam"),
        ("بشار", "Maliki"),
        ("سليماني", "Muhandis"),
        ("زينب", "Zaydi"),
        ("قاسم", "Kaabi"),
        ("نوري", "Nasrallah"),
        ("الميادين", "Damascus"),
        ("الكعبي", "Kirkuk"),
        ("حزب الله", "Hamas"),
        ("الزيدي", "Sadr"),
        ("بشار", "Bush"),
        ("نوري", "Nouriyah"),
    ],
)
def test_unrelated_names_score_low(ar: str, en: str) -> None:
    assert name_similarity(ar, en) < 0.5


def test_near_names_score_between() -> None:
    # a close transliteration that misses one class still scores well
    assert 0.75 <= name_similarity("دمشق", "Damascus") < 1.0


def test_skeleton_details() -> None:
    assert skeleton("حمزة", "ar") == skeleton("Hamza", "en") == "HMZ"
    assert skeleton("وليد", "ar") == skeleton("Walid", "en") == "WLD"
    assert skeleton("ash-Shuhada", "en") == skeleton("الشهداء", "ar")
    assert skeleton("", "en") == ""
    assert name_similarity("", "Assad") == 0.0
    with pytest.raises(ValueError, match="unsupported language"):
        skeleton("x", "fr")


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_similarity_in_range(ar: str, en: str) -> None:
    assert 0.0 <= name_similarity(ar, en) <= 1.0
