"""Starting the application: Qt, the bundled fonts, the theme, the window on a pair."""

from __future__ import annotations

import ctypes
import sys

from PySide6 import __version_info__ as pyside_version


def work_around_pyside_none_leak() -> bool:
    """Keep `None` alive under PySide6 6.12.0 on Python 3.11; return whether it was needed.

    That release drops one reference to `None` each time a C++ method returning void is called
    from Python (`QPoint().setX(1)` lowers `sys.getrefcount(None)` by one), so after a few
    thousand calls Python aborts with "none_dealloc: deallocating None". From Python 3.12 on
    `None` is immortal and nothing needs doing. Giving `None` a reference count no program can
    exhaust is the whole fix; pinning PySide6 below 6.12 is the other way out.
    """
    if sys.version_info >= (3, 12) or tuple(pyside_version[:2]) != (6, 12):
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value = max(count.value, 1 << 60)
    return True


def run_app(paths: list[str]) -> int:
    """Open the window on two files, or on the corpus's default pair; run until it closes."""
    work_around_pyside_none_leak()
    from PySide6.QtWidgets import QApplication

    from reader.ui.fonts import load_bundled_fonts
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.theme import apply_theme

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
