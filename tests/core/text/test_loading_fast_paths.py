"""Loading a text the fast way gives what the plain code gave: letter counts, media links."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.language import detect_language, letter_counts
from reader.core.text.posts import MEDIA_LINK, _text_without_links
from tests.core.anchors.side_strategies import MIXED_TEXT

# The patterns as `detect_language` counted them before (issue 13): every match listed.
_ARABIC = re.compile(r"[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def counted_by_the_patterns(text: str) -> tuple[int, int]:
    return len(_ARABIC.findall(text)), len(_LATIN.findall(text))


@settings(max_examples=300)
@given(st.one_of(MIXED_TEXT, st.text(), st.text(alphabet=st.characters(max_codepoint=0x800))))
def test_letter_counts_as_the_patterns_count(text: str) -> None:
    assert letter_counts(text) == counted_by_the_patterns(text)


@pytest.mark.parametrize(
    "text", ["", "\u0620\u0621\u063a\u063b\u0640\u0641\u064a\u064b\u066d\u066e\u06d3\u06d4",
             "\u06f9\u06fa\u06ff\u0700\u074f\u0750\u077f\u0780", "@AZ[`az{\u00bf\u00c0\u024f\u0250",
             "\U0001f600\ud800x", "ﻋﺸﺮ"],
)
def test_letter_counts_at_the_edges_of_the_ranges(text: str) -> None:
    assert letter_counts(text) == counted_by_the_patterns(text)


def test_language_by_the_counts() -> None:
    assert detect_language("قال the") == "en"  # 3 Arabic letters, 3 Latin: not more
    assert detect_language("قالت the") == "ar"
    assert detect_language("") == "en"


_LINKY = st.lists(
    st.sampled_from(["pic.twitter.com", "t.co", "X.com", "youtu.be", "FaceBook.com", "fb.watch",
                     "/", "/x", "https://", " ", "قال", "a", "\u0130", "\u212a"]), max_size=8
).map("".join)


@settings(max_examples=300)
@given(st.one_of(MIXED_TEXT, _LINKY))
def test_a_line_without_a_slash_holds_no_media_link(line: str) -> None:
    assert _text_without_links(line) == MEDIA_LINK.sub("", line).strip()
    if "/" not in line:
        assert MEDIA_LINK.search(line) is None
