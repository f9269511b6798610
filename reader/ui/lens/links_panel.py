"""Linked passages: two documents (not translations), passages that report the same event."""

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
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.lens.documents import LensDocument
from reader.core.link.output import evidence_summary, excerpt
from reader.core.link.records import PassageLink
from reader.ui.app.fonts import font_for
from reader.ui.reading.utf16 import Utf16Map

Index = QModelIndex | QPersistentModelIndex
SCORE, A_PASSAGE, B_PASSAGE, EVIDENCE = range(4)
EVIDENCE_TINT = QColor(255, 200, 80, 110)
PASSAGE_CHARS = 110


class LinksModel(QAbstractTableModel):
    """A row per PassageLink: the score, each passage's start, the evidence shared."""

    SortRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.links: list[PassageLink] = []
        self.a: LensDocument | None = None
        self.b: LensDocument | None = None

    def set_links(self, a: LensDocument, b: LensDocument, links: Sequence[PassageLink]) -> None:
        self.beginResetModel()
        self.a, self.b, self.links = a, b, list(links)
        self.endResetModel()

    def link(self, row: int) -> PassageLink:
        return self.links[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self.links)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self.links):
            return None
        if self.a is None or self.b is None:
            return None
        link, column = self.links[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            full = role == Qt.ItemDataRole.ToolTipRole
            if column == SCORE:
                return f"{link.score:.2f}"
            if column in (A_PASSAGE, B_PASSAGE):
                doc, p = (self.a, link.a) if column == A_PASSAGE else (self.b, link.b)
                text = doc.text.paragraphs[p].text
                return f"¶{p + 1}  " + (text if full else excerpt(text, PASSAGE_CHARS))
            if column == EVIDENCE:
                return evidence_summary(link, most=20 if full else 6)
        if role == self.SortRole:  # plain numbers: the proxy compares them itself
            return {SCORE: link.score, A_PASSAGE: link.a * 100_000 + link.b,
                    B_PASSAGE: link.b * 100_000 + link.a}.get(column, len(link.evidence))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            shown = {A_PASSAGE: self.a, B_PASSAGE: self.b}.get(column)
            if shown is not None and shown.text.direction == "rtl":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {SCORE: self.tr("Score"), A_PASSAGE: self.tr("Passage in A"),
                B_PASSAGE: self.tr("Passage in B"), EVIDENCE: self.tr("Shared")}.get(section)


class PassageView(QTextEdit):
    """One passage, laid out in its own direction, the evidence it shares tinted."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(name)

    def show_passage(self, title: str, text: str, rtl: bool,
                     spans: Sequence[tuple[int, int]]) -> None:
        self.document().setDefaultFont(font_for("rtl" if rtl else "ltr",
                                                self.font().pointSizeF() * (1.25 if rtl else 1.1)))
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl
                                else Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        self.document().setDefaultTextOption(option)
        self.setPlainText(text)
        self.setToolTip(title)
        umap = Utf16Map(text)
        tint = QTextCharFormat()
        tint.setBackground(EVIDENCE_TINT)
        marks = []
        for start, end in spans:
            if 0 <= start < end <= len(text):
                cursor = QTextCursor(self.document())
                cursor.setPosition(umap.to_utf16(start))
                cursor.setPosition(umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor
                mark.format = tint
                marks.append(mark)
        self.setExtraSelections(marks)


class LinksPanel(QWidget):
    """Pick documents A and B; the window links them in the pool and gives the links here."""

    link_requested = Signal(int, int)  # rows of the collection's documents
    link_selected = Signal(object)  # a PassageLink

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc_a = QComboBox(self)
        self.doc_a.setAccessibleName(self.tr("Document A"))
        self.doc_b = QComboBox(self)
        self.doc_b.setAccessibleName(self.tr("Document B"))
        for combo in (self.doc_a, self.doc_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.link_button = QPushButton(self.tr("&Link Passages"), self)
        self.summary = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(_buddy(self.tr("&A:"), self.doc_a, self))
        bar.addWidget(self.doc_a, 1)
        bar.addWidget(_buddy(self.tr("&B:"), self.doc_b, self))
        bar.addWidget(self.doc_b, 1)
        bar.addWidget(self.link_button)

        self.model = LinksModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(LinksModel.SortRole)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Linked passages"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(SCORE, 60)
        self.table.setColumnWidth(A_PASSAGE, 330)
        self.table.setColumnWidth(B_PASSAGE, 330)

        self.passage_a = PassageView(self.tr("Passage in A"), self)
        self.passage_b = PassageView(self.tr("Passage in B"), self)
        self.counts_table = QTableView(self)
        self.counts_table.setAccessibleName(self.tr("Lens counts of the two passages"))
        self.counts_table.verticalHeader().hide()
        self.counts_table.horizontalHeader().setStretchLastSection(False)
        self.counts_table.setWordWrap(False)
        passages = QSplitter(Qt.Orientation.Horizontal, self)
        passages.addWidget(self.passage_a)
        passages.addWidget(self.passage_b)
        passages.addWidget(self.counts_table)
        passages.setSizes([440, 440, 330])
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(passages)
        splitter.setSizes([220, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)

        self.link_button.clicked.connect(self.request_links)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    def set_documents(self, names: Sequence[str], a: int = 0, b: int = 1) -> None:
        """The collection's documents in both lists (keeping the choice when still there)."""
        for combo, default in ((self.doc_a, a), (self.doc_b, b)):
            chosen = combo.currentText()
            combo.clear()
            combo.addItems(list(names))
            found = combo.findText(chosen) if chosen else -1
            combo.setCurrentIndex(found if found >= 0 else min(default, len(names) - 1))

    @Slot()
    def request_links(self) -> None:
        a, b = self.doc_a.currentIndex(), self.doc_b.currentIndex()
        if a < 0 or b < 0 or a == b:
            self.summary.setText(self.tr("Choose two different documents."))
            return
        self.summary.setText(self.tr("Linking…"))
        self.link_requested.emit(a, b)

    def show_links(self, a: LensDocument, b: LensDocument, links: Sequence[PassageLink]) -> None:
        self.model.set_links(a, b, links)
        self.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        self.summary.setText(self.tr("{0} link(s) between {1} paragraphs of A and {2} of B").format(
            len(links), len(a.text), len(b.text)))
        self.passage_a.clear()
        self.passage_b.clear()
        if links:
            self.table.selectRow(0)

    def current_link(self) -> PassageLink | None:
        index = self.table.currentIndex()
        source = self.proxy.mapToSource(index)
        return self.model.link(source.row()) if source.isValid() else None

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.model.a is None or self.model.b is None:
            return
        link = self.model.link(self.proxy.mapToSource(rows[0]).row())
        a, b = self.model.a, self.model.b
        self.passage_a.show_passage(a.title, a.text.paragraphs[link.a].text,
                                    a.text.direction == "rtl", [e.a_span for e in link.evidence])
        self.passage_b.show_passage(b.title, b.text.paragraphs[link.b].text,
                                    b.text.direction == "rtl", [e.b_span for e in link.evidence])
        self.link_selected.emit(link)


def _buddy(text: str, widget: QWidget, parent: QWidget) -> QLabel:
    """A label whose mnemonic focuses `widget`."""
    label = QLabel(text, parent)
    label.setBuddy(widget)
    return label
