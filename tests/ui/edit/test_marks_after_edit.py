"""After an edit of the alignment, the panes still mark every open divergence (and only those)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui.app.theme import divergence_background


def test_an_edit_keeps_the_open_divergences_marked(qtbot, settings, hand_pair) -> None:
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.show_pair(hand_pair)
    window.pair_view.finish_layout()
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    view, pair = window.pair_view, window.pair
    assert pair is not None and view.visible_divergences() == pair.divergences
    before = list(pair.divergences)  # kept alive, so that new records cannot take their ids
    beads = len(pair.alignment)

    # merge the first two beads by key; the divergences are then found again in the pool
    view.select_bead(0)
    view.pane("target").setFocus()
    qtbot.keyClick(view.pane("target"), Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert len(pair.alignment) == beads - 1
    qtbot.waitUntil(lambda: not window.editor.refresher.is_busy(), timeout=20_000)
    view.finish_layout()

    assert not {id(d) for d in pair.divergences} & {id(d) for d in before}  # new records
    states = window.reviews.states
    open_ones = [d for d, s in zip(pair.divergences, states, strict=True) if s.is_open]
    assert open_ones and [id(d) for d in view.visible_divergences()] == [id(d) for d in open_ones]
    # and painted: the Arabic paragraph left out is marked in its pane
    omission = next(d for d in open_ones if str(d.kind) == "omission")
    pane = view.pane(omission.side)
    marked = {s.cursor.block().blockNumber() for s in pane.extraSelections()
              if s.format.background().color() == divergence_background("omission")}
    assert {pane.block(p).blockNumber() for p in omission.paragraphs} <= marked
