"""Whether a glossary match may run across the end of a sentence (anchors.parts asks)."""

from __future__ import annotations

import functools

from reader.core.anchors.glossary import _EN_ARTICLE, _EN_FOLD, _SPACES, Glossary
from reader.core.anchors.tsv import ar_key


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


@functools.lru_cache(maxsize=16)
def crossing_tails(glossary: Glossary, lang: str) -> tuple[str, ...] | None:
    """How a text must end, in lower case, for a match of the glossary to go on past a sign
    that ends a sentence and the white space after it: the signs (not word characters, not
    separators) that a term has right before a space or dash, with the word before them
    ("j." of "Donald J. Trump"). None when any end will do (an Arabic term with such a sign).

    A match crosses from one sentence to the next only over the sign that ends the first and
    the white space after it; the pattern takes white space only where a term has a space (or,
    in English, a dash), so the term must have that sign there.
    """
    tails: set[str] = set()
    for term in glossary:
        for variant in term.ar if lang == "ar" else term.en:
            if lang == "ar":
                text = ar_key(variant)
            else:
                text = _EN_ARTICLE.sub("", _SPACES.sub(" ", variant.translate(_EN_FOLD)).strip())
            for k in range(1, len(text)):
                c, before = text[k], text[k - 1]
                if not (c.isspace() or (c == "-" and lang != "ar")) or _is_word(before) or (
                    before.isspace() or before == "-"
                ):
                    continue
                if lang == "ar":
                    return None
                # the word up to the sign, from after its last apostrophe (which the pattern
                # may find left out)
                start = k - 1
                while start > 0 and not (text[start - 1].isspace() or text[start - 1] in "-'"):
                    start -= 1
                tails.add(text[start:k].lower() if before != "'" else "'")
    return tuple(sorted(tails))


def may_cross(glossary: Glossary | None, text: str, end: int, lang: str) -> bool:
    """Whether a match of the glossary in `text` may run across offset `end`, where a sentence
    ends and white space follows."""
    if glossary is None:
        return False
    tails = crossing_tails(glossary, lang.split("-")[0].lower())
    if tails is None:
        return True
    if not tails:
        return False
    before = text[max(0, end - max(map(len, tails))) : end]
    if not before.isascii():  # letters that match ASCII ones when case is ignored (ſ, K)
        return True
    before = before.lower()
    return any(before.endswith(t) for t in tails)
