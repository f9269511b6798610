"""Code-point offsets to Qt's UTF-16 positions and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ui.reading.utf16 import Utf16Map, utf16_length

# Arabic, Latin, and characters beyond U+FFFF (emoji, mathematical letters)
TEXT = st.text(alphabet=st.sampled_from([*"abc اسد١2 ", "😀", "𝐀", "\U0001f1ee"]))


def _units(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@given(TEXT)
def test_to_utf16_counts_surrogate_pairs(text: str) -> None:
    umap = Utf16Map(text)
    assert umap.utf16_length == _units(text) == utf16_length(text)
    for i in range(len(text) + 1):
        assert umap.to_utf16(i) == _units(text[:i])
        assert umap.from_utf16(umap.to_utf16(i)) == i


@given(TEXT)
def test_a_position_inside_a_pair_maps_to_its_character(text: str) -> None:
    umap = Utf16Map(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert umap.from_utf16(umap.to_utf16(i) + 1) == i


def test_known_positions() -> None:
    umap = Utf16Map("a😀b😀c")
    assert [umap.to_utf16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [umap.from_utf16(p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]


def test_out_of_range_is_refused() -> None:
    umap = Utf16Map("ab")
    with pytest.raises(ValueError):
        umap.to_utf16(3)
    with pytest.raises(ValueError):
        umap.from_utf16(-1)
