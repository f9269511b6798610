"""Words left out inside a translated sentence (off by default)."""

from __future__ import annotations

from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.diverge.thresholds import Thresholds
from tests.core.diverge.small_pairs import AR_BODY, EN_BODY, diagonal, of, texts

ON = Thresholds(phrase_omission=True)
# the Arabic lists hospitals and long bridges beside the schools; the English only the schools
AR_LIST = list(AR_BODY)
AR_LIST[0] = AR_BODY[0].replace("مدارس جديدة", "مدارس جديدة ومستشفيات كبيرة وجسورا طويلة")


def test_a_list_item_left_out_is_reported_with_its_words() -> None:
    src, tgt = texts(AR_LIST, EN_BODY)
    found = of(find_divergences(src, tgt, diagonal(3), ON), DivergenceKind.PHRASE_OMISSION)
    assert len(found) == 1
    d = found[0]
    assert (d.side, d.paragraphs, d.bead) == ("source", (0,), 0)
    assert d.values == ("ومستشفيات", "كبيرة", "وجسورا", "طويلة")
    span = d.spans[0]
    assert AR_LIST[0][span.start:span.end] == "ومستشفيات كبيرة وجسورا طويلة"
    assert d.detail == "‘ومستشفيات كبيرة وجسورا طويلة’: not in the English paragraph"


def test_off_by_default() -> None:
    src, tgt = texts(AR_LIST, EN_BODY)
    assert not of(find_divergences(src, tgt, diagonal(3)), DivergenceKind.PHRASE_OMISSION)


def test_a_faithful_pair_has_none() -> None:
    src, tgt = texts(AR_BODY, EN_BODY)
    assert not of(find_divergences(src, tgt, diagonal(3), ON), DivergenceKind.PHRASE_OMISSION)


def test_words_rendered_by_others_are_not_reported() -> None:
    # the English says it in its own words where the Arabic lists them: the neighbours'
    # translations are far apart, so nothing was left out
    en = list(EN_BODY)
    en[0] = EN_BODY[0].replace("new schools", "new schools, clinics of every size and spans "
                                             "across rivers,")
    src, tgt = texts(AR_LIST, en)
    assert not of(find_divergences(src, tgt, diagonal(3), ON), DivergenceKind.PHRASE_OMISSION)
