"""Codebooks: browse them and their tags' definitions; make, edit, import and export your own."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotate.codebooks import (
    Codebook,
    CodebookError,
    Tag,
    codebook_from_json,
    list_codebooks,
    load_codebook,
    save_codebook,
    user_codebook_dir,
)
from reader.core.errors import ReaderError

ROLE = Qt.ItemDataRole.UserRole + 1


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.+\-]+", "-", text.strip()).strip("-")
    return slug[:100] or "codebook"


class CodebookDialog(QDialog):
    """Lists built-in and user codebooks; user codebooks live in `folder` as JSON files."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or user_codebook_dir()
        self.setWindowTitle(self.tr("Codebooks"))
        self.resize(900, 560)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Codebooks"))
        self.tags = QListWidget(self)
        self.tags.setAccessibleName(self.tr("Tags"))
        self.definition = QTextBrowser(self)
        self.errors_label = QLabel(self)
        self.errors_label.setWordWrap(True)
        self.errors_label.setStyleSheet("QLabel { color: #b00020; }")

        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.import_button,
                       self.export_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.tags)
        splitter.addWidget(self.definition)
        splitter.setSizes([220, 260, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.errors_label)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.tags.currentItemChanged.connect(self._on_tags_current_item_changed)
        self.new_button.clicked.connect(lambda: self.new_codebook())
        self.edit_button.clicked.connect(lambda: self.edit_codebook())
        self.import_button.clicked.connect(lambda: self.import_codebook())
        self.export_button.clicked.connect(lambda: self.export_codebook())
        self.delete_button.clicked.connect(lambda: self.delete_codebook())
        self.refresh()

    # contents
    def refresh(self, select: str | None = None) -> None:
        errors: list[CodebookError] = []
        self.codebooks = list_codebooks(self.folder, errors=errors)
        self.errors_label.setText("\n".join(str(e) for e in errors))
        self.errors_label.setVisible(bool(errors))
        shown = self.current()
        current = select or (shown.id if shown else None)
        self.list.clear()
        for codebook in self.codebooks:
            suffix = self.tr(" (built in)") if codebook.builtin else ""
            item = QListWidgetItem(codebook.name + suffix, self.list)
            item.setData(ROLE, codebook)
            item.setToolTip(codebook.description)
            if codebook.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def current(self) -> Codebook | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        data = item.data(ROLE) if item else None
        return data if isinstance(data, Codebook) else None

    def select(self, codebook_id: str) -> bool:
        for row in range(self.list.count()):
            data = self.list.item(row).data(ROLE)
            if isinstance(data, Codebook) and data.id == codebook_id:
                self.list.setCurrentRow(row)
                return True
        return False

    # actions
    def user_path(self, codebook: Codebook) -> Path:
        return self.folder / f"{_slug(codebook.id)}.json"

    def save(self, codebook: Codebook) -> bool:
        try:
            save_codebook(codebook, self.user_path(codebook))
        except ReaderError as exc:
            QMessageBox.critical(self, self.tr("Cannot save the codebook"), str(exc))
            return False
        self.refresh(select=codebook.id)
        return True

    def new_codebook(self) -> Codebook | None:
        blank = Codebook("my-codebook", self.tr("My codebook"), "1",
                         (Tag("tag", self.tr("Tag"), self.tr("What this tag means.")),))
        editor = CodebookEditor(blank, self)
        if editor.exec() != QDialog.DialogCode.Accepted or editor.result_codebook is None:
            return None
        return editor.result_codebook if self.save(editor.result_codebook) else None

    def edit_codebook(self) -> Codebook | None:
        """Edit a user codebook; a built-in one is edited as a copy that then replaces it."""
        codebook = self.current()
        if codebook is None:
            return None
        editor = CodebookEditor(codebook, self)
        if editor.exec() != QDialog.DialogCode.Accepted or editor.result_codebook is None:
            return None
        return editor.result_codebook if self.save(editor.result_codebook) else None

    def import_codebook(self, path: str | Path | None = None) -> Codebook | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import Codebook"), str(Path.home()),
                self.tr("Codebooks (*.json);;All files (*)"),
            )
            if not chosen:
                return None
            path = chosen
        try:
            codebook = load_codebook(path)
        except ReaderError as exc:
            QMessageBox.critical(self, self.tr("Cannot import the codebook"), str(exc))
            return None
        return codebook if self.save(codebook) else None

    def export_codebook(self, path: str | Path | None = None) -> Path | None:
        codebook = self.current()
        if codebook is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export Codebook"), str(Path.home() / f"{_slug(codebook.id)}.json"),
                self.tr("Codebooks (*.json)"),
            )
            if not chosen:
                return None
            path = chosen
        try:
            return save_codebook(codebook, path)
        except ReaderError as exc:
            QMessageBox.critical(self, self.tr("Cannot export the codebook"), str(exc))
            return None

    def delete_codebook(self, confirm: bool = True) -> bool:
        codebook = self.current()
        if codebook is None or codebook.builtin or codebook.path is None:
            return False
        if confirm and QMessageBox.question(
            self, self.tr("Delete Codebook"),
            self.tr("Delete the codebook “{0}”? Annotations keep their tags.").format(
                codebook.name),
        ) != QMessageBox.StandardButton.Yes:
            return False
        try:
            # keep a copy beside it: a codebook is someone's work too
            shutil.copyfile(codebook.path, codebook.path.with_suffix(".json.deleted"))
            codebook.path.unlink()
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot delete the codebook"), str(exc))
            return False
        self.refresh()
        return True

    # slots
    @Slot(object, object)
    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        codebook = self.current()
        self.tags.clear()
        self.delete_button.setEnabled(codebook is not None and not codebook.builtin)
        self.edit_button.setText(
            self.tr("&Edit a Copy…") if codebook and codebook.builtin else self.tr("&Edit…")
        )
        if codebook is None:
            self.definition.clear()
            return
        for tag in codebook.tags:
            item = QListWidgetItem(tag.label, self.tags)
            item.setData(ROLE, tag)
            item.setToolTip(tag.definition)
        html = f"<h2>{_escape(codebook.name)}</h2><p>{_escape(codebook.description)}</p>"
        if codebook.source:
            html += f"<p><small>{_escape(codebook.source)}</small></p>"
        self.definition.setHtml(html)

    @Slot(object, object)
    def _on_tags_current_item_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        tag = current.data(ROLE) if current else None
        if isinstance(tag, Tag):
            html = f"<h3>{_escape(tag.label)}</h3><p>{_escape(tag.definition)}</p>"
            if tag.examples:
                html += "<ul>" + "".join(
                    f"<li><i>{_escape(e)}</i></li>" for e in tag.examples) + "</ul>"
            self.definition.setHtml(html)


class CodebookEditor(QDialog):
    """Edits a codebook's name, id, description and tags (id, label, definition per row)."""

    def __init__(self, codebook: Codebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Codebook"))
        self.resize(820, 520)
        self.original = codebook
        self.result_codebook: Codebook | None = None
        self.id_edit = QLineEdit(codebook.id, self)
        self.name_edit = QLineEdit(codebook.name, self)
        self.version_edit = QLineEdit(codebook.version, self)
        self.description_edit = QLineEdit(codebook.description, self)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Id:"), self.id_edit)
        form.addRow(self.tr("Version:"), self.version_edit)
        form.addRow(self.tr("Description:"), self.description_edit)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Id"), self.tr("Label"), self.tr("Definition")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._colours: dict[int, str | None] = {}
        self._examples: dict[int, tuple[str, ...]] = {}
        for tag in codebook.tags:
            self.add_tag(tag)
        add = QPushButton(self.tr("Add Tag"), self)
        add.clicked.connect(lambda: self.add_tag(None))
        remove = QPushButton(self.tr("Remove Tag"), self)
        remove.clicked.connect(self._remove_current)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("QLabel { color: #b00020; }")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

    def add_tag(self, tag: Tag | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (tag.id, tag.label, tag.definition) if tag else (f"tag-{row + 1}", "", "")
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self._colours[row] = tag.colour if tag else None
        self._examples[row] = tag.examples if tag else ()
        return row

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            # keep colours and examples lined up with the rows that remain
            self._colours = {(k if k < row else k - 1): v for k, v in self._colours.items()
                             if k != row}
            self._examples = {(k if k < row else k - 1): v for k, v in self._examples.items()
                              if k != row}

    def build(self) -> Codebook:
        """The codebook as entered; raises CodebookError listing every problem."""
        tags = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(3)]
            tag_id, label, definition = (c.text().strip() if c else "" for c in cells)
            entry: dict[str, object] = {"id": tag_id, "label": label, "definition": definition}
            if self._examples.get(row):
                entry["examples"] = list(self._examples[row])
            if self._colours.get(row):
                entry["colour"] = self._colours[row]
            tags.append(entry)
        data = replace(self.original, tags=()).to_json()
        data.update(
            id=self.id_edit.text().strip(), name=self.name_edit.text().strip(),
            version=self.version_edit.text().strip(),
            description=self.description_edit.text().strip(), tags=tags,
        )
        return codebook_from_json(data)

    def accept(self) -> None:  # Qt override
        try:
            self.result_codebook = self.build()
        except CodebookError as exc:
            self.problem_label.setText(str(exc))
            return
        super().accept()
