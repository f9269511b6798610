"""The codebook dialog: browse definitions; make, edit, import, export and delete codebooks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.core.annotate.codebooks import Codebook, Tag, load_codebook, save_codebook
from reader.ui.annotate.codebook_dialog import CodebookDialog, CodebookEditor


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> CodebookDialog:
    d = CodebookDialog(tmp_path / "codebooks")
    qtbot.addWidget(d)
    return d


def test_built_in_codebooks_and_definitions_are_shown(dialog) -> None:
    assert dialog.select("translation-shifts")
    assert dialog.tags.count() == 11
    dialog.tags.setCurrentRow(0)
    assert "omi" in dialog.definition.toPlainText().lower()
    assert not dialog.delete_button.isEnabled()  # built-in ones stay


def test_edit_a_built_in_codebook_as_a_user_copy(dialog, tmp_path: Path) -> None:
    dialog.select("translation-shifts")
    editor = CodebookEditor(dialog.current(), dialog)
    row = editor.add_tag(None)
    editor.table.item(row, 0).setText("euphemism")
    editor.table.item(row, 1).setText("Euphemism")
    editor.table.item(row, 2).setText("A milder word for a harsh thing.")
    built = editor.build()
    assert dialog.save(built)
    saved = load_codebook(tmp_path / "codebooks" / "translation-shifts.json")
    assert saved.tag("euphemism") is not None and len(saved.tags) == 12
    assert dialog.select("translation-shifts") and dialog.tags.count() == 12


def test_the_editor_refuses_an_invalid_codebook(qtbot, dialog) -> None:
    editor = CodebookEditor(Codebook("x", "X", "1", (Tag("a", "A", "def"),)), dialog)
    editor.table.item(0, 2).setText("")
    editor.id_edit.setText("bad id!")
    editor.accept()
    assert editor.result_codebook is None
    assert "definition" in editor.problem_label.text() and "'id'" in editor.problem_label.text()


def test_import_export_and_delete(dialog, tmp_path: Path, monkeypatch) -> None:
    outside = tmp_path / "mine.json"
    save_codebook(Codebook("mine", "Mine", "2", (Tag("t", "T", "a tag"),)), outside)
    imported = dialog.import_codebook(outside)
    assert imported is not None and dialog.select("mine")
    exported = dialog.export_codebook(tmp_path / "out.json")
    assert exported is not None
    assert json.loads(exported.read_text(encoding="utf-8"))["tags"][0]["definition"] == "a tag"
    assert dialog.delete_codebook(confirm=False)
    assert not dialog.select("mine")
    assert (tmp_path / "codebooks" / "mine.json.deleted").exists()  # a copy is kept


def test_a_bad_import_gives_a_message(dialog, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert dialog.import_codebook(bad) is None
    assert shown and "bad.json" in shown[0] and "JSON" in shown[0]
