"""A reading pane: direction per paragraph, spans that land on the right letters, layers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from reader.core.text.document import text_from_string
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


def test_other_layers_are_painted_too(arabic_pane) -> None:
    arabic_pane.set_layer("divergences", [Mark(0, 0, 3, Qt.GlobalColor.yellow)])
    arabic_pane.set_layer("annotations", [Mark(1, 0, 4, Qt.GlobalColor.green)])
    texts = [s.cursor.selectedText() for s in arabic_pane.extraSelections()]
    assert texts == [
        arabic_pane.text.paragraphs[0].text[:3],
        arabic_pane.text.paragraphs[1].text[:4],
    ]
