"""Term families: browse them; add, edit and delete your own families and labels."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
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
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.lens.families import (
    FORMAT,
    FORMAT_VERSION,
    FamilyError,
    TermFamily,
    family_from_json,
    load_families,
    save_family,
    user_family_dir,
)

ROLE = Qt.ItemDataRole.UserRole + 1
# label table columns
NAME, ARABIC, ENGLISH, NOTE = range(4)
# forms are typed in one cell, separated by any of these (the Arabic comma too)
_SEPARATORS = re.compile(r"\s*[;,\u060c\u061b]\s*")


def split_forms(cell: str) -> list[str]:
    return [f for f in (" ".join(part.split()) for part in _SEPARATORS.split(cell)) if f]


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "label"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


class FamilyDialog(QDialog):
    """Built-in families are read-only; saving one's edits writes the user's own copy (same
    id, in the user folder), which then replaces it everywhere (load_families)."""

    families_changed = Signal()

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or user_family_dir()
        self.setWindowTitle(self.tr("Term Families"))
        self.resize(1000, 560)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Families"))
        self.name_edit = QLineEdit(self)
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("letters, digits, - (made from the name)"))
        self.note_edit = QLineEdit(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Labels"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Arabic forms"), self.tr("English forms"),
             self.tr("What the choice signals")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(NAME, 150)
        self.table.setColumnWidth(ARABIC, 220)
        self.table.setColumnWidth(ENGLISH, 220)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Id:"), self.id_edit)
        form.addRow(self.tr("N&ote:"), self.note_edit)
        self.new_button = QPushButton(self.tr("&New Family"), self)
        self.delete_button = QPushButton(self.tr("&Delete Family"), self)
        self.add_label_button = QPushButton(self.tr("&Add Label"), self)
        self.remove_label_button = QPushButton(self.tr("&Remove Label"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.add_label_button,
                       self.remove_label_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        hint = QLabel(self.tr("Forms: separate them with “;” or “،”. Arabic forms match "
                              "whatever their clitics, diacritics and hamza forms."), self)
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(editor)
        splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button.clicked.connect(lambda: self.new_family())
        self.delete_button.clicked.connect(lambda: self.delete_family())
        self.add_label_button.clicked.connect(lambda: self.add_label())
        self.remove_label_button.clicked.connect(lambda: self.remove_label())
        self.save_button.clicked.connect(lambda: self.save())
        self.refresh()

    # the list
    def refresh(self, select: str | None = None) -> None:
        errors: list[FamilyError] = []
        self.families = load_families(self.folder, errors=errors)
        self._say("\n".join(str(e) for e in errors), error=bool(errors))
        shown = self.current()
        current = select or (shown.id if shown else None)
        self.list.blockSignals(True)
        self.list.clear()
        for family in self.families:
            suffix = self.tr(" (built in)") if family.builtin else ""
            item = QListWidgetItem(family.name + suffix, self.list)
            item.setData(ROLE, family)
            item.setToolTip(family.note)
        self.list.blockSignals(False)
        row = next((i for i, f in enumerate(self.families) if f.id == current), 0)
        self.list.setCurrentRow(row if self.families else -1)
        self._show(self.current())

    def current(self) -> TermFamily | None:
        item = self.list.currentItem()
        value = item.data(ROLE) if item is not None else None
        return value if isinstance(value, TermFamily) else None

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(self, *_items: object) -> None:
        self._show(self.current())

    def _show(self, family: TermFamily | None) -> None:
        self.name_edit.setText(family.name if family else "")
        self.id_edit.setText(family.id if family else "")
        self.id_edit.setReadOnly(family is not None)  # an id names the file and the counts
        self.note_edit.setText(family.note if family else "")
        self.table.setRowCount(0)
        for label in family.labels if family else ():
            self._append_row(label.name, "; ".join(label.forms_ar), "; ".join(label.forms_en),
                             label.note, label.id)
        own = family is not None and not family.builtin
        self.delete_button.setEnabled(own)

    def _append_row(self, name: str, arabic: str, english: str, note: str, label_id: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((NAME, name), (ARABIC, arabic), (ENGLISH, english), (NOTE, note)):
            item = QTableWidgetItem(value)
            if column == ARABIC:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
            if column == NAME:
                item.setData(ROLE, label_id)
        return row

    # editing
    def new_family(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._show(None)
        self.id_edit.setReadOnly(False)
        self.name_edit.setFocus()
        self.add_label()

    def add_label(self, name: str = "", arabic: str = "", english: str = "", note: str = "") -> int:
        """A new row, its name cell ready to type in; returns the row."""
        row = self._append_row(name, arabic, english, note, "")
        self.table.setCurrentCell(row, NAME)
        item = self.table.item(row, NAME)
        if not name and item is not None:
            self.table.editItem(item)
        return row

    def remove_label(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows or ([self.table.currentRow()] if self.table.currentRow() >= 0 else []):
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def family_json(self) -> dict[str, object]:
        """What the form holds, as a family document (validated when saved)."""
        name = self.name_edit.text().strip()
        family_id = self.id_edit.text().strip() or _slug(name, set())
        taken: set[str] = set()
        labels = []
        for row in range(self.table.rowCount()):
            label_name = self._cell(row, NAME)
            arabic, english = split_forms(self._cell(row, ARABIC)), split_forms(
                self._cell(row, ENGLISH))
            if not (label_name or arabic or english):
                continue  # a row left empty is no label
            item = self.table.item(row, NAME)
            label_id = (item.data(ROLE) if item is not None else "") or _slug(label_name, taken)
            taken.add(label_id)
            forms = {k: v for k, v in (("ar", arabic), ("en", english)) if v}
            labels.append({"id": label_id, "name": label_name,
                           "note": self._cell(row, NOTE) or label_name, "forms": forms})
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "id": family_id,
                "name": name, "note": self.note_edit.text().strip(), "labels": labels}

    def save(self) -> TermFamily | None:
        """Validate and write the family to the user folder; the problems shown otherwise."""
        try:
            family = family_from_json(self.family_json())
            self.folder.mkdir(parents=True, exist_ok=True)
            save_family(family, self.folder / f"{family.id}.json")
        except ReaderError as exc:
            self._say(str(exc), error=True)
            return None
        self.refresh(select=family.id)
        self._say(self.tr("Saved “{0}” ({1} labels).").format(family.name, len(family.labels)))
        self.families_changed.emit()
        return family

    def delete_family(self, confirm: bool = True) -> bool:
        family = self.current()
        if family is None or family.builtin or family.source is None:
            return False
        if confirm and QMessageBox.question(
            self, self.tr("Delete family"),
            self.tr("Delete the family “{0}”? Its file is removed.").format(family.name),
        ) != QMessageBox.StandardButton.Yes:
            return False
        try:
            family.source.unlink()
        except OSError as exc:
            self._say(f"{family.source}: {exc.strerror or exc}", error=True)
            return False
        self.refresh()
        self.families_changed.emit()
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("QLabel { color: #b00020; }" if error else "")
        self.message.setVisible(bool(text))
