"""A side's tokens numbered with the side: the pair's space built from them is the same."""

from __future__ import annotations

import pickle

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.prepared import SideInput, prepare_side
from reader.core.align.side_tokens import SideTokens
from reader.core.align.space import Side, Space, build_space, side_features
from reader.core.anchors.features import Features
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.text.kinds import Kind
from reader.resources import CORPUS


def _same_matrix(a: sp.csr_matrix, b: sp.csr_matrix) -> None:
    assert a.shape == b.shape and a.dtype == b.dtype
    for part in ("data", "indices", "indptr"):
        x, y = getattr(a, part), getattr(b, part)
        assert x.dtype == y.dtype and np.array_equal(x, y)


def _same_space(a: Space, b: Space) -> None:
    assert a.src_vocab == b.src_vocab and a.n_tgt_words == b.n_tgt_words
    assert list(a.tgt_vocab.items()) == list(b.tgt_vocab.items())  # the columns' order too
    for part in ("src_words", "src_keys", "tgt"):
        _same_matrix(getattr(a, part), getattr(b, part))
    assert a.weights.dtype == b.weights.dtype and np.array_equal(a.weights, b.weights)
    assert a.columns is not None and b.columns is not None
    for part in ("tgt_words", "tgt_keys", "src_keys", "src_words"):
        for x, y in zip(getattr(a.columns, part), getattr(b.columns, part), strict=True):
            assert x.dtype == y.dtype and np.array_equal(x, y)


def _without(side: Side) -> Side:
    return Side(side.features, side.null_bonus, side.texts, side.lang, side.kinds)


def _prepared(lines: list[str], lang: str, name: str) -> Side:
    lexicon = Lexicon.load()
    return prepare_side(SideInput(lines, [Kind.BODY] * len(lines), lang, None), name,
                        Glossary.load(), DEFAULT_PARAMS, lexicon.stemmer,
                        lexicon if lang == "ar" else None, sentences=False)


def test_a_prepared_sides_space_is_the_space_without_its_tokens() -> None:
    ar = [x for x in (CORPUS / "iraq-assad-lesson.ar.txt").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    en = [x for x in (CORPUS / "iraq-assad-lesson.en.txt").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    src, tgt = _prepared(ar, "ar", "source"), _prepared(en, "en", "target")
    assert src.tokens is not None and tgt.tokens is not None
    # as the side's process sends it back (align.side_pickle keeps every field of a Side)
    tgt = pickle.loads(pickle.dumps(tgt, protocol=pickle.HIGHEST_PROTOCOL))
    _same_space(build_space(src, tgt), build_space(_without(src), _without(tgt)))


def test_tokens_of_other_rows_are_not_read() -> None:
    glossary = Glossary.load()
    a = side_features(["one two three", "four"], [Kind.BODY] * 2, "en", glossary,
                      DEFAULT_PARAMS)
    b = side_features(["one two", "four five six"], [Kind.BODY] * 2, "en", glossary,
                      DEFAULT_PARAMS)
    wrong = Side(a.features, a.null_bonus, a.texts, a.lang, a.kinds, tokens=SideTokens.of(
        b.features))
    assert not wrong.tokens.fits(wrong.features)  # type: ignore[union-attr]
    _same_space(build_space(wrong, b), build_space(a, b))


_WORDS = st.lists(st.sampled_from(["al", "bo", "ci", "#1", "du", "x"]), max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _WORDS), max_size=8),
       st.lists(st.tuples(_WORDS, _WORDS), max_size=8))
def test_any_rows_give_the_same_space(src_rows: list[tuple[list[str], list[str]]],
                                      tgt_rows: list[tuple[list[str], list[str]]]) -> None:
    # words and keys drawn from one small set: a key may be a word too, and come twice
    def side(rows: list[tuple[list[str], list[str]]], lang: str) -> Side:
        features = [Features(len(w) + len(k), list(w), list(k), []) for w, k in rows]
        return Side(features, np.zeros(len(rows), dtype=np.float32), [""] * len(rows), lang,
                    [Kind.BODY] * len(rows))

    src, tgt = side(src_rows, "ar"), side(tgt_rows, "en")
    plain = build_space(src, tgt)
    src.tokens, tgt.tokens = SideTokens.of(src.features), SideTokens.of(tgt.features)
    _same_space(build_space(src, tgt), plain)
