"""Reviewing in the window: status keys, F8 from where the reader is, ignore rules that last,
comments, and the QA report, all through keys and clicks on the built-in pair."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from reader.core.diverge.review import ReviewStatus, review_key

F8 = Qt.Key.Key_F8
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open_beads(window) -> list[int]:
    model = window.panel.model
    return [model.beads()[r] for r in range(model.rowCount()) if model.state(r).is_open]


def _scroll_to(window, bead: int) -> None:
    """Scroll (as the wheel would) so that `bead` is the first one at the top of the view."""
    view = window.pair_view
    view.pane(view.right_side).verticalScrollBar().setValue(int(view.bead_top(bead)) + 1)


def _chosen(window):
    chosen = window.panel.current_divergence()
    assert chosen is not None
    return chosen[1]


def test_f8_goes_on_from_the_bead_at_the_top_of_the_view(qtbot, main_window) -> None:
    view = main_window.pair_view
    qtbot.keyClick(main_window, F8)  # the first divergence: the reader is at the start
    assert view.current_bead == _open_beads(main_window)[0]
    _scroll_to(main_window, 27)  # the reader scrolls on, past several divergences
    qtbot.keyClick(main_window, F8)
    expected = next(b for b in _open_beads(main_window) if b >= 27)
    assert view.current_bead == expected  # not back to the one after the first
    _scroll_to(main_window, 21)
    qtbot.keyClick(main_window, F8, SHIFT)
    assert view.current_bead == max(b for b in _open_beads(main_window) if b < 21)


def test_f8_walks_the_divergences_of_one_bead_in_turn(qtbot, main_window) -> None:
    beads = _open_beads(main_window)
    crowded = next(b for b in beads if beads.count(b) > 1)
    _scroll_to(main_window, crowded)
    seen = []
    for _ in range(beads.count(crowded) + 1):
        qtbot.keyClick(main_window, F8)
        seen.append((main_window.pair_view.current_bead, id(_chosen(main_window))))
    assert [b for b, _ in seen[:-1]] == [crowded] * beads.count(crowded)
    assert len({d for _, d in seen}) == len(seen)  # each one once, then the next bead's
    assert seen[-1][0] > crowded


def test_f8_after_clicking_elsewhere_goes_on_from_the_click(qtbot, main_window) -> None:
    view = main_window.pair_view
    alignment = main_window.pair.alignment
    qtbot.keyClick(main_window, F8)
    first = view.current_bead
    beads = _open_beads(main_window)
    # a paragraph in a bead well after the first divergences, with a divergence after it
    target_bead = next(b for b in range(first + 3, len(alignment))
                       if alignment.beads[b].src and any(x > b for x in beads))
    paragraph = alignment.beads[target_bead].src[0]
    view.select_bead(target_bead)  # bring it into view, then click it
    pane = view.pane("source")
    cursor = QTextCursor(pane.block(paragraph))
    cursor.movePosition(QTextCursor.MoveOperation.NextWord)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(pane.cursorRect(cursor).center()))
    assert view.current_bead == target_bead
    qtbot.keyClick(main_window, F8)
    assert view.current_bead == next(b for b in beads if b >= target_bead)


def test_confirm_and_dismiss_keys_keep_the_verdict_and_go_on(qtbot, main_window) -> None:
    panel, reviews = main_window.panel, main_window.reviews
    workspace = main_window.annotations.workspace
    assert workspace is not None
    marks = len(main_window.pair_view.overview.marks())
    qtbot.keyClick(main_window, F8)
    first = _chosen(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_C, CTRL_SHIFT)
    assert workspace.reviews()[review_key(first)].status is ReviewStatus.CONFIRMED
    assert reviews.state_of(first).status is ReviewStatus.CONFIRMED
    second = _chosen(main_window)
    assert second is not first  # the next open one is chosen
    qtbot.keyClick(main_window, Qt.Key.Key_D, CTRL_SHIFT)
    assert reviews.state_of(second).status is ReviewStatus.DISMISSED
    # the strip and the list show only the open ones; Show Reviewed brings them back
    assert len(main_window.pair_view.overview.marks()) == marks - 2
    assert panel.visible_count() == panel.model.rowCount() - 2
    qtbot.keyClick(main_window, Qt.Key.Key_H, CTRL_SHIFT)
    assert panel.shows_reviewed() and main_window.settings.show_reviewed_divergences
    assert len(main_window.pair_view.overview.marks()) == marks
    qtbot.keyClick(main_window, Qt.Key.Key_H, CTRL_SHIFT)
    # undo takes the dismissal back
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reviews.state_of(second).is_open
    assert review_key(second) not in workspace.reviews()


def test_a_comment_is_kept_with_the_divergence(qtbot, main_window) -> None:
    qtbot.keyClick(main_window, F8)
    chosen = _chosen(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL_SHIFT)
    field = main_window.panel.comment
    assert field.hasFocus() or field.isEnabled()
    field.setFocus()
    qtbot.keyClicks(field, "checked with the editor")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    stored = main_window.annotations.workspace.reviews()[review_key(chosen)]
    assert (stored.status, stored.comment) == (ReviewStatus.OPEN, "checked with the editor")
    assert main_window.reviews.state_of(chosen).is_open  # a comment is no verdict


def _ignore_lebanon(qtbot, window, everywhere: bool) -> None:
    panel = window.panel
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.divergence(r).values == ("lebanon",))
    assert panel.select_source_row(row)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL_SHIFT)
    dialog = window.reviews.dialog
    assert dialog is not None and dialog.isVisible()
    index = dialog.facing.findText("‘Beirut’ only")
    assert index > 0
    dialog.facing.setCurrentIndex(index)
    (dialog.everywhere if everywhere else dialog.in_workspace).setChecked(True)
    qtbot.keyClicks(dialog.comment, "Beirut stands for the country")
    dialog.accept()


def _ignored(window) -> set[str]:
    model = window.panel.model
    return {model.divergence(r).values[0] for r in range(model.rowCount())
            if model.state(r).status is ReviewStatus.IGNORED}


def _reopen_window(qtbot, window, settings):
    from reader.ui.window.main_window import MainWindow

    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again, before_close_func=lambda w: w.cancel_alignment())
    again.resize(1400, 900)
    again.show()
    with qtbot.waitSignal(again.pair_opened, timeout=60_000):
        again.open_default_pair()  # aligned again from the files
    again.pair_view.finish_layout()
    return again


def test_an_ignore_rule_in_the_workspace_outlives_the_window(
    qtbot, main_window, settings
) -> None:
    _ignore_lebanon(qtbot, main_window, everywhere=False)
    assert _ignored(main_window) == {"lebanon", "beirut"}
    assert main_window.settings.divergence_ignore_rules == []
    again = _reopen_window(qtbot, main_window, settings)
    assert _ignored(again) == {"lebanon", "beirut"}
    # Reopen on an ignored one removes the rule, for both
    row = next(r for r in range(again.panel.model.rowCount())
               if again.panel.model.divergence(r).values == ("beirut",)
               and again.panel.model.state(r).status is ReviewStatus.IGNORED)
    again.panel.set_show_reviewed(True)
    assert again.panel.select_source_row(row)
    qtbot.keyClick(again, Qt.Key.Key_Backspace, CTRL_SHIFT)
    assert _ignored(again) == set()


def test_an_ignore_rule_in_the_settings_holds_in_every_workspace(
    qtbot, main_window, settings
) -> None:
    _ignore_lebanon(qtbot, main_window, everywhere=True)
    assert _ignored(main_window) == {"lebanon", "beirut"}
    assert main_window.annotations.workspace.ignore_rules() == []
    rules = settings.divergence_ignore_rules
    assert rules[0]["source"] == ["lebanon"] and rules[0]["target"] == ["beirut"]
    again = _reopen_window(qtbot, main_window, settings)
    assert _ignored(again) == {"lebanon", "beirut"}
    marks = again.pair_view.overview.marks()
    assert len(marks) == sum(again.panel.model.state(r).is_open
                             for r in range(again.panel.model.rowCount()))


def test_the_qa_report_is_written_in_the_background(
    qtbot, main_window, monkeypatch, tmp_path: Path
) -> None:
    qtbot.keyClick(main_window, F8)
    qtbot.keyClick(main_window, Qt.Key.Key_C, CTRL_SHIFT)
    target = tmp_path / "client.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Markdown report (*.md)"))
    with qtbot.waitSignal(main_window.reviews.report_written, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_P, CTRL_SHIFT)
    text = target.read_text("utf-8")
    assert text.startswith("# Fidelity review") and "(open)" in text
    assert "· confirmed" not in text and "· open" in text


def test_the_review_keys_clash_with_no_other_key(main_window) -> None:
    from collections import Counter

    keys = Counter(
        key.toString() for action in main_window.actions() for key in action.shortcuts()
    )
    assert [k for k, n in keys.items() if n > 1] == []
    menu = main_window.reviews.menu
    assert {a.shortcut().toString() for a in menu.actions() if not a.isSeparator()} >= {
        "Ctrl+Shift+C", "Ctrl+Shift+D", "Ctrl+Shift+I", "F8", "Shift+F8"}


def test_the_rules_dialog_lists_and_removes_rules(qtbot, main_window, settings) -> None:
    _ignore_lebanon(qtbot, main_window, everywhere=True)
    qtbot.keyClick(main_window, Qt.Key.Key_G, CTRL_SHIFT)
    dialog = main_window.reviews.rules_dialog
    assert dialog is not None and dialog.tree.topLevelItemCount() == 1
    item = dialog.tree.topLevelItem(0)
    assert item.text(1) == "‘لبنان’ ↔ ‘Beirut’" and item.text(2) == "every workspace"
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 0
    assert settings.divergence_ignore_rules == [] and _ignored(main_window) == set()
    dialog.close()
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _ignored(main_window) == {"lebanon", "beirut"}  # removing a rule is undoable


def test_a_comment_typed_then_f8_stays_with_its_divergence(qtbot, main_window) -> None:
    qtbot.keyClick(main_window, F8)
    first = _chosen(main_window)
    field = main_window.panel.comment
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL_SHIFT)
    field.setFocus()
    qtbot.keyClicks(field, "seen")
    qtbot.keyClick(main_window, F8)  # on to the next one, without Return
    second = _chosen(main_window)
    assert second is not first and field.text() == ""
    reviews = main_window.annotations.workspace.reviews()
    assert reviews[review_key(first)].comment == "seen"
    assert review_key(second) not in reviews
