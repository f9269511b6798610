"""Letters and digits counted for many paragraphs at once, as one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.diverge.context import alnum_counts


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(codec=None, exclude_categories=())), max_size=12),
       st.integers(1, 40))
def test_letters_and_digits_counted_at_once_as_one_by_one(texts: list[str], chunk: int) -> None:
    assert alnum_counts(texts, chunk) == [sum(map(str.isalnum, t)) for t in texts]


def test_letters_and_digits_of_every_plane() -> None:
    texts = ["", "abc ١٢٣ قال", "\U0001d400\U0001f600\U00020000 x", "\ud800 \udfff", "é" * 5]
    assert alnum_counts(texts) == [0, 9, 3, 0, 5]
    assert alnum_counts(texts, chunk=1) == [0, 9, 3, 0, 5]
