"""The divergences of a pair as a table model, in reading order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from reader.core.align.beads import Alignment
from reader.core.diverge.records import Divergence
from reader.ui.app.theme import divergence_colour, kind_label

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
DIVERGENCE_ROLE = Qt.ItemDataRole.UserRole + 2
BEAD_ROLE = Qt.ItemDataRole.UserRole + 3

COLUMNS = ("Kind", "Where", "Explanation")

Index = QModelIndex | QPersistentModelIndex


def divergence_bead(divergence: Divergence, alignment: Alignment) -> int:
    """The bead a divergence belongs to: its own, or that of its first paragraph."""
    if divergence.bead is not None:
        return divergence.bead
    if divergence.paragraphs:
        return alignment.bead_of(divergence.side, divergence.paragraphs[0])
    return 0


def where_label(divergence: Divergence) -> str:
    paragraphs = divergence.paragraphs
    if not paragraphs:
        return divergence.side
    numbers = (
        f"¶ {paragraphs[0] + 1}"
        if len(paragraphs) == 1
        else f"¶ {paragraphs[0] + 1}–{paragraphs[-1] + 1}"
    )
    return f"{divergence.side} {numbers}"


class DivergenceModel(QAbstractTableModel):
    """One row per divergence, sorted by where it sits in the pair."""

    def __init__(
        self, colour_of: Callable[[str], QColor] | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[Divergence] = []
        self._beads: list[int] = []
        self._colour_of = colour_of or divergence_colour

    def set_divergences(self, divergences: list[Divergence], alignment: Alignment) -> None:
        keyed = sorted(
            ((divergence_bead(d, alignment), n, d) for n, d in enumerate(divergences)),
            key=lambda t: (t[0], t[1]),
        )
        self.beginResetModel()
        self._rows = [d for _, _, d in keyed]
        self._beads = [b for b, _, _ in keyed]
        self.endResetModel()

    def divergence(self, row: int) -> Divergence:
        """Typed accessor for views and delegates."""
        return self._rows[row]

    def bead(self, row: int) -> int:
        return self._beads[row]

    def divergences(self) -> list[Divergence]:
        return list(self._rows)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in self._rows:
            out[str(d.kind)] = out.get(str(d.kind), 0) + 1
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return kind_label(d.kind)
            if column == 1:
                return where_label(d)
            if column == 2:
                return d.detail
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{kind_label(d.kind)} ({d.severity}): {d.detail}"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._colour_of(str(d.kind))
        if role == KIND_ROLE:
            return str(d.kind)
        if role == DIVERGENCE_ROLE:
            return d
        if role == BEAD_ROLE:
            return self._beads[index.row()]
        return None

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:  # Qt override
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class KindFilterModel(QSortFilterProxyModel):
    """Shows only the divergences whose kind the user left switched on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hidden: set[str] = set()

    def set_hidden_kinds(self, hidden: set[str]) -> None:
        if hidden != self._hidden:
            if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
                self.beginFilterChange()
                self._hidden = set(hidden)
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self._hidden = set(hidden)
                self.invalidateRowsFilter()

    def hidden_kinds(self) -> set[str]:
        return set(self._hidden)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # Qt override
        model = self.sourceModel()
        kind = model.data(model.index(source_row, 0, source_parent), KIND_ROLE)
        return kind not in self._hidden

    def divergence(self, row: int) -> Divergence:
        source = self.mapToSource(self.index(row, 0))
        divergence = self.sourceModel().data(source, DIVERGENCE_ROLE)
        assert isinstance(divergence, Divergence)
        return divergence
