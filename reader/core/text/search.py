"""Finding a query in a text, blind to Arabic diacritics, tatweel, letter forms and Latin case."""

from __future__ import annotations

import re
from collections import OrderedDict

from reader.core.arabic.normalise import fold_for_search, original_span
from reader.core.text.document import Text

Hit = tuple[int, int, int]  # paragraph index, start, end (code points of the paragraph text)


class SearchIndex:
    """The folded paragraphs of one text, made once and searched many times."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self._folded = [fold_for_search(p.text) for p in text.paragraphs]

    def find(self, query: str) -> list[Hit]:
        """Every non-overlapping occurrence of `query`, in reading order."""
        needle = fold_query(query)
        if not needle:
            return []
        # a space of the query matches any run of white space in the text, as in the query
        pattern = re.compile(r"\s+".join(re.escape(part) for part in needle.split(" ")))
        hits: list[Hit] = []
        for paragraph, (folded, index) in zip(self.text.paragraphs, self._folded, strict=True):
            if " " not in needle and needle not in folded:
                continue  # the common case, and far cheaper than the pattern
            for m in pattern.finditer(folded):
                start, end = original_span(index, m.start(), m.end(), len(paragraph.text))
                hits.append((paragraph.index, start, end))
        return hits


def fold_query(query: str) -> str:
    """The folded form of a query; runs of white space count as one space."""
    return fold_for_search(" ".join(query.split()))[0]


# A few recent indexes, so that searching as the user types does not fold a book per keystroke.
_CACHE_SIZE = 4
_cache: OrderedDict[int, SearchIndex] = OrderedDict()


def index_for(text: Text) -> SearchIndex:
    """The search index of a text, reused while the text object and its content stay the same."""
    key = id(text)
    index = _cache.get(key)
    if index is None or index.text is not text or len(index._folded) != len(text.paragraphs):
        index = SearchIndex(text)
        _cache[key] = index
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    _cache.move_to_end(key)
    return index


def find_all(text: Text, query: str) -> list[Hit]:
    """Hits of `query` in `text`: (paragraph index, start, end) in code points of the paragraph.

    `الاسد` finds `الأسد` and `الْأَسَد`, a query with diacritics finds the bare word, `assad`
    finds `Assad`; each span covers the original characters, marks included.
    """
    return index_for(text).find(query)
