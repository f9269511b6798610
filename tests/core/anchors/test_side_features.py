"""A side's features read at once are each paragraph's features as the word-by-word code gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors import side_features
from reader.core.anchors.features import find_anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.side_features import SPACES, side_paragraph_features
from reader.core.arabic.stemmer import Stemmer
from reader.core.errors import Cancelled
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.core.anchors import reference_features
from tests.core.anchors.side_strategies import LANG, MIXED_TEXT

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
GLOSSARY = Glossary.load()
STEMMER = Lexicon.load().stemmer
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# what the side's words hold besides MIXED_TEXT: apostrophes between, before and after letters,
# Arabic marks, tatweel and presentation forms, white space of every kind, Latin in Arabic
ODD = st.sampled_from([
    "rock'n'roll", "a'b'c'd", "’tis", "don’t", "'", "a''b", "x'", "'a", "it's’s", "O’Neil's",
    "ﻋﺸﺮ", "ﷲ", "وَقَالَ", "ـقال", "React npm", "TLS", "a", "\u3000", "\u2028", "\x85", "\x1c",
    "\t", "\u200b", "Ωmega", "café", "naïve", "\U0001d400bc", "٢٠١٤", "x²", "\ud800a",
])
PARAGRAPH = st.lists(st.one_of(MIXED_TEXT, ODD), max_size=5).map(" ".join)
PARAGRAPHS = st.lists(PARAGRAPH, min_size=1, max_size=8)


def _reference(texts: list[str], lang: str, anchors: list | None, stemmer: Stemmer | None
               ) -> list:
    return [reference_features.paragraph_features(t, lang, GLOSSARY,
                                                  None if anchors is None else anchors[i],
                                                  stemmer)
            for i, t in enumerate(texts)]


def _same(texts: list[str], lang: str) -> None:
    anchors = [find_anchors(t, lang, GLOSSARY) for t in texts]
    for stemmer in (None, STEMMER, Stemmer()):
        for given_anchors in (anchors, None):
            assert side_paragraph_features(texts, lang, GLOSSARY, given_anchors, stemmer) == (
                _reference(texts, lang, given_anchors, stemmer))


@SETTINGS
@given(PARAGRAPHS, LANG)
def test_a_side_as_paragraph_by_paragraph(texts: list[str], lang: str) -> None:
    _same(texts, lang)


@SETTINGS
@given(PARAGRAPHS, LANG, st.integers(1, 3), st.integers(1, 40))
def test_a_side_in_short_runs(texts: list[str], lang: str, paragraphs: int, chars: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(side_features, "_RUN_PARAGRAPHS", paragraphs)
        patch.setattr(side_features, "_RUN_CHARS", chars)
        _same(texts, lang)


@pytest.mark.parametrize("texts", [
    [""], ["", ""], [" "], ["\n"], ["a\nb", "c"], ["ﻋﺸﺮ ﷲ قال", "وَقَالَ اللهُ", "ﻋﺸﺮ"],
    ["the king's 5 men", "x", "rock'n'roll a'b'c", "’’a’b’’c’d"], ["ـ", "\u200cقال"],
    ["I O a"], ["قال React و npm", "TLS 1.3 ﷲ"], ["قَالَ\n\nقال", "ـ\u0640ـ"],
])
def test_a_side_at_the_edges(texts: list[str]) -> None:
    for lang in ("ar", "en"):
        _same(texts, lang)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_documents_as_before(path: Path) -> None:
    text = load_text(path)
    texts = [p.text for p in text.paragraphs]
    anchors = text_anchors(text, GLOSSARY)
    assert side_paragraph_features(texts, text.language, GLOSSARY, anchors, STEMMER) == (
        _reference(texts, text.language, anchors, STEMMER))


def test_white_space_is_what_str_split_cuts_at() -> None:
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == SPACES


def test_a_cancelled_side_stops() -> None:
    with pytest.raises(Cancelled):
        side_paragraph_features(["قال"] * 3, "ar", GLOSSARY, None, None, lambda: True)


def test_no_paragraphs() -> None:
    assert side_paragraph_features([], "en", GLOSSARY) == []
