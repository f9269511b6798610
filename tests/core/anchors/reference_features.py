"""A paragraph's features as first written: the reference their fast path is checked against."""

# Kept as `paragraph_features` was before it gave a paragraph without anchors no keys at once
# (issue 13). (Splitting the words out in one call and picking the content words by their
# stems was tried and measured no faster: the word pattern's scan is most of the cost.)

from __future__ import annotations

from reader.core.anchors.features import (
    _AR_WORD,
    _EN_WORD,
    _HAS_LATIN,
    _PLAIN_STEMMER,
    Anchors,
    Features,
    _arabic_content_stem,
    _content_stems,
    _english_content_word,
    _with_latin_words,
    find_anchors,
    mask_spans,
)
from reader.core.anchors.glossary import Glossary
from reader.core.arabic.normalise import normalize_with_offsets
from reader.core.arabic.stemmer import Stemmer


def _visible_length(text: str) -> int:
    return len("".join(text.split()))


def paragraph_features(
    text: str,
    lang: str,
    glossary: Glossary | None,
    anchors: Anchors | None = None,
    stemmer: Stemmer | None = None,
) -> Features:
    anchors = anchors if anchors is not None else find_anchors(text, lang, glossary)
    masked = mask_spans(text, [(t.start, t.end) for t in anchors.terms])
    if lang == "ar":
        norm, raw_offset = normalize_with_offsets(masked)
        length = _visible_length(norm)
        forms = []
        words = []
        offsets = []
        stemmer = stemmer if stemmer is not None else _PLAIN_STEMMER
        stems = _content_stems(stemmer)
        for m in _AR_WORD.finditer(norm):
            w = m.group()
            stem = stems.get(w)
            if stem is None:
                stem = stems[w] = _arabic_content_stem(w, stemmer)
            if stem:
                words.append(stem)
                forms.append(w)
                offsets.append(m.start())
        names = [w for w in words if len(w) >= 3]
        offsets = [raw_offset[o] for o in offsets] if raw_offset is not None else []
        if _HAS_LATIN.search(masked):  # not a fast path: checked in test_features
            words, forms, offsets = _with_latin_words(masked, words, forms, offsets)
    else:
        length = _visible_length(text)
        words = []
        forms = []
        names = []
        offsets = []
        for m in _EN_WORD.finditer(masked):
            w = m.group()
            content = _english_content_word(w)
            if content is None:
                continue
            stem, lw, may_be_name = content
            words.append(stem)
            forms.append(lw)
            offsets.append(m.start())
            if may_be_name:
                names.append(w)
    placed = sorted(zip(anchors.key_offsets(text), anchors.keys(), strict=True))
    return Features(
        length=length, words=words, keys=[k for _, k in placed], names=names, forms=forms,
        offsets=offsets, key_offsets=[o for o, _ in placed],
    )
