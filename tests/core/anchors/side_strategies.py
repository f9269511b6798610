"""Hypothesis strategies for the sides' fast paths: realistic mixed Arabic and English text."""

from __future__ import annotations

from hypothesis import strategies as st

from reader.core.anchors.glossary import Glossary

_GLOSSARY = Glossary.load()
_TERMS_AR = sorted({v for t in _GLOSSARY for v in t.ar})
_TERMS_EN = sorted({v for t in _GLOSSARY for v in t.en})

_AR_WORDS = [
    # number words, with clitics, marks and tatweel; ordinals; scales; "one of"
    "ثلاثة", "ثَلَاثَةُ", "عشر", "عَشَرَ", "عشرة", "ـعشر", "التاسع", "الحادي", "آلاف", "ألف", "ألفين",
    "مليون", "ملايين", "وخمسمائة", "خمس", "بثلاثة", "لعشرين", "والثلاثة", "وإحدى", "إحدى", "أحد",
    "اثنا", "واحد", "لست", "ست", "مئة", "مائتين", "وعشرون", "كيلومترا", "بالمئة", "في", "المئة",
    "دولار", "ليرة",
    # months and date words
    "كانون الأول", "ديسمبر", "آب", "أيار", "وشباط", "شهر", "عام", "سنة", "من",
    # clitics and common words, with marks and the forms normalising folds
    "قال", "وَقَالَ", "الله", "اللهُ", "الأَرْضُ", "والسماوات", "بيت", "وزير", "كبيرة", "حكومته",
    "مسؤولون", "الخارجية", "رئيسي", "ﻋﺸﺮ", "ﷲ", "ى", "ة", "ئ", "ؤ", "ک", "ی", "ـ", "و", "ال",
    "ب", "ك", "ل", "ف", "هم", "ها",
]
_EN_WORDS = [
    "one", "two", "twenty", "twenty-five", "hundred", "a", "an", "and", "thousand", "million",
    "bn", "dozen", "per", "cent", "percent", "km", "the", "of", "The", "King", "king", "kings",
    "December", "May", "March", "Monday", "said", "AS", "as", "US", "us", "U.S.", "WHO", "who",
    "al-", "Al ", "el-", "'s", "s'", "Israel", "Israel's", "Shi'a", "people", "house",
    "Straße", "ſ", "ı", "\u212a", "é", "İ",
]
_DIGITS = [
    "5", "8", "12", "2014", "2024", "1,200", "18,000", "2.5", "12.5.2024", "1.000.000", "$",
    "US$", "€", "%", "٪", "٢٠١٤", "١٢", "٣٠٠٠", "١٨٬٠٠٠", "٢٫٥", "۱۲", "2024-12-08", "٢٠٢٤-١٢-٠٨",
    "5bn", "400km", "$460m", "G20", "2nd", "²", "x²", "①", "٣٠%", "8th",
]
_GLUE = [
    " ", " ", " ", " ", ". ", "! ", "? ", "؟ ", "؛ ", "، ", "… ", ".\" ", ".) ", ", ", "-", "—",
    "\n", "\u00a0", "\u200c", "/", "(", ")", "«", "»", ":", " @user ", " #tag ", " #2024 ",
    " http://x.com/a5. ", " www.example.org ", " pic.twitter.com/EzzDr3xTs6 ", " a@b.com ",
]
WORD = st.one_of(
    st.sampled_from(_AR_WORDS),
    st.sampled_from(_EN_WORDS),
    st.sampled_from(_DIGITS),
    st.sampled_from(_TERMS_AR),
    st.sampled_from(_TERMS_EN),
    st.sampled_from(_TERMS_EN).map(str.upper),
    st.sampled_from(_TERMS_EN).map(str.lower),
)
MIXED_TEXT = st.lists(st.tuples(WORD, st.sampled_from(_GLUE)), max_size=16).map(
    lambda parts: "".join(a + b for a, b in parts)
)
LANG = st.sampled_from(["ar", "en"])
