"""Number words are no names: the Arabic stems and English words that sound-alike matching skips."""

# Why: the names matched by sound are the Arabic stems the lexicon does not hold and the English
# words written with a capital. Number words are both: the lexicon leaves them to the number
# anchors, and a verse or list item of the King James Version starts with one ("One kid of the
# goats", "Twelve oxen"). Their skeletons then meet real names: عشر (of عشرة, "ten") scored 1.0
# against Asher, Issachar, Asshur and Seir, ثلاث against Tolaite, "One" against نون (Nun). In the
# Bible the false pairs fill each such unit's vector with names its translation lacks, so the
# cosine of a verse with its own translation drops (Numbers 7: "one spoon of ten shekels of gold"
# 0.20 against its Arabic verse) and the sentence pass leaves both out.

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from reader.core.anchors.number_words import AR_STARTS
from reader.core.arabic.stemmer import Stemmer

# ordinals, as the stemmer leaves them (الثاني -> ثان, الحادية -> حاد) and whole
_AR_ORDINALS = ("اول", "ثان", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
                "عاشر", "حاد", "حادي")
# what a stem may have lost of a number word: the feminine ending, an accusative alef, a dual or
# plural ending (a stem that lost more, الف -> اف, may be another word's)
_ENDINGS = frozenset({"", "ه", "ا", "ي", "ان", "ين", "ون"})
_EN_NUMBERS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "first", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    "thirtieth", "fortieth", "fiftieth", "hundredth", "thousandth",
})


@lru_cache(maxsize=1)
def arabic_number_stems() -> frozenset[str]:
    """The number words' and ordinals' folded forms, with an accusative alef, and their stems."""
    stem = Stemmer()
    words = {*AR_STARTS, *(w + "ا" for w in AR_STARTS), *_AR_ORDINALS}
    stems = {s for w in words if (s := stem(w)) and w.startswith(s) and w[len(s):] in _ENDINGS}
    return frozenset(words | stems)


def without_numbers(ar_names: Iterable[str], en_names: Iterable[str]
                    ) -> tuple[list[str], list[str]]:
    """The names less the number words: Arabic stems, English words as written."""
    ar_numbers = arabic_number_stems()
    return ([n for n in ar_names if n not in ar_numbers],
            [n for n in en_names if n.lower() not in _EN_NUMBERS])
