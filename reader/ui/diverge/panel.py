"""The list of divergences with their explanations, a legend that doubles as toggles per kind."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.align.beads import Alignment
from reader.core.diverge.records import Divergence
from reader.ui.app.theme import legend
from reader.ui.diverge.model import BEAD_ROLE, DIVERGENCE_ROLE, DivergenceModel, KindFilterModel


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class DivergencePanel(QWidget):
    """Select a row (click, keys, F8 / Shift+F8 through the window) and the pair view follows."""

    # a divergence the user chose, and its bead
    divergence_activated = Signal(object, int)
    # the kinds now hidden (strings)
    hidden_kinds_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DivergenceModel(parent=self)
        self.proxy = KindFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.toggles: dict[str, QToolButton] = {}
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(4, 2, 4, 2)
        legend_row.setSpacing(2)
        for kind, label, colour in legend():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setIcon(swatch(colour))
            button.setIconSize(QSize(12, 12))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setProperty("label", label)
            button.setText(label)
            button.setToolTip(self.tr("Show or hide: {0}").format(label))
            button.setAccessibleName(self.tr("Show {0}").format(label))
            button.toggled.connect(self._on_toggle_toggled)
            self.toggles[kind] = button
            legend_row.addWidget(button)
        legend_row.addStretch(1)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Divergences"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.clicked.connect(self._on_table_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(legend_row)
        layout.addWidget(self.table)

    def set_divergences(self, divergences: list[Divergence], alignment: Alignment) -> None:
        self.model.set_divergences(divergences, alignment)
        counts = self.model.counts()
        for kind, button in self.toggles.items():
            label = button.property("label")
            button.setText(f"{label} ({counts.get(kind, 0)})")
            button.setEnabled(counts.get(kind, 0) > 0)

    def set_hidden_kinds(self, hidden: set[str]) -> None:
        for kind, button in self.toggles.items():
            button.blockSignals(True)
            button.setChecked(kind not in hidden)
            button.blockSignals(False)
        self.proxy.set_hidden_kinds(hidden)

    def hidden_kinds(self) -> set[str]:
        return self.proxy.hidden_kinds()

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def current_row(self) -> int:
        return self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.proxy.rowCount():
            return
        index = self.proxy.index(row, 0)
        if index == self.table.currentIndex():
            self._emit_for(index)  # chosen again: jump again
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_next(self) -> None:
        """The next divergence in reading order (wraps round at the end)."""
        count = self.proxy.rowCount()
        if count:
            self.select_row((self.current_row() + 1) % count)

    def select_previous(self) -> None:
        count = self.proxy.rowCount()
        if count:
            row = self.current_row()
            self.select_row((row - 1) % count if row >= 0 else count - 1)

    def _emit_for(self, index: QModelIndex) -> None:
        divergence = self.proxy.data(index, DIVERGENCE_ROLE)
        bead = self.proxy.data(index, BEAD_ROLE)
        if divergence is not None:
            self.divergence_activated.emit(divergence, int(bead))

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._emit_for(current)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._emit_for(index)

    def _on_toggle_toggled(self, _checked: bool) -> None:
        hidden = {kind for kind, button in self.toggles.items() if not button.isChecked()}
        self.proxy.set_hidden_kinds(hidden)
        self.hidden_kinds_changed.emit(hidden)
