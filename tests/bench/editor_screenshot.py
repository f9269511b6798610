"""Save a screenshot of the alignment editor: beads confirmed and edited, one selected, the
Alignment menu open, the status figure (run it under Xvfb for real fonts and the menu).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/bench/editor_screenshot.py \\
        docs/editor-light.png --theme light

Settings and workspaces live in a temporary folder, so the user's own are neither read nor
changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

TIMEOUT_MS = 120_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="docs/editor-light.png")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    parser.add_argument("--no-menu", action="store_true", help="leave the Alignment menu shut")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    folder = tempfile.TemporaryDirectory(prefix="reader-screenshot-")
    os.environ["XDG_DATA_HOME"] = folder.name  # the workspace goes there, not the user's

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.app.fonts import load_bundled_fonts
    from reader.ui.app.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.app.theme import apply_theme
    from reader.ui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = Settings.at(Path(folder.name) / "settings.ini")
    settings.theme = args.theme
    load_bundled_fonts()
    apply_theme(app, settings)

    window = MainWindow(settings)
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    status = {"code": 1}

    def grab() -> None:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        screen = window.screen()
        frame = window.frameGeometry()
        # the whole screen, so that the open menu (a window of its own) is in the picture
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        if picture.save(str(out)):
            print(f"saved {out} ({picture.width()}x{picture.height()})")
            status["code"] = 0
        else:
            print(f"could not save {out}", file=sys.stderr)
        window.editor.actions.menu.close()
        window.close()
        app.quit()

    def open_menu() -> None:
        if not args.no_menu:
            bar = window.menuBar()
            bar.setActiveAction(window.editor.actions.menu.menuAction())
        QTimer.singleShot(800, grab)

    def edit() -> None:
        view, editor = window.pair_view, window.editor
        if window.annotations.workspace is None:
            QTimer.singleShot(200, edit)
            return
        # a reader checking from the top: the beads down to the heading confirmed, then the
        # last English paragraph of the next bead given to the one below (both edited, a dot
        # in the gutter); that bead selected, just below the open menu
        view.select_bead(8)
        editor.confirm_through()
        view.select_bead(9)
        editor.move_last("target")
        view.finish_layout()
        view.select_bead(9, scroll=False)
        view.pane("source").setFocus()
        bar = view.pane(view.right_side).verticalScrollBar()
        bar.setValue(int(view.bead_top(9) - 430))
        QTimer.singleShot(1500, open_menu)

    def on_opened(pair: object) -> None:
        QTimer.singleShot(300, edit)

    def on_failed(message: str) -> None:
        print(f"the pair did not open: {message}", file=sys.stderr)
        app.quit()

    def give_up() -> None:
        print(f"the pair was not shown within {TIMEOUT_MS // 1000} s", file=sys.stderr)
        app.quit()

    window.pair_opened.connect(on_opened)
    window.open_failed.connect(on_failed)
    QTimer.singleShot(TIMEOUT_MS, give_up)
    window.open_default_pair()
    app.exec()
    return status["code"]


if __name__ == "__main__":
    raise SystemExit(main())
