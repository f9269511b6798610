"""The divergences of a pair as a table model in reading order, with severity and review status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from reader.core.align.beads import Alignment
from reader.core.diverge.labels import severity_label, severity_rank
from reader.core.diverge.records import Divergence
from reader.core.diverge.review import STATUS_ORDER, ReviewState, ReviewStatus
from reader.ui.app.theme import divergence_colour, kind_label

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
DIVERGENCE_ROLE = Qt.ItemDataRole.UserRole + 2
BEAD_ROLE = Qt.ItemDataRole.UserRole + 3
STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # the row's ReviewState
SORT_ROLE = Qt.ItemDataRole.UserRole + 5  # what a column sorts by
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 6  # the severity's rank: 0 the most serious

KIND, SEVERITY, STATUS, WHERE, EXPLANATION = range(5)
COLUMNS = ("Kind", "Severity", "Status", "Where", "Explanation")
# marked for pyside6-lupdate in the model's context, translated where they are shown
STATUS_LABELS: dict[str, str] = {
    ReviewStatus.OPEN: str(QT_TRANSLATE_NOOP("DivergenceModel", "Open")),
    ReviewStatus.CONFIRMED: str(QT_TRANSLATE_NOOP("DivergenceModel", "Confirmed")),
    ReviewStatus.DISMISSED: str(QT_TRANSLATE_NOOP("DivergenceModel", "Dismissed")),
    ReviewStatus.IGNORED: str(QT_TRANSLATE_NOOP("DivergenceModel", "Ignored")),
}
OPEN = ReviewState()

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
        self._order: list[int] = []  # each row's place in the list given to set_divergences
        self._states: list[ReviewState] = []
        self._colour_of = colour_of or divergence_colour

    def set_divergences(self, divergences: list[Divergence], alignment: Alignment) -> None:
        keyed = sorted(
            ((divergence_bead(d, alignment), n, d) for n, d in enumerate(divergences)),
            key=lambda t: (t[0], t[1]),
        )
        self.beginResetModel()
        self._rows = [d for _, _, d in keyed]
        self._beads = [b for b, _, _ in keyed]
        self._order = [n for _, n, _ in keyed]
        self._states = [OPEN] * len(keyed)
        self.endResetModel()

    def set_states(self, states: list[ReviewState]) -> None:
        """The review state of each divergence, in the order set_divergences was given them."""
        if len(states) != len(self._rows):
            raise ValueError(f"{len(states)} states for {len(self._rows)} divergences")
        new = [states[n] for n in self._order]
        changed = [r for r, (a, b) in enumerate(zip(self._states, new, strict=True)) if a != b]
        self._states = new
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(COLUMNS) - 1), []
            )

    def state(self, row: int) -> ReviewState:
        return self._states[row]

    def row_of(self, divergence: Divergence) -> int | None:
        """The row of this very divergence (not an equal one), None if it is not listed."""
        return next((r for r, d in enumerate(self._rows) if d is divergence), None)

    def beads(self) -> list[int]:
        """Each row's bead, in reading order."""
        return list(self._beads)

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
        row, column = index.row(), index.column()
        d, state = self._rows[row], self._states[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(d, state, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{kind_label(d.kind)} ({severity_label(d.severity)}): {d.detail}"
            if state.rule is not None:
                tip += "\n" + self.tr("Ignored everywhere: {0}").format(state.rule.label)
            return tip + (f"\n{self.tr('Comment')}: {state.comment}" if state.comment else "")
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return self._colour_of(str(d.kind))
        if role == Qt.ItemDataRole.ForegroundRole and not state.is_open:
            # reviewed rows recede; the open ones are the work left
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and column == SEVERITY and severity_rank(
            d.severity
        ) == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == STATE_ROLE:
            return state
        if role == SEVERITY_ROLE:
            return severity_rank(d.severity)
        if role == KIND_ROLE:
            return str(d.kind)
        if role == DIVERGENCE_ROLE:
            return d
        if role == BEAD_ROLE:
            return self._beads[index.row()]
        return None

    def _display(self, d: Divergence, state: ReviewState, column: int) -> str | None:
        if column == KIND:
            return kind_label(d.kind)
        if column == SEVERITY:
            return QCoreApplication.translate("Severity", severity_label(d.severity))
        if column == STATUS:
            label = self.tr(STATUS_LABELS.get(state.status, str(state.status)))
            return f"{label} ✎" if state.comment else label
        if column == WHERE:
            return where_label(d)
        if column == EXPLANATION:
            return d.detail
        return None

    def _sort_key(self, row: int, column: int) -> tuple[int | str, int]:
        """Each column sorts by what it means; ties, and Where, keep reading order."""
        d = self._rows[row]
        if column == SEVERITY:
            return (severity_rank(d.severity), row)
        if column == STATUS:
            return (STATUS_ORDER.get(str(self._states[row].status), 99), row)
        if column == KIND:
            return (kind_label(d.kind), row)
        if column == EXPLANATION:
            return (d.detail.casefold(), row)
        return (row, row)

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
    """Shows the divergences whose kind the user left switched on, as serious as asked, and
    only the open ones unless reviewed ones are shown too; sorts by each column's meaning."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hidden: set[str] = set()
        self._max_rank = 99  # severities up to this rank are shown (0: the most serious only)
        self._show_reviewed = True
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_hidden_kinds(self, hidden: set[str]) -> None:
        if hidden != self._hidden:
            self._refilter(lambda: setattr(self, "_hidden", set(hidden)))

    def hidden_kinds(self) -> set[str]:
        return set(self._hidden)

    def set_max_severity_rank(self, rank: int) -> None:
        """Show severities of this rank or more serious (SEVERITY_ORDER; 99: all)."""
        if rank != self._max_rank:
            self._refilter(lambda: setattr(self, "_max_rank", rank))

    def max_severity_rank(self) -> int:
        return self._max_rank

    def set_show_reviewed(self, show: bool) -> None:
        if show != self._show_reviewed:
            self._refilter(lambda: setattr(self, "_show_reviewed", bool(show)))

    def shows_reviewed(self) -> bool:
        return self._show_reviewed

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # Qt override
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if model.data(index, KIND_ROLE) in self._hidden:
            return False
        if model.data(index, SEVERITY_ROLE) > self._max_rank:
            return False
        state = model.data(index, STATE_ROLE)
        return self._show_reviewed or not isinstance(state, ReviewState) or state.is_open

    def lessThan(self, left: Index, right: Index) -> bool:  # Qt override
        # the sort keys are Python tuples, which Qt cannot compare itself
        model = self.sourceModel()
        return bool(model.data(left, SORT_ROLE) < model.data(right, SORT_ROLE))

    def divergence(self, row: int) -> Divergence:
        source = self.mapToSource(self.index(row, 0))
        divergence = self.sourceModel().data(source, DIVERGENCE_ROLE)
        assert isinstance(divergence, Divergence)
        return divergence
