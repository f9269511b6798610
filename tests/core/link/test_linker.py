"""Linking passages across two documents: hand-made pairs, invariants, and the gold's recall."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import InputError
from reader.core.link.linker import candidate_links, link_documents
from reader.core.link.records import EVIDENCE_KINDS, LinkParams
from reader.core.text.document import Text, text_from_string


def doc(paragraphs: list[str], language: str) -> Text:
    return text_from_string("\n".join(paragraphs) + "\n", language=language)


ENGLISH = [
    "The price of olive oil rose again this winter in the markets of southern Spain.",
    "Local farmers blamed the drought and the late frost for the poor harvest.",
    "On December 8, 2024 Bashar al-Assad fled Damascus as the rebels entered the capital.",
    "Kataib Hezbollah fighters crossed back into Iraq through the Bukamal border crossing.",
]
# the same two events, in another order, between unrelated paragraphs
ARABIC = [
    "عبر مقاتلو كتائب حزب الله الحدود عائدين إلى العراق من البوكمال.",
    "ارتفعت درجات الحرارة في الصيف وازداد استهلاك الكهرباء في المدن الساحلية.",
    "في 8 كانون الأول 2024 هرب بشار الأسد من دمشق مع دخول الفصائل إلى العاصمة.",
]


def test_shared_date_and_names_link_paragraphs_out_of_order() -> None:
    links = link_documents(doc(ENGLISH, "en"), doc(ARABIC, "ar"))
    pairs = {(k.a, k.b) for k in links}
    assert pairs == {(2, 2), (3, 0)}
    flight = next(k for k in links if (k.a, k.b) == (2, 2))
    kinds = {e.kind for e in flight.evidence}
    assert "date" in kinds and "name" in kinds
    assert 0.0 < flight.score <= 1.0
    date = next(e for e in flight.evidence if e.kind == "date")
    assert ENGLISH[2][date.a_span[0]:date.a_span[1]] == date.a_text
    assert "2024" in date.a_text and "2024" in date.b_text
    assert ARABIC[2][date.b_span[0]:date.b_span[1]] == date.b_text


def test_unrelated_paragraphs_are_not_linked() -> None:
    links = candidate_links(doc(ENGLISH, "en"), doc(ARABIC, "ar"))
    # the olive oil and the summer heat share nothing with the war, nor with each other
    assert all(k.score < LinkParams().threshold for k in links if k.a in (0, 1) or k.b == 1)


def test_evidence_heaviest_first_and_kinds_known() -> None:
    for k in candidate_links(doc(ENGLISH, "en"), doc(ARABIC, "ar")):
        weights = [e.weight for e in k.evidence]
        assert weights == sorted(weights, reverse=True)
        assert {e.kind for e in k.evidence} <= set(EVIDENCE_KINDS)


def test_two_english_documents() -> None:
    other = [
        "Markets in Andalusia saw olive oil prices climb once more.",
        "Assad left Damascus on 8 December 2024, the day rebels took the capital.",
    ]
    links = link_documents(doc(ENGLISH, "en"), doc(other, "en"))
    assert (2, 1) in {(k.a, k.b) for k in links}
    assert all(k.a != 3 for k in links)


def test_swapping_the_documents_swaps_the_links() -> None:
    a, b = doc(ENGLISH, "en"), doc(ARABIC, "ar")
    forward = {(k.a, k.b): k.score for k in candidate_links(a, b)}
    backward = {(k.b, k.a): k.score for k in candidate_links(b, a)}
    assert forward == backward


def test_the_cap_keeps_each_paragraphs_best() -> None:
    hub = ["Bashar al-Assad fled Damascus on December 8, 2024 while Kataib Hezbollah left "
           "Bukamal, Asaib Ahl al-Haq left the Sayyida Zaynab shrine and Nujaba went home."]
    many = [
        "Assad fled Damascus on December 8, 2024.",
        "Kataib Hezbollah left Bukamal on December 8, 2024.",
        "Asaib Ahl al-Haq left the Sayyida Zaynab shrine on December 8, 2024.",
        "Nujaba fighters went home on December 8, 2024.",
        "Bashar al-Assad and Kataib Hezbollah: December 8, 2024.",
    ]
    a, b = doc(hub, "en"), doc(many, "en")
    assert len(link_documents(a, b, threshold=0.0, cap=0)) == 5
    capped = link_documents(a, b, threshold=0.0, cap=2)
    assert len(capped) == 2
    best = sorted(candidate_links(a, b), key=lambda k: -k.score)[:2]
    assert {(k.a, k.b) for k in capped} == {(k.a, k.b) for k in best}


def test_a_document_without_paragraphs_is_refused() -> None:
    empty = text_from_string("\n \n", language="en")
    with pytest.raises(InputError, match="no paragraphs"):
        link_documents(empty, doc(ARABIC, "ar"))


POOL = [
    "On December 8, 2024 Bashar al-Assad fled Damascus.",
    "Kataib Hezbollah withdrew from Bukamal on December 6.",
    "The Popular Mobilization Forces paid 6,000 fighters in Syria.",
    "Nouri al-Maliki sent money to Damascus in 2012, some $460 million.",
    "Olive oil prices rose in Spain after the drought.",
    "Sudani called Erdogan on 3 December 2024 about Aleppo.",
    "The shrine of Sayyida Zaynab was the pretext of the militias.",
    "Qasem Soleimani led the Iraqi militias in Syria.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(POOL))), st.sets(st.integers(0, len(POOL) - 1), min_size=2))
def test_shuffling_a_document_permutes_the_links(order: list[int], chosen: set[int]) -> None:
    a = doc([POOL[i] for i in sorted(chosen)] + ["Assad's fall on December 8, 2024."], "en")
    b_rows = [POOL[i] for i in range(len(POOL))]
    b = doc(b_rows, "en")
    shuffled = doc([b_rows[i] for i in order], "en")
    plain = {(k.a, b_rows[k.b]): k.score for k in link_documents(a, b, threshold=0.0)}
    moved = {(k.a, b_rows[order[k.b]]): k.score
             for k in link_documents(a, shuffled, threshold=0.0)}
    assert plain == moved


def test_cancelling_stops_the_work() -> None:
    from reader.core.errors import Cancelled

    with pytest.raises(Cancelled):
        link_documents(doc(ENGLISH, "en"), doc(ARABIC, "ar"), cancelled=lambda: True)


ARABIC_POOL = [*ARABIC,
               "قال المالكي عام 2012 إن سقوط دمشق يعني سقوط بغداد.",
               "دفع الحشد الشعبي رواتب 6 آلاف مقاتل في سوريا."]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(ARABIC_POOL))))
def test_shuffling_the_arabic_permutes_the_links(order: list[int]) -> None:
    english = doc([*ENGLISH, "Maliki said in 2012 that the fall of Damascus meant the fall of "
                   "Baghdad.", "The PMF paid 6,000 fighters in Syria."], "en")
    plain = {(k.a, ARABIC_POOL[k.b]): k.score
             for k in link_documents(english, doc(ARABIC_POOL, "ar"), threshold=0.0)}
    shuffled = doc([ARABIC_POOL[i] for i in order], "ar")
    moved = {(k.a, ARABIC_POOL[order[k.b]]): k.score
             for k in link_documents(english, shuffled, threshold=0.0)}
    assert plain == moved and len(plain) >= 4
