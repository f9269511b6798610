"""The agreement view: κ and α per tag and overall for the annotators chosen, in a table."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotate.agreement import Agreement, TagAgreement, agreement, annotators_of
from reader.core.annotate.annotations import TagRef
from reader.core.annotators.output import share_text, statistic_text
from reader.core.errors import ReaderError
from reader.core.store.workspace import Workspace
from reader.ui.app.workers import Control, Job, describe_error

Index = QModelIndex | QPersistentModelIndex
Labeller = Callable[[TagRef], str]


class AgreementModel(QAbstractTableModel):
    """One row per tag, then the overall row: counts per annotator, observed, κ (two), α."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: Agreement | None = None
        self._label: Labeller = str

    def set_report(self, report: Agreement | None, label: Labeller = str) -> None:
        self.beginResetModel()
        self._report, self._label = report, label
        self.endResetModel()

    @property
    def report(self) -> Agreement | None:
        return self._report

    def row(self, row: int) -> TagAgreement | None:
        """The statistics of a row (the typed accessor beside data())."""
        rows = self._report.rows if self._report is not None else ()
        return rows[row] if 0 <= row < len(rows) else None

    def _columns(self) -> list[str]:
        if self._report is None:
            return []
        names = [n or self.tr("(no name)") for n in self._report.annotators]
        kappa = [self.tr("Cohen's κ")] if len(names) == 2 else []
        return [self.tr("Tag"), *names, self.tr("Observed"), *kappa, self.tr("Krippendorff's α")]

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() or self._report is None else len(self._report.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._columns())

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        columns = self._columns()
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(columns)):
            return columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or index.parent().isValid():
            return None
        stats = self.row(index.row())
        report = self._report
        if stats is None or report is None or not 0 <= index.column() < self.columnCount():
            return None
        column, m = index.column(), len(report.annotators)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.tr("All tags") if stats.tag is None else self._label(stats.tag)
            if column <= m:
                k = column - 1
                return self.tr("{0} ({1} units)").format(stats.annotations[k], stats.units[k])
            if column == m + 1:
                return share_text(stats.observed)
            return statistic_text(stats.kappa if m == 2 and column == m + 2 else stats.alpha)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and stats.tag is not None:
            return str(stats.tag)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and stats.tag is None:
            font = QFont()
            font.setBold(True)
            return font
        return None


class AgreementDialog(QDialog):
    """Choose annotators and units; the statistics are computed in the thread pool."""

    def __init__(
        self, workspace: Workspace, labels: Mapping[TagRef, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.workspace = workspace
        self._labels = dict(labels or {})
        self.model = AgreementModel(self)
        self.job: Job | None = None
        self._generation = 0

        self.annotator_list = QListWidget(self)
        self.annotator_list.setAccessibleName(self.tr("Annotators to compare"))
        self.annotator_list.setMaximumWidth(200)
        for name in annotators_of(workspace.annotations()):
            item = QListWidgetItem(name or self.tr("(no name)"), self.annotator_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.unit_box = QComboBox(self)
        self.unit_box.setAccessibleName(self.tr("Units"))
        self.unit_box.addItem(self.tr("Characters"), "char")
        self.unit_box.addItem(self.tr("Words"), "token")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        note = QLabel(self.tr(
            "Each paragraph is cut into units; an annotator codes a unit with a tag when one of "
            "their spans with that tag covers it (overall: the set of tags over it). κ is "
            "Cohen's, for two annotators; α is Krippendorff's nominal alpha. n/a: every unit "
            "got the same code. The curation layer and orphans are left out."), self)
        note.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Annotators:"), self))
        left.addWidget(self.annotator_list, 1)
        left.addWidget(QLabel(self.tr("Units:"), self))
        left.addWidget(self.unit_box)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        right.addWidget(note)
        row = QHBoxLayout(self)
        row.addLayout(left)
        row.addLayout(right, 1)
        self.resize(900, 420)

        self.annotator_list.itemChanged.connect(self.refresh)
        self.unit_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def chosen(self) -> list[str]:
        items = [self.annotator_list.item(i) for i in range(self.annotator_list.count())]
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items
                if i.checkState() == Qt.CheckState.Checked]

    @Slot()
    def refresh(self) -> Job | None:
        """Compute again for the current choice; a result that arrives late is dropped."""
        self._generation += 1
        generation, names = self._generation, self.chosen()
        unit, workspace = str(self.unit_box.currentData()), self.workspace
        if len(names) < 2:
            self.model.set_report(None)
            self.summary.setText(self.tr("Choose two or more annotators (import their files "
                                         "with File ▸ Import Annotators' Files…)."))
            return None
        self.summary.setText(self.tr("Computing…"))

        def work(_control: Control) -> Agreement:
            texts = {s: workspace.text(s) for s in ("source", "target")}
            return agreement(workspace.annotations(), texts, names, unit)

        job = Job(work, self)
        job.done.connect(lambda report: self._on_job_done(generation, report))
        job.failed.connect(lambda exc: self._on_job_failed(generation, exc))
        self.job = job
        job.start()
        return job

    def _on_job_done(self, generation: int, report: object) -> None:
        if generation != self._generation or not isinstance(report, Agreement):
            return
        self.model.set_report(report, lambda t: self._labels.get(t, t.tag))
        units = self.tr("characters") if report.unit == "char" else self.tr("words")
        self.summary.setText(self.tr("{0} annotators over {1} {2} of both texts.").format(
            len(report.annotators), report.n_units, units))

    def _on_job_failed(self, generation: int, exc: object) -> None:
        if generation != self._generation:
            return
        self.model.set_report(None)
        message = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
        if not isinstance(exc, ReaderError):
            message = self.tr("The agreement could not be computed: {0}").format(message)
        self.summary.setText(message)
