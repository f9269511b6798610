"""Save a screenshot of the review panel on the built-in pair, mid-review (run under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.review_screenshot \\
        docs/review-panel.png --theme light
"""

from __future__ import annotations

from tests.bench import shots


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
    args = shots.parser(__doc__, "review-panel.png").parse_args(argv)
    shot = shots.start(args.theme, args.size)
    window = shot.window

    def on_opened(pair: object) -> None:
        from PySide6.QtCore import Qt

        window.resizeDocks([window.dock], [360], Qt.Orientation.Vertical)
        window.pair_view.finish_layout()
        review(window)
        shot.later(shots.SETTLE_MS, lambda: shot.finish(shot.save(window, args.output)))

    return shot.run(on_opened)


if __name__ == "__main__":
    raise SystemExit(main())
