"""A reading pane: direction per paragraph, spans that land on the right letters, padding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from reader.core.align.beads import Bead
from reader.core.text.document import text_from_string
from reader.ui.reading.levelling import bead_padding
from reader.ui.reading.pair_view import PairView
from reader.ui.reading.text_pane import Mark, TextPane

RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight


@pytest.fixture
def arabic_pane(qtbot):
    from tests.ui.conftest import ARABIC_LINES

    text = text_from_string(
        "\n".join([*ARABIC_LINES, "An English line inside the Arabic text."]), language="ar"
    )
    pane = TextPane("source")
    qtbot.addWidget(pane)
    pane.resize(500, 600)
    pane.set_text(text, QFont(), 150.0)
    pane.show()
    return pane


def _direction_laid_out(pane: TextPane, paragraph: int) -> Qt.LayoutDirection:
    block = pane.block(paragraph)
    pane.document().documentLayout().blockBoundingRect(block)  # lays the block out
    return block.layout().textOption().textDirection()


@pytest.mark.parametrize("paragraph", [0, 1, 2, 3], ids=["@handle", "number", "Latin", "emoji"])
def test_an_arabic_paragraph_is_laid_out_right_to_left(arabic_pane, paragraph) -> None:
    block = arabic_pane.block(paragraph)
    assert block.blockFormat().layoutDirection() == RTL
    assert _direction_laid_out(arabic_pane, paragraph) == RTL
    assert arabic_pane.is_rtl(paragraph)


def test_an_english_paragraph_in_an_arabic_text_stays_left_to_right(arabic_pane) -> None:
    last = arabic_pane.paragraph_count - 1
    assert _direction_laid_out(arabic_pane, last) == LTR


def test_a_span_after_an_emoji_covers_the_right_letters(arabic_pane) -> None:
    from tests.ui.conftest import ARABIC_LINES

    line = ARABIC_LINES[3]
    start = line.index("8 كانون")
    end = start + len("8 كانون")
    arabic_pane.set_layer("divergences", [Mark(3, start, end, Qt.GlobalColor.yellow)])
    (selection,) = arabic_pane.extraSelections()
    assert selection.cursor.selectedText() == "8 كانون"


def test_the_current_paragraph_is_highlighted_whole(arabic_pane) -> None:
    arabic_pane.set_current((1, 2))
    assert arabic_pane.current_paragraphs == (1, 2)
    texts = [s.cursor.selectedText() for s in arabic_pane.extraSelections()]
    assert texts == [arabic_pane.text.paragraphs[1].text, arabic_pane.text.paragraphs[2].text]
    assert arabic_pane.textCursor().blockNumber() == arabic_pane.block(1).blockNumber()


def test_moving_the_caret_activates_a_paragraph(qtbot, arabic_pane) -> None:
    with qtbot.waitSignal(arabic_pane.paragraph_activated, timeout=2000) as blocker:
        cursor = arabic_pane.textCursor()
        cursor.setPosition(arabic_pane.paragraph_range(4)[0] + 2, QTextCursor.MoveMode.MoveAnchor)
        arabic_pane.setTextCursor(cursor)
    assert blocker.args == [4]


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


def test_other_layers_are_painted_too(arabic_pane) -> None:
    arabic_pane.set_layer("divergences", [Mark(0, 0, 3, Qt.GlobalColor.yellow)])
    arabic_pane.set_layer("annotations", [Mark(1, 0, 4, Qt.GlobalColor.green)])
    texts = [s.cursor.selectedText() for s in arabic_pane.extraSelections()]
    assert texts == [
        arabic_pane.text.paragraphs[0].text[:3],
        arabic_pane.text.paragraphs[1].text[:4],
    ]
