"""What survives translation in a paragraph: numbers, dates, terms, handles, links, names, words."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

from reader.core.anchors.dates import DateMention, find_dates
from reader.core.anchors.glossary import Glossary, TermMention
from reader.core.anchors.numbers import NumberMention, find_numbers
from reader.core.anchors.words import english_stem, stopwords
from reader.core.arabic.normalise import keep_fold, normalize, normalize_with_offsets, side_folds
from reader.core.arabic.stemmer import Stemmer
from reader.core.errors import Cancelled
from reader.core.text.document import Text

HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
HASHTAG = re.compile(r"(?<![\w#])#(\w{2,60})")
URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
_EN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_HAS_LATIN = re.compile(r"[A-Za-z]{2}")
# the pieces every web address has: an Arabic line that is only a link ("[homepage]: https://
# www.contributor-covenant.org") would otherwise share them with every English line holding one
_ADDRESS_PARTS = frozenset({"http", "https", "www", "com", "org", "net", "html", "htm"})
_AR_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")


_PLAIN_STEMMER = Stemmer()


@lru_cache(maxsize=8)
def _content_stems(stemmer: Stemmer) -> dict[str, str]:
    """Each Arabic word's content stem as `stemmer` reads it, filled in as words come (one
    look-up per word of a paragraph instead of four): one table per stemmer, kept."""
    return {}


def _arabic_content_stem(word: str, stemmer: Stemmer) -> str:
    """The stem of a normalized Arabic word, or "" when the word or its stem is a stopword or
    the word a single letter."""
    stops = stopwords("ar")
    if word in stops or len(word) < 2:
        return ""
    stem = stemmer(word)
    return "" if stem in stops else stem


@lru_cache(maxsize=200_000)
def _english_content_word(word: str) -> tuple[str, str, bool] | None:
    """Stem, lower-case form and whether it may be a name, of an English word as written;
    None for a stopword or a single letter (cached: one look-up per word instead of four)."""
    lw = word.lower()
    if lw in stopwords("en") or len(lw) < 2:
        return None
    return english_stem(word), lw, word[0].isupper() and len(word) >= 3


@dataclass(slots=True)
class Anchors:
    """Everything in one paragraph that can be matched across the two languages.

    Mentions keep their spans (code points of the paragraph text) so that the divergence
    detector reports places, and `keys()` gives the language-neutral keys the aligner matches.
    """

    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    terms: list[TermMention] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def keys(self) -> list[str]:
        out = [f"n:{number_key(n.value)}" for n in self.numbers]
        out += [f"d:{d.year or 0}-{d.month or 0}-{d.day or 0}" for d in self.dates if d.month]
        out += [f"g:{t.term_id}" for t in self.terms]
        out += [f"h:{h.lower()}" for h in self.handles]
        out += [f"t:{normalize(h).lower()}" for h in self.hashtags]
        out += [f"u:{u.lower()}" for u in self.urls]
        return out

    def key_offsets(self, text: str) -> list[int]:
        """Where in `text` (the paragraph the anchors were found in) each of `keys()` starts."""
        out = [n.start for n in self.numbers]
        out += [d.start for d in self.dates if d.month]
        out += [t.start for t in self.terms]
        for prefix, found in (("@", self.handles), ("#", self.hashtags), ("", self.urls)):
            pos = 0
            for item in found:
                at = text.find(prefix + item, pos)
                pos = at + 1 if at >= 0 else pos
                out.append(max(at, 0))
        return out


def number_key(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def _may_link(text: str) -> bool:
    # Every match of URL holds "://", or a "." with a "w" or "W" (www.) or a "/" (pic.twitter.
    # com/), the only characters those match with case ignored: most Arabic paragraphs hold
    # none of those, and lowering them costs more than these tests (which cut only texts
    # where URL finds nothing, so the links are those the lower-case test let through).
    if "://" not in text and ("." not in text or (
            "w" not in text and "W" not in text and "/" not in text)):
        return False
    lowered = text.lower()
    return "http" in lowered or "www." in lowered or "pic.twitter.com/" in lowered


def find_anchors(text: str, lang: str, glossary: Glossary | None) -> Anchors:
    """Anchors of one paragraph; numbers inside dates, terms or links are left to those."""
    # most paragraphs have no link, handle or hashtag: a substring test is far cheaper than
    # running the patterns over them
    urls = [(m.start(), m.end()) for m in URL.finditer(text)] if _may_link(text) else []
    dates = find_dates(text, lang)
    numbers = find_numbers(text, lang)
    terms = glossary.find_terms(text, lang) if glossary is not None else []
    if urls:  # (without a link every mention is outside them)
        dates = [d for d in dates if _outside(urls, d.start, d.end)]
        numbers = [n for n in numbers if _outside(urls, n.start, n.end)]
        terms = [t for t in terms if _outside(urls, t.start, t.end)]
    return Anchors(
        numbers=numbers,
        dates=dates,
        terms=terms,
        handles=[m.group(1) for m in HANDLE.finditer(text)] if "@" in text else [],
        hashtags=(
            [m.group(1) for m in HASHTAG.finditer(text) if not m.group(1).isdigit()]
            if "#" in text
            else []
        ),
        urls=[text[s:e] for s, e in urls],
    )


# Anchors of the last few texts seen, so that detecting again after a hand-made change of the
# alignment does not parse every paragraph again: (sha256, language, glossary) -> anchors.
_ANCHOR_CACHE: OrderedDict[tuple[str, str, int], list[Anchors]] = OrderedDict()
_ANCHOR_CACHE_SIZE = 4


def text_anchors(
    text: Text, glossary: Glossary | None, cancelled: Callable[[], bool] | None = None
) -> list[Anchors]:
    """The anchors of every paragraph of a text, extracted once and kept for a few texts."""
    key = (text.sha256 or str(id(text)), text.language, id(glossary))
    if text.sha256 and key in _ANCHOR_CACHE:
        cached = _ANCHOR_CACHE[key]
        if len(cached) == len(text):
            _ANCHOR_CACHE.move_to_end(key)
            return cached
    found = []
    # an Arabic side's search folds (dates, numbers and terms each fold a paragraph) made for
    # many paragraphs at once, each handed to the fold's memory before its paragraph is read
    folds = (side_folds([p.text for p in text.paragraphs]) if text.language == "ar"
             else repeat(None))
    for p, fold in zip(text.paragraphs, folds, strict=False):  # (repeat: endless)
        if cancelled is not None and p.index % 256 == 0 and cancelled():
            raise Cancelled()
        if fold is not None:
            keep_fold(p.text, *fold)
        found.append(find_anchors(p.text, text.language, glossary))
    keep_anchors(text, glossary, found)
    return found


def keep_anchors(text: Text, glossary: Glossary | None, found: list[Anchors]) -> None:
    """Keep a text's anchors as `text_anchors` does, e.g. found in a second process."""
    if text.sha256:
        _ANCHOR_CACHE[(text.sha256, text.language, id(glossary))] = found
        while len(_ANCHOR_CACHE) > _ANCHOR_CACHE_SIZE:
            _ANCHOR_CACHE.popitem(last=False)


def known_anchors(text: Text, glossary: Glossary | None) -> list[Anchors] | None:
    """The anchors `text_anchors` keeps for the text and glossary, if it keeps them."""
    cached = _ANCHOR_CACHE.get((text.sha256, text.language, id(glossary))) if text.sha256 else None
    return cached if cached is not None and len(cached) == len(text) else None


@dataclass(slots=True)
class Features:
    """A paragraph reduced to what the aligner compares."""

    length: int
    words: list[str]  # stems: what the aligner counts and learns on
    keys: list[str]
    names: list[str]
    forms: list[str] = field(default_factory=list)  # each stem's word as written (normalized)
    # where each word and each key starts in the paragraph text (code points, ascending; keys
    # are kept in that order); `offsets` is empty when words cannot be placed (Arabic
    # presentation forms)
    offsets: list[int] = field(default_factory=list)
    key_offsets: list[int] = field(default_factory=list)

    def within(self, start: int, end: int, length: int) -> Features:
        """The features of the part [start, end) of the paragraph, `length` long."""
        lo, hi = bisect_left(self.offsets, start), bisect_left(self.offsets, end)
        k_lo, k_hi = bisect_left(self.key_offsets, start), bisect_left(self.key_offsets, end)
        return Features(length, self.words[lo:hi], self.keys[k_lo:k_hi], [], self.forms[lo:hi],
                        self.offsets[lo:hi], self.key_offsets[k_lo:k_hi])


def mask_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the spans blanked out (same length, so offsets still hold)."""
    if not spans:
        return text
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _with_latin_words(
    text: str, words: list[str], forms: list[str], offsets: list[int]
) -> tuple[list[str], list[str], list[int]]:
    """An Arabic paragraph's words with those it writes in Latin letters (a product, a
    command, an acronym: React, npm, TLS) added as the English side has them, stemmed the
    same way, in the order of the text (their offsets are the paragraph's own)."""
    latin = []
    for m in _EN_WORD.finditer(text):
        content = _english_content_word(m.group())
        if content is not None and content[1] not in _ADDRESS_PARTS:
            latin.append((m.start(), content[0], content[1]))
    if not latin:
        return words, forms, offsets
    if len(offsets) != len(words):  # no places: keep the order of finding, and none
        return (words + [w for _, w, _ in latin], forms + [f for _, _, f in latin], [])
    merged = sorted([*zip(offsets, words, forms, strict=True), *latin], key=lambda x: x[0])
    return [w for _, w, _ in merged], [f for _, _, f in merged], [o for o, _, _ in merged]


def is_latin_word(word: str) -> bool:
    """A stem of an Arabic paragraph's word written in Latin letters (`_with_latin_words`)."""
    return word[:1].isascii()


def _visible_length(text: str) -> int:
    """Characters that are not white space: the length Gale and Church count."""
    if text.isascii():  # the white space str.split() cuts at, counted (a third of the time)
        return len(text) - sum(map(text.count, _ASCII_SPACES))
    return len("".join(text.split()))


_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


def _has_latin(text: str) -> bool:
    """`_HAS_LATIN.search(text)`, after a test for any ASCII letter in the text's bytes (an
    Arabic paragraph seldom holds one, and the test costs a third of the pattern's scan)."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _ASCII_LETTERS)) == len(data):
        return False
    return _HAS_LATIN.search(text) is not None


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def paragraph_features(
    text: str,
    lang: str,
    glossary: Glossary | None,
    anchors: Anchors | None = None,
    stemmer: Stemmer | None = None,
) -> Features:
    """Length, content words (stemmed), anchor keys and name candidates of one paragraph.

    Arabic words are stemmed by `stemmer` (a lexicon's, `Lexicon.stemmer`, tells clitics from
    letters of known words), by `strip_clitics` without one."""
    anchors = anchors if anchors is not None else find_anchors(text, lang, glossary)
    masked = mask_spans(text, [(t.start, t.end) for t in anchors.terms])
    if lang == "ar":
        norm, raw_offset = normalize_with_offsets(masked)
        length = _visible_length(norm)
        forms: list[str] = []
        words: list[str] = []
        offsets: list[int] = []
        stemmer = stemmer if stemmer is not None else _PLAIN_STEMMER
        stems = _content_stems(stemmer)
        known = stems.get
        # (a word's loop: methods bound once, a match's text by subscript, ~15 % less time)
        add_word, add_form, add_offset = words.append, forms.append, offsets.append
        for m in _AR_WORD.finditer(norm):
            w = m[0]
            stem = known(w)
            if stem is None:
                stem = stems[w] = _arabic_content_stem(w, stemmer)
            if stem:
                add_word(stem)
                add_form(w)
                add_offset(m.start())
        names = [w for w in words if len(w) >= 3]
        # offsets into the paragraph text; none when normalising changed more than marks
        offsets = list(map(raw_offset.__getitem__, offsets)) if raw_offset is not None else []
        if _has_latin(masked):
            words, forms, offsets = _with_latin_words(masked, words, forms, offsets)
    else:
        length = _visible_length(text)
        words = []
        forms = []
        names = []
        offsets = []
        add_word, add_form, add_offset = words.append, forms.append, offsets.append
        content_word = _english_content_word
        for m in _EN_WORD.finditer(masked):
            w = m[0]
            content = content_word(w)
            if content is None:
                continue
            stem, lw, may_be_name = content
            add_word(stem)
            add_form(lw)
            add_offset(m.start())
            if may_be_name:
                names.append(w)
    if not (anchors.numbers or anchors.dates or anchors.terms or anchors.handles
            or anchors.hashtags or anchors.urls):
        return Features(length, words, [], names, forms, offsets, [])  # most paragraphs
    keys, key_offsets = placed_keys(anchors, text)
    return Features(length, words, keys, names, forms, offsets, key_offsets)


def placed_keys(anchors: Anchors, text: str) -> tuple[list[str], list[int]]:
    """The anchors' keys in the order of their places in `text`, and those places: `keys()`
    and `key_offsets(text)` sorted together (made here as pairs, in one pass)."""
    placed = [(n.start, f"n:{number_key(n.value)}") for n in anchors.numbers]
    if anchors.dates:
        placed += [(d.start, f"d:{d.year or 0}-{d.month or 0}-{d.day or 0}")
                   for d in anchors.dates if d.month]
    placed += [(t.start, f"g:{t.term_id}") for t in anchors.terms]
    if anchors.handles or anchors.hashtags or anchors.urls:
        offsets = anchors.key_offsets(text)[len(placed):]
        keys = [f"h:{h.lower()}" for h in anchors.handles]
        keys += [f"t:{normalize(h).lower()}" for h in anchors.hashtags]
        keys += [f"u:{u.lower()}" for u in anchors.urls]
        placed += zip(offsets, keys, strict=True)
    if len(placed) > 1:
        placed.sort()
    return [k for _, k in placed], [o for o, _ in placed]
