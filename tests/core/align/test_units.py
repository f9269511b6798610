"""The sentence pass: paragraph beads rebuilt from linked sentences, pins, and real texts whose
paragraphs break at different places."""

from __future__ import annotations

import json

import numpy as np
import scipy.sparse as sp
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.band import band_centres
from reader.core.align.beads import Alignment, Bead
from reader.core.align.dp import pin_points, run_dp
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, NEG
from reader.core.align.posterior import backward
from reader.core.align.unit_beads import paragraph_beads, path_paragraph_runs
from reader.core.align.units import Units
from reader.core.text.document import load_text, text_from_string
from reader.core.text.sentences import split_sentences
from reader.resources import CORPUS
from tests.paths import DATA


def _units(sizes: list[int]) -> Units:
    """A side whose paragraph p holds sizes[p] units (features are not needed here)."""
    first = np.r_[0, np.cumsum(sizes)].astype(np.int64)
    paragraph = np.repeat(np.arange(len(sizes)), sizes).astype(np.int64)
    return Units([], paragraph, first, np.zeros(len(paragraph), np.float32),
                 np.zeros(len(sizes), bool))


@st.composite
def unit_alignments(draw: st.DrawFn) -> tuple[list[Bead], Units, Units]:
    """Random paragraphs on both sides, and a random monotone alignment of their units."""
    beads: list[Bead] = []
    i = j = 0
    for _ in range(draw(st.integers(1, 25))):
        ks, kt = draw(st.sampled_from([(1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (2, 2)]))
        beads.append(Bead(tuple(range(i, i + ks)), tuple(range(j, j + kt)), 0.5))
        i, j = i + ks, j + kt

    def cut(total: int) -> list[int]:
        sizes = []
        while total:
            size = draw(st.integers(1, min(4, total)))
            sizes.append(size)
            total -= size
        return sizes

    return beads, _units(cut(i)), _units(cut(j))


@settings(max_examples=300, deadline=None)
@given(unit_alignments(), st.lists(st.integers(0, 30), max_size=3),
       st.lists(st.integers(0, 30), max_size=3))
def test_paragraph_beads_of_a_path_are_those_of_its_unit_beads(
        case: tuple, empty_s: list[int], empty_t: list[int]) -> None:
    unit_beads, src, tgt = case
    # paragraphs with no unit (left out of the pass) among the others
    sides = []
    for side, empty in ((src, empty_s), (tgt, empty_t)):
        sizes = np.diff(side.first).tolist()
        for at in empty:
            sizes.insert(min(at, len(sizes)), 0)
        sides.append(_units(sizes))
    src, tgt = sides
    ks = np.array([len(b.src) for b in unit_beads], dtype=np.int64)
    kt = np.array([len(b.tgt) for b in unit_beads], dtype=np.int64)
    runs = path_paragraph_runs(ks, kt, src, tgt)
    assert [Bead(s, t) for s, t in runs] == paragraph_beads(unit_beads, src, tgt)


@settings(max_examples=200, deadline=None)
@given(unit_alignments())
def test_paragraph_beads_cover_both_sides_and_join_every_linked_pair(case: tuple) -> None:
    unit_beads, src, tgt = case
    n, m = len(src.first) - 1, len(tgt.first) - 1
    beads = paragraph_beads(unit_beads, src, tgt)
    Alignment(beads, n, m)  # raises unless both sides are covered once, in order
    bead_of_src = {p: k for k, b in enumerate(beads) for p in b.src}
    bead_of_tgt = {q: k for k, b in enumerate(beads) for q in b.tgt}
    linked_src, linked_tgt = set(), set()
    for ub in unit_beads:
        for u in ub.src:
            for v in ub.tgt:
                p, q = int(src.paragraph[u]), int(tgt.paragraph[v])
                assert bead_of_src[p] == bead_of_tgt[q], "linked paragraphs in different beads"
                linked_src.add(p)
                linked_tgt.add(q)
    # a paragraph is left out exactly when none of its units is linked
    for b in beads:
        if b.is_null:
            assert not (set(b.src) & linked_src or set(b.tgt) & linked_tgt)
    for p in set(range(n)) - linked_src:
        assert beads[bead_of_src[p]].is_null or len(beads[bead_of_src[p]].src) > 1


def _flat_problem(n: int, m: int) -> Problem:
    empty = sp.csr_matrix((max(n, 1), 1), dtype=np.float32)
    return Problem(n, m, empty, empty, np.ones(n, np.float32), np.ones(m, np.float32),
                   np.zeros(n, np.float32), np.zeros(m, np.float32))


def test_facing_left_out_paragraphs_come_in_the_order_the_sentence_path_takes_them() -> None:
    # the path leaves target paragraph 1 out before source paragraph 1: the beads follow it,
    # so that each bead's corners are points the path passes (its confidence is read there)
    src, tgt = _units([1, 1, 1]), _units([1, 1, 1])
    for first, second in (((), (1,)), ((1,), ())), (((1,), ()), ((), (1,))):
        path = [Bead((0,), (0,)), Bead(*first), Bead(*second), Bead((2,), (2,))]
        beads = paragraph_beads(path, src, tgt)
        assert [(b.src, b.tgt) for b in beads] == [(b.src, b.tgt) for b in path]


def test_a_pinned_point_holds_even_against_better_beads() -> None:
    # 1:1 beads along the diagonal score best; the pins demand that target unit 5 be left out
    # between source rows 5 and 5 (a 0:1 step along row 5) and the path pass through (9, 10)
    n, m, half = 20, 21, 6
    centre = band_centres(n, m, None)
    width = 2 * half + 1
    j = centre[:, None] + np.arange(width)[None, :] - half
    scores = {t: np.full((n + 1, width), -20.0, dtype=np.float32) for t in MATCH_TYPES}
    scores[(1, 1)][j == np.arange(n + 1)[:, None]] = 5.0
    scores[(1, 1)][j == np.arange(n + 1)[:, None] + 1] = 4.0
    pins = pin_points([(5, 5), (5, 6), (9, 10)])
    for row in pins:
        for (ks, _), table in scores.items():
            table[row + 1 : row + ks] = NEG
    forward = run_dp(_flat_problem(n, m), centre, half, scores, DEFAULT_PARAMS, None, pins,
                     sums=True)
    visited = {(i, jj) for _, i, jj in forward.path}
    assert {(5, 6), (9, 10)} <= visited
    assert ((0, 1), 5, 6) in forward.path  # target unit 5 left out, as pinned
    sweeps = backward(_flat_problem(n, m), centre, half, scores, DEFAULT_PARAMS, forward, pins)
    conf = sweeps.bead_posteriors()
    assert all(0.0 <= c <= 1.0 for c in conf)
    assert conf[forward.path.index(((0, 1), 5, 6))] > 0.99


def _regrouped(paragraphs: list[str], lang: str, sizes: list[int]) -> list[str]:
    """The sentences of `paragraphs`, regrouped into paragraphs of `sizes` sentences."""
    sentences = [s.text for p in paragraphs for s in split_sentences(p, lang)]
    assert sum(sizes) == len(sentences)
    out, k = [], 0
    for size in sizes:
        out.append(" ".join(sentences[k : k + size]))
        k += size
    return out


def test_paragraphs_broken_at_other_places_form_one_bead_and_a_dropped_one_is_found() -> None:
    # The built-in pair's gold aligns English paragraphs 17-20 one to one with Arabic 23-26.
    # Break those four at other sentence boundaries (they become three) and leave out English
    # paragraph 23 (Arabic 28): a reader sees one 4:3 bead and an Arabic paragraph without a
    # translation; the paragraph programme alone has no bead that size.
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    english = [p.text for p in load_text(CORPUS / "iraq-assad-lesson.en.txt").paragraphs]
    pairs = json.loads((DATA / "iraq-assad-lesson.gold.json").read_text(encoding="utf-8"))
    gold = Alignment.from_pairs(pairs, len(source), len(english))
    assert [gold.counterpart("target", j) for j in range(17, 21)] == [(23,), (24,), (25,), (26,)]
    assert gold.counterpart("target", 23) == (28,)
    block = english[17:21]
    lengths = [len(split_sentences(p, "en")) for p in block]
    count = sum(lengths)
    # cut where no paragraph ended before
    old_breaks = set(np.cumsum(lengths)[:-1].tolist())
    cuts = [c for c in range(1, count) if c not in old_breaks]
    first, second = cuts[len(cuts) // 3], cuts[2 * len(cuts) // 3]
    regrouped = _regrouped(block, "en", [first, second - first, count - second])
    lines = english[:17] + regrouped + english[21:23] + english[24:]
    target = text_from_string("\n".join(lines), language="en")
    alignment = align_texts(source, target)
    bead = alignment.beads[alignment.bead_of("source", 23)]
    assert (bead.src, bead.tgt) == ((23, 24, 25, 26), (17, 18, 19))
    assert alignment.counterpart("source", 28) == ()


def test_a_long_untranslated_run_stays_left_out_and_the_rest_still_aligns() -> None:
    # fifteen Arabic paragraphs of three sentences each that the English lacks: more sentences
    # in one row of the sentence programme than its band holds
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    arabic = [p.text for p in source.paragraphs]
    filler = [
        f"هذه فقرة إضافية رقم {k} عن موضوع آخر. وفيها جملة ثانية عن الطقس والزراعة في الريف "
        f"والمدن {k + 100}. وجملة ثالثة عن الرياضة والفنون والمتاحف {k + 200}."
        for k in range(15)
    ]
    longer = text_from_string("\n".join(arabic[:30] + filler + arabic[30:]), language="ar")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    alignment = align_texts(longer, target)
    assert all(alignment.counterpart("source", 30 + k) == () for k in range(15))
    pairs = json.loads((DATA / "iraq-assad-lesson.gold.json").read_text(encoding="utf-8"))
    gold = Alignment.from_pairs(pairs, len(source), len(target))
    shifted = {
        (tuple(i + 15 if i >= 30 else i for i in b.src), b.tgt) for b in gold if b.src and b.tgt
    }
    found = {(b.src, b.tgt) for b in alignment if b.src and b.tgt}
    assert len(shifted & found) >= 0.95 * len(shifted)


sentences = st.text(alphabet="abc دمشق بغداد 0123456789،", min_size=1, max_size=30).filter(
    str.strip
)
paragraph_lists = st.lists(
    st.lists(sentences, min_size=1, max_size=4).map(". ".join), min_size=1, max_size=10
)


@settings(max_examples=40, deadline=None)
@given(paragraph_lists, paragraph_lists)
# one unit against many: the band's centre jumps further between two rows than a bead reaches
@example(["0. 0. 0", "0. 0. 0. 0", "0. 0. 0. 1", "0. 0. 0. 1", "0. 0", "0. 0. 0. 0"], ["1"])
def test_any_two_texts_get_beads_covering_both_once_in_order_and_repeat(
    src: list[str], tgt: list[str]
) -> None:
    # paragraphs of several sentences: the sentence pass runs and rebuilds the beads
    source = text_from_string("\n".join(src), language="ar")
    target = text_from_string("\n".join(tgt), language="en")
    alignment = align_texts(source, target)  # Alignment checks coverage and order
    assert alignment.n_src == len(source) and alignment.n_tgt == len(target)
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment)
    assert align_texts(source, target).beads == alignment.beads
