"""Levelling: every bead as tall on both sides, counterparts at the same height, one scroll."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import Alignment, Bead
from reader.core.align.edits import EditError, merge_next, split
from reader.ui.reading.levelling import PaddingBuilder, bead_padding, resume_point
from reader.ui.reading.pair_view import PairView

BEAD_TYPES = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (2, 2)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(BEAD_TYPES), min_size=1, max_size=30),
    st.lists(st.floats(10, 300), min_size=200, max_size=200),
)
def test_padding_puts_every_bead_at_the_same_height_on_both_sides(types, sizes) -> None:
    beads, i, j = [], 0, 0
    for n, m in types:
        beads.append(Bead(tuple(range(i, i + n)), tuple(range(j, j + m))))
        i, j = i + n, j + m
    if i == 0 or j == 0:
        return
    heights = {"source": sizes[:i], "target": sizes[100 : 100 + j]}
    pad = bead_padding(beads, heights["source"], heights["target"], gap=5.0)
    for side, run_of in (("source", lambda b: b.src), ("target", lambda b: b.tgt)):
        # walk the side as Qt lays it out: lead, then each paragraph and the space after it
        y = pad.lead[side]
        tops = []
        for h, bottom in zip(heights[side], pad.bottoms[side], strict=True):
            tops.append(y)
            y += h + bottom
        assert y == pytest.approx(pad.total)
        for b, bead in enumerate(beads):
            if run_of(bead):
                assert tops[run_of(bead)[0]] == pytest.approx(pad.tops[b])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(BEAD_TYPES), min_size=2, max_size=30),
    st.lists(st.floats(10, 300), min_size=200, max_size=200),
    st.integers(0, 40), st.booleans(),
)
def test_levelling_resumed_after_an_edit_pads_as_levelling_from_the_start(
    types, sizes, at, merge
) -> None:
    beads, i, j = [], 0, 0
    for n, m in types:
        beads.append(Bead(tuple(range(i, i + n)), tuple(range(j, j + m))))
        i, j = i + n, j + m
    before = Alignment(beads, i, j)
    k = at % len(beads)
    try:
        edit = merge_next(before, k) if merge else split(before, k, 1, 0)
    except EditError:
        return
    after = Alignment([*beads[:k], *edit.after, *beads[k + len(edit.before):]], i, j)
    src, tgt = sizes[:i], sizes[100 : 100 + j]
    old = bead_padding(beads, src, tgt)
    fresh = bead_padding(after.beads, src, tgt)
    start = resume_point(before, old, after, edit.first)
    builder = PaddingBuilder(i, j)
    if start:
        builder.resume(old, after.beads, start)
    for bead in after.beads[start:]:
        builder.add(bead, {"source": [src[x] for x in bead.src],
                           "target": [tgt[y] for y in bead.tgt]})
    assert builder.padding.tops == pytest.approx(fresh.tops)
    for side in ("source", "target"):
        assert builder.padding.bottoms[side] == pytest.approx(fresh.bottoms[side])
        assert builder.padding.lead[side] == pytest.approx(fresh.lead[side])
    assert builder.padding.total == pytest.approx(fresh.total)


def test_counterparts_sit_at_the_same_height(qtbot, settings, hand_pair) -> None:
    view = PairView(settings)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    view.set_pair(hand_pair)
    view.finish_layout()
    source, target = view.pane("source"), view.pane("target")
    for bead in hand_pair.alignment:
        if bead.src and bead.tgt:
            assert source.block_rect(bead.src[0])[0] == pytest.approx(
                target.block_rect(bead.tgt[0])[0], abs=0.5
            )
    heights = [p.document().documentLayout().documentSize().height() for p in (source, target)]
    assert heights[0] == pytest.approx(heights[1], abs=1.0)
    # one scroll moves both
    view.resize(1000, 200)
    qtbot.waitUntil(lambda: source.verticalScrollBar().maximum() > 0, timeout=5000)
    qtbot.waitUntil(view.is_laid_out, timeout=5000)
    target.verticalScrollBar().setValue(60)
    assert source.verticalScrollBar().value() == 60
