"""Both documents' paragraphs as sets of language-neutral concepts, and where each is written."""

# Arabic words reach English through the aligner's translation matrix (the shipped lexicon and
# transliterated names, reader.core.align.space); two texts in one language share their stems.
# Numbers, dates, glossary terms, handles and links are keys both languages share already.

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.params import AlignerParams
from reader.core.align.space import (
    Side,
    Space,
    build_space,
    lexicon_matrix,
    name_matrix,
    pair_space,
    read_as_written,
    side_features,
    stem_translations,
)
from reader.core.anchors.features import Anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem
from reader.core.progress import CancelCheck
from reader.core.text.document import Text

# a word as written from where it starts, marks and tatweel included
_WORD_AT = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640'’-]*[\w\u064b-\u065f]")
_SENTENCE_END = ".!?؟:;\"“”«»"


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a concept is first written in a paragraph, and how surely it is that concept
    (1, or a name's sound-alike score)."""

    text: str
    start: int
    end: int
    strength: float = 1.0
    capital: bool = False  # an English word capitalised inside a sentence: a name


Concepts = dict[str, Occurrence]


def _concept_keys(key: str) -> list[str]:
    """The concepts an anchor key stands for: a year is a year whether a number or in a date,
    and a date matches another at the precision both give (`8 December 2024` shares the day
    with `December 8` and the month with `December 2024`)."""
    prefix, _, value = key.partition(":")
    if prefix == "n" and value.isdigit() and 1900 <= int(value) <= 2100:
        return ["y:" + value]
    if prefix == "d":
        year, month, day = value.split("-")
        out = []
        if year != "0" and day != "0":
            out.append(key)
        if day != "0":
            out.append(f"dm:{month}-{day}")
        if year != "0":
            out += [f"ym:{year}-{month}", "y:" + year]
        return out
    return [key]


def _key_spans(anchors: Anchors, text: str) -> list[tuple[str, int, int]]:
    """Each anchor key of a paragraph with the span of its mention (keys() order)."""
    spans = [(n.start, n.end) for n in anchors.numbers]
    spans += [(d.start, d.end) for d in anchors.dates if d.month]
    spans += [(t.start, t.end) for t in anchors.terms]
    keys = anchors.keys()
    starts = anchors.key_offsets(text)
    for k in range(len(spans), len(keys)):
        start = starts[k]
        spans.append((start, start + len(keys[k].split(":", 1)[1]) + 1))
    return [(key, s, e) for key, (s, e) in zip(keys, spans, strict=True)]


def _word_at(text: str, start: int, fallback: str) -> tuple[str, int, int, bool]:
    if not text or start >= len(text):
        return fallback, 0, 0, False
    m = _WORD_AT.match(text, start)
    if m is None:
        return fallback, 0, 0, False
    before = text[:start].rstrip()
    capital = m.group()[:1].isupper() and bool(before) and before[-1] not in _SENTENCE_END
    return m.group(), start, m.end(), capital


def _add(found: Concepts, key: str, occurrence: Occurrence) -> None:
    old = found.get(key)
    if old is None or occurrence.strength > old.strength:
        found[key] = occurrence


@dataclass(slots=True)
class ConceptSpace:
    """Each paragraph of both documents as its concepts (keys: `w:<English stem>` for words,
    the anchor keys for the rest)."""

    a: list[Concepts]
    b: list[Concepts]


def _anchor_concepts(side: Side, anchors: list[Anchors], i: int, found: Concepts) -> None:
    text = side.texts[i]
    for key, start, end in _key_spans(anchors[i], text):
        for concept in _concept_keys(key):
            _add(found, concept, Occurrence(text[start:end], start, end))


def _target_concepts(side: Side, anchors: list[Anchors], space: Space) -> list[Concepts]:
    out = []
    for i, f in enumerate(side.features):
        found: Concepts = {}
        offsets = f.offsets if len(f.offsets) == len(f.words) else [len(side.texts[i])] * len(
            f.words)
        for stem, form, at in zip(f.words, f.forms, offsets, strict=True):
            if stem in space.tgt_vocab:
                text, s, e, capital = _word_at(side.texts[i], at, form)
                _add(found, "w:" + stem, Occurrence(text, s, e, 1.0, capital))
        _anchor_concepts(side, anchors, i, found)
        out.append(found)
    return out


def _source_concepts(
    side: Side, anchors: list[Anchors], space: Space, translation: sp.csr_matrix,
    ambiguity: bool,
) -> list[Concepts]:
    columns = list(space.tgt_vocab)
    src_index = {w: a for a, w in enumerate(space.src_vocab)}
    out = []
    for i, f in enumerate(side.features):
        found: Concepts = {}
        offsets = f.offsets if len(f.offsets) == len(f.words) else [len(side.texts[i])] * len(
            f.words)
        for stem, form, at in zip(f.words, f.forms, offsets, strict=True):
            a = src_index[stem]
            lo, hi = translation.indptr[a], translation.indptr[a + 1]
            if lo == hi:
                continue
            text, s, e, capital = _word_at(side.texts[i], at, form)
            # a word the lexicon reads many ways matches some word of any paragraph: each
            # reading counts for less (1 / sqrt of their number)
            readings = [c for c in translation.indices[lo:hi] if c < space.n_tgt_words]
            spread = 1.0 / math.sqrt(max(1, len(readings))) if ambiguity else 1.0
            for col, strength in zip(translation.indices[lo:hi], translation.data[lo:hi],
                                     strict=True):
                if col < space.n_tgt_words:
                    _add(found, "w:" + columns[col],
                         Occurrence(text, s, e, min(1.0, float(strength)) * spread, capital))
        _anchor_concepts(side, anchors, i, found)
        out.append(found)
    return out


def side_of(text: Text, glossary: Glossary, lexicon: Lexicon | None,
            cancelled: CancelCheck | None = None) -> tuple[Side, list[Anchors]]:
    """A text as the aligner's side (Arabic stemmed by the lexicon's stemmer) and its anchors."""
    anchors = text_anchors(text, glossary, cancelled)
    paragraphs = [p.text for p in text.paragraphs]
    kinds = [p.kind for p in text.paragraphs]
    stemmer = lexicon.stemmer if lexicon is not None and text.language == "ar" else None
    side = side_features(paragraphs, kinds, text.language, glossary, AlignerParams(), anchors,
                         cancelled, stemmer)
    return side, anchors


def _pair_space(src: Side, tgt: Side, lexicon: Lexicon | None) -> tuple[Space, sp.csr_matrix]:
    """The aligner's space and translation (space.pair_space), but a name matched by sound
    only to an English word the lexicon has as a translation is dropped: in the aligner an
    adjacent paragraph's context rescues such a guess (بحملة ~ "Holds"), here nothing would."""
    if lexicon is None:
        return pair_space(src, tgt, None, AlignerParams())
    space = build_space(src, tgt)
    translations = stem_translations(space, src, lexicon)
    names = name_matrix(space, src, tgt, translations, AlignerParams().name_threshold,
                        read_as_written(space, src, lexicon)).tocoo()
    english = _lexicon_english(lexicon)
    columns = list(space.tgt_vocab)
    keep = np.array([columns[c] not in english for c in names.col], dtype=bool)
    names = sp.csr_matrix((names.data[keep], (names.row[keep], names.col[keep])),
                          shape=names.shape)
    return space, (lexicon_matrix(space, translations) + names).tocsr()


@functools.lru_cache(maxsize=4)
def _lexicon_english(lexicon: Lexicon) -> frozenset[str]:
    """Every English stem the lexicon gives as a translation: common words, not names."""
    return frozenset(english_stem(part) for found in lexicon.entries.values()
                     for translation in found for part in translation.split())


def concept_space(a: Text, b: Text, glossary: Glossary, lexicon: Lexicon,
                  cancelled: CancelCheck | None = None) -> ConceptSpace:
    """Both texts' paragraphs as concepts: an Arabic text's words through the lexicon (and
    names by sound) into the English text's stems; two texts in one language by their stems."""
    cross = (a.language == "ar") != (b.language == "ar")
    swap = cross and b.language == "ar"  # the Arabic text is the one translated
    src_text, tgt_text = (b, a) if swap else (a, b)
    src, src_anchors = side_of(src_text, glossary, lexicon, cancelled)
    tgt, tgt_anchors = side_of(tgt_text, glossary, lexicon, cancelled)
    space, translation = _pair_space(src, tgt, lexicon if cross else None)
    src_concepts = _source_concepts(src, src_anchors, space, translation, cross)
    tgt_concepts = _target_concepts(tgt, tgt_anchors, space)
    return ConceptSpace(tgt_concepts, src_concepts) if swap else ConceptSpace(src_concepts,
                                                                              tgt_concepts)
