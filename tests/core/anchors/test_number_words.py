"""Tests for reader.core.anchors.number_words: which paragraphs may hold a number word."""

from __future__ import annotations

import re

from hypothesis import given

from reader.core.anchors.number_words import AR_STARTS, may_hold_number
from tests.core.anchors.strategies import NUMBER_TEXT


@given(NUMBER_TEXT)
def test_number_hints_are_the_word_patterns(folded: str) -> None:
    # a set of Arabic number words (with their clitics) looked up among the paragraph's runs
    # of letters says what a pattern of the words as whole words says
    words = sorted(AR_STARTS, key=len, reverse=True)
    pattern = re.compile(
        r"\d|(?<![\u0621-\u064a])(?:[وفبلك]|وال|بال|فال|كال|لل|ال)?"
        rf"(?:{'|'.join(words)})(?![\u0621-\u064a])"
    )
    assert may_hold_number(folded, "ar") == (pattern.search(folded) is not None)
