"""What every screenshot script does: a window in a temporary home, a pair, a grab, a timeout."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Qt is imported once the data folder points at the temporary home
    from PySide6.QtWidgets import QApplication, QWidget

    from reader.ui.app.settings import Settings
    from reader.ui.window.main_window import MainWindow

TIMEOUT_MS = 120_000
SETTLE_MS = 1500  # the deferred relayout and the first paint, before a grab
DOCS = Path(__file__).resolve().parents[2] / "docs"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def parser(doc: str, output: str) -> argparse.ArgumentParser:
    """The options every script takes: where to save, the window's size, the theme."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(DOCS / output))
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    return parser


@dataclass
class Shot:
    """The application and its window, with settings and workspaces in a temporary folder, so
    the user's own are neither read nor changed (a workspace left by another version of the
    programme would stop the script with its message)."""

    app: QApplication
    window: MainWindow
    settings: Settings
    folder: tempfile.TemporaryDirectory[str]
    code: int = 1
    opened: bool = field(default=False, init=False)

    def save(self, widget: QWidget, out: str | Path) -> bool:
        """Save what a widget paints (the window or a dialog) as a PNG."""
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        picture = widget.grab()
        return self._saved(picture.save(str(out)), out, picture.width(), picture.height())

    def save_screen(self, out: str | Path) -> bool:
        """Save the screen where the window is, so that an open menu (a window of its own) is
        in the picture too."""
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        frame = self.window.frameGeometry()
        picture = self.window.screen().grabWindow(
            0, frame.x(), frame.y(), frame.width(), frame.height())
        return self._saved(picture.save(str(out)), out, picture.width(), picture.height())

    @staticmethod
    def _saved(ok: bool, out: Path, width: int, height: int) -> bool:
        if ok:
            print(f"saved {out} ({width}x{height})")
        else:
            print(f"could not save {out}", file=sys.stderr)
        return ok

    def finish(self, ok: bool = True) -> None:
        """Close the window and end the script, with exit status 0 when `ok`."""
        self.code = 0 if ok else 1
        self.window.close()
        self.app.quit()

    def later(self, ms: int, then: Callable[[], Any]) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(ms, then)

    def run(self, on_opened: Callable[[object], Any],
            open_pair: Callable[[], Any] | None = None) -> int:
        """Open a pair (the built-in one unless `open_pair` opens another), call `on_opened` with
        it once it is shown, and run until `finish` or the timeout; return the exit status."""
        from PySide6.QtCore import QTimer

        def opened(pair: object) -> None:
            if not self.opened:  # an edit of the staging may show the pair again
                self.opened = True
                on_opened(pair)

        def failed(message: str) -> None:
            print(f"the pair did not open: {message}", file=sys.stderr)
            self.app.quit()

        def give_up() -> None:
            print(f"gave up after {TIMEOUT_MS // 1000} s: the pair was not shown or the staging "
                  "did not finish", file=sys.stderr)
            self.app.quit()

        self.window.pair_opened.connect(opened)
        self.window.open_failed.connect(failed)
        QTimer.singleShot(TIMEOUT_MS, give_up)
        (open_pair or self.window.open_default_pair)()
        self.app.exec()
        return self.code


def start(theme: str = "light", size: str = "1500x920") -> Shot:
    """The application and a shown main window, `size` as WIDTHxHEIGHT, at the screen's corner."""
    folder = tempfile.TemporaryDirectory(prefix="reader-screenshot-")
    home = Path(folder.name)
    # before any Qt or reader import: workspaces and the pair index go in the user data folder
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    from PySide6.QtWidgets import QApplication

    from reader.ui.app.fonts import load_bundled_fonts
    from reader.ui.app.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.app.theme import apply_theme
    from reader.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = Settings.at(home / "settings.ini")
    settings.theme = theme
    load_bundled_fonts()
    apply_theme(app, settings)
    window = MainWindow(settings)
    width, height = (int(v) for v in size.lower().split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    return Shot(app, window, settings, folder)
