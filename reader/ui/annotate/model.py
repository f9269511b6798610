"""The annotation table: a model over a workspace's annotations and a proxy that filters them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.annotate.annotations import Annotation, Status, filter_annotations, sort_key
from reader.core.annotate.codebooks import Codebook, tag_label

# the record of a row, for views and delegates (see AnnotationModel.annotation for a typed one)
AnnotationRole = Qt.ItemDataRole.UserRole + 1
# what a column sorts by: numbers and ISO dates, not their display text
SortRole = Qt.ItemDataRole.UserRole + 2
QUOTE_CHARS = 80

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SIDE = 0
    PARAGRAPH = 1
    QUOTE = 2
    TAGS = 3
    COMMENT = 4
    AUTHOR = 5
    DATE = 6


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class AnnotationModel(QAbstractTableModel):
    """One row per annotation, in text order; orphans stay listed (their side says so)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._codebooks: dict[str, Codebook] = {}
        self._headers = {
            Column.SIDE: self.tr("Side"),
            Column.PARAGRAPH: self.tr("¶"),
            Column.QUOTE: self.tr("Quote"),
            Column.TAGS: self.tr("Tags"),
            Column.COMMENT: self.tr("Comment"),
            Column.AUTHOR: self.tr("Author"),
            Column.DATE: self.tr("Date"),
        }

    # contents
    def set_codebooks(self, codebooks: Mapping[str, Codebook]) -> None:
        self._codebooks = dict(codebooks)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.TAGS), self.index(len(self._rows) - 1, Column.TAGS),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        self.beginResetModel()
        self._rows = sorted(annotations, key=sort_key)
        self.endResetModel()

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def annotation(self, row: int) -> Annotation | None:
        """The record of a row (the typed accessor beside data())."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, annotation_id: str) -> int:
        """The row of an annotation id, or -1."""
        for row, a in enumerate(self._rows):
            if a.id == annotation_id:
                return row
        return -1

    def put(self, record: Annotation) -> None:
        """Add a record, or replace the one with its id (moving it if its place changed)."""
        row = self.row_of(record.id)
        if row >= 0:
            old = self._rows[row]
            if sort_key(old) == sort_key(record):
                self._rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
                return
            self.remove(record.id)
        key = sort_key(record)
        at = next((i for i, a in enumerate(self._rows) if sort_key(a) > key), len(self._rows))
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, record)
        self.endInsertRows()

    def remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def tag_text(self, record: Annotation) -> str:
        return ", ".join(tag_label(self._codebooks, t.codebook, t.tag) for t in record.tags)

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(Column)

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return self._headers[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or index.parent().isValid():
            return None
        record = self.annotation(index.row())
        if record is None or not 0 <= index.column() < len(Column):
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SortRole:
            return self._sort_value(record, column)
        if role == AnnotationRole:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole and record.status is Status.ORPHAN:
            return _muted()
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.QUOTE:
            # each quote reads in its own direction, whatever the interface's
            rtl = record.side == "source" and _has_rtl(record.quote)
            leading = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            return int(leading | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: Annotation, column: Column) -> str:
        if column is Column.SIDE:
            side = self.tr("Source") if record.side == "source" else self.tr("Target")
            if record.link is not None:
                side += " ↔"
            return side + (self.tr(" (orphan)") if record.status is Status.ORPHAN else "")
        if column is Column.PARAGRAPH:
            return str(record.paragraph + 1)
        if column is Column.QUOTE:
            return _one_line(record.quote, QUOTE_CHARS)
        if column is Column.TAGS:
            return self.tag_text(record)
        if column is Column.COMMENT:
            return _one_line(record.comment, QUOTE_CHARS)
        if column is Column.AUTHOR:
            return record.author
        return (record.modified or record.created)[:16].replace("T", " ")

    @staticmethod
    def _sort_value(record: Annotation, column: Column) -> object:
        if column in (Column.SIDE, Column.PARAGRAPH):
            return sort_key(record)[0] * 10**9 + record.abs_start
        if column is Column.DATE:
            return record.modified or record.created
        if column is Column.QUOTE:
            return record.quote.casefold()
        if column is Column.COMMENT:
            return record.comment.casefold()
        if column is Column.AUTHOR:
            return record.author.casefold()
        return ""  # tags: by display text, set below

    def _tooltip(self, record: Annotation, column: Column) -> str:
        parts = [record.quote]
        if record.link is not None:
            parts.append("↔ " + record.link.quote)
        if record.tags:
            parts.append(self.tag_text(record))
        if record.comment:
            parts.append(record.comment)
        if record.status is Status.ORPHAN:
            parts.append(self.tr("Orphan: this quote is no longer found in the text."))
        return "\n".join(parts)


def _has_rtl(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc" for c in text)


def _muted() -> QColor:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.palette().color(QPalette.ColorRole.PlaceholderText)
    return QColor("gray")


class AnnotationFilterProxy(QSortFilterProxyModel):
    """Filters by tag, author, side and free text (quote and comment), and sorts by column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._side: str | None = None
        self._tag: str | None = None
        self._author: str | None = None
        self._text: str | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_side(self, side: str | None) -> None:
        self._refilter(lambda: setattr(self, "_side", side or None))

    def set_tag(self, tag: str | None) -> None:
        """'codebook:tag', or a bare tag id matching any codebook; None for all."""
        self._refilter(lambda: setattr(self, "_tag", tag or None))

    def set_author(self, author: str | None) -> None:
        self._refilter(lambda: setattr(self, "_author", author))

    def set_text(self, text: str | None) -> None:
        needle = text.strip() if text and text.strip() else None
        self._refilter(lambda: setattr(self, "_text", needle))

    def _refilter(self, change: Callable[[], object]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def annotation(self, row: int) -> Annotation | None:
        """The record shown at a row of this proxy."""
        source = self.mapToSource(self.index(row, 0))
        model = self.sourceModel()
        if not source.isValid() or not isinstance(model, AnnotationModel):
            return None
        return model.annotation(source.row())

    # Qt overrides
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # Qt override
        model = self.sourceModel()
        if not isinstance(model, AnnotationModel):
            return True
        record = model.annotation(source_row)
        if record is None:
            return False
        return bool(
            filter_annotations(
                [record], side=self._side, tag=self._tag, author=self._author, text=self._text
            )
        )

    def lessThan(self, left: Index, right: Index) -> bool:  # Qt override
        model = self.sourceModel()
        if isinstance(model, AnnotationModel) and left.column() == Column.TAGS:
            a, b = model.annotation(left.row()), model.annotation(right.row())
            if a is not None and b is not None:
                return model.tag_text(a).casefold() < model.tag_text(b).casefold()
        return bool(super().lessThan(left, right))
