"""Words left out inside a translated sentence (off by default)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.diverge.finder import find_divergences
from reader.core.diverge.phrases import Word, _chain
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


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sets(st.sampled_from("abcdef"), max_size=2), max_size=12),
    st.lists(st.sets(st.sampled_from("abcdef"), max_size=2), max_size=12),
)
def test_the_chain_is_in_order_on_both_sides_and_links_translations(
    here: list[set[str]], there: list[set[str]]
) -> None:
    mine = [(0, Word(n, n + 1, str(n), frozenset(keys))) for n, keys in enumerate(here)]
    theirs = [Word(n, n + 1, str(n), frozenset(keys)) for n, keys in enumerate(there)]
    chain = _chain(mine, theirs)
    assert all(a1 < a2 and e1 < e2 for (a1, e1), (a2, e2) in itertools.pairwise(chain))
    assert all(mine[a][1].keys & theirs[e].keys for a, e in chain)
    # the longest: no word pair in order was left out where one could go
    if any(mine[a][1].keys & theirs[e].keys for a in range(len(mine)) for e in range(len(theirs))):
        assert chain
