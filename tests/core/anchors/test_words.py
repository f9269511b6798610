"""Tests for reader.core.anchors.words: the light English stemmer."""

from __future__ import annotations

import pytest

from reader.core.anchors.words import english_stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [("news", "news"), ("News", "news"), ("series", "series"), ("species", "species"),
     ("goods", "goods"), ("new", "new"), ("cities", "city"), ("classes", "class"),
     ("kings", "king"), ("Iraq's", "iraq")],
)
def test_english_stem(word: str, stem: str) -> None:
    # news is not new + s, nor series a plural of sery
    assert english_stem(word) == stem
