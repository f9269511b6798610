"""Many problems' spaces built at once: entry for entry the problem-by-problem build."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
import scipy.sparse as sp

from reader.core.align.aligner import align_texts
from reader.core.align.batch import blocks_of
from reader.core.align.block_space import block_vectors
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.projection import vectors
from reader.core.align.space import Side, pair_space, side_features
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.text.document import Text, load_text
from reader.core.text.kinds import Kind
from reader.core.text.sentences import split_sentences
from reader.resources import CORPUS

Problems = list[tuple[list[str], list[str]]]


def features(texts: Sequence[str], lang: str) -> Side:
    return side_features(texts, [Kind.BODY] * len(texts), lang, Glossary.load(), DEFAULT_PARAMS,
                         stemmer=Lexicon.load().stemmer)


@pytest.fixture(scope="module")
def problems() -> Problems:
    """The sentences of each bead of the built-in pair, and runs of paragraphs of unequal
    length (several sentences against one, one side a single short sentence)."""
    arabic = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    english = load_text(CORPUS / "iraq-assad-lesson.en.txt")

    def sentences(text: Text, members: Sequence[int]) -> list[str]:
        return [s.text for i in members
                for s in split_sentences(text.paragraphs[i].text, text.language)]

    out = []
    for bead in align_texts(arabic, english):
        s, t = sentences(arabic, bead.src), sentences(english, bead.tgt)
        if s and t:
            out.append((s, t))
    out.append((sentences(arabic, range(0, 6)), sentences(english, [3])[:1]))
    return out


def one_by_one(src: Side, tgt: Side, problems: Problems, lexicon: Lexicon | None,
               lang: tuple[str, str]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Each problem's space alone (`pair_space`), its vectors set side by side."""
    parts = []
    for s, t in problems:
        parts.append(vectors(*pair_space(features(s, lang[0]), features(t, lang[1]), lexicon,
                                         DEFAULT_PARAMS)))
    return (sp.block_diag([p[0] for p in parts], format="csr", dtype=np.float32),
            sp.block_diag([p[1] for p in parts], format="csr", dtype=np.float32))


def assert_same(a: sp.csr_matrix, b: sp.csr_matrix) -> None:
    assert a.shape == b.shape
    assert np.array_equal(a.indptr, b.indptr)
    assert np.array_equal(a.indices, b.indices)  # the same order: dot products add alike
    assert a.data.dtype == b.data.dtype and np.array_equal(a.data, b.data)


def test_two_languages_entry_for_entry(problems: Problems) -> None:
    src = features([x for s, _ in problems for x in s], "ar")
    tgt = features([y for _, t in problems for y in t], "en")
    lexicon = Lexicon.load()
    got = block_vectors(src, tgt, blocks_of(problems), lexicon, DEFAULT_PARAMS)
    want = one_by_one(src, tgt, problems, lexicon, ("ar", "en"))
    for a, b in zip(got, want, strict=True):
        assert_same(a, b)


def test_one_language_entry_for_entry(problems: Problems) -> None:
    # English against English: a word translates as itself (no lexicon)
    same = [(t, list(reversed(t))) for _, t in problems]
    src = features([x for s, _ in same for x in s], "en")
    tgt = features([y for _, t in same for y in t], "en")
    got = block_vectors(src, tgt, blocks_of(same), None, DEFAULT_PARAMS)
    want = one_by_one(src, tgt, same, None, ("en", "en"))
    for a, b in zip(got, want, strict=True):
        assert_same(a, b)
