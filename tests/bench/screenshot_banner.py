"""Save a screenshot of the window on a pair that is not a translation: the banner above the panes.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.screenshot_banner \\
        docs/banner.png

The built-in Arabic article against one of the corpus's comparable English articles.
"""

from __future__ import annotations

from tests.bench import shots


def main(argv: list[str] | None = None) -> int:
    parser = shots.parser(__doc__, "banner.png")
    parser.add_argument("--english", default="iraq-adapts-to-new-syria.en.txt")
    parser.add_argument("--bead", type=int, default=None,
                        help="bead to select (default: the first that pairs paragraphs, from 8)")
    args = parser.parse_args(argv)
    shot = shots.start(args.theme, args.size)
    window = shot.window

    def on_opened(pair: object) -> None:
        from reader.core.pair import Pair

        assert isinstance(pair, Pair)
        beads = pair.alignment.beads
        bead = args.bead if args.bead is not None else next(
            (b for b in range(min(8, len(beads) - 1), len(beads)) if not beads[b].is_null), 0)
        window.pair_view.select_bead(bead)
        shot.later(shots.SETTLE_MS, lambda: shot.finish(shot.save(window, args.output)))

    return shot.run(on_opened, lambda: window.open_pair(
        str(shots.CORPUS / "iraq-assad-lesson.ar.txt"), str(shots.CORPUS / args.english)))


if __name__ == "__main__":
    raise SystemExit(main())
