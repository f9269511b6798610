"""Many sentence alignments in one programme: the same beads as align_segments gives each alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.aligner import align_segment_batch, align_segments, align_texts
from reader.core.align.band import band_centres, dot_band
from reader.core.align.batch import _band_cosines, _Group, batch_group, blocks_of, problem_half
from reader.core.align.beads import Bead
from reader.core.align.block_space import block_vectors
from reader.core.align.model import (
    Model,
    Problem,
    RowModels,
    SelfDots,
    chance_cosine,
    match_cosine,
)
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES
from reader.core.align.projection import vectors
from reader.core.align.scores import bead_scores
from reader.core.align.space import (
    Side,
    build_space,
    identity_matrix,
    pair_space,
    side_features,
)
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.text.document import Text, load_text
from reader.core.text.kinds import Kind
from reader.core.text.sentences import split_sentences
from reader.resources import CORPUS

Problems = list[tuple[list[str], list[str]]]


def sentences(text: Text, paragraphs: Sequence[int]) -> list[str]:
    return [s.text for i in paragraphs for s in split_sentences(text.paragraphs[i].text,
                                                                 text.language)]


@pytest.fixture(scope="module")
def arabic() -> Text:
    return load_text(CORPUS / "iraq-assad-lesson.ar.txt")


@pytest.fixture(scope="module")
def bead_problems(arabic: Text) -> Problems:
    """The sentences of every bead of the built-in pair with a sentence on each side."""
    english = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    out = []
    for bead in align_texts(arabic, english):
        s, t = sentences(arabic, bead.src), sentences(english, bead.tgt)
        if s and t:
            out.append((s, t))
    return out


@pytest.fixture(scope="module")
def long_problems(arabic: Text) -> Problems:
    """Runs of the Arabic article's sentences against runs of another article's: problems
    whose band is narrower than they are (of the common width and wider), and lopsided ones."""
    other = load_text(CORPUS / "iraq-adapts-to-new-syria.en.txt")
    ar = sentences(arabic, range(len(arabic))) * 3  # the sizes below need more than there are
    en = sentences(other, range(len(other))) * 3
    sizes = [(35, 33), (60, 36), (40, 5), (29, 31), (3, 25), (1, 1)]
    out, i, j = [], 0, 0
    for n, m in sizes:
        out.append((ar[i : i + n], en[j : j + m]))
        i, j = i + n, j + m
    return out


def paths(beads: Sequence[Sequence[Bead]]) -> list[list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    return [[(b.src, b.tgt) for b in x] for x in beads]


def one_by_one(problems: Problems, src_lang: str = "ar", tgt_lang: str = "en") -> list[list[Bead]]:
    return [align_segments(s, t, src_lang, tgt_lang) for s, t in problems]


def test_the_long_problems_cover_every_kind_of_band(long_problems: Problems) -> None:
    kinds = set()
    for s, t in long_problems:
        half = problem_half(len(s), len(t), DEFAULT_PARAMS)
        kinds.add("whole" if half >= len(t) else f"narrower, half {half}")
    assert kinds == {"whole", "narrower, half 30", "narrower, half 32"}


def test_bead_sentences_align_as_one_by_one(bead_problems: Problems) -> None:
    assert len(bead_problems) > 30
    assert paths(align_segment_batch(bead_problems, "ar", "en")) == paths(
        one_by_one(bead_problems))


def test_long_and_lopsided_problems_align_as_one_by_one(
    bead_problems: Problems, long_problems: Problems
) -> None:
    problems = long_problems + bead_problems[:10]
    assert paths(align_segment_batch(problems, "ar", "en")) == paths(one_by_one(problems))


def test_english_to_arabic_and_one_language(bead_problems: Problems) -> None:
    swapped = [(t, s) for s, t in bead_problems[:12]]
    assert paths(align_segment_batch(swapped, "en", "ar")) == paths(
        one_by_one(swapped, "en", "ar"))
    english = [(t, t[::-1]) for _, t in bead_problems[:12]]
    assert paths(align_segment_batch(english, "en", "en")) == paths(
        one_by_one(english, "en", "en"))


def test_empty_sides_and_no_problems() -> None:
    problems: Problems = [([], ["One.", "Two."]), (["واحد."], []), ([], [])]
    assert paths(align_segment_batch(problems, "ar", "en")) == paths(one_by_one(problems))
    assert align_segment_batch([], "ar", "en") == []


def test_a_problem_too_long_for_one_band_is_aligned_alone(bead_problems: Problems) -> None:
    # a cell budget so small that a problem of ten sentences needs the aligner's coarse path
    params = replace(DEFAULT_PARAMS, max_cells=200)
    problems = [p for p in bead_problems if len(p[0]) >= 4][:3] + bead_problems[:5]
    batched = align_segment_batch(problems, "ar", "en", params=params)
    assert paths(batched) == paths(
        [align_segments(s, t, "ar", "en", params=params) for s, t in problems])


def test_beads_cover_each_problem(long_problems: Problems) -> None:
    for (s, t), beads in zip(long_problems, align_segment_batch(long_problems, "ar", "en"),
                             strict=True):
        assert [i for b in beads for i in b.src] == list(range(len(s)))
        assert [j for b in beads for j in b.tgt] == list(range(len(t)))
        assert all(b.confidence == 1.0 for b in beads)


def test_one_model_per_row_scores_as_the_one_model(bead_problems: Problems) -> None:
    # a band whose rows all carry the same model scores exactly as that model does
    s, t = max(bead_problems, key=lambda p: len(p[0]) + len(p[1]))
    glossary = Glossary.load()
    src = side_features(s, [Kind.BODY] * len(s), "ar", glossary, DEFAULT_PARAMS)
    tgt = side_features(t, [Kind.BODY] * len(t), "en", glossary, DEFAULT_PARAMS)
    space = build_space(src, tgt)
    src_vec, tgt_vec = vectors(space, identity_matrix(space))  # the keys meet
    src_len = np.array([max(1, f.length) for f in src.features], dtype=np.float32)
    tgt_len = np.array([max(1, f.length) for f in tgt.features], dtype=np.float32)
    n, m = len(s), len(t)
    pb = Problem(n, m, src_vec, tgt_vec, src_len, tgt_len, src.null_bonus, tgt.null_bonus)
    half = problem_half(n, m, DEFAULT_PARAMS)
    centre = band_centres(n, m, None)
    dots = dot_band(src_vec, tgt_vec, centre, half + 8)
    selves = SelfDots.of(src_vec), SelfDots.of(tgt_vec)
    model = Model(ratio=1.37, variance=6.8 * 1.37, chance=0.013, threshold=0.2071)
    rows = RowModels.of([model], [src_len], [tgt_len], np.zeros(n + 1, dtype=np.int64))
    one = bead_scores(pb, centre, half, dots, half + 8, *selves, model, DEFAULT_PARAMS)
    per_row = bead_scores(pb, centre, half, dots, half + 8, *selves, rows, DEFAULT_PARAMS)
    for t_ in MATCH_TYPES:
        assert np.array_equal(one[t_], per_row[t_])


def features(texts: Sequence[str], lang: str) -> Side:
    return side_features(texts, [Kind.BODY] * len(texts), lang, Glossary.load(), DEFAULT_PARAMS)


def test_each_problem_has_the_vectors_of_its_own_space(
    bead_problems: Problems, long_problems: Problems
) -> None:
    # the vectors' columns are laid out otherwise, but their dot products (what the programme
    # reads) are those of the problem's own space: vocabulary, idf, lexicon and names
    problems = long_problems + bead_problems
    src = features([x for s, _ in problems for x in s], "ar")
    tgt = features([y for _, t in problems for y in t], "en")
    blocks = blocks_of(problems)
    lexicon = Lexicon.load()
    all_src, all_tgt = block_vectors(src, tgt, blocks, lexicon, DEFAULT_PARAMS)
    for (s, t), b in zip(problems, blocks, strict=True):
        one_s, one_t = features(s, "ar"), features(t, "en")
        src_vec, tgt_vec = vectors(*pair_space(one_s, one_t, lexicon, DEFAULT_PARAMS))
        batch_s, batch_t = all_src[b.i0 : b.i1], all_tgt[b.j0 : b.j1]
        assert np.array_equal(np.diff(batch_s.indptr), np.diff(src_vec.indptr))
        assert np.array_equal(np.diff(batch_t.indptr), np.diff(tgt_vec.indptr))
        for x, y in ((batch_s, src_vec), (batch_t, tgt_vec)):
            assert np.allclose((x @ x.T).toarray(), (y @ y.T).toarray(), rtol=1e-6, atol=0)
        assert np.allclose((batch_s @ batch_t.T).toarray(), (src_vec @ tgt_vec.T).toarray(),
                           rtol=1e-6, atol=0)
        # and nothing in common with another problem's segments
        across = (batch_s @ all_tgt.T).toarray()
        across[:, b.j0 : b.j1] = 0
        assert not across.any()


@pytest.mark.parametrize("langs", [("ar", "en"), ("en", "ar")])
def test_a_batch_cut_along_its_groups_aligns_as_the_whole(
    bead_problems: Problems, long_problems: Problems, langs: tuple[str, str]
) -> None:
    # diverge.forked checks a union of groups in each process: each must find what the whole
    # batch finds, beads and confidences alike
    problems = long_problems + bead_problems + [([], ["One."])]
    if langs[0] == "en":
        problems = [(t, s) for s, t in problems]
    groups = [batch_group(len(s), len(t), *langs, DEFAULT_PARAMS) for s, t in problems]
    assert len(set(groups)) >= 4
    whole = align_segment_batch(problems, *langs)
    for g in sorted(set(groups)):
        ks = [k for k, h in enumerate(groups) if h == g]
        assert align_segment_batch([problems[k] for k in ks], *langs) == [whole[k] for k in ks]
    odd = [k for k, g in enumerate(groups) if g % 8]  # a union of a few groups
    assert align_segment_batch([problems[k] for k in odd], *langs) == [whole[k] for k in odd]


@given(st.integers(0, 400), st.integers(0, 400))
def test_a_problems_group_is_the_band_the_batch_aligns_it_in(n: int, m: int) -> None:
    from reader.core.align.band import diagonal_half, half_cap
    from reader.core.align.batch import Block, _band_groups

    alone = n == 0 or m == 0 or diagonal_half(n, m, DEFAULT_PARAMS) > half_cap(n, DEFAULT_PARAMS)
    group = batch_group(n, m, "ar", "en", DEFAULT_PARAMS)
    assert batch_group(m, n, "en", "ar", DEFAULT_PARAMS) == group  # the batch aligns from Arabic
    if alone:
        assert group == 0
    else:
        assert _band_groups([Block(0, n, 0, m)], DEFAULT_PARAMS) == {group: [0]}


@given(st.lists(st.integers(1, 9), min_size=1, max_size=8), st.integers(5, 23),
       st.sampled_from([np.float32, np.float64]), st.integers(0, 2**32 - 1))
def test_each_problems_model_cosines_are_numpys_medians(
    sizes: list[int], width: int, dtype: type, seed: int
) -> None:
    """The chance and typical cosines of every problem of a band at once: those
    `chance_cosine` and `match_cosine` give each problem's rows alone, NaN cells and all."""
    rng = np.random.default_rng(seed)
    n = sum(sizes)
    cosines = rng.choice([0.0, 0.25, 0.5, 0.1, 0.3333, np.nan], size=(n, width)).astype(dtype)
    cosines[rng.random((n, width)) < 0.5] = np.nan
    cosines += rng.random((n, width)).astype(dtype) * rng.integers(0, 2)
    group = _Group(blocks_of([([""] * k, [""]) for k in sizes]))
    chance, match = _band_cosines(cosines, group)
    for b, c, t in zip(group.blocks, chance, match, strict=True):
        assert c == chance_cosine(cosines[b.i0 : b.i1])
        assert t == match_cosine(cosines[b.i0 : b.i1])
