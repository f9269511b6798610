"""File ▸ Corpus…: the built-in texts from the corpus manifest; choose a source and a target."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.corpus.manifest import Corpus, CorpusEntry, load_manifest
from reader.core.errors import ReaderError

AnyIndex = QModelIndex | QPersistentModelIndex

# whether a row's text runs right to left (the delegate lays such titles out RTL)
IS_RTL_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class CorpusModel(QAbstractTableModel):
    """One row per text of the manifest: title, language, role, file."""

    TITLE, LANGUAGE, ROLE, FILE = range(4)

    def __init__(self, corpus: Corpus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._entries: list[CorpusEntry] = list(corpus.texts) if corpus else []
        self._headers = [self.tr("Title"), self.tr("Language"), self.tr("Role"), self.tr("File")]
        self._roles = {
            "original": self.tr("original"),
            "translation": self.tr("translation"),
            "comparable": self.tr("comparable"),
        }

    # typed accessors, so that views and delegates need not dig in data()
    def entry(self, row: int) -> CorpusEntry:
        return self._entries[row]

    def row_of(self, entry_id: str) -> int:
        return next((r for r, e in enumerate(self._entries) if e.id == entry_id), -1)

    def path(self, row: int) -> str:
        entry = self._entries[row]
        return str(self._corpus.path_of(entry)) if self._corpus else entry.file

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt override)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt override)
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override."""
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.TITLE:
                return entry.title
            if column == self.LANGUAGE:
                return entry.language
            if column == self.ROLE:
                if entry.translates:
                    return self.tr("translation of %1").replace("%1", entry.translates)
                return self._roles.get(entry.role, entry.role)
            if column == self.FILE:
                return entry.file
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.title, self.path(index.row())]
            lines += [v for v in (entry.outlet, entry.date, entry.kind, entry.notes) if v]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # leading edge: the right side for an RTL title (the delegate sets the direction)
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        if role == IS_RTL_ROLE:
            return entry.direction == "rtl"
        if role == ENTRY_ID_ROLE:
            return entry.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt override."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Qt override."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DirectionDelegate(QStyledItemDelegate):
    """Lays each cell out in its row's own direction, so an Arabic title reads right to left."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # Qt override
        super().initStyleOption(option, index)
        if index.data(IS_RTL_ROLE) and index.column() == CorpusModel.TITLE:
            option.direction = Qt.LayoutDirection.RightToLeft


class CorpusBrowser(QDialog):
    """Lists the corpus; the source and target start at the manifest's default pair."""

    pair_chosen = Signal(str, str)

    def __init__(
        self,
        parent: QWidget | None = None,
        corpus: Corpus | None = None,
        manifest: str | Path | None = None,
    ) -> None:
        """Show `corpus`, or the one read from `manifest` (by default the built-in one)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Built-in corpus"))
        problem = ""
        if corpus is None:
            try:
                corpus = load_manifest(manifest) if manifest is not None else load_manifest()
            except ReaderError as exc:
                problem = str(exc)
        self.model = CorpusModel(corpus, self)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(DirectionDelegate(self.table))
        self.table.setAccessibleName(self.tr("Corpus texts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CorpusModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (CorpusModel.LANGUAGE, CorpusModel.ROLE, CorpusModel.FILE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.source_box = self._combo(self.tr("Source text"))
        self.target_box = self._combo(self.tr("Target text"))
        self.use_source_button = QPushButton(self.tr("Use as &source"), self)
        self.use_target_button = QPushButton(self.tr("Use as &target"), self)
        self.swap_button = QPushButton(self.tr("S&wap"), self)
        self.problem_label = QLabel(problem, self)
        self.problem_label.setWordWrap(True)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.use_source_button)
        row_buttons.addWidget(self.use_target_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.swap_button)
        form = QFormLayout()
        form.addRow(self.tr("S&ource:"), self.source_box)
        form.addRow(self.tr("T&arget:"), self.target_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.resize(760, 420)

        if corpus is not None and corpus.pairs:
            source, target = corpus.default_pair()
            self.source_box.setCurrentIndex(self.model.row_of(source.id))
            self.target_box.setCurrentIndex(self.model.row_of(target.id))
        self.table.selectRow(max(self.source_box.currentIndex(), 0))

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.use_source_button.clicked.connect(self._on_use_source_clicked)
        self.use_target_button.clicked.connect(self._on_use_target_clicked)
        self.swap_button.clicked.connect(self.swap)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.source_box.currentIndexChanged.connect(self._validate)
        self.target_box.currentIndexChanged.connect(self._validate)
        self._validate()

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setModel(self.model)
        box.setModelColumn(CorpusModel.TITLE)
        box.setAccessibleName(name)
        box.setCurrentIndex(-1)
        return box

    def chosen(self) -> tuple[str, str] | None:
        """(source path, target path), or None until two different texts are chosen."""
        s, t = self.source_box.currentIndex(), self.target_box.currentIndex()
        if s < 0 or t < 0 or s == t:
            return None
        return self.model.path(s), self.model.path(t)

    def choose(self, source_id: str, target_id: str) -> None:
        self.source_box.setCurrentIndex(self.model.row_of(source_id))
        self.target_box.setCurrentIndex(self.model.row_of(target_id))

    @Slot()
    def swap(self) -> None:
        s, t = self.source_box.currentIndex(), self.target_box.currentIndex()
        self.source_box.setCurrentIndex(t)
        self.target_box.setCurrentIndex(s)

    def accept(self) -> None:
        """Qt override: emit the pair, then close."""
        pair = self.chosen()
        if pair is None:
            return
        self.pair_chosen.emit(*pair)
        super().accept()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    @Slot()
    def _validate(self) -> None:
        ok = self.chosen() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)
        if self.model.rowCount() and not ok:
            self.problem_label.setText(self.tr("Choose two different texts."))
        elif ok:
            self.problem_label.setText("")

    @Slot()
    def _on_use_source_clicked(self) -> None:
        if (row := self._selected_row()) >= 0:
            self.source_box.setCurrentIndex(row)

    @Slot()
    def _on_use_target_clicked(self) -> None:
        if (row := self._selected_row()) >= 0:
            self.target_box.setCurrentIndex(row)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        """A translation brings its original along; any other text becomes the target."""
        entry = self.model.entry(index.row())
        if entry.translates and self.model.row_of(entry.translates) >= 0:
            self.choose(entry.translates, entry.id)
            return
        translation = next(
            (
                self.model.entry(r)
                for r in range(self.model.rowCount())
                if self.model.entry(r).translates == entry.id
            ),
            None,
        )
        if translation is not None:
            self.choose(entry.id, translation.id)
        else:
            self.target_box.setCurrentIndex(index.row())
