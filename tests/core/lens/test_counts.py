"""Counts per label per 1,000 words, on texts counted by hand."""

from __future__ import annotations

import pytest

from reader.core.lens.counts import count_labels, per_thousand
from reader.core.lens.matching import Matcher
from tests.core.lens.helpers import ACTORS, document, family

# 21 words; by hand: regime 6 (وللنظام, النِّظام, بالنظام العراقي, للنظام, and the hamza
# forms الأنظمة and والانظمة), government 1 (وحكومة العراق: the longest form, so no state
# there), state 1 (وبغداد); الرياضيات, العراقي and الحكومي are no label
ARABIC = ("قال وللنظام كلمة ثم النِّظام ردّ على بالنظام العراقي الأنظمة\n"
          "وحكومة العراق وبغداد تدرس الرياضيات مع للنظام والانظمة والشعب العراقي الحكومي")
# 19 words as the project counts them (normalise.tokens: Baghdad's and regime's are two
# each); by hand: regime 3 (regimes, Iraqi regime, regime's), government 2, state 2
ENGLISH = ("Regimes fall. The Iraqi regime and the government of Iraq.\n"
           "Baghdad's governments; the regime's end, Iraqis said.")


def test_counts_equal_counts_made_by_hand() -> None:
    docs = [document("ar", ARABIC), document("en", ENGLISH)]
    counts = count_labels(docs, [ACTORS])
    assert counts.words == {"ar": 21, "en": 19}
    assert [(r.label, r.count) for r in counts.rows if r.document == "ar"] == [
        ("regime", 6), ("government", 1), ("state", 1), (None, 8)]
    assert [(r.label, r.count) for r in counts.rows if r.document == "en"] == [
        ("regime", 3), ("government", 2), ("state", 2), (None, 7)]
    assert counts.row("ar", "actors", "regime").per_thousand == pytest.approx(6000 / 21)
    assert counts.row("en", "actors").per_thousand == pytest.approx(7000 / 19)
    assert [o.text for o in counts.occurrences_of("ar", "actors", "government")] == [
        "وحكومة العراق"]
    assert len(counts.occurrences_of(None, "actors")) == 15


def test_a_family_left_out_still_claims_its_longer_spans() -> None:
    events = family("events", ("liberation", ["تحرير"], []))
    hts = family("opposition", ("hts", ["هيئة تحرير الشام"], []))
    doc = document("d", "دخلت هيئة تحرير الشام دمشق بعد تحرير حلب")
    alone = count_labels([doc], [events])
    assert alone.count("d", "events", "liberation") == 2
    settled = count_labels([doc], [events], matcher=Matcher([events, hts]))
    assert settled.count("d", "events", "liberation") == 1


def test_duplicates_and_boilerplate_are_not_counted() -> None:
    para = "The regime fell and the regime went, said a long paragraph of the article here."
    doc = document("d", f"{para}\n{para}\nNo comments:")
    counts = count_labels([doc], [ACTORS])
    assert counts.count("d", "actors", "regime") == 2
    assert counts.words["d"] == 15


def test_rate_of_an_empty_document_is_zero() -> None:
    assert per_thousand(3, 0) == 0.0
    assert per_thousand(3, 1500) == pytest.approx(2.0)


def test_a_part_of_a_document_counts_only_its_paragraphs() -> None:
    doc = document("d", "the regime spoke\nthe government said\nthe regime and Iraq")
    part = doc.part([0, 2], "d (linked)")
    counts = count_labels([doc, part], [ACTORS])
    assert counts.count("d (linked)", "actors", "regime") == 2
    assert counts.count("d (linked)", "actors", "government") == 0
    assert counts.count("d", "actors", "government") == 1
    assert counts.words == {"d": 10, "d (linked)": 7}
