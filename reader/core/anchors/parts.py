"""The anchors of a paragraph's sentences, taken from the paragraph's where that is exact."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reader.core.anchors.dates import find_dates, may_hold_date
from reader.core.anchors.features import HANDLE, HASHTAG, Anchors, find_anchors
from reader.core.anchors.glossary import Glossary, TermMention
from reader.core.anchors.numbers import NumberMention, find_numbers
from reader.core.anchors.term_edges import may_cross
from reader.core.arabic.normalise import DIACRITICS, TATWEEL
from reader.core.text.sentences import Sentence

# Where an Arabic sentence may start a word that folds to عشر: read alone, "عشر" there is ten,
# while in its paragraph an ordinal at the end of the sentence before makes it part of "the
# nineteenth" (numbers look one word back across the boundary). Marks and tatweel are dropped
# by the fold, so they do not join a word to the letter before, nor its letters to each other;
# presentation forms fold to letters only through NFKC. A match here only costs reading the
# sentence afresh (a word beginning with ع alone, as in على and عن, is too common for that).
_MARKS = r"[\u0640\u064b-\u065f\u0670]*"
_DROPPED = "[" + DIACRITICS.pattern[1:-1] + TATWEEL + "]*"  # every mark the fold drops
_MAY_BE_TEN = re.compile(
    rf"(?<![\u0621-\u063f\u0641-\u064a]){_MARKS}ع{_DROPPED}ش{_DROPPED}ر"
    r"|[\ufb00-\ufdff\ufe70-\ufeff\uff00-\uffef]"
)


def sentence_anchors(
    paragraph: str,
    anchors: Anchors,
    sentences: Sequence[Sentence],
    lang: str,
    glossary: Glossary | None,
) -> list[Anchors]:
    """`find_anchors` of each sentence of `paragraph`, whose own anchors (`find_anchors` of it
    with the same glossary) are `anchors`.

    Numbers are the paragraph's that lie inside the sentence, unless one crosses its edge or the
    sentence may begin with "ten" after an ordinal; dates are read again only if the paragraph
    may hold one; terms are the paragraph's, unless one crosses the sentence's edge or a term
    of the glossary might (then a match the glossary drops, which is not among the paragraph's
    anchors, might hide others); handles and hashtags are read again from the sentence.
    A paragraph with a link is read again sentence by sentence: a link hides the numbers in it,
    and a number spanning one is dropped from the paragraph's anchors, not from a sentence's.
    A paragraph that is one sentence has `anchors` themselves as its sentence's (same text).
    """
    if len(sentences) == 1 and sentences[0].text == paragraph:
        return [anchors]  # (a fifth of the sentence check's paragraphs on the bench's `large`)
    if anchors.urls:
        return [find_anchors(s.text, lang, glossary) for s in sentences]
    dates = may_hold_date(paragraph, lang)
    # whether a term may run across the end of each sentence but the last (asked once: it is
    # the start of the next)
    crossing = ([may_cross(glossary, paragraph, s.end, lang) for s in sentences[:-1]]
                if glossary is not None else [])
    out = []
    for k, s in enumerate(sentences):
        text = s.text
        out.append(Anchors(
            numbers=_numbers(anchors.numbers, s, lang, first=k == 0),
            dates=find_dates(text, lang) if dates else [],
            terms=_terms(anchors.terms, s, (k > 0 and crossing[k - 1])
                         or (k + 1 < len(sentences) and crossing[k]), lang, glossary),
            handles=[m.group(1) for m in HANDLE.finditer(text)] if "@" in text else [],
            hashtags=(
                [m.group(1) for m in HASHTAG.finditer(text) if not m.group(1).isdigit()]
                if "#" in text
                else []
            ),
        ))
    return out


def _numbers(
    numbers: list[NumberMention], s: Sentence, lang: str, first: bool
) -> list[NumberMention]:
    """The paragraph's numbers inside sentence `s`, moved to its offsets (read again from the
    sentence where that might differ)."""
    inside = []
    for n in numbers:
        if n.end <= s.start or n.start >= s.end:
            continue
        if n.start < s.start or n.end > s.end:
            return find_numbers(s.text, lang)  # a number across the sentence's edge
        inside.append(n)
    if lang == "ar" and not first and _MAY_BE_TEN.search(s.text):
        return find_numbers(s.text, lang)
    return [replace(n, start=n.start - s.start, end=n.end - s.start) for n in inside]


def _terms(
    terms: list[TermMention],
    s: Sentence,
    crossed: bool,
    lang: str,
    glossary: Glossary | None,
) -> list[TermMention]:
    """The paragraph's terms inside sentence `s`, moved to its offsets (read again from the
    sentence where that might differ: `crossed`, a term of the glossary may run across one of
    its edges)."""
    if glossary is None:
        return []
    if crossed:
        return glossary.find_terms(s.text, lang)
    inside = []
    for t in terms:
        if t.end <= s.start or t.start >= s.end:
            continue
        if t.start < s.start or t.end > s.end:
            return glossary.find_terms(s.text, lang)
        inside.append(t)
    return [TermMention(t.term_id, t.start - s.start, t.end - s.start, t.surface)
            for t in inside]
