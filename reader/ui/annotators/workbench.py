"""The annotators' workbench in a window: Export…, other annotators' files, agreement, curation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QMessageBox

from reader.core.annotate.annotations import Annotation, TagRef
from reader.core.annotate.codebooks import codebook_index
from reader.core.annotate.conflicts import Action, Conflict, decide, find_conflicts
from reader.core.annotators.importing import FileImport, import_annotators
from reader.core.errors import ReaderError
from reader.core.export.report import make_labels
from reader.core.store.workspace import Workspace
from reader.core.text.document import Text
from reader.ui.annotators.agreement_view import AgreementDialog
from reader.ui.annotators.curation_commands import DecisionCommand
from reader.ui.annotators.curation_view import CurationPanel
from reader.ui.app.actions import window_action
from reader.ui.app.workers import Control, Job, describe_error
from reader.ui.export.dialog import ExportDialog

if TYPE_CHECKING:
    from reader.ui.annotate.controller import AnnotationController
    from reader.ui.window.main_window import MainWindow


class Workbench(QObject):
    """Installed after annotating (it uses the annotation controller's workspace and undo)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.annotations: AnnotationController = window.annotations
        self.export_dialog: ExportDialog | None = None
        self.agreement_dialog: AgreementDialog | None = None
        self.import_job: Job | None = None

        self.curation = CurationPanel(window)
        self.curation.set_sources(self._text, self._tag_label)
        self.dock = QDockWidget(self.tr("Curation"), window)
        self.dock.setObjectName("curation")
        self.dock.setWidget(self.curation)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(self.annotations.dock, self.dock)
        self.dock.hide()  # shown when asked for: most readers have one annotator
        window.dock.raise_()  # tabifying made the annotations tab current: divergences first
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_conflicts)

        self._build_actions()
        self.curation.accept_requested.connect(self.accept)
        self.curation.merge_requested.connect(lambda c: self.decide(c, Action.MERGE))
        self.curation.reject_requested.connect(lambda c: self.decide(c, Action.REJECT))
        self.curation.conflict_activated.connect(self._on_curation_conflict_activated)
        self.curation.show_decided.toggled.connect(self._refresh_timer.start)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        model = self.annotations.panel.model
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._refresh_timer.start)
        self.annotations.session.workspace_changed.connect(self._on_workspace_changed)
        self._on_workspace_changed(self.workspace)

    @classmethod
    def install(cls, window: MainWindow) -> Workbench:
        return cls(window)

    @property
    def workspace(self) -> Workspace | None:
        return self.annotations.workspace

    # actions
    def _action(self, text: str, slot: object, shortcut: str, tip: str = "") -> QAction:
        return window_action(self.window, text, slot, shortcut, tip)  # type: ignore[arg-type]

    def _build_actions(self) -> None:
        self.export_action = self._action(
            self.tr("&Export…"), lambda: self.show_export(), "Ctrl+E",
            self.tr("Write the annotations, divergences or alignment to a file"))
        self.import_action = self._action(
            self.tr("&Import Annotators' Files…"), lambda: self.import_files(), "Ctrl+Alt+A",
            self.tr("Merge other annotators' W3C Web Annotation files into this workspace"))
        self.agreement_action = self._action(
            self.tr("A&greement…"), lambda: self.show_agreement(), "Ctrl+Alt+G",
            self.tr("How far the annotators agree, per tag (Cohen's κ, Krippendorff's α)"))
        # shows and raises the dock (a toggle would leave it behind the tab in front)
        self.curation_action = self._action(
            self.tr("&Curation"), lambda: self.show_curation(), "Ctrl+Shift+U",
            self.tr("Settle where the annotators disagree: accept one span, merge or reject"))
        menus = {m.title().replace("&", ""): m for m in self.window.menuBar().findChildren(QMenu)}
        file_menu = menus.get("File")
        if file_menu is not None:
            before = self.window.cancel_action
            file_menu.insertActions(before, [self.export_action, self.import_action])
            file_menu.insertSeparator(before)
        annotate = self.annotations.menu
        annotate.addSeparator()
        annotate.addActions([self.agreement_action, self.curation_action])
        self._update_actions()

    def _update_actions(self) -> None:
        workspace = self.workspace
        self.export_action.setEnabled(workspace is not None)
        self.agreement_action.setEnabled(workspace is not None)
        self.import_action.setEnabled(workspace is not None and not workspace.read_only)

    @Slot(object)
    def _on_workspace_changed(self, _workspace: object) -> None:
        self._update_actions()
        for dialog in (self.export_dialog, self.agreement_dialog):
            if dialog is not None:
                dialog.close()
        self._refresh_timer.start()

    # export
    def show_export(self) -> ExportDialog | None:
        workspace, pair = self.workspace, self.window.pair
        if workspace is None:
            self._status(self.tr("Open a pair with a workspace first."))
            return None
        protected = [pair.source.path, pair.target.path] if pair is not None else []
        dialog = ExportDialog(
            workspace, self.window.settings, codebooks=self.annotations.codebooks,
            divergences=pair.divergences if pair is not None else (), protected=protected,
            parent=self.window,
        )
        dialog.exported.connect(
            lambda path: self._status(self.tr("Exported to {0}").format(path)))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # other annotators' files
    def import_files(self, paths: list[str | Path] | None = None) -> Job | None:
        """Merge W3C files into the workspace in the thread pool (each keeps its creator)."""
        workspace = self.workspace
        if workspace is None or workspace.read_only:
            self._status(self.tr("Annotations cannot be saved: no writable workspace is open."))
            return None
        if paths is None:
            chosen, _ = QFileDialog.getOpenFileNames(
                self.window, self.tr("Import Annotators' Files"), str(Path.home()),
                self.tr("W3C Web Annotation (*.jsonld *.json);;All files (*)"))
            if not chosen:
                return None
            paths = list(chosen)
        files = [Path(p) for p in paths]

        def work(control: Control) -> list[FileImport]:
            return import_annotators(workspace, files, progress=control.report)

        job = Job(work, self)
        job.done.connect(self._on_import_done)
        job.failed.connect(self._on_import_failed)
        self.import_job = job
        job.start()
        self._status(self.tr("Importing {0} file(s)…").format(len(files)))
        return job

    def _reload(self) -> None:
        workspace = self.workspace
        if workspace is not None:
            self.annotations.panel.set_annotations(workspace.annotations())
            self.annotations.highlights.paint()
        self._refresh_timer.start()

    @Slot(object)
    def _on_import_done(self, imports: object) -> None:
        assert isinstance(imports, list)
        self._reload()
        lines = [f"{i.path.name}: {i.report.summary()}" +
                 (self.tr(" (annotator named “{0}”)").format(i.named) if i.named else "")
                 for i in imports]
        self._status("; ".join(lines))

    @Slot(object)
    def _on_import_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self._reload()  # the files before the bad one are in
        QMessageBox.critical(self.window, self.tr("Cannot import the file"), describe_error(exc))

    # agreement
    def show_agreement(self) -> AgreementDialog | None:
        if self.workspace is None:
            self._status(self.tr("Open a pair with a workspace first."))
            return None
        labels = make_labels(self.annotations.codebooks).tags
        dialog = AgreementDialog(self.workspace, labels, self.window)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.agreement_dialog = dialog
        dialog.show()
        return dialog

    # curation
    @Slot(bool)
    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._refresh_timer.start()

    @Slot()
    def refresh_conflicts(self) -> None:
        """Find the conflicts again (only while the view is shown: it is found again when
        shown, so a hidden view costs nothing as annotations change)."""
        if not self.dock.isVisible():
            return
        workspace = self.workspace
        if workspace is None:
            self.curation.set_conflicts([], [])
            return
        records = self.annotations.panel.model.annotations()
        try:
            decisions = workspace.decisions()
        except ReaderError as exc:
            self._status(str(exc))
            decisions = []
        self.curation.set_conflicts(find_conflicts(records), decisions)

    def show_curation(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.refresh_conflicts()
        self.curation.table.setFocus()

    def accept(self, conflict: Conflict, member: Annotation) -> bool:
        return self.decide(conflict, Action.ACCEPT, member)

    def decide(self, conflict: Conflict, action: Action, member: Annotation | None = None) -> bool:
        """Settle a conflict as one undoable command on the window's undo stack."""
        workspace = self.workspace
        if workspace is None or workspace.read_only:
            self._status(self.tr("Annotations cannot be saved: no writable workspace is open."))
            return False
        try:
            decision, result = decide(conflict, action, workspace.text(conflict.side), member)
        except ReaderError as exc:
            self._on_decision_failed(str(exc))
            return False
        what = {Action.ACCEPT: self.tr("Accept {0}'s span").format(
                    member.author if member else ""),
                Action.MERGE: self.tr("Merge spans"), Action.REJECT: self.tr("Reject spans")}
        command = DecisionCommand(workspace, decision, result, what[action],
                                  self._on_decision_changed, self._on_decision_failed)
        self.annotations.undo_stack.push(command)
        return command.error is None

    def _on_decision_changed(self, result_id: str | None, record: Annotation | None) -> None:
        model = self.annotations.panel.model
        if record is not None:
            model.put(record)
        elif result_id is not None:
            model.remove(result_id)
        else:
            self._refresh_timer.start()  # a rejection changes no annotation
        self.annotations.highlights.paint()

    def _on_decision_failed(self, message: str) -> None:
        QMessageBox.critical(self.window, self.tr("The decision was not saved"), message)

    @Slot(object)
    def _on_curation_conflict_activated(self, conflict: object) -> None:
        assert isinstance(conflict, Conflict)
        self.annotations.go_to(conflict.members[0])

    # helpers
    def _forget(self, dialog: ExportDialog | AgreementDialog) -> None:
        """A closed dialog is deleted (and no longer closed when the workspace changes)."""
        if dialog is self.export_dialog:
            self.export_dialog = None
        if dialog is self.agreement_dialog:
            self.agreement_dialog = None
        dialog.deleteLater()

    def _text(self, side: str) -> Text:
        workspace = self.workspace
        assert workspace is not None
        return workspace.text(side)

    def _tag_label(self, tag: TagRef) -> str:
        books = codebook_index(self.annotations.codebooks)
        book = books.get(tag.codebook)
        found = next((t for t in book.tags if t.id == tag.tag), None) if book else None
        return found.label if found is not None else tag.tag

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

