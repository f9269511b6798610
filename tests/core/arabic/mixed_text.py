"""Hypothesis strategies and sample texts for the fast paths' equivalence tests."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from reader.resources import CORPUS

REAL = Path(__file__).resolve().parents[2] / "data" / "real"

# Arabic letters and hamza forms, harakat and Quranic marks, tatweel, presentation forms and
# ligatures, ZWJ/ZWNJ and other format characters (bidi marks, BOM, soft hyphen), Arabic,
# Persian and ASCII digits with their separators, punctuation of both scripts, white space and
# newlines, Latin with the case-folding oddities (İ ı ſ ß the Kelvin sign, final sigma), and
# characters outside the BMP (emoji, a mathematical letter): each takes two UTF-16 units.
MIXED_CHARACTERS = (
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىةٱیکگۀہې")
    + list("\u0610\u0615\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u06d6\u06ed")
    + ["\u0640"]
    + list("\ufefb\ufe8d\ufef7\ufdf2\ufb01\ufe70\ufeff\ufb50\ufdfa\uff21\uff41")
    + list("\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u2066\u2069\u061c\u00ad")
    + list("٠١٢٣٤٥٦٧٨٩۰۴0123456789٬٫,.")
    + list(".!?؟؛…،:;\"'”’»«()[]{}›-—/@_#")
    + list(" \t\n\u00a0\u2003\u3000")
    + list("AbCdEzSsKkIi\u0130\u0131\u017f\u212a\u00df\u03a3\u03c3\u03c2\u0345")
    + ["\U0001f600", "\U0001f44d\U0001f3fd", "\U0001d400", "\u2764\ufe0f"]
)
# Words and pieces the finders look for, so that random texts reach their rarer branches.
MIXED_WORDS = [
    "Dr.", "U.S.", "e.g.", "No.", "د.", "هـ.", " he said", "Really?", "2.5", "18,000",
    "(@handle)", "on Facebook", "على فيسبوك", "Posted by", "YouTube", "t.me/chan", "youtu.be/x",
    "May 8, 2024", "٨ مايو ٢٠٢٤", "والبيت", "للبيت", "حكومته", "العراقيات", "كتابهما", "وزير",
    "لبنان", "بالطبع", "مسؤولون", "الله", "فاستقبلناهم", "سيقولون",
]
mixed_text = st.lists(
    st.one_of(st.sampled_from(MIXED_CHARACTERS), st.sampled_from(MIXED_WORDS)), max_size=80
).map("".join)


def sample_lines() -> list[str]:
    """Every line of the built-in corpus and of the real documents in tests/data/real."""
    return [line for text in sample_texts() for line in text.splitlines()]


def sample_texts() -> list[str]:
    """The whole texts of the built-in corpus and of tests/data/real."""
    paths = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
    return [path.read_text(encoding="utf-8") for path in paths]
