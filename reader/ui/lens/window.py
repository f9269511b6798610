"""The Framing Lens window: a collection's counts and chart, its concordance, linked passages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.files import write_output
from reader.core.lens.concord import KwicLine
from reader.core.lens.families import FamilyError, TermFamily, load_families
from reader.core.lens.output import counts_csv
from reader.core.link.records import PassageLink
from reader.ui.app.settings import APPLICATION, Settings
from reader.ui.app.workers import Control, Job, ProgressPanel, describe_error
from reader.ui.lens import work
from reader.ui.lens.actions import LensActions
from reader.ui.lens.chart import ChartData, FamilyChart
from reader.ui.lens.collection import CollectionModel
from reader.ui.lens.concordance_panel import ConcordancePanel
from reader.ui.lens.counts_model import CountsModel, CountsProxy
from reader.ui.lens.family_dialog import FamilyDialog
from reader.ui.lens.links_panel import LinksPanel
from reader.ui.lens.reading_view import ReadingView

# told (path, paragraph, start, end) of a spot to show; True when it showed it (the open pair)
GoTo = Callable[[Path, int, int, int], bool]
COUNTS_TAB, CONCORDANCE_TAB, LINKS_TAB = range(3)


class LensWindow(QMainWindow):
    """Works on a collection (CollectionModel); every count, search and link runs in the pool."""

    counted = Signal()  # the collection was read and counted
    lines_shown = Signal()  # a concordance search ended
    links_shown = Signal()  # a linking ended

    def __init__(self, settings: Settings, go_to: GoTo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Framing Lens — {0}").format(APPLICATION))
        self.setAcceptDrops(True)
        self.settings = settings
        self.go_to = go_to
        self.families: list[TermFamily] = []
        self.result: work.CollectionCounts | None = None
        self.reading_views: list[ReadingView] = []
        self.family_dialog: FamilyDialog | None = None
        self.jobs: dict[str, Job] = {}

        self.collection = CollectionModel(settings, self)
        self.collection_view = QListView(self)
        self.collection_view.setAccessibleName(self.tr("Collection"))
        self.collection_view.setModel(self.collection)
        self.collection_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.collection_dock = QDockWidget(self.tr("Collection"), self)
        self.collection_dock.setObjectName("lens-collection")
        self.collection_dock.setWidget(self.collection_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.collection_dock)
        self.resizeDocks([self.collection_dock], [250], Qt.Orientation.Horizontal)

        self.counts = CountsModel(self)
        self.counts_proxy = CountsProxy(self)
        self.counts_proxy.setSourceModel(self.counts)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Counts per 1,000 words"))
        self.table.setModel(self.counts_proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(118)
        self.family_combo = QComboBox(self)
        self.family_combo.setAccessibleName(self.tr("Family charted"))
        self.family_combo.setMinimumContentsLength(36)
        self.chart = FamilyChart(self)
        self.chart.setAccessibleName(self.tr("Chart"))
        chart_box = QWidget(self)
        chart_column = QVBoxLayout(chart_box)
        chart_column.setContentsMargins(0, 0, 0, 0)
        chart_bar = QHBoxLayout()
        chart_bar.addWidget(_buddy(self.tr("C&hart of:"), self.family_combo, self))
        chart_bar.addWidget(self.family_combo)
        chart_bar.addStretch(1)
        chart_column.addLayout(chart_bar)
        chart_column.addWidget(self.chart, 1)
        counts_tab = QSplitter(Qt.Orientation.Vertical, self)
        counts_tab.addWidget(self.table)
        counts_tab.addWidget(chart_box)
        counts_tab.setSizes([300, 420])

        self.concordance = ConcordancePanel(self)
        self.links = LinksPanel(self)
        self.passage_counts = CountsModel(self, raw=True)
        self.links.counts_table.setModel(self.passage_counts)
        self.links.counts_table.setColumnHidden(0, True)  # the label says it; room for A and B
        self.tabs = QTabWidget(self)
        self.tabs.addTab(counts_tab, self.tr("&Counts"))
        self.tabs.addTab(self.concordance, self.tr("C&oncordance"))
        self.tabs.addTab(self.links, self.tr("&Linked Passages"))
        self.setCentralWidget(self.tabs)
        self.status = QLabel(self)
        self.progress = ProgressPanel(self)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.acts = LensActions(self)  # the menus and their shortcuts

        self.family_combo.currentIndexChanged.connect(self._on_family_combo_current_index_changed)
        self.table.doubleClicked.connect(lambda _i: self.concord_current_label())
        self.concordance.search_requested.connect(self.find_lines)
        self.concordance.line_activated.connect(self.open_line)
        self.links.link_requested.connect(self.link_documents)
        self.links.link_selected.connect(self._on_links_link_selected)
        for signal in (self.collection.rowsInserted, self.collection.rowsRemoved,
                       self.collection.modelReset):
            signal.connect(self._on_collection_changed)
        self.resize(1280, 860)
        self.load_families()
        self.recount()

    # the collection
    def add_files(self, paths: list[str | Path] | None = None) -> int:
        if paths is None:
            chosen, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Add Files to the Collection"), str(Path.home()),
                self.tr("Text files (*.txt *.md);;All files (*)"))
            paths = list(chosen)
        added = self.collection.add_files(list(paths))
        if paths and not added:
            self.status.setText(self.tr("Already in the collection (or not a file)."))
        return len(added)

    def remove_selected(self) -> None:
        rows = [i.row() for i in self.collection_view.selectionModel().selectedRows()]
        if rows:
            self.collection.remove_rows(rows)

    def reset_collection(self) -> None:
        self.collection.reset_to_corpus()

    @Slot()
    def _on_collection_changed(self, *_args: object) -> None:
        self.recount()

    # families
    def load_families(self) -> None:
        errors: list[FamilyError] = []
        self.families = load_families(errors=errors)
        if errors:
            self.status.setText("; ".join(str(e) for e in errors))
        self.concordance.set_families(self.families)

    def edit_families(self) -> FamilyDialog:
        if self.family_dialog is None:
            self.family_dialog = FamilyDialog(parent=self)
            self.family_dialog.families_changed.connect(self._on_family_dialog_families_changed)
        if self.family_dialog.isVisible():
            self.family_dialog.raise_()  # already open behind: brought forward
            self.family_dialog.activateWindow()
        else:
            self.family_dialog.show()
        return self.family_dialog

    @Slot()
    def _on_family_dialog_families_changed(self) -> None:
        self.load_families()
        self.recount()

    # counting (in the pool)
    def _start(self, name: str, fn: Callable[[Control], object], done: Callable[[object], None],
               label: str) -> Job:
        old = self.jobs.pop(name, None)
        if old is not None:
            old.cancel()
            old.done.disconnect()
        job = Job(fn, self)
        job.done.connect(done)
        job.failed.connect(self._on_job_failed)
        self.jobs[name] = job
        self.status.setText(label)
        job.start()
        return job

    @Slot()
    def recount(self) -> Job:
        documents, families = self.collection.documents(), list(self.families)
        self.acts.recount.setEnabled(False)
        return self._start(
            "count",
            lambda c: work.read_collection(documents, families, c.report, c.is_cancelled),
            self._on_counted, self.tr("Counting {0} document(s)…").format(len(documents)))

    def _on_counted(self, result: object) -> None:
        assert isinstance(result, work.CollectionCounts)
        self.result = result
        self.acts.recount.setEnabled(True)
        heads = [d.short for d in result.sources]
        self.counts.set_counts(work.count_rows(result.counts), heads,
                               [d.title for d in result.sources],
                               [result.counts.words[d.id] for d in result.documents])
        self.table.resizeColumnsToContents()  # the outlets' names in full
        chosen = self.family_combo.currentData()
        self.family_combo.blockSignals(True)
        self.family_combo.clear()
        for family_id, name in self.counts.families():
            self.family_combo.addItem(name, family_id)
        found = self.family_combo.findData(chosen)
        self.family_combo.setCurrentIndex(max(found, 0))
        self.family_combo.blockSignals(False)
        self.show_chart()
        self.links.set_documents(heads, 0, min(len(heads) - 1, 4))
        words = sum(result.counts.words.values())
        message = self.tr("{0} document(s), {1} words, {2} occurrence(s)").format(
            len(result.documents), words, len(result.counts.occurrences))
        if result.problems:
            message += " — " + self.tr("left out: ") + "; ".join(result.problems)
        self.status.setText(message)
        self.counted.emit()

    def show_chart(self) -> None:
        family_id = self.family_combo.currentData()
        rows = self.counts.family_rows(family_id) if family_id else []
        if not rows:
            self.chart.set_data(None)
            return
        documents = self.counts.documents()
        values = [[row.rates[d] for row in rows] for d in range(len(documents))]
        # each label with its first Arabic form beneath: the chart compares both languages
        arabic = {(f.id, lab.id): lab.forms_ar[0] for f in self.families for lab in f.labels
                  if lab.forms_ar}
        labels = [(r.label, arabic.get((r.family_id, r.label_id))) for r in rows]
        self.chart.set_data(ChartData(rows[0].family, labels, documents, values))

    @Slot(int)
    def _on_family_combo_current_index_changed(self, _row: int) -> None:
        self.show_chart()

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.acts.recount.setEnabled(True)
        self.status.setText(describe_error(exc))

    # exports
    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        start = str(Path.home() / f"framing-lens.{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        return Path(chosen) if chosen else None

    def export_csv(self, path: str | Path | None = None) -> Path | None:
        """The counts as CSV (reader lens --format csv writes the same)."""
        if self.result is None:
            return None
        target = Path(path) if path else self._ask_path(self.tr("Export Counts"), "csv",
                                                          self.tr("CSV (*.csv)"))
        if target is None:
            return None
        try:
            inputs = [d.path for d in self.result.sources]
            write_output(target, counts_csv(self.result.counts).encode("utf-8"), inputs)
        except ReaderError as exc:
            QMessageBox.critical(self, self.tr("Cannot export the counts"), str(exc))
            return None
        self.status.setText(self.tr("Exported to {0}").format(target))
        return target

    def export_chart(self, kind: str, path: str | Path | None = None) -> Path | None:
        target = Path(path) if path else self._ask_path(
            self.tr("Export Chart"), kind, "PNG (*.png)" if kind == "png" else "SVG (*.svg)")
        if target is None:
            return None
        try:
            written = self.chart.save_png(target) if kind == "png" else self.chart.save_svg(target)
        except ReaderError as exc:
            QMessageBox.critical(self, self.tr("Cannot export the chart"), str(exc))
            return None
        self.status.setText(self.tr("Exported to {0}").format(written))
        return written

    # the concordance (in the pool)
    def concord_current_label(self) -> None:
        index = self.counts_proxy.mapToSource(self.table.currentIndex())
        if index.isValid():
            row = self.counts.row(index.row())
            self.tabs.setCurrentIndex(CONCORDANCE_TAB)
            self.concordance.choose(row.family_id, row.label_id)

    @Slot(object, object, object)
    def find_lines(self, family: object, label: object, term: object) -> Job | None:
        if self.result is None:
            return None
        documents, families = list(self.result.documents), list(self.families)
        what = str(term) if term else self.concordance.query.currentText().strip()

        def done(lines: object) -> None:
            self._on_lines(lines, what)

        return self._start("concord", lambda _c: work.find_lines(
            documents, families, family=family if isinstance(family, str) else None,
            label=label if isinstance(label, str) else None,
            term=term if isinstance(term, str) else None), done, self.tr("Searching…"))

    def _on_lines(self, lines: object, what: str) -> None:
        assert isinstance(lines, list) and self.result is not None
        names = {d.id: s.short for d, s in zip(self.result.documents, self.result.sources,
                                               strict=True)}
        rtl = {d.id: d.text.direction == "rtl" for d in self.result.documents}
        labels = {(f.id, lab.id): lab.name for f in self.families for lab in f.labels}
        texts = {d.id: d.text for d in self.result.documents}
        self.concordance.show_lines(lines, names, labels, rtl, what, texts)
        self.status.setText(self.concordance.summary.text())
        self.lines_shown.emit()

    def open_line(self, line: object) -> ReadingView | None:
        """Show a line's match in its document: in the main window when it shows that
        document, else in a reading view of its own."""
        assert isinstance(line, KwicLine) and self.result is not None
        row = next(i for i, d in enumerate(self.result.documents) if d.id == line.document)
        return self.open_at(row, line.paragraph, line.start, line.end)

    def open_at(self, row: int, paragraph: int, start: int, end: int) -> ReadingView | None:
        assert self.result is not None
        source, document = self.result.sources[row], self.result.documents[row]
        if self.go_to is not None and self.go_to(source.path, paragraph, start, end):
            return None
        view = ReadingView(document.text, f"{source.short} — {source.title}", self.settings)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda _o=None, v=view: self._forget_view(v))
        self.reading_views.append(view)
        view.show()
        view.show_at(paragraph, start, end)
        return view

    def _forget_view(self, view: ReadingView) -> None:
        if view in self.reading_views:
            self.reading_views.remove(view)

    # linked passages (in the pool)
    @Slot(int, int)
    def link_documents(self, a: int, b: int) -> Job | None:
        if self.result is None:
            return None
        doc_a, doc_b = self.result.documents[a], self.result.documents[b]

        def done(links: object) -> None:
            assert isinstance(links, list)
            self.links.show_links(doc_a, doc_b, links)
            self.status.setText(self.links.summary.text())
            self.links_shown.emit()

        return self._start("link", lambda _c: work.link(doc_a, doc_b), done,
                           self.tr("Linking {0} and {1}…").format(doc_a.id, doc_b.id))

    @Slot(object)
    def _on_links_link_selected(self, link: object) -> None:
        assert isinstance(link, PassageLink)
        a, b = self.links.model.a, self.links.model.b
        if a is None or b is None:
            return
        counts = work.passage_counts(a, link.a, b, link.b, self.families)
        model = self.passage_counts
        model.set_counts(work.count_rows(counts), [self.tr("A ¶{0}").format(link.a + 1),
                                                   self.tr("B ¶{0}").format(link.b + 1)])
        # only the labels either passage uses: a glance, not the whole lens
        for r, row in enumerate(model.rows()):
            self.links.counts_table.setRowHidden(r, not any(row.counts))
        self.links.counts_table.resizeColumnsToContents()

    # drag and drop, closing
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        urls: list[QUrl] = event.mimeData().urls()
        paths: list[str | Path] = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        for job in list(self.jobs.values()):
            job.cancel()
        for view in list(self.reading_views):
            view.close()
        super().closeEvent(event)


def _buddy(text: str, widget: QWidget, parent: QWidget) -> QLabel:
    """A label whose mnemonic focuses `widget`."""
    label = QLabel(text, parent)
    label.setBuddy(widget)
    return label
