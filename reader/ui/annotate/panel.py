"""The annotation panel: every annotation in a sortable table, with filters; a click jumps to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotate.annotations import Annotation, Status
from reader.core.annotate.codebooks import Codebook
from reader.ui.annotate.model import AnnotationFilterProxy, AnnotationModel, Column


class AnnotationPanel(QWidget):
    """Holds the model and its filter proxy; tells the controller what the user picked."""

    annotation_activated = Signal(object)  # Annotation: jump to it
    edit_requested = Signal(object)  # Annotation
    delete_requested = Signal(object)  # Annotation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationModel(self)
        self.proxy = AnnotationFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.side_box = QComboBox(self)
        self.side_box.setAccessibleName(self.tr("Filter by side"))
        self.side_box.addItem(self.tr("Both sides"), None)
        self.side_box.addItem(self.tr("Source"), "source")
        self.side_box.addItem(self.tr("Target"), "target")
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(self.tr("Filter by tag"))
        # tag labels can be long: a fixed width keeps the text filter roomy
        self.tag_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_box.setMinimumContentsLength(24)
        self.author_box = QComboBox(self)
        self.author_box.setAccessibleName(self.tr("Filter by author"))
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Filter quotes and comments…"))
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self._codebooks: list[Codebook] = []
        self._fill_tags()
        self._fill_authors()

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.SIDE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in (
            (Column.SIDE, 90), (Column.PARAGRAPH, 40), (Column.QUOTE, 300), (Column.TAGS, 220),
            (Column.COMMENT, 280), (Column.AUTHOR, 110), (Column.DATE, 130),
        ):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.COMMENT, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        filters.addWidget(self.side_box)
        filters.addWidget(self.tag_box)
        filters.addWidget(self.author_box)
        filters.addWidget(self.text_edit, 1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.side_box.currentIndexChanged.connect(self._on_filters_changed)
        self.tag_box.currentIndexChanged.connect(self._on_filters_changed)
        self.author_box.currentIndexChanged.connect(self._on_filters_changed)
        self.text_edit.textChanged.connect(self._on_filters_changed)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.dataChanged):
            signal.connect(self._on_model_changed)
        self._on_model_changed()

    # contents
    def set_codebooks(self, codebooks: Sequence[Codebook]) -> None:
        self._codebooks = list(codebooks)
        self.model.set_codebooks({c.id: c for c in codebooks})
        self._fill_tags()

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self.model.set_annotations(annotations)

    def current_annotation(self) -> Annotation | None:
        """The annotation of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.annotation(rows[0].row()) if rows else None

    def select_annotation(self, annotation_id: str) -> bool:
        """Select (and show) the row of an annotation; False if it is filtered out or gone."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def orphans(self) -> list[Annotation]:
        return [a for a in self.model.annotations() if a.status is Status.ORPHAN]

    # filters
    def _fill_tags(self) -> None:
        current = self.tag_box.currentData()
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(self.tr("All tags"), None)
        for codebook in self._codebooks:
            for tag in codebook.tags:
                self.tag_box.addItem(f"{tag.label} ({codebook.name})", f"{codebook.id}:{tag.id}")
                self.tag_box.setItemData(
                    self.tag_box.count() - 1, tag.definition, Qt.ItemDataRole.ToolTipRole
                )
        found = self.tag_box.findData(current)
        self.tag_box.setCurrentIndex(max(found, 0))
        self.tag_box.blockSignals(False)

    def _fill_authors(self) -> None:
        current = self.author_box.currentData()
        authors = sorted({a.author for a in self.model.annotations()}, key=str.casefold)
        self.author_box.blockSignals(True)
        self.author_box.clear()
        self.author_box.addItem(self.tr("All authors"), None)
        for author in authors:
            self.author_box.addItem(author or self.tr("(no name)"), author)
        found = self.author_box.findData(current) if current is not None else 0
        self.author_box.setCurrentIndex(max(found, 0))
        self.author_box.blockSignals(False)
        if current is not None and found < 0:
            self._on_filters_changed()

    def set_filters(
        self,
        *,
        side: str | None = None,
        tag: str | None = None,
        author: str | None = None,
        text: str = "",
    ) -> None:
        """Set every filter at once (through the widgets, so that they show it)."""
        self.side_box.setCurrentIndex(max(self.side_box.findData(side), 0))
        self.tag_box.setCurrentIndex(max(self.tag_box.findData(tag), 0) if tag else 0)
        self.author_box.setCurrentIndex(
            max(self.author_box.findData(author), 0) if author is not None else 0
        )
        self.text_edit.setText(text)

    @Slot()
    def _on_filters_changed(self) -> None:
        self.proxy.set_side(self.side_box.currentData())
        self.proxy.set_tag(self.tag_box.currentData())
        self.proxy.set_author(self.author_box.currentData())
        self.proxy.set_text(self.text_edit.text())
        self._show_count()

    @Slot()
    def _on_model_changed(self) -> None:
        self._fill_authors()
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        orphans = len(self.orphans())
        text = self.tr("{0} of {1}").format(shown, total) if shown != total else str(total)
        if orphans:
            text += self.tr(" · {0} orphaned").format(orphans)
        self.count_label.setText(text)

    # slots
    @Slot(QModelIndex)
    def _on_table_clicked(self, index: QModelIndex) -> None:
        record = self.proxy.annotation(index.row())
        if record is not None:
            self.annotation_activated.emit(record)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        record = self.proxy.annotation(index.row())
        if record is not None:
            self.edit_requested.emit(record)

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        record = self.proxy.annotation(index.row()) if index.isValid() else None
        if record is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Go to Annotation"), lambda: self.annotation_activated.emit(record))
        menu.addAction(self.tr("Edit Annotation…"), lambda: self.edit_requested.emit(record))
        menu.addAction(self.tr("Delete Annotation"), lambda: self.delete_requested.emit(record))
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
