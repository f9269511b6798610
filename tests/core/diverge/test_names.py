"""Name checks: common nouns are not names, nationality adjectives go with the name they qualify."""

from __future__ import annotations

from reader.core.align.beads import Alignment, Bead
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.pair import open_pair
from reader.resources import CORPUS
from tests.core.diverge.small_pairs import diagonal, of, texts

K = DivergenceKind


def _names(ar: list[str], en: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    source, target = texts(ar, en)
    return [(d.side, d.values) for d in
            of(find_divergences(source, target, diagonal(len(ar))), K.NAME_MISMATCH)]


def test_mathematics_is_no_city() -> None:
    # the case: «الرياضيات» read as Riyadh (الرياض) and reported as a city
    ar = ["تركز المناهج الجديدة على الرياضيات والعلوم واللغة العربية في المرحلة الابتدائية."]
    en = ["The new curricula focus on mathematics, science and Arabic in primary school."]
    assert _names(ar, en) == []
    assert _names(ar, [en[0].replace("mathematics", "maths")]) == []


def test_a_city_left_out_is_still_reported() -> None:
    ar = ["عقد الاجتماع في الرياض بحضور وزراء الخارجية العرب."]
    en = ["The meeting was attended by the Arab foreign ministers."]
    assert _names(ar, en) == [("source", ("riyadh",))]


def test_a_capitalised_common_noun_is_no_newspaper() -> None:
    # "Guardian" opening a sentence is the glossary's newspaper; the Arabic's ولي is a guardian
    ar = ["موافقة ولي الأمر مطلوبة لتسجيل القاصرين في المدرسة."]
    en = ["Guardian consent is required to enrol minors at the school."]
    assert _names(ar, en) == []
    assert _names(["موافقة الأسرة مطلوبة لتسجيل القاصرين في المدرسة."], en) == [
        ("target", ("guardian",))]


def test_the_iranian_of_the_revolutionary_guard_is_the_irgcs() -> None:
    # Arabic 25 of the built-in pair: الحرس الثوري الإيراني is "the IRGC" in English 19
    pair = open_pair(CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / "iraq-assad-lesson.en.txt")
    names = of(pair.divergences, K.NAME_MISMATCH)
    assert not [d for d in names if d.side == "source" and 25 in d.paragraphs]
    # the real ones stay: Lebanon for Beirut, the three Assads the English drops or renames
    assert ("source", ("lebanon",)) in [(d.side, d.values) for d in names]
    assert sorted(d.paragraphs[0] for d in names if d.values == ("assad",)
                  and d.side == "source") == [28]
    assert len(names) == 11


def test_a_country_beside_a_name_the_other_side_lacks_is_reported() -> None:
    ar = ["أعلن الحرس الثوري الإيراني عن مناورات جديدة."]
    en = ["New exercises were announced."]
    assert _names(ar, en) == [("source", ("iran",))]


def test_one_bead_of_two_paragraphs() -> None:
    source, target = texts(["درس الطلاب الرياضيات.", "ثم عادوا إلى بيوتهم."],
                           ["The students studied mathematics and then went home."])
    alignment = Alignment([Bead((0, 1), (0,))], 2, 1)
    assert of(find_divergences(source, target, alignment), K.NAME_MISMATCH) == []


def test_a_nationality_in_a_list_or_beside_generic_forces_is_a_name_of_its_own() -> None:
    ar = ["جند الحرس الثوري مقاتلين من الشيعة العراقيين وأفغاني وباكستاني "
          "وانسحبت القوات الأميركية."]
    en = ["The IRGC recruited Iraqi Shia fighters, and the forces withdrew."]
    found = _names(ar, en)
    assert ("source", ("afghanistan",)) in found and ("source", ("united-states",)) in found
