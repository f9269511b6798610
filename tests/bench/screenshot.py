"""Save a screenshot of the window on the built-in pair (run it under Xvfb for real fonts).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.screenshot \\
        docs/screenshot.png
"""

from __future__ import annotations

from tests.bench import shots


def main(argv: list[str] | None = None) -> int:
    parser = shots.parser(__doc__, "screenshot.png")
    parser.add_argument("--paragraph", type=int, default=1, help="source paragraph to select")
    args = parser.parse_args(argv)
    shot = shots.start(args.theme, args.size)

    def on_opened(pair: object) -> None:
        shot.window.pair_view.select_paragraph("source", args.paragraph)
        shot.later(shots.SETTLE_MS, lambda: shot.finish(shot.save(shot.window, args.output)))

    return shot.run(on_opened)


if __name__ == "__main__":
    raise SystemExit(main())
