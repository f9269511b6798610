"""The main window on the built-in pair: beads drawn, counterparts, F8, search, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from reader.resources import CORPUS


def test_the_built_in_pair_opens_with_every_bead_drawn(main_window) -> None:
    pair = main_window.pair
    view = main_window.pair_view
    assert pair is not None and pair.source.language == "ar"
    for side, text in (("source", pair.source), ("target", pair.target)):
        pane = view.pane(side)
        assert pane.paragraph_count == len(text.paragraphs)
        assert pane.block(0).text() == text.paragraphs[0].text
        assert pane.accessibleName()
    bands = view.gutter.bead_geometry()
    assert [b.bead for b in bands] == list(range(len(pair.alignment)))
    for band, bead in zip(bands, pair.alignment, strict=True):
        left, right = (bead.tgt, bead.src) if view.left_side == "target" else (bead.src, bead.tgt)
        assert (band.left_bottom > band.left_top) == bool(left)
        assert (band.right_bottom > band.right_top) == bool(right)
    # the Arabic original is on the right unless the sides are swapped
    assert view.right_side == "source"
    assert main_window.bead_label.text().startswith("Bead 1 of")


def _click_paragraph(qtbot, view, side: str, paragraph: int) -> None:
    view.select_bead(view.pair.alignment.bead_of(side, paragraph))  # bring it into view
    pane = view.pane(side)
    cursor = QTextCursor(pane.block(paragraph))
    cursor.movePosition(QTextCursor.MoveOperation.NextWord)
    rect = pane.cursorRect(cursor)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_clicking_a_source_paragraph_selects_its_counterpart(qtbot, main_window) -> None:
    view = main_window.pair_view
    alignment = main_window.pair.alignment
    # a paragraph well into the text whose bead has paragraphs on both sides
    paragraph = next(
        i
        for i in range(len(main_window.pair.source) // 2, len(main_window.pair.source))
        if alignment.counterpart("source", i)
    )
    view.select_bead(0)
    _click_paragraph(qtbot, view, "source", paragraph)
    bead = alignment.bead_of("source", paragraph)
    assert view.current_bead == bead
    assert view.pane("target").current_paragraphs == alignment.counterpart("source", paragraph)
    assert paragraph in view.pane("source").current_paragraphs
    assert main_window.bead_label.text().startswith(f"Bead {bead + 1} of")


def test_f8_walks_the_divergences_in_order(qtbot, main_window) -> None:
    panel = main_window.panel
    count = panel.visible_count()
    assert count > 0, "the built-in pair has divergences (an embedded post at least)"
    expected = [
        panel.proxy.data(panel.proxy.index(r, 0), Qt.ItemDataRole.UserRole + 3)
        for r in range(count)
    ]
    assert expected == sorted(expected)
    seen = []
    for _ in range(count):
        qtbot.keyClick(main_window, Qt.Key.Key_F8)
        seen.append(main_window.pair_view.current_bead)
    assert seen == expected
    qtbot.keyClick(main_window, Qt.Key.Key_F8)  # wraps round
    assert main_window.pair_view.current_bead == expected[0]
    qtbot.keyClick(main_window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert main_window.pair_view.current_bead == expected[-1]


def test_search_ignores_hamza_forms(main_window) -> None:
    main_window.search_bar.open_bar("الاسد")
    main_window.search_bar.set_side("source")
    main_window.search_bar.run_search()
    assert main_window.search_bar.hit_count > 0
    hits = main_window.pair_view.search_hits()
    side, paragraph, start, end = hits[0]
    assert side == "source"
    assert main_window.pair.source.paragraphs[paragraph].text[start:end] == "الأسد"


def test_a_bad_file_shows_an_error_and_keeps_the_pair(
    qtbot, main_window, monkeypatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    pair = main_window.pair
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with qtbot.waitSignal(main_window.open_failed, timeout=30_000):
        main_window.open_pair(str(bad), str(CORPUS / "iraq-assad-lesson.en.txt"))
    assert len(shown) == 1 and "broken.txt" in shown[0]
    assert main_window.pair is pair
    assert main_window.pair_view.pane("source").paragraph_count == len(pair.source)


def test_cancelling_an_alignment_leaves_the_app_usable(qtbot, main_window, tmp_path: Path) -> None:
    big_src, big_tgt = tmp_path / "big.ar.txt", tmp_path / "big.en.txt"
    big_src.write_text((CORPUS / "iraq-assad-lesson.ar.txt").read_text("utf-8") * 30, "utf-8")
    big_tgt.write_text((CORPUS / "iraq-assad-lesson.en.txt").read_text("utf-8") * 30, "utf-8")
    pair = main_window.pair
    with qtbot.waitSignal(main_window.align_job.cancelled, timeout=60_000):
        main_window.open_pair(str(big_src), str(big_tgt))
        main_window.cancel_action.trigger()
    assert main_window.pair is pair
    assert not main_window.cancel_action.isEnabled()
    qtbot.keyClick(main_window, Qt.Key.Key_F8)
    assert main_window.pair_view.current_bead >= 0


@pytest.mark.parametrize("swapped", [True])
def test_swapping_puts_the_source_on_the_left(main_window, swapped: bool) -> None:
    main_window.swap_action.trigger()
    view = main_window.pair_view
    assert main_window.settings.sides_swapped is swapped
    assert view.left_side == "source"
    assert len(view.gutter.bead_geometry()) == len(main_window.pair.alignment)


def test_every_menu_action_has_a_shortcut_or_a_menu(main_window) -> None:
    for action in main_window.actions():
        assert not action.shortcut().isEmpty() or action.menu() is not None, action.text()


def test_an_english_original_with_its_arabic_version_keeps_arabic_on_the_right(
    qtbot, main_window
) -> None:
    with qtbot.waitSignal(main_window.pair_opened, timeout=60_000):
        main_window.open_pair(
            str(CORPUS / "iraq-assad-lesson.en.txt"), str(CORPUS / "iraq-assad-lesson.ar.txt")
        )
    view = main_window.pair_view
    assert main_window.pair.source.language == "en"
    assert view.right_side == "target" and view.left_side == "source"
    qtbot.waitUntil(view.is_laid_out, timeout=60_000)  # bands come a chunk per event
    assert len(view.gutter.bead_geometry()) == len(main_window.pair.alignment)
    main_window.swap_action.trigger()  # the user can still swap them
    assert view.right_side == "source"
