"""Words as the aligner counts them: function words to leave out, a light English stemmer."""

from __future__ import annotations

from functools import lru_cache

from reader.core.arabic.normalise import normalize
from reader.resources import resource_path


@lru_cache(maxsize=4)
def stopwords(lang: str) -> frozenset[str]:
    """Function words that carry no evidence of correspondence (resources/lexicon)."""
    path = resource_path("lexicon", f"stopwords-{lang}.txt")
    words = path.read_text(encoding="utf-8").split() if path.exists() else []
    if lang == "ar":
        words = [normalize(w) for w in words]
    return frozenset(words)


# Words that end like a plural but are not one of another word (news is not new + s).
_EN_NO_PLURAL = frozenset({"news", "series", "species", "goods"})


@lru_cache(maxsize=200_000)
def english_stem(word: str) -> str:
    """A deliberately light stem: case, possessive and regular plural/verb endings."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if w in _EN_NO_PLURAL:
        return w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
