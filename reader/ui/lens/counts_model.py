"""The counts table: a row per label (grouped by family), a column per document, per 1,000 words."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

FIXED_COLUMNS = 2  # family, label; the documents follow


@dataclass(frozen=True, slots=True)
class CountRow:
    """One label's rates (per 1,000 words) and raw counts, one of each per document."""

    family_id: str
    family: str
    label_id: str
    label: str
    note: str
    rates: tuple[float, ...]
    counts: tuple[int, ...]


class CountsModel(QAbstractTableModel):
    """Rows in family order then label order (the families' own order is kept as the
    SortRole's first key, so that sorting by a column sorts inside each family)."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    FamilyOrderRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None, *, raw: bool = False) -> None:
        super().__init__(parent)
        # raw: cells show counts, not rates (a single passage: "2" says more than "17.24")
        self.raw = raw
        self._rows: list[CountRow] = []
        self._documents: list[str] = []
        self._titles: list[str] = []
        self._family_order: dict[str, int] = {}
        self._words: list[int] = []

    def set_counts(
        self, rows: list[CountRow], documents: list[str], titles: list[str] | None = None,
        words: list[int] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._documents = list(documents)
        self._titles = list(titles) if titles is not None else list(documents)
        self._words = list(words) if words is not None else []
        self._family_order = {}
        for row in rows:
            self._family_order.setdefault(row.family_id, len(self._family_order))
        self.endResetModel()

    # typed access
    def rows(self) -> list[CountRow]:
        return list(self._rows)

    def row(self, row: int) -> CountRow:
        return self._rows[row]

    def documents(self) -> list[str]:
        return list(self._documents)

    def families(self) -> list[tuple[str, str]]:
        """(id, name) of the families shown, in order."""
        seen: dict[str, str] = {}
        for row in self._rows:
            seen.setdefault(row.family_id, row.family)
        return list(seen.items())

    def family_rows(self, family_id: str) -> list[CountRow]:
        return [r for r in self._rows if r.family_id == family_id]

    def rate(self, label_id: str, document: int, family_id: str | None = None) -> float:
        for row in self._rows:
            if row.label_id == label_id and (family_id is None or row.family_id == family_id):
                return row.rates[document]
        raise KeyError(label_id)

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The header and rows as text (for CSV): rates with three decimals, counts beside."""
        header = ["family", "label"]
        for name in self._documents:
            header += [f"{name} per 1000 words", f"{name} count"]
        body = []
        for row in self._rows:
            cells = [row.family, row.label]
            for rate, count in zip(row.rates, row.counts, strict=True):
                cells += [f"{rate:.3f}", str(count)]
            body.append(cells)
        return header, body

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < self.columnCount():
            return None
        document = column - FIXED_COLUMNS
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:  # "Armed groups", its subtitle in the tooltip: room for documents
                return row.family.split(":")[0]
            if column == 1:
                return row.label
            if not row.counts[document]:
                return "–"
            return str(row.counts[document]) if self.raw else f"{row.rates[document]:.2f}"
        if role == self.SortRole:
            order = self._family_order.get(row.family_id, 0)
            if column == 0:
                return (order, index.row())
            if column == 1:
                return (order, row.label.casefold())
            return (order, row.rates[document])
        if role == self.FamilyOrderRole:
            return self._family_order.get(row.family_id, 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIXED_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column >= FIXED_COLUMNS:
                return self.tr("{0}: {1} occurrence(s), {2:.2f} per 1,000 words").format(
                    self._titles[document], row.counts[document], row.rates[document])
            return row.family if column == 0 else (row.note or None)
        return None

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        document = section - FIXED_COLUMNS
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Family")
            if section == 1:
                return self.tr("Label")
            return self._documents[document]
        if role == Qt.ItemDataRole.ToolTipRole and document >= 0:
            words = self._words[document] if document < len(self._words) else None
            extra = self.tr(" ({0} words)").format(words) if words is not None else ""
            return self._titles[document] + extra
        return None


class CountsProxy(QSortFilterProxyModel):
    """Sorts by the model's SortRole: inside each family, whatever the column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(CountsModel.SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:  # Qt override
        a, b = left.data(CountsModel.SortRole), right.data(CountsModel.SortRole)
        if a[0] != b[0]:
            # the family order holds whichever way the column sorts
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return bool((a[0] > b[0]) if descending else (a[0] < b[0]))
        return bool(a[1] < b[1])
