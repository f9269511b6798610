"""Loading a text the fast way gives what the plain code gave: posts' media links."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.posts import MEDIA_LINK, _text_without_links
from tests.core.anchors.side_strategies import MIXED_TEXT

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
