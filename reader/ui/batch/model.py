"""A batch's summary as a table model, and the proxy that sorts it and filters it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from reader.core.archive.job import PairOutcome
from reader.ui.app.theme import kind_label

OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's PairOutcome
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a column sorts by

# fixed columns; one column per divergence kind found in the batch sits between them
STATUS, ID, PARAGRAPHS, BEADS, DIVERGENCES = range(5)
HEAD = ("Status", "Id", "Paragraphs", "Beads", "Divergences")
TAIL = ("Translation", "Score", "Time (s)", "Error")
VERDICTS = ("translation", "not a translation", "unknown")

Index = QModelIndex | QPersistentModelIndex


def verdict_of(outcome: PairOutcome) -> str:
    """The pair's verdict as the filter names it (one of VERDICTS)."""
    if outcome.is_translation is None:
        return "unknown"
    return "translation" if outcome.is_translation else "not a translation"


class BatchResultsModel(QAbstractTableModel):
    """One row per pair of the batch, in the summary's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PairOutcome] = []
        self._kinds: list[str] = []

    def set_outcomes(self, outcomes: Sequence[PairOutcome]) -> None:
        self.beginResetModel()
        self._rows = list(outcomes)
        self._kinds = sorted({k for o in self._rows for k in o.divergences_by_kind})
        self.endResetModel()

    def outcome(self, row: int) -> PairOutcome:
        """Typed accessor for views."""
        return self._rows[row]

    def kinds(self) -> list[str]:
        """The divergence kinds that have a column, in column order."""
        return list(self._kinds)

    def column_of(self, name: str) -> int:
        """The column of a fixed heading (HEAD, TAIL) or of a divergence kind."""
        names = [*HEAD, *self._kinds, *TAIL]
        return names.index(name)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(HEAD) + len(self._kinds) + len(TAIL)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        outcome, column = self._rows[index.row()], index.column()
        if not 0 <= column < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(outcome, column)
        if role == SORT_ROLE:
            return self._sort_key(outcome, column, index.row())
        if role == OUTCOME_ROLE:
            return outcome
        if role == Qt.ItemDataRole.ToolTipRole:
            if outcome.status == "failed":
                return outcome.error
            return f"{outcome.source}\n{outcome.target}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if outcome.status == "failed":
                return QColor("#C0392B")
            if outcome.status == "skipped" and column == STATUS:
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric(column):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tail(self, column: int) -> int:
        """The place of a column among TAIL (0 Translation … 3 Error), or -1."""
        tail = column - len(HEAD) - len(self._kinds)
        return tail if 0 <= tail < len(TAIL) else -1

    def _numeric(self, column: int) -> bool:
        return column in (PARAGRAPHS, BEADS, DIVERGENCES) or self._tail(column) in (1, 2) or (
            len(HEAD) <= column < len(HEAD) + len(self._kinds))

    def _display(self, o: PairOutcome, column: int) -> str | None:
        tail = self._tail(column)
        if column == STATUS:
            return self.tr(o.status)
        if column == ID:
            return o.id
        if tail == 2:
            return f"{o.seconds:.2f}"
        if tail == 3:
            return o.error or ""
        if o.status == "failed":  # a failed pair has no figures: blank, not zeros
            return ""
        if column == PARAGRAPHS:
            return f"{o.paragraphs[0]} / {o.paragraphs[1]}"
        if column == BEADS:
            return str(o.beads)
        if column == DIVERGENCES:
            return str(o.divergences)
        if tail == 0:
            return {"translation": self.tr("yes"), "not a translation": self.tr("no")}.get(
                verdict_of(o), "—")
        if tail == 1:
            return "—" if o.translation_score is None else f"{o.translation_score:.3f}"
        return str(o.divergences_by_kind.get(self._kinds[column - len(HEAD)], 0))

    def _sort_key(self, o: PairOutcome, column: int, row: int) -> tuple[Any, ...]:
        """Each column sorts by what it means (numbers as numbers); ties keep the summary's
        order. Failed rows, which have no figures, sort below every figure."""
        if column == STATUS:
            return (o.status, row)
        if column == ID:
            return (o.id.casefold(), row)
        missing = o.status == "failed"
        figure: float
        if column == PARAGRAPHS:
            figure = o.paragraphs[0] + o.paragraphs[1]
        elif column == BEADS:
            figure = o.beads
        elif column == DIVERGENCES:
            figure = o.divergences
        elif column < len(HEAD) + len(self._kinds):
            figure = o.divergences_by_kind.get(self._kinds[column - len(HEAD)], 0)
        else:
            tail = self._tail(column)
            if tail == 3:
                return ((o.error or "").casefold(), row)
            if tail == 2:
                return (0, o.seconds, row)
            value = o.translation_score if tail == 1 else (
                None if o.is_translation is None else float(o.is_translation))
            return (1, 0.0, row) if value is None else (0, value, row)
        return (1, 0.0, row) if missing else (0, float(figure), row)

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._rows) else None
        if 0 <= section < len(HEAD):
            return self.tr(HEAD[section])
        if section < len(HEAD) + len(self._kinds):
            return kind_label(self._kinds[section - len(HEAD)])
        tail = section - len(HEAD) - len(self._kinds)
        return self.tr(TAIL[tail]) if 0 <= tail < len(TAIL) else None

    def flags(self, index: Index) -> Qt.ItemFlag:  # Qt override
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class BatchFilterProxy(QSortFilterProxyModel):
    """Shows the pairs of one status and one verdict (None: any); sorts by meaning."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self._verdict: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "_status", status or None))

    def set_verdict(self, verdict: str | None) -> None:
        self._refilter(lambda: setattr(self, "_verdict", verdict or None))

    def _refilter(self, change: Callable[[], object]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def outcome(self, row: int) -> PairOutcome:
        """The pair shown at a row of this proxy."""
        value = self.data(self.index(row, 0), OUTCOME_ROLE)
        assert isinstance(value, PairOutcome)
        return value

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # Qt override
        model = self.sourceModel()
        outcome = model.data(model.index(source_row, 0, source_parent), OUTCOME_ROLE)
        if not isinstance(outcome, PairOutcome):
            return False
        if self._status is not None and outcome.status != self._status:
            return False
        return self._verdict is None or verdict_of(outcome) == self._verdict

    def lessThan(self, left: Index, right: Index) -> bool:  # Qt override
        # the sort keys are Python tuples, which Qt cannot compare itself
        model = self.sourceModel()
        return bool(model.data(left, SORT_ROLE) < model.data(right, SORT_ROLE))
