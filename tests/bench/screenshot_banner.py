"""Save a screenshot of the window on a pair that is not a translation: the banner above the panes.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/bench/screenshot_banner.py \\
        docs/banner.png

The built-in Arabic article against one of the corpus's comparable English articles; settings
live in a temporary folder, so the user's own are neither read nor changed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

TIMEOUT_MS = 120_000
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="docs/banner.png")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    parser.add_argument("--english", default="iraq-adapts-to-new-syria.en.txt")
    parser.add_argument("--bead", type=int, default=None,
                        help="bead to select (default: the first that pairs paragraphs, from 8)")
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
        window.close()
        app.quit()

    def on_opened(pair: object) -> None:
        beads = window.pair.alignment.beads
        bead = args.bead if args.bead is not None else next(
            (b for b in range(min(8, len(beads) - 1), len(beads)) if not beads[b].is_null), 0)
        window.pair_view.select_bead(bead)
        QTimer.singleShot(1500, grab)

    window.pair_opened.connect(on_opened)
    window.open_failed.connect(lambda message: (print(message, file=sys.stderr), app.quit()))
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    window.open_pair(str(CORPUS / "iraq-assad-lesson.ar.txt"), str(CORPUS / args.english))
    app.exec()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
