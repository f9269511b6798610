"""Several annotators in the window: their files imported, filtered by annotator, agreement,
and curation with undo, the curated layer exported like any other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.cli import main
from reader.core.annotate.agreement import CURATION, agreement
from reader.core.store.workspace import Workspace
from reader.ui.annotators.agreement_view import AgreementDialog
from tests.ui.annotate.test_annotations_ui import (
    LOADED,
    SOFTENING,
    SOURCE_LINES,
    TARGET_LINES,
    _hand_pair,
    _window,
)


def _annotator_file(folder: Path, name: str, notes, creator: bool = True) -> Path:
    """What another annotator sends: a W3C file from their own workspace of the same pair."""
    pair = _hand_pair()
    path = folder / f"{name}.prw"
    with Workspace.create(path, pair.source, pair.target, pair.alignment) as ws:
        for side, paragraph, needle, tags in notes:
            line = (SOURCE_LINES if side == "source" else TARGET_LINES)[paragraph]
            start = line.index(needle)
            ws.annotate(side, paragraph, start, start + len(needle), tags=tags,
                        author=name if creator else "")
    out = folder / f"{name.lower()}.jsonld"
    assert main(["export", str(path), "--format", "w3c", "-o", str(out)]) == 0
    return out


@pytest.fixture
def window(qtbot, settings, tmp_path):
    window = _window(qtbot, settings, _hand_pair())
    files = [
        _annotator_file(tmp_path, "Lina", [
            ("target", 0, "The spokesman said", (LOADED,)),
            ("target", 1, "militias", (SOFTENING,)),
            ("source", 1, "الأسد", (LOADED,)),
        ]),
        _annotator_file(tmp_path, "Omar", [
            ("target", 0, "spokesman said", (LOADED,)),
            ("target", 1, "militias", (LOADED,)),
            ("source", 1, "الأسد", (LOADED,)),
        ]),
        _annotator_file(tmp_path, "Sara", [("target", 2, "2024", (SOFTENING,))], creator=False),
    ]
    job = window.workbench.import_files(files)
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30_000):
        pass
    return window


def test_imported_annotators_keep_their_names_and_the_panel_filters_by_them(window) -> None:
    panel = window.annotations.panel
    assert panel.model.rowCount() == 7
    names = [panel.author_box.itemData(i) for i in range(panel.author_box.count())]
    assert names == [None, "Lina", "Omar", "sara"]  # a file without creators: its name
    panel.set_filters(author="Omar")
    assert panel.proxy.rowCount() == 3
    assert {panel.proxy.annotation(r).author for r in range(3)} == {"Omar"}
    assert "sara.jsonld" in window.statusBar().currentMessage()


def test_the_agreement_view_equals_the_core(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    pane = window.pair_view.pane("source")
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dialog = window.workbench.agreement_dialog
    assert isinstance(dialog, AgreementDialog)
    qtbot.waitUntil(lambda: dialog.model.report is not None, timeout=30_000)
    ws = window.annotations.workspace
    texts = {s: ws.text(s) for s in ("source", "target")}
    core = agreement(ws.annotations(), texts)
    assert dialog.model.report == core
    assert dialog.model.rowCount() == len(core.tags) + 1
    assert dialog.model.columnCount() == 1 + 3 + 2  # tag, three annotators, observed, α
    # two annotators: κ appears; one: a hint instead of numbers
    dialog.annotator_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: dialog.model.report is not None
                    and len(dialog.model.report.annotators) == 2, timeout=30_000)
    assert dialog.model.headerData(3, Qt.Orientation.Horizontal) == "Observed"
    assert dialog.model.headerData(4, Qt.Orientation.Horizontal) == "Cohen's κ"
    row = dialog.model.report.overall
    shown = dialog.model.index(dialog.model.rowCount() - 1, 4).data()
    assert shown == f"{row.kappa:.3f}"
    dialog.annotator_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.model.report is None and "two or more" in dialog.summary.text()
    dialog.close()


def test_curation_accept_merge_reject_with_undo_and_export(qtbot, window, tmp_path) -> None:
    wb = window.workbench
    ws = window.annotations.workspace
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    pane = window.pair_view.pane("target")
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_U,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert wb.dock.isVisible()
    view = wb.curation
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5_000)
    found = [(view.model.conflict(r).side, view.model.conflict(r).paragraph,
              view.model.conflict(r).reason) for r in range(4)]
    # Lina's and Omar's alike span is still one Sara left out; a span only Sara marked
    assert found == [("source", 1, "not by sara"), ("target", 0, "not by sara"),
                     ("target", 1, "tags differ"), ("target", 2, "only sara")]
    first = view.current_conflict()
    assert first is not None and len(view.member_cards) == len(first.members) == 2
    assert [c.member.author for c in view.member_cards] == ["Lina", "Omar"]
    assert len(view.cards) == 3 and "no span here" in view.cards[2].text()  # Sara's
    omar = view.member_cards[1]
    assert "الأسد" in omar.excerpt.toPlainText()
    qtbot.mouseClick(omar.accept_button, Qt.MouseButton.LeftButton)
    curated = [a for a in ws.annotations() if a.author == CURATION]
    assert [(a.quote, a.tags) for a in curated] == [(omar.member.quote, omar.member.tags)]
    assert len(ws.decisions()) == 1
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5_000)  # settled: not listed
    assert window.annotations.panel.model.rowCount() == 8  # the curated record is listed
    # Ctrl+Z where the curator is (the conflict list) takes the decision back, with its record
    assert QApplication.activeWindow() is window
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.decisions() == [] and CURATION not in {a.author for a in ws.annotations()}
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5_000)
    assert window.annotations.panel.model.rowCount() == 7
    qtbot.keyClick(view.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(ws.decisions()) == 1
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5_000)
    # merge the spans that differ, reject the tags that differ
    view.table.selectRow(0)
    merging = view.current_conflict()
    assert merging is not None and merging.paragraph == 0 and merging.side == "target"
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    merged = [a for a in ws.annotations() if a.author == CURATION and a.side == "target"]
    assert [(a.quote, a.tags) for a in merged] == [("The spokesman said", (LOADED,))]
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5_000)
    view.table.selectRow(0)
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert [d.action for d in ws.decisions()] == ["accept", "merge", "reject"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    assert "1 open of 4" in view.count_label.text()
    view.show_decided.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5_000)
    assert [view.model.index(r, 4).data() for r in range(4)] == [
        "accepted", "merged", "rejected", "open"]
    # undo twice: the merge's record goes, the rejection is open again
    window.annotations.undo_stack.undo()
    window.annotations.undo_stack.undo()
    assert [d.action for d in ws.decisions()] == ["accept"]
    qtbot.waitUntil(lambda: view.model.index(1, 4).data() == "open", timeout=5_000)
    window.annotations.undo_stack.redo()
    assert len([a for a in ws.annotations() if a.author == CURATION]) == 2
    # the curated layer exports like any other annotator's
    out = tmp_path / "curated.jsonld"
    assert main(["export", str(ws.path), "--format", "w3c", "-o", str(out)]) == 0
    creators = json.dumps(json.loads(out.read_text(encoding="utf-8")))
    assert '"curation"' in creators


def test_the_models_pass_the_model_tester(qtmodeltester, window) -> None:
    wb = window.workbench
    wb.refresh_conflicts()
    assert wb.curation.model.rowCount() == 0  # hidden: not worked out
    wb.show_curation()
    assert wb.curation.model.rowCount() == 4
    qtmodeltester.check(wb.curation.model)
    dialog = wb.show_agreement()
    assert dialog is not None
    ws = window.annotations.workspace
    texts = {s: ws.text(s) for s in ("source", "target")}
    dialog.model.set_report(agreement(ws.annotations(), texts))
    qtmodeltester.check(dialog.model)
    dialog.close()


def test_a_curator_accepts_by_keyboard(qtbot, window) -> None:
    wb = window.workbench
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    wb.curation_action.trigger()
    view = wb.curation
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5_000)
    assert view.member_cards[0].accept_button.text() == "Accept Lina's (&1)"
    view.table.setFocus()
    qtbot.waitUntil(lambda: view.member_cards[1].accept_button.isVisible(), timeout=5_000)
    second = view.member_cards[1].member
    qtbot.keyClick(view.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    ws = window.annotations.workspace
    # a button pressed by its shortcut clicks a moment later (Qt's animateClick)
    qtbot.waitUntil(lambda: bool(ws.decisions()), timeout=5_000)
    curated = [a for a in ws.annotations() if a.author == CURATION]
    assert len(curated) == 1 and curated[0].quote == second.quote
    assert [d.action for d in ws.decisions()] == ["accept"]
