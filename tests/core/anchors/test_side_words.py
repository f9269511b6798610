"""A side's words numbered as its runs are read are those numbered from its features again."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.one_side import begin_stems, stems_and_forms
from reader.core.align.side_tokens import SideTokens
from reader.core.anchors import side_features
from reader.core.anchors.features import _AR_WORD, Features, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.side_features import (
    arabic_words,
    side_paragraph_features,
    side_paragraph_words,
)
from reader.core.anchors.side_words import SideWords
from reader.core.arabic.normalise import _PRESENTATION, normalize
from reader.core.arabic.stemmer import Stemmer
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT

GLOSSARY = Glossary.load()
LEXICON = Lexicon.load()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Latin words among Arabic ones (two written forms of one lower case, an apostrophe's two
# forms), presentation forms (read paragraph by paragraph), marks and tatweel
ODD = st.sampled_from([
    "React npm", "react", "REACT", "TLS", "don't", "don’t", "Apple's", "apples", "ﻋﺸﺮ", "ﷲ",
    "وَقَالَ", "ـقال", "http www com", "a'b", "O’Neil's", "\u3000", "٢٠١٤", "café",
])
PARAGRAPH = st.lists(st.one_of(MIXED_TEXT, ODD), max_size=6).map(" ".join)
PARAGRAPHS = st.lists(PARAGRAPH, min_size=1, max_size=8)


def _same(texts: list[str], lang: str) -> None:
    for stemmer in (None, LEXICON.stemmer, Stemmer()):
        features, read = side_paragraph_words(texts, lang, GLOSSARY, None, stemmer)
        assert features == side_paragraph_features(texts, lang, GLOSSARY, None, stemmer)
        if read is None:  # only where a paragraph is read alone: presentation forms
            assert lang == "ar" and any(map(_PRESENTATION.search, texts))
            continue
        _same_tokens(features, read, lang)


def _same_tokens(features: list[Features], read: SideWords, lang: str) -> None:
    tokens, made = SideTokens.of(features), SideTokens.of_read(features, read)
    assert made.words == tokens.words
    assert made.word_ids.dtype == tokens.word_ids.dtype
    assert np.array_equal(made.word_ids, tokens.word_ids)
    assert np.array_equal(made.word_counts, tokens.word_counts)
    assert made.keys == tokens.keys and np.array_equal(made.key_ids, tokens.key_ids)
    if lang != "ar":
        assert made.stem_of is None
        return
    forms = list(chain.from_iterable(f.forms for f in features))
    stems = list(chain.from_iterable(f.words for f in features))
    pairs = dict(zip(forms, stems, strict=True))
    if made.stem_of is None:  # a form of two stems: the readings count them
        assert list(map(pairs.__getitem__, forms)) != stems
        return
    assert made.stem_of == pairs
    work = begin_stems(features, LEXICON, made)
    assert (work.vocab, work.forms) == stems_and_forms(features)


@SETTINGS
@given(PARAGRAPHS, LANG)
def test_words_numbered_as_read(texts: list[str], lang: str) -> None:
    _same(texts, lang)


@SETTINGS
@given(PARAGRAPHS, LANG, st.integers(1, 3), st.integers(1, 40))
def test_words_numbered_in_short_runs(texts: list[str], lang: str, paragraphs: int,
                                      chars: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(side_features, "_RUN_PARAGRAPHS", paragraphs)
        patch.setattr(side_features, "_RUN_CHARS", chars)
        _same(texts, lang)


@pytest.mark.parametrize("texts", [
    [""], ["قال React و npm", "react قال REACT"], ["قال don't و don’t", "Apple's apples"],
    ["ﻋﺸﺮ ﷲ قال", "قال"], ["قال", "قال قال", "وقال"], ["the king's men", "Kings"],
])
def test_words_numbered_at_the_edges(texts: list[str]) -> None:
    for lang in ("ar", "en"):
        _same(texts, lang)


def test_presentation_forms_leave_the_side_to_be_numbered_again() -> None:
    _, read = side_paragraph_words(["قال", "ﻋﺸﺮ"], "ar", GLOSSARY, None, LEXICON.stemmer)
    assert read is None


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_the_corpus_words_numbered_as_read(path: Path) -> None:
    text = load_text(path)
    anchors = text_anchors(text, GLOSSARY)
    features, read = side_paragraph_words([p.text for p in text.paragraphs], text.language,
                                          GLOSSARY, anchors, LEXICON.stemmer)
    assert read is not None
    _same_tokens(features, read, text.language)


TEXT = st.lists(st.one_of(MIXED_TEXT, ODD, st.sampled_from(["\n", "\n\n", " "])),
                max_size=12).map("".join)


@SETTINGS
@given(TEXT)
def test_arabic_words_are_the_patterns_in_the_normalized_text(text: str) -> None:
    assert arabic_words(text) == _AR_WORD.findall(normalize(text))
