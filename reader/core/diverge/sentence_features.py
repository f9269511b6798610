"""The aligner's features of a paragraph's sentences, cut from the paragraph's where exact."""

# The divergence detector aligns the sentences of hundreds of beads (diverge.sentences), and each
# sentence's `paragraph_features` normalised, matched and stemmed its words again: the aligner
# had already done so for the whole paragraph. A sentence's words are the paragraph's words that
# start inside it when the sentence's terms mask what the paragraph's mask there (its terms are
# the paragraph's), when no word runs across its edges (the word patterns take runs of letters;
# Arabic normalisation maps or drops one character at a time), and when the paragraph's words
# have places (no presentation forms, which normalise through NFKC). Its length, names and keys
# are counted from the sentence itself. Anything else is read from the sentence afresh.

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.core.align.prepared import PreparedPair
from reader.core.anchors.features import (
    Anchors,
    Features,
    mask_spans,
    paragraph_features,
    placed_keys,
)
from reader.core.anchors.glossary import Glossary
from reader.core.arabic.normalise import DIACRITICS, TATWEEL, normalize
from reader.core.arabic.stemmer import Stemmer
from reader.core.text.sentences import Sentence

# what `features._EN_WORD` and `features._AR_WORD` take, character by character
_EN_LETTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’")
_AR_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
# the characters Arabic normalisation drops (normalise._DROPPED) and presentation forms
_DROPPED = re.compile("[" + DIACRITICS.pattern[1:-1] + TATWEEL + "]")
_PRESENTATION = re.compile("[\ufb50-\ufeff]")
# an Arabic text's words in Latin letters are read only where two such letters follow each
# other (`features._HAS_LATIN`): a sentence without two has none, though its paragraph has
_HAS_LATIN = re.compile(r"[A-Za-z]{2}")


def prepared_features(prepared: PreparedPair) -> tuple[list[Features], list[Features]]:
    """The paragraphs' features of a prepared pair: the caller's source's, then its target's."""
    sides = (prepared.tgt, prepared.src) if prepared.swapped else (prepared.src, prepared.tgt)
    return sides[0].features, sides[1].features


def sentence_features(
    paragraph: str,
    features: Features | None,
    anchors: Anchors,
    sentences: Sequence[Sentence],
    sentence_anchors: Sequence[Anchors],
    lang: str,
    glossary: Glossary | None,
    stemmer: Stemmer | None,
) -> list[Features]:
    """`paragraph_features` of each sentence with its anchors (`sentence_anchors`), `glossary`
    and `stemmer`. `features` is the paragraph's (`paragraph_features` of it with `anchors`,
    the same glossary and stemmer), or None: then every sentence is read afresh. A paragraph
    that is one sentence, with the paragraph's anchors as its own (the same object, as
    anchors.parts gives them), has `features` themselves as its sentence's (same text, same
    anchors: the same features; nothing changes them after)."""
    if (features is not None and len(sentences) == 1 and sentence_anchors[0] is anchors
            and sentences[0].text == paragraph):
        return [features]  # (a fifth of the sentence check's paragraphs on the bench's `large`)
    cut = _Cutter.of(paragraph, features, anchors, lang)
    out = []
    for s, a in zip(sentences, sentence_anchors, strict=True):
        found = cut.sentence(s, a) if cut is not None else None
        out.append(found if found is not None
                   else paragraph_features(s.text, lang, glossary, a, stemmer))
    return out


class _Cutter:
    """A paragraph's features, and what tells whether a sentence's may be cut from them."""

    def __init__(self, paragraph: str, features: Features, anchors: Anchors, lang: str) -> None:
        self.paragraph = paragraph
        self.features = features
        self.arabic = lang == "ar"
        self.terms = [(t.start, t.end) for t in anchors.terms]
        self.masked = mask_spans(paragraph, self.terms)
        self.marked = self.arabic and _DROPPED.search(self.masked) is not None
        # whether the paragraph's words hold some in Latin letters (an Arabic paragraph's)
        self.latin = self.arabic and _HAS_LATIN.search(self.masked) is not None

    @classmethod
    def of(cls, paragraph: str, features: Features | None, anchors: Anchors, lang: str
           ) -> _Cutter | None:
        if features is None or len(features.offsets) != len(features.words):
            return None  # words without places (or no features): nothing to cut
        if lang == "ar" and _PRESENTATION.search(paragraph):
            return None  # normalised through NFKC, which need not go character by character
        return cls(paragraph, features, anchors, lang)

    def sentence(self, s: Sentence, anchors: Anchors) -> Features | None:
        """The sentence's features cut from the paragraph's, or None where that may differ."""
        start, end = s.start, s.end
        if (end - start != len(s.text) or not self.paragraph.startswith(s.text, start)
                or not self._same_terms(start, end, anchors)):
            return None
        if self._joined(start) or self._joined(end):
            return None
        f = self.features
        lo, hi = bisect_left(f.offsets, start), bisect_left(f.offsets, end)
        words, forms = f.words[lo:hi], f.forms[lo:hi]
        placed = f.offsets[lo:hi]
        if self.arabic:
            masked = self.masked[start:end]
            length = len("".join(masked.split()))
            if self.marked:
                length -= len(_DROPPED.findall(masked))  # normalising drops them
            if not self.latin:
                names = [w for w in words if len(w) >= 3]
            else:
                if _HAS_LATIN.search(masked) is None:  # the sentence reads no Latin words
                    kept = [k for k, w in enumerate(words) if not w[:1].isascii()]
                    if len(kept) < len(words):
                        words = [words[k] for k in kept]
                        forms = [forms[k] for k in kept]
                        placed = [placed[k] for k in kept]
                # (a Latin word's stem starts with an ASCII letter: features.is_latin_word)
                names = [w for w in words if len(w) >= 3 and not w[:1].isascii()]
        else:
            length = len("".join(s.text.split()))
            text = self.paragraph
            # a word as written (its form is it lower-cased: ASCII letters and apostrophes)
            names = [text[o : o + len(form)] for o, form in zip(placed, forms, strict=True)
                     if len(form) >= 3 and text[o].isupper()]
        if anchors.numbers or anchors.dates or anchors.terms or anchors.handles or (
                anchors.hashtags or anchors.urls):
            keys, key_offsets = placed_keys(anchors, s.text)
        else:
            keys, key_offsets = [], []
        return Features(length, words, keys, names, forms,
                        [o - start for o in placed] if start else placed, key_offsets)

    def _same_terms(self, start: int, end: int, anchors: Anchors) -> bool:
        """Whether the sentence's terms are the paragraph's inside it (so both masks agree)."""
        if not self.terms:
            return not anchors.terms
        inside = [(a, b) for a, b in self.terms if b > start and a < end]
        if any(a < start or b > end for a, b in inside):
            return False
        return inside == [(t.start + start, t.end + start) for t in anchors.terms]

    def _joined(self, q: int) -> bool:
        """Whether a word of the (masked) paragraph may run across position q."""
        text = self.masked
        if q <= 0 or q >= len(text) or text[q - 1].isspace() or text[q].isspace():
            return False  # (most sentences: a space between them, which no word holds)
        if not self.arabic or (self.latin and text[q - 1] in _EN_LETTER):
            if text[q - 1] in _EN_LETTER and text[q] in _EN_LETTER:
                return True
            if not self.arabic:
                return False
        before, after = q - 1, q
        while before >= 0 and _DROPPED.match(text, before):
            before -= 1
        while after < len(text) and _DROPPED.match(text, after):
            after += 1
        if before < 0 or after >= len(text):
            return False
        return _arabic_letter(text[before]) and _arabic_letter(text[after])


@functools.cache
def _arabic_letter(c: str) -> bool:
    """Whether a character is, once normalised, one `features._AR_WORD` takes."""
    return _AR_LETTER.match(normalize(c)) is not None
