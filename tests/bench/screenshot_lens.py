"""Screenshots of the framing lens: counts table, chart, concordance, linked passages, shifts.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.screenshot_lens

On the built-in pair and corpus: docs/lens-table.png, docs/lens-chart.png,
docs/lens-concordance.png, docs/lens-links.png and docs/lens-shifts.png (with --theme dark,
each name ends in -dark).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.bench import shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(shots.DOCS), help="where the PNGs go")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    args = parser.parse_args(argv)
    shot = shots.start(args.theme, args.size)
    window = shot.window
    docs = Path(args.folder)
    suffix = "" if args.theme == "light" else f"-{args.theme}"
    width, height = (int(v) for v in args.size.split("x"))

    def name(what: str) -> Path:
        return docs / f"lens-{what}{suffix}.png"

    def shifts() -> None:
        from PySide6.QtCore import Qt

        tools = window.lens
        tools.shifts_shown.connect(shifts_shown)
        tools.show_shifts()
        window.resizeDocks([tools.dock], [330], Qt.Orientation.Vertical)

    def shifts_shown() -> None:
        panel = window.lens.panel
        row = panel.find_row("النظام العراقي", "Iraq")
        if row >= 0:
            panel.table.selectRow(row)
        shot.later(shots.SETTLE_MS, lambda: (shot.save(window, name("shifts")), lens()))

    def lens() -> None:
        lens_window = window.lens.show_lens()
        lens_window.resize(width, height)
        lens_window.counted.connect(lambda: shot.later(shots.SETTLE_MS, table))

    def table() -> None:
        lens_window = window.lens.lens_window
        assert lens_window is not None
        lens_window.tabs.setCurrentIndex(0)
        shot.save(lens_window, name("table"))
        # the chart alone, as a reader exports it, of the armed groups
        found = lens_window.family_combo.findData("armed-groups")
        lens_window.family_combo.setCurrentIndex(max(found, 0))
        shot.later(500, chart)

    def chart() -> None:
        lens_window = window.lens.lens_window
        assert lens_window is not None
        lens_window.export_chart("png", name("chart"))
        print(f"saved {name('chart')}")
        lens_window.tabs.setCurrentIndex(1)
        lens_window.lines_shown.connect(lambda: shot.later(shots.SETTLE_MS, concordance))
        lens_window.concordance.choose("armed-groups", "militia")

    def concordance() -> None:
        lens_window = window.lens.lens_window
        assert lens_window is not None
        shot.save(lens_window, name("concordance"))
        lens_window.tabs.setCurrentIndex(2)
        names = lens_window.counts.documents()
        links = lens_window.links
        links.doc_a.setCurrentIndex(names.index("Noon Post (ar)"))
        links.doc_b.setCurrentIndex(names.index("Orient XXI (en)"))
        lens_window.links_shown.connect(linked)
        links.request_links()

    def linked() -> None:
        lens_window = window.lens.lens_window
        assert lens_window is not None
        links = lens_window.links
        # the Arabic article's militias fleeing Syria on 8 December (its third paragraph), as
        # Orient XXI reports it: the best link of that paragraph
        for r in range(links.proxy.rowCount()):
            link = links.model.link(links.proxy.mapToSource(links.proxy.index(r, 0)).row())
            if link.a == 2:
                links.table.selectRow(r)
                break
        shot.later(shots.SETTLE_MS, lambda: (shot.save(lens_window, name("links")),
                                             lens_window.close(), shot.finish()))

    return shot.run(lambda _pair: shot.later(shots.SETTLE_MS, shifts))


if __name__ == "__main__":
    raise SystemExit(main())
