"""Matching forms: Arabic folding and clitics, English plurals, whole words, longest match."""

from __future__ import annotations

import pytest

from reader.core.lens.families import builtin_families
from reader.core.lens.matching import Matcher, find_occurrences
from tests.core.lens.helpers import ACTORS, document, family


def found(text: str, matcher: Matcher | None = None) -> list[tuple[str, str]]:
    m = matcher or Matcher([ACTORS])
    return [(text[x.start:x.end], x.label) for x in m.find(text)]


@pytest.mark.parametrize("word", [
    "النظام", "والنظام", "فالنظام", "بالنظام", "للنظام", "وللنظام", "فللنظام", "كالنظام",
    "وبالنظام", "النِّظَامُ", "النـــظام", "النظامين",
])
def test_arabic_clitics_diacritics_tatweel_and_endings(word: str) -> None:
    assert found(f"قال {word} اليوم") == [(word, "regime")]


def test_hamza_alef_and_ta_marbuta_forms_are_one() -> None:
    fam = family("f", ("a", ["الإدارة الأمريكية", "أنظمة"], []))
    m = Matcher([fam])
    assert found("الادارة الامريكيه وانظمة", m) == [("الادارة الامريكيه", "a"), ("وانظمة", "a")]
    assert found("حكومته وحكومات والحكومتان") == [
        ("حكومته", "government"), ("وحكومات", "government"), ("والحكومتان", "government")]


def test_no_match_inside_a_longer_word() -> None:
    riyadh = Matcher([family("f", ("riyadh", ["الرياض"], ["Riyadh"]))])
    assert found("الرياضيات والرياضي والرياضات والرياض", riyadh) == [("والرياض", "riyadh")]
    assert found("Riyadhs Riyadh's Riyadhi xRiyadh Riyadh", riyadh) == [
        ("Riyadhs", "riyadh"), ("Riyadh's", "riyadh"), ("Riyadh", "riyadh")]
    assert found("العراقي العراقية Iraqi Iraqis") == []


def test_an_article_written_in_the_form_is_required() -> None:
    fam = family("f", ("admin", ["الإدارة"], []), ("gov", ["حكومة", "نظام"], []))
    m = Matcher([fam])
    assert found("إدارة الملف والإدارة", m) == [("والإدارة", "admin")]
    assert found("حكومة والحكومة", m) == [("حكومة", "gov"), ("والحكومة", "gov")]
    # a pronoun ending goes with a form without the article (نظامه is never definite)
    assert found("إسقاط نظامه ونظامهم", m) == [("نظامه", "gov"), ("ونظامهم", "gov")]


def test_english_case_plurals_possessives_apostrophes() -> None:
    fam = family("f", ("militia", [], ["militia"]), ("auth", [], ["authority"]),
                 ("lead", [], ["Iraq's leadership"]))
    m = Matcher([fam])
    text = "Militia militias militia's militias' MILITIA’S authorities Iraq’s leadership"
    assert found(text, m) == [
        ("Militia", "militia"), ("militias", "militia"), ("militia's", "militia"),
        ("militias", "militia"), ("MILITIA’S", "militia"), ("authorities", "auth"),
        ("Iraq’s leadership", "lead")]


def test_multi_word_forms_and_the_longest_match_wins() -> None:
    assert found("the Iraqi regime and the regime") == [("Iraqi regime", "regime"),
                                                       ("regime", "regime")]
    assert found("وللنظام العراقي وبغداد") == [("وللنظام العراقي", "regime"), ("وبغداد", "state")]
    # the words of a multi-word form are separated by spaces or hyphens, nothing else
    assert found("Iraqi. Regime") == [("Regime", "regime")]
    events = family("events", ("liberation", ["تحرير"], []))
    opposition = family("opposition", ("hts", ["هيئة تحرير الشام"], []))
    m = Matcher([events, opposition])
    assert found("هيئة تحرير الشام بعد تحرير حلب", m) == [
        ("هيئة تحرير الشام", "hts"), ("تحرير", "liberation")]
    # a longer match that starts later still wins over a shorter one it overlaps
    m = Matcher([family("f", ("ab", [], ["alpha beta"]), ("bcd", [], ["beta gamma delta"]))])
    assert found("alpha beta gamma delta", m) == [("beta gamma delta", "bcd")]


def test_occurrences_carry_document_paragraph_offsets_and_text() -> None:
    doc = document("d", "مقدمة\nقال وللنظام العراقي كلمة\nThe REGIME fell.")
    occ = find_occurrences([doc], Matcher([ACTORS]))
    assert [(o.document, o.paragraph, o.start, o.end, o.label, o.form, o.text) for o in occ] == [
        ("d", 1, 4, 19, "regime", "النظام العراقي", "وللنظام العراقي"),
        ("d", 2, 4, 10, "regime", "regime", "REGIME"),
    ]


def test_the_shipped_families_find_the_corpus_forms() -> None:
    m = Matcher(builtin_families())
    cases = {
        "the Iraqi regime": "regime", "Iraq’s leadership": "leadership", "Baghdad": "state-name",
        "armed factions": "faction", "Popular Mobilization Forces": "pmf", "the Hashd": "pmf",
        "Hayat Tahrir al-Sham": "hts", "الحشد الشعبي": "pmf", "ميليشيات": "militia",
        "فصائل": "faction", "سقوط": "fall", "انهيار": "collapse", "إسقاط": "overthrow",
        "ثوار": "revolutionaries", "الإرهابيين": "terrorists", "Iran's Revolutionary Guard":
        "named-group", "the collapse": "collapse", "rebels": "rebels",
    }
    for text, label in cases.items():
        assert label in [x.label for x in m.find(text)], text
