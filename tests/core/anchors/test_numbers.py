"""Tests for reader.core.anchors.numbers: digits, separators, multipliers, number words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchors import numbers
from reader.core.anchors.dates import find_dates
from reader.core.anchors.number_compare import numbers_equal
from reader.core.anchors.numbers import NumberMention, find_numbers
from reader.core.errors import InputError
from reader.resources import CORPUS
from tests.core.anchors.strategies import NUMBER_TEXT

AR = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8").splitlines()
EN = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8").splitlines()


def values(text: str, lang: str) -> list[float]:
    return [m.value for m in find_numbers(text, lang)]


def test_mentions_point_into_the_text() -> None:
    for lines, lang in ((AR, "ar"), (EN, "en")):
        for line in lines:
            for m in find_numbers(line, lang):
                assert line[m.start : m.end] == m.surface


# Every number found in each paragraph of the pair, by 0-based line: a false positive (a
# digit in a link, "one of", "الأولى", "مئات") or a miss makes this fail.
AR_EXPECTED: dict[int, list[tuple[float, str | None, bool]]] = {
    2: [(8, None, False), (2024, None, True), (13, None, False)],
    5: [(6000, None, False)],
    7: [(8, None, False), (2024, None, True)],
    9: [(2011, None, True)],
    11: [(2011, None, True)],
    13: [(6, None, False), (2025, None, True)],
    14: [(180, None, False)],
    18: [(29, None, False), (2025, None, True)],
    23: [(2012, None, True), (2014, None, True)],
    24: [(279, None, False), (460e6, "USD", False), (2012, None, True)],
    25: [(18000, None, False)],
    39: [(8, None, False), (2025, None, True)],
}
EN_EXPECTED: dict[int, list[tuple[float, str | None, bool]]] = {
    3: [(8, None, False), (2024, None, True)],
    5: [(13, None, False)],
    8: [(2011, None, True)],
    11: [(2, None, False)],  # "the two regimes": a word number (from_words)
    17: [(2012, None, True), (2014, None, True)],
    18: [(279, None, False), (460e6, "USD", False), (2012, None, True)],
    19: [(18000, None, False)],
}


@pytest.mark.parametrize(("lines", "lang", "expected"), [(AR, "ar", AR_EXPECTED),
                                                          (EN, "en", EN_EXPECTED)])
def test_every_number_in_the_corpus_pair(
    lines: list[str], lang: str, expected: dict[int, list[tuple[float, str | None, bool]]]
) -> None:
    found = {}
    for n, line in enumerate(lines):
        mentions = find_numbers(line, lang)
        if mentions:
            found[n] = [(m.value, m.unit, m.is_year) for m in mentions]
    assert found == expected


def test_corpus_surfaces() -> None:
    assert [m.surface for m in find_numbers(AR[24], "ar")] == ["279", "460 مليون دولار", "2012"]
    assert [m.surface for m in find_numbers(EN[18], "en")] == ["279", "$460 million", "2012"]
    assert [m.surface for m in find_numbers(AR[25], "ar")] == ["18 ألف"]
    assert [m.surface for m in find_numbers(AR[5], "ar")] == ["6 آلاف"]
    thirteen = find_numbers(AR[2], "ar")[2]
    assert (thirteen.surface, thirteen.from_words) == ("ثلاثة عشر", True)
    assert [m.surface for m in find_numbers(AR[14], "ar")] == ["180"]


def test_paired_paragraphs_agree() -> None:
    # the translation keeps these numbers: each Arabic one has an English counterpart
    for ar_line, en_line in [(2, 3), (2, 5), (9, 8), (23, 17), (24, 18), (25, 19)]:
        en = find_numbers(EN[en_line], "en")
        for m in find_numbers(AR[ar_line], "ar"):
            if ar_line == 2 and en_line == 3 and m.value == 13:
                continue
            if ar_line == 2 and en_line == 5 and m.value != 13:
                continue
            assert any(numbers_equal(m, e) for e in en), (ar_line, m)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("١٨٬٠٠٠ مقاتل", [18000]),
        ("۱۸٬۰۰۰ و٢٫٥", [18000, 2.5]),
        ("بين عامي 2012 و2014", [2012, 2014]),
        ("18 ألف", [18000]),
        ("6 آلاف", [6000]),
        ("18 ألفًا", [18000]),
        ("2.5 مليار", [2.5e9]),
        ("٣ ملايين", [3e6]),
        ("ثلاثة عشر عامًا", [13]),
        ("ثلاث عشرة سنة", [13]),
        ("أحد عشر لاعبًا وإحدى عشرة مرة واثنا عشر", [11, 11, 12]),
        ("خمسة وعشرون", [25]),
        ("عشرين عامًا وثلاثين", [20, 30]),
        ("ثلاثمائة وخمسون", [350]),
        ("مئتا رجل ومئة عام", [200, 100]),
        ("ثلاثة آلاف وخمسمائة جندي", [3500]),
        ("ألف رجل وألفين", [1000, 2000]),
        ("مليون دولار", [1e6]),
        ("بثلاثة أيام", [3]),
        ("فالثلاثة أيام", [3]),  # ف + the article, as numbers take every article form
        ("الدول الثلاث", [3]),
        ("عشر سنوات", [10]),
    ],
)
def test_arabic_numbers(text: str, expected: list[float]) -> None:
    assert values(text, "ar") == expected


@pytest.mark.parametrize(
    "text",
    [
        "مئات الآلاف من المواطنين",  # hundreds of thousands: vague
        "عشرات الآلاف من العراقيين",
        "وتهجيره لملايين منهم",
        "وإحدى الأخطاء الفادحة",  # one of the mistakes
        "إن الزمان لا ينتظر أحدًا",  # no one
        "الذكرى الأولى لانتصار ثورتهم",  # ordinal
        "كمرحلة ثانية",
        "القرن التاسع عشر",  # nineteenth century
        "رجل واحد",  # one alone
        "لست أدري",  # "I am not", not "for six"
        "pic.twitter.com/EzzDr3xTs6",
        "(@tmrrah9)",
        "#2024",
        "https://example.com/a/2024/12",
    ],
)
def test_arabic_non_numbers(text: str) -> None:
    assert values(text, "ar") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over 18,000 fighters", [(18000, None)]),
        ("around $460 million", [(460e6, "USD")]),
        ("2.5 billion", [(2.5e9, None)]),
        ("$5bn (€4.8bn)", [(5e9, "USD"), (4.8e9, "EUR")]),
        ("460 million dollars", [(460e6, "USD")]),
        ("US$460m", [(460e6, "USD")]),
        ("50 percent, 3.5% and 7 per cent", [(50, "percent"), (3.5, "percent"), (7, "percent")]),
        ("13 years", [(13, None)]),
        ("thirteen years", [(13, None)]),
        ("twenty-five men", [(25, None)]),
        ("two hundred and fifty thousand people", [(250000, None)]),
        ("a million people", [(1e6, None)]),
        ("a dozen men", [(12, None)]),
        ("one hundred", [(100, None)]),
        ("400km of wall", [(400, "km")]),
        ("between 2012 and 2014", [(2012, None), (2014, None)]),
        ("1.000.000", [(1e6, None)]),
    ],
)
def test_english_numbers(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(m.value, m.unit) for m in find_numbers(text, "en")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "one of the rare Arab capitals",
        "Time waits for no one.",
        "At one point, the rift",
        "and one Iraq will inevitably pay for",
        "once based in Syria",
        "the first anniversary",
        "hundreds of thousands of Syrians, the displacement of millions",
        "100s of Hashd fighters",
        "the 2nd time",
        "1Editor’s note",
        "G20 summit",
        "@tmrrah9",
    ],
)
def test_english_non_numbers(text: str) -> None:
    assert values(text, "en") == []


def test_years() -> None:
    (y,) = find_numbers("عام 2011", "ar")
    assert y.is_year and y.value == 2011
    assert not find_numbers("2,000 soldiers", "en")[0].is_year
    assert not find_numbers("2000 million", "en")[0].is_year
    assert not find_numbers("$2000", "en")[0].is_year
    assert not find_numbers("1799", "en")[0].is_year


def test_skip_spans_drops_numbers_inside_dates() -> None:
    line = AR[2]
    spans = [(d.start, d.end) for d in find_dates(line, "ar")]
    assert [m.value for m in find_numbers(line, "ar", skip_spans=spans)] == [13]
    assert [m.value for m in find_numbers(EN[3], "en",
                                          skip_spans=[(d.start, d.end)
                                                      for d in find_dates(EN[3], "en")])] == []


def test_bad_language() -> None:
    with pytest.raises(InputError, match="unsupported language"):
        find_numbers("12", "fr")


def test_numbers_equal() -> None:
    def m(value: float, unit: str | None = None, is_year: bool = False) -> NumberMention:
        return NumberMention(value, 0, 1, str(value), unit, is_year)

    assert numbers_equal(m(18000), m(18000))
    assert numbers_equal(m(460e6, "USD"), m(460e6))
    assert numbers_equal(m(460e6), 458.7e6)  # rounded by the translator
    assert numbers_equal(17_800, 18_000)
    assert not numbers_equal(m(460e6, "USD"), m(460e6, "EUR"))
    assert not numbers_equal(279, 278)  # not round: an identifier
    assert not numbers_equal(200, 150)  # round, but too far
    assert not numbers_equal(20, 19)
    assert not numbers_equal(m(2012, is_year=True), m(2014, is_year=True))
    assert not numbers_equal(2000, 2014)  # may be years
    assert not numbers_equal(0, 1)


@given(st.integers(min_value=0, max_value=10**12))
def test_eastern_digits_with_separators_parse_back(n: int) -> None:
    grouped = f"{n:,}"
    for digits, sep in (("٠١٢٣٤٥٦٧٨٩", "٬"), ("۰۱۲۳۴۵۶۷۸۹", "٬"), ("0123456789", ",")):
        rendered = "".join(digits[int(c)] if c.isdigit() else sep for c in grouped)
        found = find_numbers(f"بلغ العدد {rendered} شخصًا", "ar")
        assert [x.value for x in found] == [n]
        assert found[0].surface == rendered


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["ألف", "مليون", "مليار"]))
def test_multipliers(n: int, word: str) -> None:
    scale = {"ألف": 1e3, "مليون": 1e6, "مليار": 1e9}[word]
    assert values(f"نحو {n} {word} دولار", "ar") == [n * scale]


@given(st.text(max_size=80))
def test_never_crashes_and_spans_hold(text: str) -> None:
    for lang in ("ar", "en"):
        for m in find_numbers(text, lang):
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.surface


@given(NUMBER_TEXT)
def test_links_and_handles_hold_their_marks(folded: str) -> None:
    if numbers._NOT_TEXT.search(folded) is not None:
        assert any(mark in folded for mark in numbers._NOT_TEXT_MARKS)
