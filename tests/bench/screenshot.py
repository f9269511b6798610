"""Save a screenshot of the window on the built-in pair (run it under Xvfb for real fonts).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/bench/screenshot.py \\
        docs/screenshot.png

Settings live in a temporary folder, so the user's own are neither read nor changed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

TIMEOUT_MS = 120_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="docs/screenshot.png")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    parser.add_argument("--paragraph", type=int, default=1, help="source paragraph to select")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.app.fonts import load_bundled_fonts
    from reader.ui.app.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.app.theme import apply_theme
    from reader.ui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    folder = tempfile.TemporaryDirectory(prefix="reader-screenshot-")
    settings = Settings.at(Path(folder.name) / "settings.ini")
    settings.theme = args.theme
    load_bundled_fonts()
    apply_theme(app, settings)

    window = MainWindow(settings)
    window.resize(width, height)
    window.show()
    status = {"code": 1}

    def grab() -> None:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        if window.grab().save(str(out)):
            print(f"saved {out} ({width}x{height})")
            status["code"] = 0
        else:
            print(f"could not save {out}", file=sys.stderr)
        window.close()
        app.quit()

    def on_opened(pair: object) -> None:
        window.pair_view.select_paragraph("source", args.paragraph)
        # let the deferred relayout and the first paint happen before grabbing
        QTimer.singleShot(1500, grab)

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
