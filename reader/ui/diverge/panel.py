"""The list of divergences: a legend that doubles as toggles per kind, filters by severity and
review status, the review buttons and the comment of the divergence chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.align.beads import Alignment
from reader.core.diverge.labels import SEVERITY_ORDER, severity_label
from reader.core.diverge.records import Divergence
from reader.core.diverge.review import ReviewState
from reader.ui.app.flow_layout import flow_container
from reader.ui.app.theme import legend
from reader.ui.diverge.model import (
    BEAD_ROLE,
    DIVERGENCE_ROLE,
    KIND,
    SEVERITY,
    STATUS,
    STATUS_LABELS,
    WHERE,
    DivergenceModel,
    KindFilterModel,
)
from reader.ui.diverge.navigation import step

# the severity filter's choices: (label, the least serious rank shown)
SEVERITY_CHOICES = (
    ("All severities", 99),
    *((f"{severity_label(s)} and above" if n else f"{severity_label(s)} only", n)
      for n, s in reversed(list(enumerate(SEVERITY_ORDER[:-1])))),
)


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
    # reviewed divergences shown or not (the strip and gutter follow)
    show_reviewed_changed = Signal(bool)
    # the comment field was edited for a divergence: (the divergence, its new comment)
    comment_edited = Signal(object, str)
    # F8 found nothing to go to: the message to show
    nothing_found = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DivergenceModel(parent=self)
        self.proxy = KindFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_show_reviewed(False)
        # where the reader is, as a bead (set by the window); None: from the selected row
        self.anchor: Callable[[], int] | None = None
        self.toggles: dict[str, QToolButton] = {}
        # a button per kind: wrapped in rows, so that the legend never widens the window
        legend_box, legend_row = flow_container(self)
        legend_row.setContentsMargins(4, 2, 4, 2)
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
        review_row = self._review_row()
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
        for column in (KIND, SEVERITY, WHERE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # wide enough for every status from the start: a verdict must not cut it short
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(STATUS, 24 + max(
            metrics.horizontalAdvance(self.tr(label) + " ✎") for label in STATUS_LABELS.values()
        ))
        header.setStretchLastSection(True)
        # reading order until the reader sorts by a column (Where gives it back)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(WHERE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.clicked.connect(self._on_table_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(legend_box)
        layout.addLayout(review_row)
        layout.addWidget(self.table)

    def _review_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 2)
        row.setSpacing(4)
        self.severity_box = QComboBox(self)
        self.severity_box.setAccessibleName(self.tr("Severity shown"))
        for label, rank in SEVERITY_CHOICES:
            self.severity_box.addItem(self.tr(label), rank)
        self.severity_box.currentIndexChanged.connect(self._on_severity_box_changed)
        # a check box, not a toggle button: its state reads the same in both themes
        self.reviewed_button = QCheckBox(self.tr("Show reviewed"), self)
        self.reviewed_button.setToolTip(self.tr(
            "Show confirmed, dismissed and ignored divergences too, here, in the strip and in "
            "the gutter"))
        self.reviewed_button.toggled.connect(self._on_reviewed_button_toggled)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(0)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Comment on the divergence chosen…"))
        self.comment.setAccessibleName(self.tr("Review comment"))
        self.comment.setClearButtonEnabled(True)
        self.comment.setEnabled(False)
        self._comment_for: Divergence | None = None  # whose comment the field holds
        self.comment.editingFinished.connect(self._on_comment_editing_finished)
        self.open_label = QLabel(self)
        self.open_label.setAccessibleName(self.tr("Open divergences"))
        for widget in (self.severity_box, self.reviewed_button):
            row.addWidget(widget)
        row.addLayout(self.buttons)
        row.addWidget(self.comment, 1)
        row.addWidget(self.open_label)
        return row

    def add_review_actions(self, actions: list[QAction | None]) -> None:
        """A button for each action (None: a gap), beside the filters."""
        for action in actions:
            if action is None:
                self.buttons.addSpacing(8)
                continue
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)

    # review states
    def set_states(self, states: list[ReviewState]) -> None:
        """The state of each divergence, in the order the pair lists them."""
        self.model.set_states(states)
        self._show_comment()
        self._count_open()

    def set_show_reviewed(self, show: bool) -> None:
        self.reviewed_button.setChecked(show)  # toggled: the proxy follows, and the signal

    def shows_reviewed(self) -> bool:
        return self.proxy.shows_reviewed()

    def _count_open(self) -> None:
        rows = range(self.model.rowCount())
        total = sum(1 for r in rows if self.model.state(r).is_open)
        self.open_label.setText(self.tr("{0} open of {1}").format(total, self.model.rowCount()))

    def current_divergence(self) -> tuple[int, Divergence] | None:
        """The divergence chosen in the list: (its row in the model, itself)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return row, self.model.divergence(row)

    def _show_comment(self) -> None:
        """The field shows the chosen divergence's comment; a comment typed for another one
        (then F8, or a click) is kept for that one first."""
        chosen = self.current_divergence()
        divergence = chosen[1] if chosen else None
        if divergence is not self._comment_for:
            self._commit_comment()
            self._comment_for = divergence
        if not self.comment.isModified():
            text = self.model.state(chosen[0]).comment if chosen else ""
            if self.comment.text() != text:
                self.comment.setText(text)
        self.comment.setEnabled(chosen is not None)

    def _commit_comment(self) -> None:
        divergence = self._comment_for
        if divergence is None or not self.comment.isModified():
            return
        self.comment.setModified(False)
        text = self.comment.text().strip()
        row = self.model.row_of(divergence)
        if row is not None and text != self.model.state(row).comment:
            self.comment_edited.emit(divergence, text)

    def set_divergences(self, divergences: list[Divergence], alignment: Alignment) -> None:
        # a comment being typed belongs to the pair that is going: drop it
        self._comment_for = None
        self.comment.setModified(False)
        self.model.set_divergences(divergences, alignment)
        counts = self.model.counts()
        for kind, button in self.toggles.items():
            label = button.property("label")
            button.setText(f"{label} ({counts.get(kind, 0)})")
            button.setEnabled(counts.get(kind, 0) > 0)
        self._count_open()
        self._show_comment()

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

    def select_source_row(self, row: int) -> bool:
        """Choose a row of the model (shown if the filters let it be); False if hidden."""
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.select_row(index.row())
        return True

    def select_next(self) -> None:
        """The next open divergence after where the reader is (F8); wraps round at the end."""
        self._step(forward=True)

    def select_previous(self) -> None:
        """The previous open divergence before where the reader is (Shift+F8)."""
        self._step(forward=False)

    def step_target(
        self, forward: bool, anchor: int | None = None, current: int | None = None
    ) -> int | None:
        """The model row F8 (or Shift+F8) goes to: open rows that the filters show, from the
        bead `anchor` (the window's reading position; default: the chosen row's bead) and the
        row `current` (default: the chosen one)."""
        if current is None:
            chosen = self.current_divergence()
            current = chosen[0] if chosen else None
        beads = self.model.beads()
        if anchor is None:
            anchor = self.anchor() if self.anchor is not None else (
                beads[current] if current is not None else 0)
        shown = {self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                 for r in range(self.proxy.rowCount())}
        candidates = [r in shown and self.model.state(r).is_open for r in range(len(beads))]
        return step(beads, candidates, anchor, current, forward)

    def _step(self, forward: bool) -> None:
        row = self.step_target(forward)
        if row is None:
            self.nothing_found.emit(self.tr("No open divergence is shown"))
            return
        self.select_source_row(row)

    def _emit_for(self, index: QModelIndex) -> None:
        divergence = self.proxy.data(index, DIVERGENCE_ROLE)
        bead = self.proxy.data(index, BEAD_ROLE)
        if divergence is not None:
            self.divergence_activated.emit(divergence, int(bead))

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_comment()
        if current.isValid():
            self._emit_for(current)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._emit_for(index)

    def _on_toggle_toggled(self, _checked: bool) -> None:
        hidden = {kind for kind, button in self.toggles.items() if not button.isChecked()}
        self.proxy.set_hidden_kinds(hidden)
        self.hidden_kinds_changed.emit(hidden)

    def _on_severity_box_changed(self, _index: int) -> None:
        self.proxy.set_max_severity_rank(int(self.severity_box.currentData()))

    def _on_reviewed_button_toggled(self, checked: bool) -> None:
        self.proxy.set_show_reviewed(checked)
        self.show_reviewed_changed.emit(checked)

    def _on_comment_editing_finished(self) -> None:
        self._commit_comment()
