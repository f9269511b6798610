"""Hypothesis strategies for the number tests: number words and what surrounds them."""

from __future__ import annotations

from hypothesis import strategies as st

# Number words (folded) with and without clitics, and what surrounds them.
NUMBER_PIECES = st.sampled_from(
    ["ثلاث", "ثلاثه", "واحد", "عشر", "الف", "ميه", "خمسين", "اثنا", "مليون", "لست", "ست",
     "و", "ال", "بال", "لل", "ك", "ف", "ب", "ه", "ين", "ـ", "قال", "2", "١", "x",
     "one", "two", "twenty", "hundred", "dozen", "gone", "tone", "a", "s", " ", ".", "-", "@",
     "#", "://", "www.", ".com", ".co", "http", "pic.twitter.com/", "e"]
)
NUMBER_TEXT = st.lists(NUMBER_PIECES, max_size=12).map("".join)
