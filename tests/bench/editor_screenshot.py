"""Save a screenshot of the alignment editor: beads confirmed and edited, one selected, the
Alignment menu open, the status figure (run it under Xvfb for real fonts and the menu).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.editor_screenshot \\
        docs/editor-light.png --theme light
"""

from __future__ import annotations

from tests.bench import shots


def main(argv: list[str] | None = None) -> int:
    parser = shots.parser(__doc__, "editor-light.png")
    parser.add_argument("--no-menu", action="store_true", help="leave the Alignment menu shut")
    args = parser.parse_args(argv)
    shot = shots.start(args.theme, args.size)
    window = shot.window

    def grab() -> None:
        saved = shot.save_screen(args.output)
        window.editor.actions.menu.close()
        shot.finish(saved)

    def open_menu() -> None:
        if not args.no_menu:
            bar = window.menuBar()
            bar.setActiveAction(window.editor.actions.menu.menuAction())
        shot.later(800, grab)

    def edit() -> None:
        view, editor = window.pair_view, window.editor
        if window.annotations.workspace is None:
            shot.later(200, edit)
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
        shot.later(shots.SETTLE_MS, open_menu)

    return shot.run(lambda pair: shot.later(300, edit))


if __name__ == "__main__":
    raise SystemExit(main())
