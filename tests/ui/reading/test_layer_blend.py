"""A note on a divergence stays visible: underlined in its colour where the two overlap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from reader.core.annotate.annotations import TagRef
from reader.ui.annotate.dialog import AnnotationValues
from reader.ui.app.theme import divergence_background
from reader.ui.reading.layer_blend import line_colour
from reader.ui.reading.text_pane import Mark
from tests.ui.conftest import ARABIC_LINES
from tests.ui.reading.test_pair_view import hand_window

SINGLE = QTextCharFormat.UnderlineStyle.SingleUnderline
# a tag whose colour is the very yellow of "Name differs": the case where a note vanished
YELLOW_TAG = TagRef("translation-shifts", "explicitation")


def _underlined(pane) -> list[str]:
    return [s.cursor.selectedText() for s in pane.extraSelections()
            if s.format.underlineStyle() == SINGLE]


def test_only_the_overlap_is_underlined(qtbot, settings, hand_pair) -> None:
    view = hand_window(qtbot, settings, hand_pair).pair_view
    pane = view.pane("target")
    text = hand_pair.target.paragraphs[2].text  # "CNN reported that the militias withdrew…"
    yellow = divergence_background("name_mismatch")
    pane.set_layer("divergences", [Mark(2, 0, text.index(" reported"), yellow)])
    note = QColor("#ffe119")
    note.setAlpha(150)
    pane.set_layer("annotations", [Mark(2, 0, text.index(" that"), note)])
    assert _underlined(pane) == ["CNN"]
    [line] = [s for s in pane.extraSelections() if s.format.underlineStyle() == SINGLE]
    assert line.format.underlineColor() == line_colour(note)
    assert line.format.underlineColor().alpha() == 255
    assert line.format.background().style() == Qt.BrushStyle.NoBrush  # no background added
    # a note on no divergence is painted as before: a background only
    pane.set_layer("annotations", [Mark(2, text.index("militias"), len(text), note)])
    assert _underlined(pane) == []
    # the line is drawn: pixels of its colour under the word, none without the divergence
    pane.set_layer("annotations", [Mark(2, 0, 3, note)])
    assert _line_pixels(qtbot, pane, line_colour(note)) > 5
    pane.set_layer("divergences", [])
    assert _line_pixels(qtbot, pane, line_colour(note)) == 0


def _line_pixels(qtbot, pane, colour: QColor) -> int:
    """Pixels of `colour` (give or take) around the first word of target ¶3."""
    qtbot.wait(50)
    image = pane.viewport().grab().toImage()
    start, end = QTextCursor(pane.block(2)), QTextCursor(pane.block(2))
    end.movePosition(QTextCursor.MoveOperation.EndOfWord)
    left, right = pane.cursorRect(start), pane.cursorRect(end)
    count = 0
    for x in range(left.x(), right.x()):
        for y in range(left.top(), left.bottom() + 4):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(
                    c.blue() - colour.blue()) < 60:
                count += 1
    return count


def test_a_linked_span_on_a_divergence_through_the_window(qtbot, settings, hand_pair) -> None:
    """The date divergence of source ¶4 ("8 كانون"), linked from an English note."""
    from tests.ui.annotate.test_annotations_ui import _select_text

    window = hand_window(qtbot, settings, hand_pair)
    _select_text(window, "source", 3, "8 كانون")
    _select_text(window, "target", 3, "8 December")
    values = AnnotationValues((YELLOW_TAG,), "dates differ", None, "Lina", True)
    record = window.annotations.annotate("target", values=values)
    assert record is not None and record.link is not None
    start = ARABIC_LINES[3].index("8 كانون")
    assert (record.link.start, record.link.end) == (start, start + len("8 كانون"))
    source = window.pair_view.pane("source")
    assert "8 كانون" in _underlined(source)
    # undo takes the note and its line away
    window.annotations.undo_stack.undo()
    assert _underlined(source) == []
