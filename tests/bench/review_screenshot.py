"""Save a screenshot of the review panel on the built-in pair, mid-review (run under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/bench/review_screenshot.py \\
        docs/review-panel.png --theme light

Settings and workspaces live in a temporary folder: the user's own are neither read nor changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

TIMEOUT_MS = 120_000


def review(window: object) -> None:
    """A few verdicts, a comment and an ignore rule, as a reviewer would leave them."""
    from PySide6.QtWidgets import QDialog

    from reader.core.diverge.review import ReviewStatus
    from reader.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    panel, reviews = window.panel, window.reviews
    model = panel.model
    rows = {k: [r for r in range(model.rowCount()) if model.divergence(r).kind == k]
            for k in ("number_mismatch", "embedded_post", "name_mismatch")}
    panel.select_source_row(rows["number_mismatch"][0])
    reviews.mark(ReviewStatus.CONFIRMED)
    panel.select_source_row(rows["embedded_post"][0])
    reviews.mark(ReviewStatus.DISMISSED)
    panel.select_source_row(rows["embedded_post"][1])
    panel.comment_edited.emit(model.divergence(rows["embedded_post"][1]),
                              "the post is summed up in the next paragraph")
    lebanon = next(r for r in rows["name_mismatch"] if model.divergence(r).values == ("lebanon",))
    panel.select_source_row(lebanon)
    dialog = reviews.ignore_everywhere()
    assert dialog is not None
    dialog.facing.setCurrentIndex(dialog.facing.findText("‘Beirut’ only"))
    dialog.comment.setText("Beirut stands for Lebanon here")
    dialog.done(QDialog.DialogCode.Accepted)
    panel.set_show_reviewed(True)
    panel.select_source_row(rows["embedded_post"][1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="docs/review-panel.png")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    folder = tempfile.TemporaryDirectory(prefix="reader-screenshot-")
    os.environ["XDG_DATA_HOME"] = str(Path(folder.name) / "data")  # the workspace goes here

    from PySide6.QtCore import Qt, QTimer
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
        window.resizeDocks([window.dock], [360], Qt.Orientation.Vertical)
        window.pair_view.finish_layout()
        review(window)
        QTimer.singleShot(1500, grab)

    window.pair_opened.connect(on_opened)
    window.open_failed.connect(lambda message: (print(message, file=sys.stderr), app.quit()))
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    window.open_default_pair()
    app.exec()
    return status["code"]


if __name__ == "__main__":
    raise SystemExit(main())
