"""Names across scripts: consonant skeletons of Arabic and English names, and their likeness."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.core.arabic.affixes import ARTICLE_FORMS
from reader.core.arabic.normalise import normalize

# The shared class alphabet: B T D Z S J K G X H F W Y L M N R Q(ayn is dropped, like vowels).
_AR_CLASSES = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "J", "چ": "J", "ح": "H", "ه": "H",
    "خ": "X", "د": "D", "ذ": "D", "ض": "D", "ر": "R", "ز": "Z", "ظ": "Z", "ژ": "Z",
    "س": "S", "ش": "S", "ص": "S", "غ": "G", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K",
    "ل": "L", "م": "M", "ن": "N", "و": "W", "ي": "Y",
}
_EN_DIGRAPHS = {"sh": "S", "ch": "S", "th": "T", "kh": "X", "gh": "G", "dh": "D", "ph": "F",
                "ck": "K", "zh": "Z"}
_EN_CLASSES = {
    "b": "B", "p": "B", "t": "T", "d": "D", "j": "J", "g": "J", "h": "H", "z": "Z", "s": "S",
    "c": "K", "k": "K", "q": "K", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N", "r": "R",
    "w": "W", "y": "Y",
}
# "al-", "el-" and the assimilated article before sun letters ("ash-Sham", "ad-Din").
_EN_ARTICLE_WORDS = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul"})
_EN_ARTICLE = re.compile(r"^(?:al|el|a[dnrstz]|ash|ath|adh|ul)[-‐‑]")
_APOSTROPHES = re.compile("[’'‘`ʿʾ]")


@lru_cache(maxsize=65_536)  # name checks compare the same words with many names
def skeleton(word: str, lang: str) -> str:
    """The consonant skeleton of a name, in a class alphabet shared by Arabic and English.

    Arabic: the article (and وال بال لل...) is dropped, consonants map to classes (س ش ص -> S,
    ت ط ث -> T, ق ك -> K, د ذ ض -> D...), alef, hamza, ayn and ta marbuta vanish, and و ي count
    only at the start of a word. English: lowercased, "al-"/"el-" dropped, digraphs (sh th kh gh
    dh ph) folded to the same classes, vowels dropped, w y only word-initially. Doubled classes
    collapse. Several words are concatenated (حزب الله -> HZBLH = Hezbollah).
    """
    if lang == "ar":
        parts = [_ar_skeleton(w) for w in normalize_for_skeleton(word).split()]
    elif lang == "en":
        words = word.lower().split()
        while len(words) > 1 and words[0] in _EN_ARTICLE_WORDS:
            words = words[1:]
        parts = [_en_skeleton(w) for w in words]
    else:
        raise ValueError(f"skeleton: unsupported language {lang!r} (use 'ar' or 'en')")
    return _collapse("".join(parts))


def normalize_for_skeleton(text: str) -> str:
    # ta marbuta is silent in names (حمزة = Hamza); drop it before normalize turns it into ه
    return normalize(re.sub("ة(?![\u0621-\u064a])", "", text))


def _ar_skeleton(w: str) -> str:
    for prefix in ARTICLE_FORMS:
        if w.startswith(prefix) and len(w) - len(prefix) >= 2:
            w = w[len(prefix) :]
            break
    out = []
    for i, ch in enumerate(w):
        cls = _AR_CLASSES.get(ch)
        if cls is None or (cls in "WY" and i > 0):
            continue
        out.append(cls)
    return "".join(out)


def _en_skeleton(w: str) -> str:
    w = _APOSTROPHES.sub("", unicodedata.normalize("NFKD", w))
    w = "".join(c for c in w if c.isalpha() or c in "-‐‑")
    w = _EN_ARTICLE.sub("", w, count=1)
    out = []
    i = 0
    first = True
    while i < len(w):
        pair = w[i : i + 2]
        if pair in _EN_DIGRAPHS:
            out.append(_EN_DIGRAPHS[pair])
            i += 2
            first = False
            continue
        ch = w[i]
        i += 1
        if not ch.isalpha():
            first = True  # a hyphen starts a new word part
            continue
        if ch == "x":
            out.append("KS")
        elif ch == "c" and i < len(w) and w[i] in "eiy":
            out.append("S")
        else:
            cls = _EN_CLASSES.get(ch)
            if cls is not None and (cls not in "WY" or first):
                out.append(cls)
        first = False
    return "".join(out)


def _collapse(s: str) -> str:
    return "".join(c for i, c in enumerate(s) if i == 0 or c != s[i - 1])


def name_similarity(ar_word: str, en_word: str) -> float:
    """How alike an Arabic and an English name sound, in [0, 1], from their skeletons.

    Skeletons of up to 2 classes must match exactly (1.0 or 0.0); of 3, one edit costs more
    than rapidfuzz's ratio alone says, since short skeletons collide by chance.
    """
    a = skeleton(ar_word, "ar")
    b = skeleton(en_word, "en")
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if min(len(a), len(b)) <= 2:
        return 0.0
    # imported here: a process forked to prepare a side imports this module, not rapidfuzz
    from rapidfuzz import fuzz

    score = fuzz.ratio(a, b) / 100.0
    if max(len(a), len(b)) <= 3:
        score *= 0.75
    return score
