"""Starting the application: Qt, the bundled fonts, the theme, the window on a pair."""

from __future__ import annotations

import sys


def run_app(paths: list[str]) -> int:
    """Open the window on two files, or on the corpus's default pair; run until it closes.
    Raises QtUnavailable, before Qt is started, when it could only abort (a missing system
    library, no display)."""
    from reader.ui.app.qtcheck import require_qt

    require_qt()
    from PySide6.QtWidgets import QApplication

    from reader.ui.app.fonts import load_bundled_fonts
    from reader.ui.app.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.app.theme import apply_theme
    from reader.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    load_bundled_fonts()
    settings = Settings()
    apply_theme(app, settings)
    window = MainWindow(settings)
    window.show()
    if len(paths) == 2:
        window.open_pair(paths[0], paths[1])
    else:
        window.open_default_pair()
    return int(app.exec())
