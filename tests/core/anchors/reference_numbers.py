"""Finding numbers as first written: the reference the token shortcuts are checked against."""

# Kept as `find_numbers` was before it looked only at the tokens a number may start at
# (issue 13): a Tok record for every word, and every word asked whether a number starts there.

from __future__ import annotations

from collections.abc import Iterable

from reader.core.anchors.number_words import Tok, may_hold_number, may_start_number
from reader.core.anchors.numbers import (
    _GROUPED,
    _NOT_TEXT,
    _NOT_TEXT_MARKS,
    _PLAIN,
    _RUN,
    NumberMention,
    _digits,
    _words,
)
from reader.core.arabic.normalise import _TOKEN, fold_for_search, original_span


def find_numbers(
    text: str, lang: str, *, skip_spans: Iterable[tuple[int, int]] = ()
) -> list[NumberMention]:
    folded, index = fold_for_search(text)
    if not may_hold_number(folded, lang):
        return []
    blocked = []
    if any(mark in folded for mark in _NOT_TEXT_MARKS):
        blocked = [(m.start(), m.end()) for m in _NOT_TEXT.finditer(folded)]
    toks: list[Tok] = []
    for m in _TOKEN.finditer(folded):
        s, e, w = m.start(), m.end(), m.group()
        if blocked and any(bs <= s < be for bs, be in blocked):
            continue
        if w[0].isdigit() and not (_GROUPED.fullmatch(w) or _PLAIN.fullmatch(w)):
            toks.extend(Tok(s + m.start(), s + m.end(), m.group()) for m in _RUN.finditer(w))
        else:
            toks.append(Tok(s, e, w))
    found: list[tuple[int, int, float, str | None, bool, bool]] = []
    i = 0
    while i < len(toks):
        word = toks[i].word
        if not word[0].isdigit() and not may_start_number(word, lang):
            i += 1
            continue
        parsed = (_digits if word[0].isdigit() else _words)(folded, toks, i, lang)
        if parsed is None:
            i += 1
            continue
        start, end, value, unit, is_year, from_words, i = parsed
        found.append((start, end, value, unit, is_year, from_words))
    skips = list(skip_spans)
    mentions = []
    for start, end, value, unit, is_year, from_words in found:
        s, e = original_span(index, start, end, len(text))
        if any(s < ke and ks < e for ks, ke in skips):
            continue
        mentions.append(NumberMention(value, s, e, text[s:e], unit, is_year, from_words))
    return mentions
