"""File ▸ Export… through the window: every registered format written, choices remembered,
the open workspace refused."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.export.formats import FORMATS
from reader.core.store.workspace import Workspace
from reader.ui.export.dialog import ExportDialog
from reader.ui.export.work import suffix_for
from tests.ui.annotate.test_annotations_ui import (
    LOADED,
    SOFTENING,
    _hand_pair,
    _select_text,
    _values,
    _window,
)


@pytest.fixture
def window(qtbot, settings):
    window = _window(qtbot, settings, _hand_pair())
    ctl = window.annotations
    _select_text(window, "source", 0, "CNN")
    assert ctl.annotate(values=_values(LOADED, comment="=HYPERLINK(\"x\")", author="Lina"))
    _select_text(window, "target", 1, "militias")
    assert ctl.annotate(values=_values(SOFTENING, comment="softened", author="Omar"))
    window.pair_view.pane("target").setFocus()
    return window


def _open(qtbot, window) -> ExportDialog:
    """Ctrl+E, as a user opens it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    pane = window.pair_view.pane("target")
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.workbench.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def _export(qtbot, dialog: ExportDialog, fmt: str, path: Path) -> Path:
    dialog.set_format(fmt)
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return Path(blocker.args[0])


def _check(fmt: str, data: bytes) -> None:
    """The file of each format read back by its own kind of reader, holding the notes."""
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c.value for row in book["annotations"].iter_rows() for c in row]
        kinds = [c.data_type for row in book["annotations"].iter_rows() for c in row]
        assert "CNN" in cells and "f" not in kinds  # strings, never formulas
        return
    text = data.decode("utf-8-sig")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["quote"] for r in rows] == ["CNN", "militias"]
        assert rows[0]["comment"].startswith("'=")  # neutralised
    elif fmt == "w3c":
        data_json = json.loads(text)
        assert "CNN" in json.dumps(data_json, ensure_ascii=False)
    elif fmt in ("tmx", "xliff"):
        ET.fromstring(data)
        assert "CNN" in text
    elif fmt == "tsv":
        assert len(text.splitlines()) == 3 and "CNN" in text  # one line per bead
    elif fmt == "alignment":  # the beads only, with their states
        assert [b["state"] for b in json.loads(text)["beads"]] == ["automatic"] * 3
    elif fmt == "tei":  # InterText's link group: one link per bead
        assert len(ET.fromstring(text.split("\n", 1)[-1]).findall("link")) == 3
    else:
        assert "CNN" in text and "softened" in text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_registered_format_is_offered_and_written(qtbot, window, tmp_path, fmt) -> None:
    dialog = _open(qtbot, window)
    offered = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert offered == list(FORMATS)
    path = _export(qtbot, dialog, fmt, tmp_path / "out")
    assert path == tmp_path / f"out{suffix_for(fmt)}"  # the format's suffix added
    _check(fmt, path.read_bytes())
    assert not dialog.isVisible()
    assert str(path) in window.statusBar().currentMessage()


def test_the_last_choices_are_remembered(qtbot, window, tmp_path, settings) -> None:
    dialog = _open(qtbot, window)
    dialog.parts["alignment"].setChecked(False)
    _export(qtbot, dialog, "w3c", tmp_path / "notes.jsonld")
    again = _open(qtbot, window)
    assert again.fmt == "w3c" and not again.parts["alignment"].isChecked()
    assert Path(again.path_edit.text()).parent == tmp_path
    assert Path(again.path_edit.text()).suffix == ".jsonld"
    # switching format changes the suffix, keeps the name
    again.set_format("md")
    assert Path(again.path_edit.text()).suffix == ".md"
    assert settings.export_format == "w3c"
    again.reject()


def test_parts_left_out_are_not_written(qtbot, window, tmp_path) -> None:
    dialog = _open(qtbot, window)
    dialog.parts["annotations"].setChecked(False)
    path = _export(qtbot, dialog, "csv", tmp_path / "empty.csv")
    assert len(path.read_text(encoding="utf-8-sig").splitlines()) == 1  # the header only
    dialog = _open(qtbot, window)
    dialog.parts["annotations"].setChecked(True)
    dialog.parts["alignment"].setChecked(False)
    dialog.set_format("html")
    assert dialog.parts["divergences"].isEnabled()
    dialog.set_format("csv")
    assert not dialog.parts["divergences"].isEnabled()  # CSV shows no divergences
    for box in dialog.parts.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()  # nothing to write
    dialog.reject()


def test_the_open_workspace_and_a_folder_are_refused_and_nothing_is_lost(
    qtbot, window, tmp_path
) -> None:
    workspace = window.annotations.workspace
    before = workspace.path.read_bytes()
    dialog = _open(qtbot, window)
    dialog.set_format("csv")
    dialog.path_edit.setText(str(workspace.path))
    dialog._confirmed = workspace.path  # as if chosen in the file dialog, which asked already
    job = dialog.start()
    assert job is not None
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "is an input of this command" in dialog.error_label.text()
    assert str(workspace.path) in dialog.error_label.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert workspace.path.read_bytes()[:16] == before[:16]
    with Workspace.open(workspace.path, read_only=True) as ws:
        assert len(ws.annotations()) == 2
    dialog.path_edit.setText(str(tmp_path))  # a folder
    assert not dialog.error_label.isVisible()  # a new path clears the old error
    dialog.start()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "is a directory" in dialog.error_label.text()
    dialog.reject()


def test_an_existing_file_is_replaced_only_when_the_user_says_so(qtbot, window, tmp_path) -> None:
    target = tmp_path / "old.csv"
    target.write_text("keep me", encoding="utf-8")
    dialog = _open(qtbot, window)
    dialog.set_format("csv")
    dialog.path_edit.setText(str(target))

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    assert dialog.start() is None
    assert target.read_text(encoding="utf-8") == "keep me"
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        assert dialog.start() is not None
    assert "CNN" in target.read_text(encoding="utf-8-sig")
