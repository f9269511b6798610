"""A first window, with no saved geometry, takes most of its screen; saved geometry still wins."""

from __future__ import annotations

from reader.ui.app.settings import Settings
from reader.ui.window.main_window import MainWindow


def test_a_first_window_takes_most_of_the_screen_centred(qtbot, settings: Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    area = window.screen().availableGeometry()
    assert window.width() >= 0.8 * area.width()
    assert window.height() >= 0.8 * area.height()
    # centred on each axis where the window fits (the offscreen screen is narrower than the
    # window's minimum width: there it starts at the screen's edge)
    frame, middle = window.geometry(), area.center()
    if frame.width() <= area.width():
        assert abs(frame.center().x() - middle.x()) <= 2
    else:
        assert frame.left() == area.left()
    if frame.height() <= area.height():
        assert abs(frame.center().y() - middle.y()) <= 2
    else:
        assert frame.top() == area.top()


def test_saved_geometry_wins_over_the_first_size(qtbot, settings: Settings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(10, 20, 1100, 600)
    first.close()  # saves the window state
    settings.qsettings.sync()

    again = MainWindow(Settings.at(settings.qsettings.fileName()))
    qtbot.addWidget(again)
    again.show()
    # the first size would be 88 % of the screen's height; the width Qt fits to the screen
    assert again.height() == 600 != round(0.88 * again.screen().availableGeometry().height())
