"""The alignment editor through the window: keys, menus, undo/redo, the workspace, re-aligning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from reader.core.align.beads import Alignment
from reader.core.pair import Pair

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
K = Qt.Key


def _runs(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in alignment]


def _window(qtbot, settings, pair: Pair):
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.show_pair(pair)
    window.pair_view.finish_layout()
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    return window


@pytest.fixture
def window(qtbot, settings, hand_pair):
    return _window(qtbot, settings, hand_pair)


def _settle(qtbot, window) -> None:
    """Wait for the divergences to be found again and level everything."""
    qtbot.waitUntil(lambda: not window.editor.refresher.is_busy(), timeout=20_000)
    window.pair_view.finish_layout()


def _click_paragraph(qtbot, window, side: str, paragraph: int) -> None:
    pane = window.pair_view.pane(side)
    top, bottom = pane.block_rect(paragraph)
    y = int((top + bottom) / 2 - pane.verticalScrollBar().value())
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(pane.viewport().width() // 2, y))


def _press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier, side="target"):
    pane = window.pair_view.pane(side)
    pane.setFocus()
    qtbot.keyClick(pane, key, modifiers)


def _alignment(window) -> Alignment:
    return window.pair.alignment


def test_merge_with_next_by_key_then_undo_and_redo(qtbot, window) -> None:
    start = list(_alignment(window).beads)
    window.pair_view.select_bead(1)
    _press(qtbot, window, K.Key_J, CTRL)
    merged = _alignment(window)
    assert _runs(merged)[1] == ((1, 2), (1, 2))
    assert merged[1].state == "edited" and len(merged) == len(start) - 1
    assert window.pair_view.current_bead == 1
    # the gutter and both panes are level again at once, the current bead highlighted
    band = window.pair_view.gutter.bead_geometry()[1]
    assert band.left_bottom - band.left_top == pytest.approx(band.right_bottom - band.right_top,
                                                             abs=40)
    assert window.pair_view.pane("target").current_paragraphs == (1, 2)
    assert window.annotations.workspace.alignment().beads == merged.beads
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _alignment(window).beads == start  # states and confidences as they were
    assert window.annotations.workspace.alignment().beads == start
    _press(qtbot, window, K.Key_Z, CTRL | SHIFT)
    assert _alignment(window).beads == merged.beads
    _settle(qtbot, window)


def test_merge_with_previous_from_the_menu_after_clicking_elsewhere(qtbot, window) -> None:
    _click_paragraph(qtbot, window, "source", 3)
    assert window.pair_view.current_bead == 3
    menu = window.editor.actions.menu
    assert menu.title() == "A&lignment"
    window.editor.actions.merge_previous.trigger()
    assert _runs(_alignment(window))[2] == ((2, 3), (2, 3))
    window.annotations.undo_action.trigger()
    assert _runs(_alignment(window))[2:4] == [((2,), (2,)), ((3,), (3,))]
    assert window.pair_view.current_bead == 3


def test_split_through_the_dialog_and_undo(qtbot, window) -> None:
    window.pair_view.select_bead(0)
    window.editor.merge_next()
    assert _runs(_alignment(window))[0] == ((0, 1), (0, 1))
    # the caret in the second English paragraph: the dialog starts at a cut before it
    pane = window.pair_view.pane("target")
    cursor = QTextCursor(pane.block(1))
    pane.setFocus()
    pane.setTextCursor(cursor)
    assert window.pair_view.current_bead == 0
    qtbot.keyClick(pane, K.Key_K, CTRL)
    dialog = window.editor.split_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.cut() == (1, 1)
    dialog.boxes["source"].setValue(0)
    dialog.boxes["target"].setValue(0)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.boxes["source"].setValue(2)
    dialog.boxes["target"].setValue(1)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert _runs(_alignment(window))[:2] == [((0, 1), (0,)), ((), (1,))]
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _runs(_alignment(window))[0] == ((0, 1), (0, 1))


def test_move_first_and_last_paragraph_of_the_focused_side(qtbot, window) -> None:
    window.pair_view.select_bead(1)
    window.editor.merge_next()  # bead 1: 2:2
    _click_paragraph(qtbot, window, "source", 2)
    assert window.pair_view.current_bead == 1
    qtbot.keyClick(window.pair_view.pane("source"), K.Key_Up, ALT | SHIFT)
    runs = _runs(_alignment(window))
    assert runs[:2] == [((0, 1), (0,)), ((2,), (1, 2))]
    assert window.pair_view.current_bead == 1  # still on the bead that gave
    _press(qtbot, window, K.Key_Down, ALT | SHIFT, side="target")
    assert _runs(_alignment(window))[1:3] == [((2,), (1,)), ((3,), (2, 3))]
    _press(qtbot, window, K.Key_Z, CTRL)
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _runs(_alignment(window))[1] == ((1, 2), (1, 2))


def test_leave_out_and_pair_again_by_key(qtbot, window) -> None:
    _click_paragraph(qtbot, window, "target", 3)
    assert window.pair_view.current_bead == 3
    _press(qtbot, window, K.Key_L, CTRL)
    runs = _runs(_alignment(window))
    assert runs[3:5] == [((), (3,)), ((3,), ())]  # the English one left out, first
    assert window.pair_view.current_bead == 3
    assert window.pair.alignment[3].state == "edited"
    _press(qtbot, window, K.Key_L, CTRL | SHIFT)
    assert _runs(_alignment(window))[3] == ((3,), (3,))
    _press(qtbot, window, K.Key_Z, CTRL)
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _alignment(window)[3].state == "automatic"


def test_a_wrong_edit_says_why_in_the_status_bar_and_changes_nothing(qtbot, window) -> None:
    before = list(_alignment(window).beads)
    window.pair_view.select_bead(0)
    _press(qtbot, window, K.Key_J, CTRL | SHIFT)
    assert "no previous bead" in window.statusBar().currentMessage()
    assert _alignment(window).beads == before
    assert window.annotations.undo_stack.count() == 0


def test_confirm_goes_on_and_the_status_figure_counts(qtbot, window) -> None:
    label = window.editor.status_label
    assert label.text() == "0 of 7 beads confirmed"
    window.pair_view.select_bead(2)
    _press(qtbot, window, K.Key_Return, CTRL)
    assert _alignment(window)[2].state == "confirmed"
    assert window.pair_view.current_bead == 3
    assert label.text() == "1 of 7 beads confirmed"
    window.pair_view.select_bead(4)
    _press(qtbot, window, K.Key_Return, CTRL | SHIFT)
    assert label.text() == "5 of 7 beads confirmed"
    # F7 walks the unconfirmed beads, wrapping round
    _press(qtbot, window, K.Key_F7)
    assert window.pair_view.current_bead == 5
    _press(qtbot, window, K.Key_F7)
    assert window.pair_view.current_bead == 6
    _press(qtbot, window, K.Key_F7, SHIFT)
    assert window.pair_view.current_bead == 5
    _press(qtbot, window, K.Key_Z, CTRL)
    assert label.text() == "1 of 7 beads confirmed"
    assert window.pair_view.current_bead == 4


def test_navigation_to_uneven_and_doubtful_beads(qtbot, window, settings) -> None:
    window.pair_view.select_bead(0)
    _press(qtbot, window, K.Key_F6)
    assert window.pair_view.current_bead == 4  # the first bead not 1:1 (1:0)
    _press(qtbot, window, K.Key_F6)
    assert window.pair_view.current_bead == 6
    settings.low_confidence = 0.75
    _press(qtbot, window, K.Key_F5)
    assert window.pair_view.current_bead == 2  # 0.4, wrapping round
    _press(qtbot, window, K.Key_F5)
    assert window.pair_view.current_bead == 4  # 0.7
    _press(qtbot, window, K.Key_F5, SHIFT)
    assert window.pair_view.current_bead == 2


def test_edits_from_a_window_scrolled_half_way(qtbot, settings) -> None:
    from reader.core.align.beads import Bead
    from reader.core.text.document import text_from_string

    n = 80
    source = text_from_string("\n".join(f"فقرة رقم {i} عن الأسد" for i in range(n)) + "\n",
                              language="ar")
    target = text_from_string("\n".join(f"Paragraph {i} about Assad" for i in range(n)) + "\n",
                              language="en")
    alignment = Alignment([Bead((i,), (i,), 0.9) for i in range(n)], n, n)
    window = _window(qtbot, settings, Pair(source, target, alignment, []))
    bar = window.pair_view.pane(window.pair_view.right_side).verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    _click_paragraph(qtbot, window, "target", window.pair_view.pane("target").paragraph_at(300))
    bead = window.pair_view.current_bead
    assert bead > 20
    value = bar.value()
    _press(qtbot, window, K.Key_J, CTRL)
    window.pair_view.finish_layout()
    assert _runs(_alignment(window))[bead] == ((bead, bead + 1), (bead, bead + 1))
    assert abs(bar.value() - value) < 5  # the view stays where the reader was
    # levelling resumed at the edit pads the beads as levelling them all again would
    resumed = window.pair_view.padding
    tops, bottoms = list(resumed.tops), {s: list(resumed.bottoms[s]) for s in ("source", "target")}
    window.pair_view.relayout()
    window.pair_view.finish_layout()
    assert window.pair_view.padding.tops == pytest.approx(tops)
    assert window.pair_view.padding.bottoms == pytest.approx(bottoms)
    _press(qtbot, window, K.Key_Z, CTRL)
    assert len(_alignment(window)) == n


def test_the_workspace_keeps_edits_and_states_after_reopening(qtbot, settings, hand_pair):
    window = _window(qtbot, settings, hand_pair)
    window.pair_view.select_bead(0)
    window.editor.merge_next()
    window.pair_view.select_bead(2)
    window.editor.confirm()
    expected = list(_alignment(window).beads)
    _settle(qtbot, window)
    window.close()
    fresh = Pair(hand_pair.source, hand_pair.target,
                 Alignment.from_pairs(
                     [[[i], [i]] for i in range(5)] + [[[5], [5]]], 6, 6), [])
    again = _window(qtbot, settings, fresh)
    qtbot.waitUntil(lambda: _alignment(again).beads == expected, timeout=5_000)
    assert [b.state for b in _alignment(again)][:3] == ["edited", "automatic", "confirmed"]
    assert again.editor.status_label.text() == "1 of 6 beads confirmed"


def test_divergences_are_found_again_and_annotations_kept(qtbot, window) -> None:
    from reader.core.annotate.annotations import TagRef
    from reader.ui.annotate.dialog import AnnotationValues

    pane = window.pair_view.pane("source")
    cursor = QTextCursor(pane.block(5))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    pane.setFocus()
    pane.setTextCursor(cursor)
    record = window.annotations.annotate(values=AnnotationValues(
        (TagRef("translation-shifts", "softening"),), "", None, "Lina", False))
    assert record is not None
    kinds = {str(d.kind) for d in window.pair.divergences}
    assert "omission" in kinds  # the Arabic paragraph 4 left out
    window.pair_view.select_bead(4)
    window.editor.merge_previous()  # bead 3 takes paragraph 4: nothing left out
    _settle(qtbot, window)
    assert not [d for d in window.pair.divergences if str(d.kind) == "omission"]
    assert window.panel.model.rowCount() == len(window.pair.divergences)
    assert [a.id for a in window.annotations.workspace.annotations()] == [record.id]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_gutter_and_pane_context_menus_hold_the_edits(qtbot, window) -> None:
    seen: dict[str, list[str]] = {}

    def read_menu(name: str, then=None) -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        texts = [a.text().replace("&", "") for a in menu.actions()]
        for action in menu.actions():
            if action.menu() is not None:
                texts += [a.text().replace("&", "") for a in action.menu().actions()]
        seen[name] = texts
        if then is not None:
            next(a for a in menu.actions() if a.text().replace("&", "") == then).trigger()
        menu.close()

    gutter = window.pair_view.gutter
    band = gutter.bead_geometry()[2]
    y = int((band.top + band.bottom) / 2)
    QTimer.singleShot(200, lambda: read_menu("gutter", then="Merge with Next Bead"))
    gutter.customContextMenuRequested.emit(QPoint(gutter.width() // 2, y))
    assert "Confirm Bead" in seen["gutter"] and "Move First Arabic Paragraph Up" in seen["gutter"]
    assert _runs(_alignment(window))[2] == ((2, 3), (2, 3))

    pane = window.pair_view.pane("target")
    top, bottom = pane.block_rect(5)
    pos = QPoint(40, int((top + bottom) / 2 - pane.verticalScrollBar().value()))
    QTimer.singleShot(200, lambda: read_menu("pane"))
    pane.customContextMenuRequested.emit(pos)
    assert "Leave Paragraph Out" in seen["pane"] and "Annotate Selection…" in seen["pane"]
    assert window.pair_view.current_bead == 5  # the right click put the caret there


def test_f1_lists_the_editing_shortcuts(qtbot, window) -> None:
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []

    def read_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    QTimer.singleShot(200, read_box)
    _press(qtbot, window, K.Key_F1)
    assert "Merge with Next Bead" in texts[0] and "Ctrl+J" in texts[0]
    assert "Re-align Unconfirmed Beads" in texts[0]
    # no two actions of the window share a shortcut
    keys = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))


def test_a_read_only_workspace_refuses_edits(qtbot, window) -> None:
    window.annotations.workspace.read_only = True
    before = list(_alignment(window).beads)
    window.pair_view.select_bead(1)
    _press(qtbot, window, K.Key_J, CTRL)
    assert "no writable workspace" in window.statusBar().currentMessage()
    assert _alignment(window).beads == before


# ---- re-aligning, on the built-in pair ----------------------------------------------------


def _realign_and_wait(qtbot, window, key_modifiers) -> None:
    editor = window.editor
    with qtbot.waitSignal(editor.realigner.finished, timeout=60_000):
        _press(qtbot, window, K.Key_R, key_modifiers)
        assert window.progress.isVisible()
        assert editor.actions.cancel_realign.isEnabled()


def test_realign_unconfirmed_keeps_every_confirmed_bead(qtbot, main_window) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    editor = window.editor
    window.pair_view.select_bead(5)
    editor.merge_next()
    editor.confirm()  # the odd 2:2 bead a person made and confirmed
    window.pair_view.select_bead(3)
    editor.confirm()
    window.pair_view.select_bead(12)
    editor.merge_next()  # edited, not confirmed: the aligner may undo it
    before = list(_alignment(window).beads)
    confirmed = [b for b in before if b.is_confirmed]
    depth = window.annotations.undo_stack.count()
    _realign_and_wait(qtbot, window, CTRL | SHIFT)
    after = _alignment(window)
    assert all(b in after.beads for b in confirmed)
    assert _runs(after)[12] != ((12, 13), (12, 13)) or after[12].state == "edited"
    assert window.annotations.undo_stack.count() == depth + 1  # one undoable command
    assert window.annotations.workspace.alignment().beads == after.beads
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _alignment(window).beads == before
    _settle(qtbot, window)


def test_realign_selection_touches_only_the_selected_beads(qtbot, main_window) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.pair_view.select_bead(8)
    window.editor.merge_next()
    window.editor.merge_next()  # a 3:3 bead at 8 the aligner would not make
    before = list(_alignment(window).beads)
    pane = window.pair_view.pane("target")
    # from the English paragraph before the odd bead to the one after it
    first, last = before[8].tgt[0] - 1, before[8].tgt[-1] + 1
    a, z = window.pair.alignment.bead_of("target", first), window.pair.alignment.bead_of(
        "target", last)
    assert a < 8 < z
    cursor = QTextCursor(pane.block(first))
    cursor.setPosition(pane.paragraph_range(last)[1], QTextCursor.MoveMode.KeepAnchor)
    pane.setFocus()
    pane.setTextCursor(cursor)
    _realign_and_wait(qtbot, window, CTRL | ALT)
    after = list(_alignment(window).beads)
    assert after[:a] == before[:a]
    tail = len(before) - z - 1
    assert after[len(after) - tail:] == before[z + 1:]
    assert after != before


def test_cancelling_a_realignment_leaves_the_alignment_untouched(qtbot, main_window) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    window.pair_view.select_bead(4)
    window.editor.merge_next()
    before = list(_alignment(window).beads)
    depth = window.annotations.undo_stack.count()
    editor = window.editor
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    with qtbot.waitSignal(editor.realigner.cancelled, timeout=60_000):
        editor.actions.realign_unconfirmed.trigger()
        assert editor.actions.cancel_realign.isEnabled()
        _press(qtbot, window, K.Key_Escape)  # the window's Cancel: whatever aligns stops
    assert _alignment(window).beads == before
    assert window.annotations.workspace.alignment().beads == before
    assert window.annotations.undo_stack.count() == depth
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.progress.isVisible()
    assert not editor.actions.cancel_realign.isEnabled()


def test_the_low_confidence_threshold_is_set_in_preferences(qtbot, window, settings) -> None:
    dialog = window.show_preferences()
    assert dialog.low_confidence_box.value() == pytest.approx(0.5)
    dialog.low_confidence_box.setValue(0.75)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert settings.low_confidence == pytest.approx(0.75)
    assert settings.qsettings.value("alignment/low_confidence") is not None
    window.pair_view.select_bead(0)
    _press(qtbot, window, K.Key_F5)
    assert window.pair_view.current_bead == 2


def test_confirming_a_confirmed_bead_only_goes_on(qtbot, window) -> None:
    window.pair_view.select_bead(1)
    window.editor.confirm_through()
    depth = window.annotations.undo_stack.count()
    window.pair_view.select_bead(0)
    _press(qtbot, window, K.Key_Return, CTRL)
    assert window.annotations.undo_stack.count() == depth
    assert window.pair_view.current_bead == 2


def test_a_locked_workspace_refuses_an_edit_or_an_undo_and_loses_nothing(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    start = list(_alignment(window).beads)
    window.pair_view.select_bead(1)
    _press(qtbot, window, K.Key_J, CTRL)
    merged = list(_alignment(window).beads)
    holder = sqlite3.connect(window.annotations.workspace.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        window.pair_view.select_bead(3)
        _press(qtbot, window, K.Key_J, CTRL)  # refused: nothing changes, nothing is stacked
        assert len(shown) == 1 and "\n" not in shown[0].strip()
        assert _alignment(window).beads == merged
        assert window.annotations.undo_stack.count() == 1
        _press(qtbot, window, K.Key_Z, CTRL)  # refused too: the stack comes back to the edit
        qtbot.waitUntil(lambda: window.annotations.undo_stack.index() == 1, timeout=5_000)
        assert len(shown) == 2 and _alignment(window).beads == merged
    finally:
        holder.rollback()
        holder.close()
    assert window.annotations.workspace.alignment().beads == merged
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _alignment(window).beads == start
    assert window.annotations.workspace.alignment().beads == start


def test_an_edit_after_an_undo_replaces_what_was_undone(qtbot, window) -> None:
    start = list(_alignment(window).beads)
    window.pair_view.select_bead(2)
    _press(qtbot, window, K.Key_J, CTRL)
    _press(qtbot, window, K.Key_Z, CTRL)
    assert window.annotations.redo_action.isEnabled()
    _click_paragraph(qtbot, window, "target", 4)  # elsewhere, then a different edit
    _press(qtbot, window, K.Key_Up, ALT | SHIFT, side="target")
    # English 4 went up to the Arabic paragraph left out above it
    assert _runs(_alignment(window))[4:6] == [((4,), (4,)), ((5,), ())]
    assert not window.annotations.redo_action.isEnabled()
    assert window.annotations.undo_stack.count() == 1
    _press(qtbot, window, K.Key_Z, CTRL)
    assert _alignment(window).beads == start


def test_an_edit_keeps_the_open_divergences_marked(qtbot, window) -> None:
    """The review filter knows divergence records by identity; an edit makes new ones."""
    from reader.ui.app.theme import divergence_background

    view, pair = window.pair_view, window.pair
    assert view.visible_divergences() == pair.divergences
    before = list(pair.divergences)  # kept alive, so that new records cannot take their ids
    beads = len(pair.alignment)
    view.select_bead(0)
    _press(qtbot, window, K.Key_J, CTRL)  # merge the first two beads
    assert len(pair.alignment) == beads - 1
    _settle(qtbot, window)  # the divergences are found again in the pool
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
