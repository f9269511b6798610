"""The lens in the pair window: the Label Shifts dock on the built-in pair, jumping to beads,
Annotate Shifts in one undoable step, Tools ▸ Framing Lens… and a concordance line shown in
the pair."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from reader.core.lens.shifts import SHIFT_CODEBOOK
from reader.ui.lens.concordance_model import LINE
from reader.ui.lens.shifts_panel import FORM
from reader.ui.lens.window import CONCORDANCE_TAB

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
TIMEOUT = 60_000


def _shifts(qtbot, window):
    tools = window.lens
    with qtbot.waitSignal(tools.shifts_shown, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_H, CTRL_ALT)
    assert tools.dock.isVisible()
    return tools.panel


def _click_row(qtbot, panel, row: int) -> None:
    table = panel.table
    index = panel.proxy.index(row, FORM)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())


def test_the_shifts_list_the_iraqi_regime_as_iraq(qtbot, main_window) -> None:
    panel = _shifts(qtbot, main_window)
    row = panel.find_row("النظام العراقي", "Iraq")
    assert row >= 0
    shift = panel.model.row(panel.proxy.mapToSource(panel.proxy.index(row, 0)).row())
    assert shift.count >= 3 and shift.changed
    assert panel.find_row("النظام العراقي", "Iraq's leadership") >= 0
    text = panel.proxy.index(row, 2).data()
    assert text == "→ Iraq"


def test_a_row_goes_to_its_bead_and_enter_to_the_next(qtbot, main_window) -> None:
    panel = _shifts(qtbot, main_window)
    view = main_window.pair_view
    view.select_bead(0)  # the reader is at the top
    row = panel.find_row("النظام العراقي", "Iraq")
    shift = panel.model.row(panel.proxy.mapToSource(panel.proxy.index(row, 0)).row())
    _click_row(qtbot, panel, row)
    first = shift.pairings[0]
    assert view.current_bead == first.bead
    cursor = view.pane("source").textCursor()
    assert cursor.selectedText() == first.occurrence.text
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert view.current_bead == shift.pairings[1].bead


def test_annotate_shifts_adds_them_all_and_one_undo_removes_them(qtbot, main_window) -> None:
    qtbot.waitUntil(lambda: main_window.annotations.workspace is not None, timeout=10_000)
    panel = _shifts(qtbot, main_window)
    model = main_window.annotations.panel.model
    before = len(model.annotations())
    rows = [panel.find_row("النظام العراقي", "Iraq"),
            panel.find_row("النظام العراقي", "Baghdad")]
    _click_row(qtbot, panel, rows[0])
    table = panel.table
    index = panel.proxy.index(rows[1], FORM)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, table.visualRect(index).center())
    chosen = panel.selected_rows()
    assert len(chosen) == 2
    expected = sum(r.count for r in chosen)
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL_ALT)
    added = model.annotations()[before:] if len(model.annotations()) > before else []
    assert len(model.annotations()) == before + expected
    tags = {str(t) for a in model.annotations() for t in a.tags}
    assert f"{SHIFT_CODEBOOK}:label_substitution" in tags
    workspace = main_window.annotations.workspace
    assert len(workspace.annotations()) == before + expected
    assert all(a.link is not None for a in added)  # each linked to its counterpart
    # one Ctrl+Z takes the whole step back
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(model.annotations()) == before
    assert len(workspace.annotations()) == before
    # annotating again after the undo adds them again; twice adds nothing more
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL_ALT)
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL_ALT)
    assert len(workspace.annotations()) == before + expected


def test_tools_menu_opens_the_lens_and_a_line_of_the_pair_shows_in_it(qtbot, main_window) -> None:
    menus = {m.title().replace("&", ""): m for m in main_window.menuBar().findChildren(QMenu)}
    assert main_window.lens.lens_action in menus["Tools"].actions()
    qtbot.keyClick(main_window, Qt.Key.Key_L, CTRL_ALT)
    lens = main_window.lens.lens_window
    assert lens is not None
    qtbot.addWidget(lens)
    qtbot.waitUntil(lambda: lens.result is not None, timeout=TIMEOUT)
    lens.tabs.setCurrentIndex(CONCORDANCE_TAB)
    lens.concordance.choose("armed-groups", "militia")
    with qtbot.waitSignal(lens.lines_shown, timeout=TIMEOUT):
        pass
    proxy = lens.concordance.proxy
    english = next(r for r in range(proxy.rowCount())
                   if lens.concordance.visible_lines()[r].document == "iraq-assad-lesson-en")
    line = lens.concordance.visible_lines()[english]
    lens.concordance.table.setCurrentIndex(proxy.index(english, LINE))
    qtbot.keyClick(lens.concordance.table, Qt.Key.Key_Return)
    assert not lens.reading_views  # shown in the pair window, beside its original
    pane = main_window.pair_view.pane("target")
    assert pane.textCursor().selectedText() == line.match
    bead = main_window.pair.alignment.bead_of("target", line.paragraph)
    assert main_window.pair_view.current_bead == bead


def test_no_shortcut_of_the_pair_window_is_taken_twice(main_window) -> None:
    keys = [k.toString() for a in main_window.actions() for k in a.shortcuts()]
    assert len(keys) == len(set(keys))


def test_the_lens_window_closes_with_the_pair_window(qtbot, main_window) -> None:
    lens = main_window.lens.show_lens()
    qtbot.addWidget(lens)
    qtbot.waitUntil(lambda: lens.result is not None, timeout=TIMEOUT)
    assert lens.isVisible()
    main_window.close()
    assert not lens.isVisible()


def test_shifts_are_read_from_the_original_when_it_is_the_target(qtbot, main_window) -> None:
    from reader.resources import CORPUS

    with qtbot.waitSignal(main_window.pair_opened, timeout=TIMEOUT):
        main_window.open_pair(str(CORPUS / "iraq-assad-lesson.en.txt"),
                              str(CORPUS / "iraq-assad-lesson.ar.txt"))
    assert main_window.pair.verdict.original == "target"
    panel = _shifts(qtbot, main_window)
    assert main_window.lens.side == "target"
    row = panel.find_row("النظام العراقي", "Iraq")
    assert row >= 0
    shift = panel.model.row(panel.proxy.mapToSource(panel.proxy.index(row, 0)).row())
    _click_row(qtbot, panel, row)
    cursor = main_window.pair_view.pane("target").textCursor()
    assert cursor.selectedText() == shift.pairings[0].occurrence.text
