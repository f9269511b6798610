"""The pair view as a reader uses it: clicks after a left-out paragraph, zoom, breaks in a bead."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor


def _point_in(pane, paragraph: int, words: int = 2) -> QPoint:
    """A point on the `words`-th word of a paragraph, in viewport coordinates."""
    cursor = QTextCursor(pane.block(paragraph))
    for _ in range(words):
        cursor.movePosition(QTextCursor.MoveOperation.NextWord)
    return pane.cursorRect(cursor).center()


def _click(qtbot, view, side: str, paragraph: int) -> QPoint:
    """Scroll the paragraph into view (as a reader would, with the scroll bar: no selection)
    and click on it."""
    bead = view.pair.alignment.bead_of(side, paragraph)
    view.scroll_to_bead(bead)
    pane = view.pane(side)
    point = _point_in(pane, paragraph)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return point


def _left_out_and_answered(view, side: str) -> tuple[int, int]:
    """A paragraph of `side` left out (no counterpart) and, just before it, one of the other
    side that has a counterpart."""
    alignment = view.pair.alignment
    other = "target" if side == "source" else "source"
    for b, bead in enumerate(alignment):
        run = bead.src if side == "source" else bead.tgt
        if run and bead.is_null and b > 0:
            answered = next(
                k for k in range(b - 1, -1, -1)
                if not alignment[k].is_null
            )
            before = alignment[answered]
            return run[0], (before.tgt if other == "target" else before.src)[0]
    raise AssertionError("no left-out paragraph")


def test_clicking_an_english_paragraph_after_an_arabic_left_out_post(qtbot, main_window) -> None:
    view = main_window.pair_view
    post, english = _left_out_and_answered(view, "source")
    assert main_window.pair.source.paragraphs[post].kind.name == "EMBEDDED_POST"
    expected = view.pair.alignment.bead_of("target", english)
    _click(qtbot, view, "target", english)
    assert view.current_bead == expected
    _click(qtbot, view, "source", post)
    assert view.current_bead == view.pair.alignment.bead_of("source", post)
    assert view.pane("target").current_paragraphs == ()
    # the same English paragraph, at the very same place: its bead is selected again
    _click(qtbot, view, "target", english)
    assert view.current_bead == expected
    assert english in view.pane("target").current_paragraphs
    assert view.pane("source").current_paragraphs


def hand_window(qtbot, settings, pair):
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1200, 800)
    window.show()
    window.show_pair(pair)
    window.pair_view.finish_layout()
    return window


def test_clicking_an_arabic_paragraph_after_an_english_left_out_one(
    qtbot, settings, hand_pair
) -> None:
    view = hand_window(qtbot, settings, hand_pair).pair_view
    added, arabic = _left_out_and_answered(view, "target")
    expected = view.pair.alignment.bead_of("source", arabic)
    _click(qtbot, view, "source", arabic)
    _click(qtbot, view, "target", added)
    assert view.pane("source").current_paragraphs == ()
    _click(qtbot, view, "source", arabic)
    assert view.current_bead == expected
    # and a click that lands on the current paragraph again changes nothing
    _click(qtbot, view, "source", arabic)
    assert view.current_bead == expected


def test_paragraphs_of_one_bead_keep_a_break_on_both_sides(main_window) -> None:
    from reader.ui.reading.text_pane import PARAGRAPH_GAP

    view = main_window.pair_view
    found = 0
    for bead in view.pair.alignment:
        for side, run in (("source", bead.src), ("target", bead.tgt)):
            pane = view.pane(side)
            for a, b in pairwise(run):
                gap = pane.block_rect(b)[0] - pane.block_rect(a)[1]
                assert gap >= PARAGRAPH_GAP - 1.0, (side, a, b, gap)
                found += 1
    assert found, "the built-in pair has beads of several paragraphs"
