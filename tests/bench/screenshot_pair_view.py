"""Save a screenshot of the pair view: a bead chosen, the caret in an English sentence (its Arabic
sentence lit too), a note on a name divergence, the texts zoomed in (run it under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.screenshot_pair_view \\
        docs/pair-view-light.png --theme light
"""

from __future__ import annotations

from tests.bench import shots

PARAGRAPH = "Maliki’s accusations were not unfounded"  # the English paragraph of the bead shown
CARET = "At one point"  # the sentence the caret is in
NOTE = "Baghdad and Damascus"  # a note over the name divergence on 'Baghdad'
ARABIC = "المالكي والأسد"


def main(argv: list[str] | None = None) -> int:
    args = shots.parser(__doc__, "pair-view-light.png").parse_args(argv)
    shot = shots.start(args.theme, args.size)
    window = shot.window

    def stage() -> None:
        from PySide6.QtGui import QTextCursor

        from reader.core.annotate.annotations import TagRef
        from reader.ui.annotate.dialog import AnnotationValues
        from reader.ui.reading.utf16 import utf16_length

        if window.annotations.workspace is None:  # still being opened for the pair
            shot.later(200, stage)
            return
        view = window.pair_view
        pane = view.pane("target")
        texts = [p.text for p in pane.text.paragraphs]
        paragraph = next(i for i, t in enumerate(texts) if t.startswith(PARAGRAPH))
        text = texts[paragraph]

        def select(start: int, end: int) -> None:
            block = pane.block(paragraph).position()
            cursor = QTextCursor(pane.document())
            cursor.setPosition(block + utf16_length(text[:start]))
            cursor.setPosition(block + utf16_length(text[:end]), QTextCursor.MoveMode.KeepAnchor)
            pane.setTextCursor(cursor)

        at = text.index(NOTE)
        select(at, at + len(NOTE))
        tag = TagRef("translation-shifts", "label_substitution")
        window.annotations.annotate("target", AnnotationValues(
            (tag,), f"{ARABIC} (Maliki and Assad) → the two capitals", None, "Lina", False))
        window.zoom_in_action.trigger()
        view.finish_layout()
        view.select_paragraph("target", paragraph)
        at = text.index(CARET) + 3
        select(at, at)  # the caret in the sentence: it and its Arabic counterpart are lit
        pane.setFocus()
        shot.later(shots.SETTLE_MS, lambda: shot.finish(shot.save(window, args.output)))

    return shot.run(lambda pair: stage())


if __name__ == "__main__":
    raise SystemExit(main())
