"""The label shifts of the open pair: النظام العراقي → "Iraq" 3×, each row going to its beads."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.lens.families import TermFamily
from reader.core.lens.shifts import ShiftRow
from reader.ui.app.fonts import font_for

Index = QModelIndex | QPersistentModelIndex
FAMILY, FORM, COUNTERPART, COUNT, BEADS = range(5)


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


class ShiftsModel(QAbstractTableModel):
    """A row per ShiftRow: the family, the form on one side, what the other side uses, how
    often, in which beads."""

    RowRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ShiftRow] = []
        self._families: dict[str, TermFamily] = {}
        self._arabic: QFont | None = None  # made when first shown (fonts need the app)

    def set_rows(self, rows: Sequence[ShiftRow], families: Sequence[TermFamily]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._families = {f.id: f for f in families}
        self.endResetModel()

    def row(self, row: int) -> ShiftRow:
        return self._rows[row]

    def rows(self) -> list[ShiftRow]:
        return list(self._rows)

    def label_name(self, family: str, label: str | None) -> str:
        if label is None:
            return self.tr("no label")
        found = self._families.get(family)
        named = found.label(label) if found is not None else None
        return named.name if named is not None else label

    def describe(self, row: ShiftRow) -> str:
        theirs = (f"“{row.counterpart_form}”" if row.counterpart_form
                  else self.tr("(no label)"))
        return f"{row.form} → {theirs} {row.count}×"

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            family = self._families.get(row.family)
            return {
                FAMILY: family.name if family is not None else row.family,
                FORM: row.form,
                COUNTERPART: (f"→ {row.counterpart_form}" if row.counterpart_form
                              else self.tr("→ (no label)")),
                COUNT: f"{row.count}×",
                BEADS: ", ".join(str(b + 1) for b in row.beads),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (FORM, COUNTERPART):
            label = row.label if column == FORM else row.counterpart_label
            return self.label_name(row.family, label)
        if role == Qt.ItemDataRole.FontRole and column in (FORM, COUNTERPART):
            text = row.form if column == FORM else (row.counterpart_form or "")
            if _is_arabic(text):
                if self._arabic is None:
                    self._arabic = font_for("rtl", QFont().pointSizeF() * 1.15)
                return self._arabic
            if column == COUNTERPART and row.changed:
                bold = QFont()
                bold.setBold(True)
                return bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == FORM and _is_arabic(row.form):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.SortRole:
            if column == COUNT:
                return row.count
            if column == BEADS:
                return row.beads[0] if row.beads else -1
            return index.row()  # the core's order: family, label, form, most frequent first
        return None

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {FAMILY: self.tr("Family"), FORM: self.tr("Original"),
                COUNTERPART: self.tr("Translation"), COUNT: self.tr("Times"),
                BEADS: self.tr("Beads")}.get(section)


class ShiftsPanel(QWidget):
    """The table, a filter (changed labels only) and the Annotate button."""

    row_chosen = Signal(object)  # a ShiftRow: the reader selected it
    row_activated = Signal(object)  # a ShiftRow: Enter or double click (the next bead of it)
    annotate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ShiftsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ShiftsModel.SortRole)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Label shifts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the core's order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().height() * 1.9))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((FAMILY, 200), (FORM, 220), (COUNTERPART, 240), (COUNT, 60)):
            self.table.setColumnWidth(column, width)
        self.changed_only = QCheckBox(self.tr("Changed labels only"), self)
        self.changed_only.setChecked(True)
        self.annotate_button = QPushButton(self.tr("&Annotate Shifts"), self)
        self.annotate_button.setToolTip(self.tr(
            "Annotate the selected rows' occurrences with the translation-shifts codebook "
            "(one step: Ctrl+Z undoes it)"))
        self.summary = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.changed_only)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.annotate_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.activated.connect(self._on_table_activated)
        self.annotate_button.clicked.connect(self.annotate_requested)
        self._all: list[ShiftRow] = []
        self._families: list[TermFamily] = []
        self.changed_only.toggled.connect(lambda _on: self._fill())

    def set_rows(self, rows: Sequence[ShiftRow], families: Sequence[TermFamily]) -> None:
        self._all, self._families = list(rows), list(families)
        self._fill()

    def _fill(self) -> None:
        rows = [r for r in self._all if r.changed or not self.changed_only.isChecked()]
        self.model.set_rows(rows, self._families)
        changed = sum(r.count for r in self._all if r.changed)
        total = sum(r.count for r in self._all)
        self.summary.setText(self.tr("{0} of {1} occurrence(s) change label").format(
            changed, total))

    def selected_rows(self) -> list[ShiftRow]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.row(self.proxy.mapToSource(i).row()) for i in rows]

    def find_row(self, form: str, counterpart_form: str | None) -> int:
        """The view row of a shift (-1 when not shown)."""
        for r in range(self.proxy.rowCount()):
            row = self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            if row.form == form and row.counterpart_form == counterpart_form:
                return r
        return -1

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, *_args: object) -> None:
        index = self.table.currentIndex()
        source = self.proxy.mapToSource(index)
        if source.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            self.row_chosen.emit(self.model.row(source.row()))

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.row_activated.emit(self.model.row(source.row()))
