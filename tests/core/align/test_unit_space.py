"""The units' space sliced from their paragraphs' columns is the one their features give."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.space import Side, build_space, pieces_space
from reader.core.align.unit_pieces import Piece
from reader.core.align.unit_space import UnitSpans, unit_space
from reader.core.anchors.features import Features
from tests.core.align.test_fast_paths import assert_same_space

TOKENS = ["a", "b", "c", "dd", "e", "#1", "#2", "@x"]


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[str, Features]:
    """A paragraph's text and features: words and keys placed in it (in order, or, rarely,
    not: the slow path), or with no places at all."""
    size = draw(st.integers(0, 40))
    text = "x" * size
    n_words = draw(st.integers(0, 8))
    n_keys = draw(st.integers(0, 4))
    words = draw(st.lists(st.sampled_from(TOKENS[:5]), min_size=n_words, max_size=n_words))
    keys = draw(st.lists(st.sampled_from(TOKENS[5:]), min_size=n_keys, max_size=n_keys))
    place = st.integers(0, max(0, size - 1))
    offsets = sorted(draw(st.lists(place, min_size=n_words, max_size=n_words)))
    key_offsets = sorted(draw(st.lists(place, min_size=n_keys, max_size=n_keys)))
    how = draw(st.sampled_from(["placed", "placed", "placed", "unplaced", "shuffled"]))
    if how == "unplaced":
        offsets = []
    elif how == "shuffled":
        offsets = offsets[::-1]
    length = draw(st.integers(0, 50))
    return text, Features(length, words, keys, [], list(words), offsets, key_offsets)


@st.composite
def sides(draw: st.DrawFn) -> tuple[Side, list[Piece]]:
    paras = draw(st.lists(paragraphs(), min_size=1, max_size=6))
    texts = [t for t, _ in paras]
    features = [f for _, f in paras]
    pieces = []
    for i, text in enumerate(texts):
        # the whole paragraph, or parts of it (cut anywhere, as the cutters may)
        cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=3))))
        ends = [0, *[c for c in cuts if 0 < c < len(text)], len(text)]
        for start, end in zip(ends, ends[1:] or [len(text)], strict=False):
            pieces.append(Piece(i, start, end, draw(st.sampled_from([0.2, 1.5, 2.5, 7.0]))))
        if len(ends) == 1:
            pieces.append(Piece(i, 0, 0, 1.0))
    side = Side(features, np.zeros(len(texts), dtype=np.float32), texts, "en")
    return side, pieces


def _within(side: Side, pieces: list[Piece]) -> list[Features]:
    """As the sentence pass took each unit's features before (units.side_units)."""
    out = []
    for p in pieces:
        para = side.features[p.paragraph]
        if p.start == 0 and p.end == len(side.texts[p.paragraph]):
            out.append(para)
        else:
            out.append(para.within(p.start, p.end, max(1, round(p.length))))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides(), sides(), st.booleans())
def test_unit_space_is_the_space_of_the_units_features(
        src: tuple[Side, list[Piece]], tgt: tuple[Side, list[Piece]], kept: bool) -> None:
    (s, s_pieces), (t, t_pieces) = src, tgt
    space = build_space(s, t)
    if not kept:
        space = replace(space, columns=None)  # a space made without its columns: looked up
    s_units = UnitSpans.of(s_pieces, s.features, s.texts)
    t_units = UnitSpans.of(t_pieces, t.features, t.texts)
    s_feats, t_feats = _within(s, s_pieces), _within(t, t_pieces)
    assert_same_space(unit_space(space, s.features, s_units, t.features, t_units),
                      pieces_space(space, s_feats, t_feats))
    for units, feats in ((s_units, s_feats), (t_units, t_feats)):
        want = np.array([max(1, f.length) for f in feats], dtype=np.float32)
        assert units.length.tobytes() == want.tobytes()


def test_no_units() -> None:
    side = Side([Features(3, ["a"], [], [], ["a"], [0], [])], np.zeros(1, np.float32), ["abc"])
    space = build_space(side, side)
    none = UnitSpans.of([], side.features, side.texts)
    got = unit_space(space, side.features, none, side.features, none)
    assert got.src_words.shape == (0, len(space.src_vocab)) and got.tgt.shape[0] == 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides(), sides(), st.integers(0, 3))
def test_rows_other_than_the_spaces_own_are_looked_up(
        src: tuple[Side, list[Piece]], tgt: tuple[Side, list[Piece]], drop: int) -> None:
    # a re-alignment reads slices of the pair's sides with the pair's space (align.realign)
    (s, s_pieces), (t, t_pieces) = src, tgt
    space = build_space(s, t)
    keep = [p for p in s_pieces if p.paragraph >= drop]
    sliced = Side(s.features[drop:], s.null_bonus[drop:], s.texts[drop:], "en")
    moved = [Piece(p.paragraph - drop, p.start, p.end, p.length) for p in keep]
    s_units = UnitSpans.of(moved, sliced.features, sliced.texts)
    t_units = UnitSpans.of(t_pieces, t.features, t.texts)
    assert_same_space(unit_space(space, sliced.features, s_units, t.features, t_units),
                      pieces_space(space, _within(sliced, moved), _within(t, t_pieces)))
