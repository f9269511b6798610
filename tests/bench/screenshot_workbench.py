"""Screenshots of File ▸ Export…, the agreement view and the curation view (run under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/bench/screenshot_workbench.py

Three annotators' notes on the built-in pair are made in a workspace under a temporary folder
(settings and data there too), then docs/export-dialog.png, docs/agreement.png and
docs/curation.png are saved.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

TIMEOUT_MS = 120_000
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


def main() -> int:
    folder = tempfile.TemporaryDirectory(prefix="reader-screenshot-")
    os.environ["XDG_DATA_HOME"] = folder.name  # the workspace goes here, not in the user's
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from reader.ui.app.fonts import load_bundled_fonts
    from reader.ui.app.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.app.theme import apply_theme
    from reader.ui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = Settings.at(Path(folder.name) / "settings.ini")
    settings.theme = "light"
    settings.export_folder = str(Path.home() / "Documents")
    load_bundled_fonts()
    apply_theme(app, settings)
    window = MainWindow(settings)
    window.resize(1500, 920)
    window.show()
    docs = Path("docs")
    status = {"code": 1}

    def save(widget: QWidget, name: str) -> None:
        out = docs / name
        print(f"saved {out}" if widget.grab().save(str(out)) else f"could not save {out}")

    def export_and_agreement() -> None:
        dialog = window.workbench.show_export()
        assert dialog is not None
        dialog.set_format("html")
        QTimer.singleShot(500, lambda: (save(dialog, "export-dialog.png"), dialog.reject()))
        agree = window.workbench.show_agreement()
        assert agree is not None
        agree.resize(1000, 400)
        QTimer.singleShot(2500, lambda: (save(agree, "agreement.png"), agree.close()))
        QTimer.singleShot(3000, curation)

    def curation() -> None:
        window.workbench.curation_action.trigger()
        window.workbench.dock.raise_()
        window.resizeDocks([window.workbench.dock], [330], Qt.Orientation.Vertical)
        view = window.workbench.curation
        view.table.selectRow(1)
        QTimer.singleShot(1500, finish)

    def finish() -> None:
        save(window, "curation.png")
        status["code"] = 0
        window.close()
        app.quit()

    def on_workspace(workspace: object) -> None:
        if workspace is None:
            return
        _annotate(workspace)
        window.workbench._reload()
        QTimer.singleShot(1000, export_and_agreement)

    window.annotations.session.workspace_changed.connect(on_workspace)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    window.open_default_pair()
    app.exec()
    return status["code"]


if __name__ == "__main__":
    raise SystemExit(main())
