"""The space, structure bonus and support, rebuilt from flat arrays: bit for bit as before."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from reader.core.align import space
from reader.core.align.batch import Block
from reader.core.align.beads import Bead
from reader.core.align.block_space import block_vectors
from reader.core.align.evidence import _runs, _Spans
from reader.core.align.model import Model, Problem
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.presence import distinct
from reader.core.align.projection import vectors
from reader.core.align.sound_alike import _scored
from reader.core.align.space import Side, side_features
from reader.core.align.structure import PairStructure, Shapes, add_structure, agreement, shape_of
from reader.core.align.unexplained import _best_near, _cosines
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.text.kinds import Kind
from reader.resources import CORPUS
from tests.core.align import reference_space as ref
from tests.core.align import reference_structure as ref_structure

_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _words(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return sorted(set(text.split()))[:400]


# corpus words (clitics, numbers, punctuation and all), names that sound alike, and anchors
_AR = [*_words("iraq-assad-lesson.ar.txt"), "حسن", "حسين", "بغداد", "سلمان", "٢٠٢٤", "## عنوان"]
_EN = [*_words("iraq-assad-lesson.en.txt"), "Hasan", "Hassan", "Baghdad", "Salman", "2024"]


def _side(paragraphs: Sequence[str], lang: str) -> Side:
    return side_features(paragraphs, [Kind.BODY] * len(paragraphs), lang, Glossary.load(),
                         DEFAULT_PARAMS, stemmer=Lexicon.load().stemmer)


def _paragraphs(pool: list[str], max_size: int = 6) -> st.SearchStrategy[list[str]]:
    return st.lists(st.lists(st.sampled_from(pool), max_size=12).map(" ".join),
                    min_size=1, max_size=max_size)


def assert_same(a: sp.spmatrix, b: sp.spmatrix) -> None:
    a, b = a.tocsr(), b.tocsr()
    assert a.shape == b.shape
    assert np.array_equal(a.indptr, b.indptr)
    assert np.array_equal(a.indices, b.indices)  # the same order: sums add alike
    assert a.data.dtype == b.data.dtype and np.array_equal(a.data, b.data)


def assert_same_space(a: space.Space, b: space.Space) -> None:
    for field in ("src_words", "src_keys", "tgt"):
        assert_same(getattr(a, field), getattr(b, field))
    assert a.weights.dtype == b.weights.dtype and np.array_equal(a.weights, b.weights)
    assert a.src_vocab == b.src_vocab and list(a.tgt_vocab.items()) == list(b.tgt_vocab.items())
    assert a.n_tgt_words == b.n_tgt_words


def check_pair(src: Side, tgt: Side, lexicon: Lexicon | None) -> None:
    got, got_translation = space.pair_space(src, tgt, lexicon, DEFAULT_PARAMS)
    want, want_translation = ref.pair_space(src, tgt, lexicon, DEFAULT_PARAMS)
    assert_same_space(got, want)
    assert_same(got_translation, want_translation)
    pieces = (src.features[::-1], tgt.features[1:])
    assert_same_space(space.pieces_space(got, *pieces), ref.pieces_space(want, *pieces))
    if lexicon is not None:
        found = space.stem_translations(got, src, lexicon)
        assert found == ref.stem_translations(want, src, lexicon)
        assert space.read_as_written(got, src, lexicon) == ref.read_as_written(want, src, lexicon)
        threshold = DEFAULT_PARAMS.name_threshold
        assert_same(space.name_matrix(got, src, tgt, found, threshold),
                    ref.name_matrix(want, src, tgt, found, threshold))


def _corpus() -> tuple[list[str], list[str]]:
    ar = (CORPUS / "iraq-assad-lesson.ar.txt").read_text("utf-8").splitlines()
    en = (CORPUS / "iraq-assad-lesson.en.txt").read_text("utf-8").splitlines()
    return [x for x in ar if x], [x for x in en if x]


@functools.cache
def _corpus_space() -> space.Space:
    ar, en = _corpus()
    return space.pair_space(_side(ar, "ar"), _side(en, "en"), Lexicon.load(), DEFAULT_PARAMS)[0]


def test_the_corpus_pair_space_is_the_reference() -> None:
    ar, en = _corpus()
    check_pair(_side(ar, "ar"), _side(en, "en"), Lexicon.load())
    check_pair(_side(en, "en"), _side(en[::-1], "en"), None)


@_SLOW
@given(_paragraphs(_AR), _paragraphs(_EN))
def test_a_pair_space_is_the_reference(src: list[str], tgt: list[str]) -> None:
    check_pair(_side(src, "ar"), _side(tgt, "en"), Lexicon.load())


@_SLOW
@given(_paragraphs(_EN), _paragraphs(_EN))
def test_a_one_language_space_is_the_reference(src: list[str], tgt: list[str]) -> None:
    check_pair(_side(src, "en"), _side(tgt, "en"), None)


@_SLOW
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.floats(0, 1)), max_size=40),
       st.sampled_from([1, 2]))
def test_learnt_word_pairs_are_the_reference(
    sizes: list[tuple[int, int, float]], min_count: int
) -> None:
    got = _corpus_space()
    n, m = got.src_words.shape[0], got.tgt.shape[0]
    beads, i, j = [], 0, 0
    for s, t, confidence in sizes:
        if i + s <= n and j + t <= m:
            beads.append(Bead(tuple(range(i, i + s)), tuple(range(j, j + t)), confidence))
            i, j = i + s, j + t
    params = replace(DEFAULT_PARAMS, learn_min_count=min_count)
    assert_same(space.learnt_matrix(got, beads, params), ref.learnt_matrix(got, beads, params))


def test_features_without_their_forms_are_refused() -> None:
    src = _side(["كتب الرجل"], "ar")
    src.features[0].forms = []
    with pytest.raises(ValueError):
        space.pair_space(src, _side(["The man"], "en"), Lexicon.load(), DEFAULT_PARAMS)


@_SLOW
@given(st.lists(st.tuples(_paragraphs(_AR, 4), _paragraphs(_EN, 4)), min_size=1, max_size=4),
       st.booleans())
def test_the_batch_space_is_each_problem_alone(
    problems: list[tuple[list[str], list[str]]], one_language: bool
) -> None:
    if one_language:
        problems = [(t[::-1], t) for _, t in problems]
    lang = "en" if one_language else "ar"
    lexicon = None if one_language else Lexicon.load()
    blocks, i, j = [], 0, 0
    for s, t in problems:
        blocks.append(Block(i, i + len(s), j, j + len(t)))
        i, j = i + len(s), j + len(t)
    src = _side([x for s, _ in problems for x in s], lang)
    tgt = _side([y for _, t in problems for y in t], "en")
    got = block_vectors(src, tgt, blocks, lexicon, DEFAULT_PARAMS)
    parts = [vectors(*ref.pair_space(space.side_slice(src, b.i0, b.i1),
                                     space.side_slice(tgt, b.j0, b.j1), lexicon,
                                     DEFAULT_PARAMS)) for b in blocks]
    for mine, alone in zip(got, zip(*parts, strict=True), strict=True):
        want = sp.block_diag(alone, format="csr", dtype=np.float32)
        want.sort_indices()
        assert_same(mine, want)


_SKELETON = st.text("BTDZSJKGXHFWYLMNR", max_size=9)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SKELETON, min_size=1, max_size=160, unique=True),
       st.lists(_SKELETON, min_size=1, max_size=160, unique=True),
       st.sampled_from([0.0, 0.3, 0.5, 0.82, 0.9, 1.0]))
def test_skeletons_are_scored_as_the_whole_product(
    ar: list[str], en: list[str], threshold: float
) -> None:
    # only lengths that may reach the threshold are scored, on a large product
    whole = process.cdist(ar, en, scorer=fuzz.ratio, score_cutoff=threshold * 100,
                          dtype=np.uint8, workers=1)
    rows, cols, scores = _scored(ar, en, threshold * 100)
    order = np.lexsort((cols, rows))
    want_rows, want_cols = np.nonzero(whole)
    assert np.array_equal(rows[order], want_rows) and np.array_equal(cols[order], want_cols)
    assert np.array_equal(scores[order], whole[want_rows, want_cols])


@given(st.lists(st.integers(-5, 40), max_size=60))
def test_distinct_is_sorted_unique(values: list[int]) -> None:
    assert distinct(np.array(values, dtype=np.int64)).tolist() == sorted(set(values))


_LINE = st.lists(st.sampled_from(["#", "# ", "## ", "####### ", "1. ", "12) ", "٣. ", "- ",
                                  "* ", "• ", " ", "\t", "word ", "كلمة ", "7", ")", "x"]),
                 max_size=20).map("".join)


@given(_LINE)
def test_shapes_are_read_as_the_reference(text: str) -> None:
    assert shape_of(text) == ref_structure.shape_of(text)


@st.composite
def _structures(draw: st.DrawFn) -> tuple[PairStructure, int, int]:
    n, m = draw(st.integers(1, 14)), draw(st.integers(1, 14))
    width = draw(st.integers(1, 6))

    def shapes(rows: int) -> Shapes:
        def ints(lo: int, hi: int) -> list[int]:
            return draw(st.lists(st.integers(lo, hi), min_size=rows, max_size=rows))
        keys = np.array(ints(0, 1) + ints(0, 1) + ints(0, 1), dtype=np.float32)
        return Shapes(np.array(ints(0, 4), dtype=np.int8), np.array(ints(-1, 2)),
                      sp.csr_matrix(keys.reshape(3, rows).T), np.array(ints(0, 6), np.float32),
                      np.array(ints(0, 2), dtype=np.int8))
    return PairStructure(shapes(n), shapes(m)), n, width


@settings(max_examples=80, deadline=None)
@given(_structures(), st.data())
def test_the_structure_bonus_is_the_reference(
    drawn: tuple[PairStructure, int, int], data: st.DataObject
) -> None:
    structure, n, half = drawn
    m = structure.tgt.shape.size
    a = np.array(data.draw(st.lists(st.integers(0, n - 1), max_size=30)), dtype=np.int64)
    b = np.array(data.draw(st.lists(st.integers(0, m - 1), min_size=len(a), max_size=len(a))),
                 dtype=np.int64)
    assert np.array_equal(agreement(structure, a, b), ref_structure.agreement(structure, a, b))
    centre = np.array(sorted(data.draw(st.lists(st.integers(0, m), min_size=n + 1,
                                                max_size=n + 1))))
    lengths = np.arange(1, n + m + 1, dtype=np.float32) * 7 % 23 + 1
    pb = Problem(n, m, sp.csr_matrix((n, 1)), sp.csr_matrix((m, 1)), lengths[:n], lengths[n:],
                 np.zeros(n), np.zeros(m), structure)
    model = Model(ratio=1.0, variance=1.0, chance=0.1, threshold=0.3)
    one = np.linspace(-2, 2, (n + 1) * (2 * half + 1), dtype=np.float32).reshape(n + 1, -1)
    got, want = {(1, 1): one.copy()}, {(1, 1): one.copy()}
    add_structure(got, pb, centre, half, model, DEFAULT_PARAMS)
    ref_structure.add_structure(want, pb, centre, half, model, DEFAULT_PARAMS)
    assert np.array_equal(got[(1, 1)].view(np.uint32), want[(1, 1)].view(np.uint32))


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12),
       st.integers(-8, 8))
def test_bead_runs_are_the_reference(sizes: list[tuple[int, int]], shift: int) -> None:
    beads, i, j = [], 0, 0
    for s, t in sizes:
        beads.append(Bead(tuple(range(i, i + s)), tuple(range(j, j + t))))
        i, j = i + s, j + t
    matched = [b for b in beads if b.src and b.tgt]
    if matched:
        for side, size in ((0, i), (1, j)):
            assert_same(_runs(_Spans.of(matched, side), size, shift),
                        ref_structure._runs(matched, side, size, shift))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 2**32 - 1), st.booleans())
def test_best_matches_nearby_are_the_reference(n: int, m: int, seed: int, reorder: bool) -> None:
    rng = np.random.default_rng(seed)

    def vectors(rows: int) -> sp.csr_matrix:
        dense = rng.random((rows, 9), dtype=np.float32) * (rng.random((rows, 9)) < 0.4)
        vec = sp.csr_matrix(dense)
        # as the aligner's vectors are: a product's rows, their columns in no particular order
        return (vec @ sp.diags(rng.random(9, dtype=np.float32))).tocsr() if reorder else vec
    src, tgt = vectors(n), vectors(m)
    a, b = rng.integers(0, n, 7), rng.integers(0, m, 7)
    for x, y, p, q in ((src, tgt, a, b), (tgt, src, b, a)):
        assert np.array_equal(_best_near(x, y, p, q), ref_structure.best_near(x, y, p, q))
        assert np.array_equal(_cosines(x, y, p, q), ref_structure.cosines(x, y, p, q))
