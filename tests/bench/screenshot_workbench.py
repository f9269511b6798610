"""Screenshots of File ▸ Export…, the agreement view and the curation view (run under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.screenshot_workbench

Three annotators' notes on the built-in pair are made in the pair's workspace, then
docs/export-dialog.png, docs/agreement.png and docs/curation.png are saved.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.bench import shots

PROPAGANDA = "semeval2020-propaganda"
SHIFTS = "translation-shifts"
# (annotator, side, paragraph, words, codebook, tag, comment)
NOTES = [
    ("Lina", "target", 0, "doomed to repeat its bitter losses", PROPAGANDA, "Loaded_Language",
     "fatalistic framing"),
    ("Omar", "target", 0, "doomed to repeat", PROPAGANDA, "Loaded_Language", ""),
    ("Sara", "target", 0, "bitter losses", PROPAGANDA, "Exaggeration/Minimisation", ""),
    ("Lina", "target", 1, "historic blunder", PROPAGANDA, "Name_Calling/Labeling", ""),
    ("Omar", "target", 1, "historic blunder", PROPAGANDA, "Name_Calling/Labeling", ""),
    ("Sara", "target", 1, "historic blunder", PROPAGANDA, "Loaded_Language", "a judgement"),
    ("Lina", "target", 2, "fatal error", SHIFTS, "intensification", "الفادح → fatal"),
    ("Omar", "target", 2, "fatal error", SHIFTS, "intensification", ""),
    ("Sara", "target", 2, "fatal error", SHIFTS, "intensification", ""),
    ("Lina", "target", 3, "fled en masse", SHIFTS, "softening", ""),
    ("Omar", "target", 6, "misguided intervention", PROPAGANDA, "Loaded_Language", ""),
    ("Lina", "source", 1, "الخطأ التاريخي الفادح", PROPAGANDA, "Loaded_Language", ""),
    ("Omar", "source", 1, "الخطأ التاريخي", PROPAGANDA, "Loaded_Language", ""),
]


def _annotate(workspace: object) -> None:
    from reader.core.annotate.annotations import TagRef
    from reader.core.store.workspace import Workspace

    assert isinstance(workspace, Workspace)
    for author, side, paragraph, words, book, tag, comment in NOTES:
        text = workspace.text(side).paragraphs[paragraph].text
        start = text.index(words)
        workspace.annotate(side, paragraph, start, start + len(words),
                           tags=(TagRef(book, tag),), comment=comment, author=author)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(shots.DOCS), help="where the PNGs go")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    args = parser.parse_args(argv)
    shot = shots.start(args.theme, args.size)
    window = shot.window
    shot.settings.export_folder = "/home/lina/Documents"  # a reader's, not this machine's
    docs = Path(args.folder)

    def export_and_agreement() -> None:
        dialog = window.workbench.show_export()
        assert dialog is not None
        dialog.set_format("html")

        def save_export() -> None:
            shot.save(dialog, docs / "export-dialog.png")
            dialog.reject()

        shot.later(500, save_export)
        agree = window.workbench.show_agreement()
        assert agree is not None
        agree.resize(1000, 400)
        shot.later(2500, lambda: (shot.save(agree, docs / "agreement.png"), agree.close()))
        shot.later(3000, curation)

    def curation() -> None:
        from PySide6.QtCore import Qt

        window.workbench.curation_action.trigger()
        window.workbench.dock.raise_()
        window.resizeDocks([window.workbench.dock], [330], Qt.Orientation.Vertical)
        window.workbench.curation.table.selectRow(1)
        shot.later(shots.SETTLE_MS, lambda: shot.finish(shot.save(window, docs / "curation.png")))

    def annotate() -> None:
        workspace = window.annotations.workspace
        if workspace is None:  # still being opened (or brought up to date) for the pair
            shot.later(200, annotate)
            return
        _annotate(workspace)
        window.workbench._reload()
        shot.later(1000, export_and_agreement)

    return shot.run(lambda pair: annotate())


if __name__ == "__main__":
    raise SystemExit(main())
