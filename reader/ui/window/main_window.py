"""The main window: wires the reading view, the panels, the menus and the background work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.corpus.manifest import load_manifest
from reader.core.errors import ReaderError
from reader.core.pair import Pair
from reader.ui.annotate.controller import AnnotationController
from reader.ui.annotators.workbench import Workbench
from reader.ui.app.actions import window_action
from reader.ui.app.settings import APPLICATION, THEMES, Settings, WindowState
from reader.ui.app.theme import apply_theme, kind_label
from reader.ui.app.workers import AlignJob, ProgressPanel
from reader.ui.batch.action import BatchResults
from reader.ui.dialogs.corpus_browser import CorpusBrowser
from reader.ui.dialogs.open_pair import choose_pair
from reader.ui.dialogs.preferences import PreferencesDialog
from reader.ui.diverge.panel import DivergencePanel
from reader.ui.diverge.review_controller import ReviewController
from reader.ui.edit.controller import AlignmentEditor
from reader.ui.lens.tools import LensTools
from reader.ui.reading.pair_view import PairView
from reader.ui.reading.search_bar import SearchBar
from reader.ui.reading.zoom import ZOOM_STEP
from reader.ui.window.drop import accept_pair_drag, take_pair_drop
from reader.ui.window.import_alignment import AlignmentImport
from reader.ui.window.originals import OriginalMemory
from reader.ui.window.recent import RecentPairsMenu
from reader.ui.window.verdict_banner import VerdictBanner


class MainWindow(QMainWindow):
    """Holds no logic of its own: each action calls a component."""

    pair_opened = Signal(object)  # the Pair now shown
    open_failed = Signal(str)  # the message shown to the user
    divergences_shown = Signal()  # the pair's divergences were listed again (after an edit)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.window_state = WindowState(self.settings.qsettings)
        self.setWindowTitle(APPLICATION)
        self.setAcceptDrops(True)
        self.pair: Pair | None = None

        self.pair_view = PairView(self.settings, self)
        self.search_bar = SearchBar(self)
        self.search_bar.set_target(self.pair_view)
        self.search_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.search_bar)
        self.verdict_banner = VerdictBanner(self)
        column.addWidget(self.verdict_banner)
        column.addWidget(self.pair_view, 1)
        self.setCentralWidget(central)

        self.panel = DivergencePanel(self)
        self.panel.set_hidden_kinds(set(self.settings.hidden_divergence_kinds))
        self.dock = QDockWidget(self.tr("Divergences"), self)
        self.dock.setObjectName("divergences")
        self.dock.setWidget(self.panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        # the texts are what people came for: the list takes a strip, not half the window (its
        # legend's two rows, the review bar and four rows of the list)
        self.resizeDocks([self.dock], [240], Qt.Orientation.Vertical)

        self.bead_label = QLabel(self)
        self.bead_label.setAccessibleName(self.tr("Current bead"))
        self.counts_label = QLabel(self)
        self.counts_label.setAccessibleName(self.tr("Divergence counts"))
        self.progress = ProgressPanel(self)
        self.statusBar().addWidget(self.bead_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.align_job = AlignJob(self)
        self.align_job.finished.connect(self._on_align_job_finished)
        self.align_job.failed.connect(self._on_align_job_failed)
        self.align_job.cancelled.connect(self._on_align_job_cancelled)
        self._pending: tuple[str, str] | None = None

        self.pair_view.current_bead_changed.connect(self._on_pair_view_current_bead_changed)
        self.panel.divergence_activated.connect(self.pair_view.show_divergence)
        self.panel.hidden_kinds_changed.connect(self._on_panel_hidden_kinds_changed)
        self.originals = OriginalMemory(self.settings.qsettings)
        self.verdict_banner.compare_as_sources.connect(self.dock.hide)
        self._build_menus()
        self.annotations = AnnotationController.install(self)
        self.workbench = Workbench.install(self)  # export, annotators, agreement, curation
        self.editor = AlignmentEditor.install(self)
        self.alignment_import = AlignmentImport.install(self)
        self.batch_results = BatchResults.install(self)  # File ▸ Open Batch Results…
        self.reviews = ReviewController.install(self)
        self.lens = LensTools.install(self)  # Tools ▸ Framing Lens…, the Label Shifts dock
        self.window_state.restore_window(self)

    # menus and actions
    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        return window_action(self, text, slot, shortcut, tip)  # type: ignore[arg-type]

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(
            self.tr("&Open Pair…"),
            self.choose_and_open,
            QKeySequence(keys.Open),
            self.tr("Open two text files"),
        )
        self.corpus_action = self._action(
            self.tr("&Built-in Corpus…"),
            self.browse_corpus,
            "Ctrl+Shift+O",
            self.tr("Open a pair from the corpus"),
        )
        self.recent_menu = RecentPairsMenu(self.settings, self)
        self.recent_menu.pair_chosen.connect(self.open_pair)
        self.cancel_action = self._action(
            self.tr("&Cancel Alignment"), self.cancel_alignment, "Escape"
        )
        self.cancel_action.setEnabled(False)
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        for item in (
            self.open_action,
            self.corpus_action,
            self.recent_menu,
            None,
            self.cancel_action,
            None,
            self.quit_action,
        ):
            self._add(file_menu, item)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.find_action = self._action(
            self.tr("&Find…"), self.search_bar.open_bar, QKeySequence(keys.Find)
        )
        # Preferences has no standard key on most Linux desktops
        preferences_key = QKeySequence(keys.Preferences)
        self.preferences_action = self._action(
            self.tr("Pr&eferences…"),  # "Find &Previous" holds Alt+P
            self.show_preferences,
            preferences_key if not preferences_key.isEmpty() else "Ctrl+,",
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        for item in (
            self.find_action,
            self.search_bar.find_next_action,
            self.search_bar.find_previous_action,
            None,
            self.preferences_action,
        ):
            self._add(edit_menu, item)

        view_menu = bar.addMenu(self.tr("&View"))
        self.swap_action = self._action(self.tr("&Swap Sides"), self.toggle_swap, "Ctrl+Shift+X")
        self.swap_action.setCheckable(True)
        self.swap_action.setChecked(self.settings.sides_swapped)
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"), lambda: self.zoom(ZOOM_STEP), QKeySequence(keys.ZoomIn)
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &Out"), lambda: self.zoom(1 / ZOOM_STEP), QKeySequence(keys.ZoomOut)
        )
        # Ctrl+= too: on most keyboards "+" needs Shift
        self.zoom_in_action.setShortcuts([QKeySequence(keys.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_reset_action = self._action(
            self.tr("&Reset Zoom"), lambda: self.zoom(0.0), "Ctrl+0"
        )
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for theme in THEMES:
            action = QAction(self.tr(theme.capitalize()), self, checkable=True)
            self.theme_actions[theme] = action
            action.setChecked(self.settings.theme == theme)
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            group.addAction(action)
            theme_menu.addAction(action)
        self.panel_action = self.dock.toggleViewAction()
        self.panel_action.setShortcut(QKeySequence("F9"))
        for item in (
            self.swap_action,
            None,
            self.zoom_in_action,
            self.zoom_out_action,
            self.zoom_reset_action,
            None,
            self.panel_action,
        ):
            self._add(view_menu, item)

        go_menu = bar.addMenu(self.tr("&Go"))
        pv = self.pair_view
        self.next_divergence_action = self._action(
            self.tr("&Next Divergence"), self.panel.select_next, "F8"
        )
        self.previous_divergence_action = self._action(
            self.tr("&Previous Divergence"), self.panel.select_previous, "Shift+F8"
        )
        self.next_bead_action = self._action(
            self.tr("Next &Paragraph"), lambda: pv.step_paragraph(1), "Alt+Down"
        )
        self.previous_bead_action = self._action(
            self.tr("Previous P&aragraph"), lambda: pv.step_paragraph(-1), "Alt+Up"
        )
        focus = [
            self._action(
                self.tr("Focus &Source Text"), lambda: pv.pane("source").setFocus(), "Ctrl+1"
            ),
            self._action(
                self.tr("Focus &Target Text"), lambda: pv.pane("target").setFocus(), "Ctrl+2"
            ),
            self._action(self.tr("Focus &Divergence List"), self.focus_divergences, "Ctrl+3"),
        ]
        for item in (
            self.next_divergence_action,
            self.previous_divergence_action,
            None,
            self.next_bead_action,
            self.previous_bead_action,
            None,
            *focus,
        ):
            self._add(go_menu, item)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._add(
            help_menu,
            self._action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1"),
        )

    @staticmethod
    def _add(menu: object, item: object) -> None:
        from PySide6.QtWidgets import QMenu

        assert isinstance(menu, QMenu)
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            assert isinstance(item, QAction)
            menu.addAction(item)

    # opening pairs
    @Slot(str, str)
    def open_pair(self, source: str, target: str) -> None:
        """Align two files in the background; the pair shown stays until the new one is ready."""
        self._pending = (str(source), str(target))
        self.cancel_action.setEnabled(True)
        self.align_job.start(source, target, self.originals.options(source, target))
        self.progress.watch(self.align_job, self.tr("Aligning {0}…").format(Path(source).name))

    def open_default_pair(self) -> None:
        try:
            corpus = load_manifest()
            source, target = corpus.default_pair()
            self.open_pair(str(corpus.path_of(source)), str(corpus.path_of(target)))
        except ReaderError as exc:
            self._on_align_job_failed(str(exc))

    def choose_and_open(self) -> None:
        chosen = choose_pair(self, recall=self.originals.get)
        if chosen is not None:
            source, target, original = chosen
            self.originals.set(source, target, original)
            self.open_pair(source, target)

    def browse_corpus(self) -> None:
        browser = CorpusBrowser(self)
        browser.pair_chosen.connect(self.open_pair)
        browser.finished.connect(browser.deleteLater)
        browser.open()

    def cancel_alignment(self) -> None:
        self.align_job.cancel()

    def show_pair(self, pair: Pair) -> None:
        self.pair = pair
        self.pair_view.set_pair(pair)
        self.verdict_banner.show_verdict(pair.verdict)
        self.panel.set_divergences(pair.divergences, pair.alignment)
        counts = self.panel.model.counts()
        summary = ", ".join(f"{n} {kind_label(k).lower()}" for k, n in sorted(counts.items()))
        self.counts_label.setText(self.tr("Divergences: {0}").format(summary or self.tr("none")))
        self.show_divergences()
        self.setWindowTitle(f"{pair.source.name} ↔ {pair.target.name} — {APPLICATION}")
        self._on_pair_view_current_bead_changed(self.pair_view.current_bead)
        self.pair_opened.emit(pair)

    def show_divergences(self) -> None:
        """The list and counts of the pair's divergences (opened, or found again after an edit)."""
        assert self.pair is not None
        self.panel.set_divergences(self.pair.divergences, self.pair.alignment)
        counts = self.panel.model.counts()
        summary = ", ".join(f"{n} {kind_label(k).lower()}" for k, n in sorted(counts.items()))
        self.counts_label.setText(self.tr("Divergences: {0}").format(summary or self.tr("none")))
        self.divergences_shown.emit()

    @Slot(object)
    def _on_align_job_finished(self, pair: object) -> None:
        assert isinstance(pair, Pair)
        self.cancel_action.setEnabled(False)
        if self._pending is not None:
            self.settings.add_recent_pair(*self._pending)
        self.show_pair(pair)

    @Slot(str)
    def _on_align_job_failed(self, message: str) -> None:
        self.cancel_action.setEnabled(False)
        QMessageBox.critical(self, self.tr("Cannot open the pair"), message)
        self.open_failed.emit(message)

    @Slot()
    def _on_align_job_cancelled(self) -> None:
        self.cancel_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Alignment cancelled"), 5000)

    # view
    def toggle_swap(self, swapped: bool) -> None:
        self.settings.sides_swapped = bool(swapped)
        self.pair_view.arrange()

    def zoom(self, factor: float) -> None:
        """Zoom both texts together (factor 0 resets)."""
        self.pair_view.zoom(factor)

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings)
        self.pair_view.apply_settings()
        self.verdict_banner.apply_theme()

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.settings, self)
        dialog.applied.connect(self._on_preferences_applied)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def _on_preferences_applied(self) -> None:
        self.theme_actions[self.settings.theme].setChecked(True)
        self.set_theme(self.settings.theme)  # applies the theme, then lays the pair out again

    def focus_divergences(self) -> None:
        self.dock.show()
        self.panel.table.setFocus()

    def show_shortcuts(self) -> None:
        rows = [
            f"<tr><td>{a.text().replace('&', '')}</td>"
            f"<td><b>{a.shortcut().toString()}</b></td></tr>"
            for a in self.actions()
            if not a.shortcut().isEmpty()
        ]
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts"), "<table>" + "".join(rows) + "</table>"
        )

    @Slot(int)
    def _on_pair_view_current_bead_changed(self, bead: int) -> None:
        self.bead_label.setText(self.pair_view.describe_bead(bead))

    @Slot(object)
    def _on_panel_hidden_kinds_changed(self, hidden: object) -> None:
        assert isinstance(hidden, set)
        self.settings.hidden_divergence_kinds = sorted(hidden)
        self.pair_view.set_hidden_kinds(hidden)

    # Qt overrides
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        accept_pair_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        pair = take_pair_drop(event)
        if pair is not None:
            self.open_pair(*pair)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.cancel_alignment()
        self.window_state.save_window(self)
        super().closeEvent(event)
