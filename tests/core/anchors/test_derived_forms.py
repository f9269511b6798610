"""Tests for derived forms: English words of one stem, and Arabic verbal nouns and participles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors.arabic_patterns import verb_candidates
from reader.core.anchors.english_forms import by_key, inflections, stem_key
from reader.core.anchors.lexicon import Lexicon
from reader.core.arabic.normalise import normalize


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_words_of_one_stem_share_a_key() -> None:
    assert {stem_key(w) for w in ("accept", "accepts", "accepted", "accepting", "acceptance")} \
        == {"accept"}
    assert stem_key("believing") == stem_key("believe") == stem_key("believed")
    assert stem_key("stopping") == stem_key("stop")
    assert stem_key("government") == stem_key("governing")


def test_short_words_keep_their_letters() -> None:
    # nation is not n + ation, sing not s + ing, bed not b + ed
    assert stem_key("nation") == "nation"
    assert stem_key("sing") == "sing"
    assert stem_key("bed") == "bed"
    # and an agent noun is not its verb's (a leader leads; a former is no form)
    assert stem_key("leader") != stem_key("lead")
    assert by_key(["sing", "sings", "ring", "be"]) == {"sing": ("sing", "sings"),
                                                     "ring": ("ring",)}


def test_inflections_of_bases_only() -> None:
    assert inflections("accept") == ("accepted", "accepting")
    assert inflections("believe") == ("believed", "believing")
    assert inflections("agree") == ("agreed", "agreeing")
    assert inflections("acceptance") == ()  # derived, not a base
    assert inflections("say") == ()  # too short to tell


@pytest.mark.parametrize(
    ("word", "verb"),
    [("قائل", "قال"), ("كاتب", "كتب"), ("مكتوب", "كتب"), ("تقديم", "قدم"), ("ارسال", "ارسل"),
     ("اجتماع", "اجتمع"), ("انتقال", "انتقل"), ("استخدام", "استخدم"), ("مستخدم", "استخدم")],
)
def test_verb_candidates(word: str, verb: str) -> None:
    assert verb in list(verb_candidates(normalize(word)))


@pytest.mark.parametrize(
    ("token", "english"),
    [
        # the code of conduct's list item: «تقديم ملاحظات بناءة وقبولها بلطف» / "Giving and
        # gracefully accepting constructive feedback" (tests/data/real)
        ("وقبولها", "accepting"),
        ("قبول", "accepted"),
        # the Bible's "saying" (Genesis 1:22, قائلا) and TED's "using"
        ("قائلا", "saying"),
        ("باستخدام", "using"),
        ("ومستخدمي", "users"),
        ("الحكومة", "governing"),
    ],
)
def test_derived_forms_reach_each_other(lexicon: Lexicon, token: str, english: str) -> None:
    assert english in lexicon.translations(token)


def test_listed_translations_come_first(lexicon: Lexicon) -> None:
    assert lexicon.translations("قال")[:6] == ("say", "said", "says", "saying", "tell", "told")
    assert lexicon.translations("كلمةغريبة") == ()


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_entry_keeps_its_own_readings_in_order(lexicon: Lexicon, data: st.DataObject) -> None:
    keys = sorted(lexicon.entries)
    ar = data.draw(st.sampled_from(keys))
    found = lexicon.translations(ar)
    assert found[: len(lexicon.entries[ar])] == lexicon.entries[ar]
    assert len(set(found)) == len(found)
