"""The results of a `reader batch` run: its summary as a table; a pair opens in the window."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.archive.inputs import is_url
from reader.core.archive.job import STATUSES, PairOutcome
from reader.core.archive.summary import pair_paths
from reader.ui.batch.model import VERDICTS, BatchFilterProxy, BatchResultsModel


def pair_files(outcome: PairOutcome, outdir: Path) -> tuple[Path, Path] | str:
    """The pair's two files as this computer finds them, or why they cannot be opened. A
    relative path is taken from the folder the batch ran in (`pair_paths`), or else, for a
    batch moved with its archive, from OUTDIR's folder or OUTDIR."""
    found: list[Path] = []
    for given, placed in zip((outcome.source, outcome.target), pair_paths(outcome, outdir),
                             strict=True):
        if is_url(given):
            return f"{given}: is a URL; the window opens files on this computer"
        candidates = [Path(placed)]
        if not Path(given).is_absolute():
            candidates += [outdir.parent / given, outdir / given]
        hit = next((c for c in candidates if c.is_file()), None)
        if hit is None:
            return f"{placed}: no such file"
        found.append(hit)
    return found[0], found[1]


class BatchResultsDialog(QDialog):
    """The summary table of one batch, filtered by status and verdict; Enter or a double
    click on a row asks for that pair (`pair_chosen`)."""

    pair_chosen = Signal(str, str)  # source, target
    open_refused = Signal(str)  # the message shown when a pair's files cannot be opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch Results"))
        self.outdir = Path()
        self.model = BatchResultsModel(self)
        self.proxy = BatchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel(self)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(self.tr(status), status)
        self.verdict_filter = QComboBox(self)
        self.verdict_filter.setAccessibleName(self.tr("Verdict"))
        self.verdict_filter.addItem(self.tr("All verdicts"), None)
        for verdict in VERDICTS:
            self.verdict_filter.addItem(self.tr(verdict), verdict)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.verdict_filter.currentIndexChanged.connect(self._on_verdict_filter_changed)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the summary's order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # activated: a double click, or Enter on the current row
        self.table.activated.connect(self._on_table_activated)
        # the current pair's files, and a failed pair's error, in full below the table: the
        # Error column sits past the divergence kinds, often out of sight
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("The pair"))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.verdict_filter)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Double click or Enter opens a pair"), self))
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        self.resize(1100, 560)

    def set_results(self, outcomes: Sequence[PairOutcome], outdir: Path) -> None:
        self.outdir = Path(outdir)
        self.model.set_outcomes(outcomes)
        counts = Counter(o.status for o in outcomes)
        parts = ", ".join(f"{counts[s]} {self.tr(s)}" for s in STATUSES if counts[s])
        self.heading.setText(self.tr("{0}: {1} pairs ({2})").format(
            str(self.outdir), len(outcomes), parts or self.tr("none")))
        self.table.resizeColumnsToContents()
        self._verdict_beside_the_id()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

    def _verdict_beside_the_id(self) -> None:
        """The verdict and its score shown right after the id (the model keeps them last): a
        pair that is not a translation is what a reader looks for first, and its divergence
        counts mean nothing; the per-kind columns run off to the right."""
        header = self.table.horizontalHeader()
        for place, name in enumerate(("Translation", "Score"), start=2):
            header.moveSection(header.visualIndex(self.model.column_of(name)), place)

    def open_row(self, row: int) -> bool:
        """Ask for the pair shown at `row` (of the filtered, sorted table); False, with a
        message, when its files are not there."""
        outcome = self.proxy.outcome(row)
        files = pair_files(outcome, self.outdir)
        if isinstance(files, str):
            message = self.tr("The pair {0} cannot be opened: {1}").format(outcome.id, files)
            self.open_refused.emit(message)
            QMessageBox.warning(self, self.tr("Cannot open the pair"), message)
            return False
        self.pair_chosen.emit(str(files[0]), str(files[1]))
        return True

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def _on_table_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        outcome = self.proxy.outcome(current.row())
        lines = [f"{outcome.id}: {outcome.source}  ↔  {outcome.target}"]
        if outcome.error:
            lines.append(self.tr("Failed: {0}").format(outcome.error))
        self.detail.setText("\n".join(lines))
        self.detail.setStyleSheet("color: #C0392B" if outcome.status == "failed" else "")

    def _on_status_filter_changed(self, _: int) -> None:
        self.proxy.set_status(self.status_filter.currentData())

    def _on_verdict_filter_changed(self, _: int) -> None:
        self.proxy.set_verdict(self.verdict_filter.currentData())
