"""The anchors' and features' cheaper tests give what the plain ones gave (issue 13): a link
looked for only where one may be, the visible length of ASCII text counted, Latin letters in an
Arabic paragraph looked for in its bytes first, numbers of ASCII text without its fold's offsets,
the English number hint as a set look-up, Arabic digits looked for once."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors import features
from reader.core.anchors.features import URL, find_anchors
from reader.core.anchors.glossary import _EN_FOLD, Glossary
from reader.core.anchors.number_words import _EN_HINT, Tokens, english_hints, may_hold_number
from reader.core.anchors.numbers import find_numbers
from reader.core.arabic.normalise import fold_for_search
from tests.core.anchors import reference_numbers
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT

GLOSSARY = Glossary.load()
SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# pieces of links and what looks like them, in any case and with letters that match ASCII ones
# when case is ignored (İ, ı, ſ, the Kelvin sign), among Arabic and English words
_LINKY = st.sampled_from([
    "http", "HTTP", "https://", "HTTPS://x", "://", ":/", "www.", "WWW.", "wWw.", "www", "w.",
    "pic.twitter.com/", "PIC.TWITTER.COM/a", "pİc.twitter.com/", "pıc.twitter.com/x", "/", ".",
    "w", "W", "h", "ſ", "\u212a", "İ", "x.com/5", "قال", "العراق", " ", "  ", "\n", "،", "5",
    "a", "the", "(", ")",
])
LINKY_TEXT = st.one_of(st.lists(_LINKY, max_size=12).map("".join), MIXED_TEXT)


def _old_links(text: str) -> list[str]:
    lowered = text.lower()
    if "http" in lowered or "www." in lowered or "pic.twitter.com/" in lowered:
        return [m.group() for m in URL.finditer(text)]
    return []


@SETTINGS
@given(LINKY_TEXT, LANG)
def test_links_are_those_the_lower_case_test_let_through(text: str, lang: str) -> None:
    assert find_anchors(text, lang, GLOSSARY).urls == _old_links(text)


def test_only_w_and_w_match_w_and_only_themselves_match_the_signs_with_case_ignored() -> None:
    """What the link test rests on."""
    for sign, matching in (("w", {"w", "W"}), (".", {"."}), ("/", {"/"}), (":", {":"})):
        pattern = re.compile(re.escape(sign), re.IGNORECASE)
        assert {chr(c) for c in range(sys.maxunicode + 1)
                if pattern.fullmatch(chr(c))} == matching


_SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


@SETTINGS
@given(st.text(st.sampled_from(_SPACES + "ab1.\u200b\u00adـقé\x00"), max_size=30))
def test_the_visible_length_is_that_of_the_text_without_its_white_space(text: str) -> None:
    assert features._visible_length(text) == len("".join(text.split()))
    ascii_text = text.encode("ascii", "ignore").decode()
    assert features._visible_length(ascii_text) == len("".join(ascii_text.split()))


def test_the_ascii_white_space_is_what_split_cuts_at() -> None:
    assert set(features._ASCII_SPACES) == {c for c in map(chr, range(128)) if c.isspace()}


@SETTINGS
@given(st.one_of(MIXED_TEXT, st.text(st.sampled_from("aZقé\u212a ـ1\ud800"), max_size=12)))
def test_latin_letters_as_the_pattern_finds_them(text: str) -> None:
    assert features._has_latin(text) == (features._HAS_LATIN.search(text) is not None)


@SETTINGS
@given(MIXED_TEXT, LANG)
def test_numbers_as_the_token_walk_finds_them(text: str, lang: str) -> None:
    for t in (text, text.lower(), text.encode("ascii", "ignore").decode()):
        assert find_numbers(t, lang) == reference_numbers.find_numbers(t, lang)


@pytest.mark.parametrize("text", [
    "one", "One", "ONE", "éone", "oneé", "one\ud800", "\u212aone", "a-one", "x1", "twenty5",
    "twentyfive", "ثلاثة", "٣", "لست", "ثلاثة 3", "3", "²", "", " hundred ",
])
def test_number_hints_at_the_edges(text: str) -> None:
    for t in (text, fold_for_search(text)[0]):
        assert may_hold_number(t, "en") == (
            any(c in t for c in "0123456789") or bool(re.search(r"\d", t))
            or _EN_HINT.search(t) is not None)
        for lang in ("ar", "en"):
            assert find_numbers(t, lang) == reference_numbers.find_numbers(t, lang)


def test_a_token_record_is_made_once_and_is_the_token() -> None:
    toks = Tokens(["a", "5"], [0, 2], [1, 3])
    assert toks[1] is toks[1]
    assert (toks[0].start, toks[0].end, toks[0].word) == (0, 1, "a")
    assert (toks[-1].start, toks[-1].word) == (2, "5")
    with pytest.raises(IndexError):
        toks[2]


@SETTINGS
@given(st.one_of(MIXED_TEXT, st.text(alphabet="abc one two_hundred ONE Twenty 5-'\n")))
def test_english_number_hints_from_the_words_the_glossary_reads(text: str) -> None:
    """The hints of an ASCII text read from its words (`term_starts.ascii_words`, kept for the
    glossary's look-up) are those read from its lower case's runs of a-z."""
    ascii_text = text.encode("ascii", "ignore").decode()
    for t in (ascii_text, ascii_text.upper()):
        assert english_hints(t.lower(), t) == english_hints(t.lower())


@pytest.mark.parametrize("text", ["Shi`a and Shi'a", "the Shi`ite", "a ` b", "Shi’a`s", "x`"])
def test_an_ascii_backquote_is_folded_as_the_other_apostrophes(text: str) -> None:
    """In ASCII text only the backquote folds (`glossary._EN_FOLD`): it is looked for alone."""
    folded = text.translate(_EN_FOLD)
    assert [(m.term_id, m.start, m.end) for m in GLOSSARY.find_terms(text, "en")] == [
        (m.term_id, m.start, m.end) for m in GLOSSARY.find_terms(folded, "en")]
    assert [c for c in map(chr, _EN_FOLD) if c.isascii()] == ["`"]
