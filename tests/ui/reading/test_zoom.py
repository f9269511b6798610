"""Zoom: both panes together, by keys or Ctrl+wheel, whichever pane has the focus; remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.ui.app.settings import ZOOM_RANGE, Settings
from reader.ui.reading.zoom import ZOOM_STEP, wheel_factor, zoom_both


def test_zoom_both_keeps_the_proportion_within_the_range(settings) -> None:
    settings.set_zoom("source", 2.0)
    settings.set_zoom("target", 1.0)
    zoom_both(settings, 2.0)  # the source may only go to the top of the range
    assert settings.zoom("source") == pytest.approx(ZOOM_RANGE[1])
    assert settings.zoom("target") == pytest.approx(ZOOM_RANGE[1] / 2)
    zoom_both(settings, 0.0)
    assert settings.zoom("source") == settings.zoom("target") == 1.0
    assert wheel_factor(120) == pytest.approx(ZOOM_STEP)
    assert wheel_factor(-240) == pytest.approx(ZOOM_STEP ** -2)


def _sizes(window) -> tuple[float, float]:
    view = window.pair_view
    return tuple(view.pane(s).document().defaultFont().pointSizeF() for s in ("source", "target"))


def test_keys_zoom_both_panes_whichever_has_the_focus(qtbot, main_window, settings) -> None:
    view = main_window.pair_view
    before = _sizes(main_window)
    view.select_bead(10)
    view.pane("target").setFocus()  # the reader was reading the English side
    qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(main_window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    after = _sizes(main_window)
    for old, new in zip(before, after, strict=True):
        assert new / old == pytest.approx(ZOOM_STEP**2, rel=0.02)
    assert view.current_bead == 10  # still on the same bead
    again = Settings(settings.qsettings)
    again.sync()
    assert again.zoom("source") == again.zoom("target") == pytest.approx(ZOOM_STEP**2)
    view.pane("source").setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.zoom("source") == settings.zoom("target") == pytest.approx(ZOOM_STEP)
    qtbot.keyClick(main_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _sizes(main_window) == pytest.approx(before)


def test_ctrl_wheel_on_one_pane_zooms_both(qtbot, main_window, settings) -> None:
    pane = main_window.pair_view.pane("target")
    before = _sizes(main_window)
    centre = QPointF(pane.viewport().rect().center())
    event = QWheelEvent(
        centre, QPointF(pane.viewport().mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(pane.viewport(), event)
    after = _sizes(main_window)
    for old, new in zip(before, after, strict=True):
        assert new / old == pytest.approx(ZOOM_STEP, rel=0.02)
    assert settings.zoom("source") == settings.zoom("target")
