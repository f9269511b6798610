"""File ▸ Import Alignment…: an InterText file becomes the pair's alignment, shown and stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.core.align.beads import Alignment, Bead
from reader.core.export.report import report_from_pair
from reader.core.export.tei import render_tei_links
from reader.core.pair import Pair
from reader.core.store.workspace import Workspace
from tests.paths import DATA

GOLD = DATA / "iraq-assad-lesson.gold.json"


def gold_file(window, folder: Path) -> tuple[Path, Alignment]:
    """The built-in pair's gold alignment as InterText would hand it over, all confirmed."""
    pair = window.pair
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    beads = [Bead(tuple(s), tuple(t), 1.0, "confirmed") for s, t in pairs]
    gold = Alignment(beads, len(pair.source), len(pair.target))
    path = folder / "lesson.ar.en.alignment.xml"
    path.write_text(render_tei_links(report_from_pair(Pair(pair.source, pair.target, gold, []))),
                    "utf-8")
    return path, gold


def test_the_action_sits_in_the_file_menu(main_window) -> None:
    [file_menu] = [m for m in main_window.menuBar().findChildren(QMenu)
                   if m.title().replace("&", "") == "File"]
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert texts.index("Import Alignment…") < texts.index("Cancel Alignment")


def test_importing_shows_and_stores_the_alignment(
    qtbot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, gold = gold_file(main_window, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    importer = main_window.alignment_import
    main_window.pair_view.select_bead(5)  # somewhere else than the start
    with qtbot.waitSignal(importer.imported, timeout=60_000):
        qtbot.keyClick(main_window, Qt.Key.Key_I,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert main_window.pair.alignment.beads == gold.beads
    view = main_window.pair_view
    view.finish_layout()
    assert [b.bead for b in view.gutter.bead_geometry()] == list(range(len(gold)))
    assert main_window.panel.model.rowCount() == len(main_window.pair.divergences)
    assert "Alignment imported" in main_window.statusBar().currentMessage()
    workspace_path = main_window.annotations.workspace.path
    with Workspace.open(workspace_path, read_only=True) as ws:
        assert ws.alignment().beads == gold.beads

    # a second import over beads confirmed by hand asks first; "No" changes nothing
    asked: list[str] = []

    def answer_no(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    assert not importer.choose_and_import(path)
    assert asked and f"{len(gold)} bead(s)" in asked[0]


def test_a_bad_file_is_a_message_and_changes_nothing(
    qtbot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "bad.xml"
    bad.write_text("<linkGrp><link xtargets='1:1;1:1'/><link xtargets='9999:1;2:1'/>"
                   "</linkGrp>", "utf-8")
    before = main_window.pair.alignment.beads
    stored = main_window.annotations.workspace.alignment().beads
    with qtbot.assertNotEmitted(main_window.pair_opened):
        assert not main_window.alignment_import.choose_and_import(bad)
    assert len(shown) == 1 and "bad.xml" in shown[0] and "9999:1" in shown[0]
    assert main_window.pair.alignment.beads == before
    assert main_window.annotations.workspace.alignment().beads == stored


def test_an_imported_alignment_is_checked_with_what_the_pair_was_opened_with() -> None:
    # a pair opened with the user's thresholds (here: no name checks) keeps them after an
    # import: its divergences are found as after any edit, not with the defaults
    from reader.core.diverge.records import DivergenceKind
    from reader.core.diverge.thresholds import Thresholds
    from reader.core.pair import PairOptions, align_pair
    from reader.core.text.document import load_text
    from reader.resources import CORPUS
    from reader.ui.window.import_alignment import _with_divergences

    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    gold = Alignment([Bead(tuple(s), tuple(t), 1.0, "confirmed") for s, t in pairs],
                     len(source), len(target))
    default = _with_divergences(align_pair(source, target), gold)
    assert any(d.kind is DivergenceKind.NAME_MISMATCH for d in default.divergences)
    opened = align_pair(source, target, PairOptions(thresholds=Thresholds(name_mismatch=False)))
    imported = _with_divergences(opened, gold)
    assert imported.alignment is gold and imported.settings is opened.settings
    assert imported.verdict == opened.verdict
    assert not any(d.kind is DivergenceKind.NAME_MISMATCH for d in imported.divergences)
