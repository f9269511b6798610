"""The concordance tab: a label, a family or a term; KWIC lines across the collection."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.lens.concord import KwicLine
from reader.core.lens.families import TermFamily
from reader.core.text.document import Text
from reader.ui.lens.concordance_model import (
    DOCUMENT,
    LABEL,
    LINE,
    ConcordanceModel,
    ConcordanceProxy,
    KwicDelegate,
)

# what the query combo's items carry: "family id/label id", or "family id/" for every label
QUERY_ROLE = Qt.ItemDataRole.UserRole + 1


def query_key(family: str, label: str | None) -> str:
    return f"{family}/{label or ''}"
# the sorts offered, as `reader concord --sort` names them
SORTS = (("left", "Left context"), ("right", "Right context"), ("doc", "Document"))


class ConcordancePanel(QWidget):
    """Asks for lines (the window runs the search in the pool) and shows them, sorted."""

    # (family id or None, label id or None, term or None)
    search_requested = Signal(object, object, object)
    line_activated = Signal(object)  # a KwicLine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QComboBox(self)
        self.query.setAccessibleName(self.tr("Label or family"))
        self.query.setMinimumContentsLength(28)
        self.term = QLineEdit(self)
        self.term.setPlaceholderText(self.tr("or type a term (Arabic or English)…"))
        self.term.setAccessibleName(self.tr("Term"))
        self.term.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("&Find"), self)
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort by"))
        for key, text in SORTS:
            self.sort.addItem(self.tr(text), key)
        self.summary = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(_buddy(self.tr("&Lines of:"), self.query, self))
        bar.addWidget(self.query)
        bar.addWidget(self.term, 1)
        bar.addWidget(self.search_button)
        bar.addSpacing(12)
        bar.addWidget(_buddy(self.tr("S&ort by:"), self.sort, self))
        bar.addWidget(self.sort)

        self.model = ConcordanceModel(self)
        self.proxy = ConcordanceProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Concordance"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(LINE, KwicDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().height() * 2.0))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DOCUMENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(DOCUMENT, 170)
        self.table.setColumnWidth(LABEL, 130)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        self.search_button.clicked.connect(self.search)
        self.term.returnPressed.connect(self.search)
        self.query.activated.connect(self._on_query_activated)
        self.sort.currentIndexChanged.connect(self._on_sort_current_index_changed)
        self.table.activated.connect(self._on_table_activated)

    def set_families(self, families: Sequence[TermFamily]) -> None:
        """Fill the query list: each family (all its labels), then its labels, indented."""
        chosen = self.query.currentData(QUERY_ROLE)
        self.query.clear()
        for family in families:
            self.query.addItem(self.tr("{0} (all labels)").format(family.name))
            self.query.setItemData(self.query.count() - 1, query_key(family.id, None), QUERY_ROLE)
            for label in family.labels:
                self.query.addItem("    " + label.name)
                self.query.setItemData(self.query.count() - 1, query_key(family.id, label.id),
                                       QUERY_ROLE)
        found = self.query.findData(chosen, QUERY_ROLE) if chosen else -1
        self.query.setCurrentIndex(max(found, 0))

    def choose(self, family: str, label: str | None = None) -> None:
        """Select a label (or a family) in the query list and search it."""
        found = self.query.findData(query_key(family, label), QUERY_ROLE)
        if found >= 0:
            self.query.setCurrentIndex(found)
            self.term.clear()
            self.search()

    @Slot()
    def search(self) -> None:
        term = self.term.text().strip()
        if term:
            self.search_requested.emit(None, None, term)
            return
        data = self.query.currentData(QUERY_ROLE)
        if isinstance(data, str) and "/" in data:
            family, label = data.split("/", 1)
            self.search_requested.emit(family, label or None, None)

    @Slot(int)
    def _on_query_activated(self, _row: int) -> None:
        self.term.clear()
        self.search()

    def show_lines(self, lines: Sequence[KwicLine], names: dict[str, str],
                   labels: dict[tuple[str, str], str], rtl: dict[str, bool], what: str,
                   texts: dict[str, Text] | None = None) -> None:
        self.model.set_lines(lines, names, labels, rtl, texts)
        self._apply_sort()
        documents = len({ln.document for ln in lines})
        self.summary.setText(self.tr("{0}: {1} line(s) in {2} document(s)").format(
            what, len(lines), documents))
        if lines:
            self.table.selectRow(0)

    def sort_by(self, key: str) -> None:
        found = self.sort.findData(key)
        if found >= 0:
            self.sort.setCurrentIndex(found)

    @Slot(int)
    def _on_sort_current_index_changed(self, _row: int) -> None:
        self._apply_sort()

    def _apply_sort(self) -> None:
        key = self.sort.currentData()
        if key == "doc":
            self.table.sortByColumn(DOCUMENT, Qt.SortOrder.AscendingOrder)
        else:
            self.proxy.set_context(str(key))
            self.table.sortByColumn(LINE, Qt.SortOrder.AscendingOrder)

    def visible_lines(self) -> list[KwicLine]:
        """The lines in the order shown."""
        return [self.model.line(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.line_activated.emit(self.model.line(source.row()))


def _buddy(text: str, widget: QWidget, parent: QWidget) -> QLabel:
    """A label whose mnemonic focuses `widget`."""
    label = QLabel(text, parent)
    label.setBuddy(widget)
    return label
