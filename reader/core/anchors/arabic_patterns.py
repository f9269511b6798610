"""The verb a verbal noun or participle is derived from, by its pattern (قائل, تقديم, مستخدم)."""

from __future__ import annotations

from collections.abc import Iterator


def verb_candidates(word: str) -> Iterator[str]:
    """The past-tense verbs (as the lexicon lists them, normalised) that `word` may be the
    active or passive participle or the verbal noun of, the likelier first. It over-generates
    on purpose: a candidate only counts if the lexicon holds it; a word read so gets the
    verb's English, whose other forms (say: saying) the lexicon's English stems then reach."""
    n = len(word)
    if n == 4 and word[1] == "ا":
        if word[2] == "ي":
            yield word[0] + "ا" + word[3]  # قائل -> قال (a hollow root)
        yield word[0] + word[2] + word[3]  # كاتب -> كتب
    if n == 5 and word[0] == "م" and word[3] == "و":
        yield word[1] + word[2] + word[4]  # مكتوب -> كتب
    if n == 5 and word[0] == "ت" and word[3] == "ي":
        yield word[1] + word[2] + word[4]  # تقديم -> قدم
    if n == 5 and word[0] == "ا" and word[3] == "ا":
        yield "ا" + word[1] + word[2] + word[4]  # ارسال -> ارسل
        yield word[1] + word[2] + word[4]
    if n == 6 and word[0] == "ا" and word[2] == "ت" and word[4] == "ا":
        yield word[:4] + word[5]  # اجتماع -> اجتمع
    if n == 6 and word[0] == "ا" and word[1] == "ن" and word[4] == "ا":
        yield word[:4] + word[5]  # انتقال -> انتقل
    if n == 7 and word.startswith("است") and word[5] == "ا":
        yield word[:5] + word[6]  # استخدام -> استخدم
    if n in (5, 6) and word[0] == "م" and word[1] in "تس":
        yield "ا" + word[1:]  # مستخدم -> استخدم
    # (a م before three letters is left alone: مبهم "vague" is no بهم "with them", معاد no عاد)
