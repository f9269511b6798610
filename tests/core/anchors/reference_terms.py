"""Glossary terms as first found: each language's pattern searched at every character (the
reference `Glossary.find_terms`'s shortcuts, `anchors.term_starts`, are checked against)."""

from __future__ import annotations

from reader.core.anchors.glossary import _EN_FOLD, _EN_FOLDED, Glossary, TermMention
from reader.core.arabic.normalise import fold_for_search, original_span


def find_terms(glossary: Glossary, text: str, lang: str) -> list[TermMention]:
    """`Glossary.find_terms` with the pattern's `finditer` over the whole text."""
    matcher = glossary._matcher(lang)
    if matcher is None or not text:
        return []
    index = None
    if lang == "ar":
        haystack, index = fold_for_search(text)
    else:
        haystack = text.translate(_EN_FOLD) if _EN_FOLDED.search(text) else text
    out = []
    for m in matcher.pattern.finditer(haystack):
        core = m["core"] or m.groupdict().get("bare") or ""
        term_id = matcher.ids.get(matcher.key(core))
        if term_id is None or term_id in matcher.ignored:
            continue
        start, end = m.span()
        if index is not None:
            start, end = original_span(index, start, end, len(text))
        out.append(TermMention(term_id, start, end, text[start:end]))
    return out
