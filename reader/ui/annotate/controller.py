"""Annotating in the window: actions, context menus, undo, the panel, the workspace session."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox

from reader.core.annotate.annotations import (
    Annotation,
    Status,
    new_annotation,
    now_iso,
    other_side,
    snap_to_words,
    span_in,
)
from reader.core.annotate.codebooks import Codebook, CodebookError, list_codebooks
from reader.core.errors import ReaderError
from reader.core.pair import Pair
from reader.core.store.workspace import Workspace
from reader.ui.annotate.commands import (
    AddAnnotationCommand,
    AnnotationCommand,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
)
from reader.ui.annotate.dialog import AnnotationDialog, AnnotationValues
from reader.ui.annotate.highlights import Highlights
from reader.ui.annotate.menus import place_in_menus
from reader.ui.annotate.panel import AnnotationPanel
from reader.ui.app.actions import window_action
from reader.ui.reading.utf16 import Utf16Map
from reader.ui.store.workspace_session import WorkspaceSession

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

SIDES = ("source", "target")


class AnnotationController(QObject):
    """Owns the workspace session, the undo stack and the annotation panel of one window."""

    pane_menu_opening = Signal(QMenu, str, QPoint)  # others add their items to a pane's menu

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.pair_view = window.pair_view
        self.pair: Pair | None = None
        self.session = WorkspaceSession(self.settings, window)
        self.undo_stack = QUndoStack(self)
        self.codebook_errors: list[CodebookError] = []
        self.codebooks: list[Codebook] = list_codebooks(errors=self.codebook_errors)

        self.panel = AnnotationPanel(window)
        self.panel.set_codebooks(self.codebooks)
        self.highlights = Highlights(self.pair_view, self.panel.model)
        self.highlights.set_codebooks(self.codebooks)
        self.dock = QDockWidget(self.tr("Annotations"), window)
        self.dock.setObjectName("annotations")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        divergences = getattr(window, "dock", None)
        if isinstance(divergences, QDockWidget):
            window.tabifyDockWidget(divergences, self.dock)
            divergences.raise_()

        self._build_actions()
        for side in SIDES:
            pane = self.pair_view.pane(side)
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(
                lambda pos, s=side: self._on_pane_context_menu_requested(s, pos)
            )
        window.installEventFilter(self)
        window.pair_opened.connect(self._on_window_pair_opened)
        self.session.workspace_changed.connect(self._on_session_workspace_changed)
        self.panel.annotation_activated.connect(self.go_to)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        self._update_actions()

    @classmethod
    def install(cls, window: MainWindow) -> AnnotationController:
        """Add annotating to a main window: menus, shortcuts, context menus and the panel."""
        return cls(window)

    # actions and menus
    def _action(
        self, text: str, slot: object, shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        return window_action(self.window, text, slot, shortcut or None, tip)  # type: ignore[arg-type]

    def _build_actions(self) -> None:
        self.annotate_action = self._action(
            self.tr("&Annotate Selection…"), lambda: self.annotate(), "Ctrl+M",
            self.tr("Tag and comment the selected words"),
        )
        self.link_action = self._action(
            self.tr("&Link Selection on the Other Side"), lambda: self.link_selection(),
            "Ctrl+Shift+M",
            self.tr("Attach the selection to the annotation chosen on the other side"),
        )
        self.edit_action = self._action(
            self.tr("&Edit Annotation…"), lambda: self.edit(), "Ctrl+Shift+E"
        )
        self.delete_action = self._action(
            self.tr("&Delete Annotation"), lambda: self.delete(), "Ctrl+Shift+Del"
        )
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        assert undo is not None and redo is not None
        self.undo_action, self.redo_action = undo, redo
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        for action in (self.undo_action, self.redo_action):
            self.window.addAction(action)
        self.codebooks_action = self._action(
            self.tr("&Codebooks…"), self.show_codebooks, "Ctrl+Shift+K"
        )
        self.open_workspace_action = self._action(
            self.tr("Open &Workspace…"), lambda: self.session.open_file(), "Ctrl+Alt+O"
        )
        self.save_workspace_action = self._action(
            self.tr("Save Workspace &As…"), lambda: self.session.save_as(), "Ctrl+Shift+S"
        )
        self.panel_action = self.dock.toggleViewAction()
        self.panel_action.setShortcut(QKeySequence("F10"))

        self.menu = QMenu(self.tr("&Annotate"), self.window)
        items: list[QAction | None] = [
            self.annotate_action, self.link_action, self.edit_action, self.delete_action,
            None, self.codebooks_action,
        ]
        for item in items:
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item)
        place_in_menus(
            self.window, self.menu,
            file=[self.open_workspace_action, self.save_workspace_action],
            edit=[self.undo_action, self.redo_action], view=[self.panel_action],
        )

    def _update_actions(self) -> None:
        writable = self.workspace is not None and not self.workspace.read_only
        for action in (self.annotate_action, self.link_action, self.edit_action,
                       self.delete_action):
            action.setEnabled(writable)
        self.save_workspace_action.setEnabled(self.workspace is not None)

    @property
    def workspace(self) -> Workspace | None:
        return self.session.workspace

    # the workspace
    @Slot(object)
    def _on_window_pair_opened(self, pair: object) -> None:
        assert isinstance(pair, Pair)
        self.pair = pair
        self.session.attach(pair)

    @Slot(object)
    def _on_session_workspace_changed(self, workspace: object) -> None:
        self.undo_stack.clear()  # its commands belong to the workspace that was open
        records: list[Annotation] = []
        if isinstance(workspace, Workspace):
            try:
                records = workspace.annotations()
            except ReaderError as exc:
                self._on_command_failed(str(exc))
        self.panel.set_annotations(records)
        self.highlights.paint()
        self._update_actions()

    # selections (Qt's UTF-16 positions become code points here, through Utf16Map)
    def selection(self, side: str) -> tuple[int, int, int] | None:
        """The selected words of a pane as (paragraph, start, end) in code points, snapped to
        whole words and kept inside the paragraph where the selection starts."""
        pane = self.pair_view.pane(side)
        cursor = pane.textCursor()
        if pane.text is None or not cursor.hasSelection():
            return None
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        block = pane.document().findBlock(first)
        paragraph = block.blockNumber() - 1
        if not 0 <= paragraph < pane.paragraph_count:
            return None
        text = pane.text.paragraphs[paragraph].text
        umap = Utf16Map(text)
        start = umap.from_utf16(min(first - block.position(), umap.utf16_length))
        end = umap.from_utf16(min(last - block.position(), umap.utf16_length))
        start, end = snap_to_words(text, start, end)
        return (paragraph, start, end) if start < end else None

    def select(self, side: str, paragraph: int, start: int, end: int) -> None:
        """Select code points start:end of a paragraph in a pane (what a user's drag does)."""
        pane = self.pair_view.pane(side)
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.position(paragraph, start))
        cursor.setPosition(pane.position(paragraph, end), QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)

    def _selected_side(self) -> str | None:
        for side in SIDES:
            if self.pair_view.pane(side).hasFocus() and self.selection(side):
                return side
        found = [side for side in SIDES if self.selection(side)]
        return found[0] if len(found) == 1 else None

    # annotating
    def annotate(self, side: str | None = None, values: AnnotationValues | None = None) -> (
        Annotation | None
    ):
        """Annotate the selection of a pane (the focused one by default). With `values` no dialog
        is shown (scripts and tests); else the dialog asks for them."""
        workspace = self.workspace
        if self.session.is_syncing():
            self._status(self.tr("The annotations are being found again in the changed text; "
                                 "annotate in a moment."))
            return None
        if workspace is None or workspace.read_only:
            self._status(self.tr("Annotations cannot be saved: no writable workspace is open."))
            return None
        side = side or self._selected_side()
        chosen = self.selection(side) if side else None
        if side is None or chosen is None:
            self._status(self.tr("Select some words in either text first."))
            return None
        paragraph, start, end = chosen
        text = workspace.text(side)
        other = other_side(side)
        other_chosen = self.selection(other)
        if values is None:
            dialog = self._dialog(
                text.paragraphs[paragraph].text[start:end], side,
                link_quote=self._quote(other, other_chosen),
            )
            if dialog.exec() != AnnotationDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        link = None
        try:
            if values.link and other_chosen is not None:
                link = span_in(workspace.text(other), other, *other_chosen)
            record = new_annotation(
                text, side, paragraph, start, end, tags=values.tags, comment=values.comment,
                severity=values.severity, author=values.author, link=link,
            )
        except ReaderError as exc:
            self._on_command_failed(str(exc))
            return None
        command = AddAnnotationCommand(
            workspace, record, self._on_annotation_changed, self._on_command_failed
        )
        return record if self._push(command) else None

    def edit(self, record: Annotation | None = None, values: AnnotationValues | None = None) -> (
        Annotation | None
    ):
        """Change an annotation's tags, comment, severity, author (and maybe its linked span)."""
        workspace = self.workspace
        record = record or self.current_annotation()
        if workspace is None or workspace.read_only or record is None:
            self._status(self.tr("Choose an annotation in the panel or put the caret in one."))
            return None
        record = self._fresh(record)
        other = other_side(record.side)
        other_chosen = self.selection(other)
        if values is None:
            dialog = self._dialog(
                record.quote, record.side, link_quote=self._quote(other, other_chosen),
                linked_already=record.link is not None,
                values=AnnotationValues(
                    record.tags, record.comment, record.severity, record.author, False
                ),
            )
            if dialog.exec() != AnnotationDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        link = record.link
        try:
            if values.link and other_chosen is not None:
                link = span_in(workspace.text(other), other, *other_chosen)
        except ReaderError as exc:
            self._on_command_failed(str(exc))
            return None
        after = replace(
            record, tags=tuple(dict.fromkeys(values.tags)), comment=values.comment,
            severity=values.severity, author=values.author, link=link, modified=now_iso(),
        )
        command = EditAnnotationCommand(
            workspace, record, after, self._on_annotation_changed, self._on_command_failed
        )
        return after if self._push(command) else None

    def link_selection(self, record: Annotation | None = None) -> Annotation | None:
        """Give an annotation the selection on its other side as its linked span."""
        workspace = self.workspace
        record = record or self.panel.current_annotation() or self.current_annotation()
        if workspace is None or record is None:
            self._status(self.tr("Choose the annotation to link in the panel first."))
            return None
        other = other_side(record.side)
        chosen = self.selection(other)
        if chosen is None:
            self._status(self.tr("Select the words to link in the other text."))
            return None
        values = AnnotationValues(record.tags, record.comment, record.severity, record.author,
                                  True)
        return self.edit(record, values)

    def delete(self, record: Annotation | None = None) -> bool:
        workspace = self.workspace
        record = record or self.current_annotation()
        if workspace is None or workspace.read_only or record is None:
            self._status(self.tr("Choose an annotation in the panel or put the caret in one."))
            return False
        command = DeleteAnnotationCommand(
            workspace, self._fresh(record), self._on_annotation_changed, self._on_command_failed
        )
        return self._push(command)

    def _fresh(self, record: Annotation) -> Annotation:
        row = self.panel.model.row_of(record.id)
        found = self.panel.model.annotation(row)
        return found if found is not None else record

    def _push(self, command: AnnotationCommand) -> bool:
        self.undo_stack.push(command)  # runs redo(); a failed one is dropped as obsolete
        return command.error is None

    def _dialog(
        self, quote: str, side: str, *, link_quote: str | None,
        linked_already: bool = False, values: AnnotationValues | None = None,
    ) -> AnnotationDialog:
        pane = self.pair_view.pane(side)
        return AnnotationDialog(
            self.codebooks, self.settings, quote, rtl=pane.text is not None
            and pane.text.direction == "rtl", link_quote=link_quote,
            linked_already=linked_already, values=values, parent=self.window,
        )

    def _quote(self, side: str, chosen: tuple[int, int, int] | None) -> str | None:
        pane = self.pair_view.pane(side)
        if chosen is None or pane.text is None:
            return None
        paragraph, start, end = chosen
        return pane.text.paragraphs[paragraph].text[start:end]

    # finding annotations
    def current_annotation(self) -> Annotation | None:
        """The annotation under the caret of the focused pane, else the panel's selected one."""
        for side in SIDES:
            pane = self.pair_view.pane(side)
            if pane.hasFocus():
                cursor = pane.textCursor()
                cursor.setPosition(cursor.selectionStart())
                where = self.highlights.offset_at(pane, cursor)
                found = self.highlights.annotations_at(side, *where) if where else []
                if found:
                    return found[0]
        return self.panel.current_annotation()

    # going to an annotation
    @Slot(object)
    def go_to(self, record: object) -> None:
        """Bring an annotation's paragraph into view and select its span."""
        assert isinstance(record, Annotation)
        pane = self.pair_view.pane(record.side)
        if pane.text is None or not 0 <= record.paragraph < pane.paragraph_count:
            return
        self.pair_view.select_paragraph(record.side, record.paragraph)
        if record.status is Status.ORPHAN:
            self._status(self.tr("This annotation is an orphan: its quote is no longer in the "
                                 "text. It is kept, with its last position."))
            return
        self.select(record.side, record.paragraph, record.start, record.end)
        pane.ensureCursorVisible()

    # events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.session.close()
        return False

    @Slot()
    def _on_pane_context_menu_requested(self, side: str, pos: QPoint) -> None:
        pane = self.pair_view.pane(side)
        menu = pane.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.annotate_action)
        found = self.highlights.under(side, pos)
        writable = self.workspace is not None and not self.workspace.read_only
        for record in found[:3]:
            label = self.highlights.describe(record).split("\n")[0] or record.quote[:30]
            edit = menu.addAction(self.tr("Edit “{0}”…").format(label[:40]))
            edit.triggered.connect(lambda _=False, r=record: self.edit(r))
            edit.setEnabled(writable)
            remove = menu.addAction(self.tr("Delete “{0}”").format(label[:40]))
            remove.triggered.connect(lambda _=False, r=record: self.delete(r))
            remove.setEnabled(writable)
        menu.addAction(self.link_action)
        self.pane_menu_opening.emit(menu, side, pos)
        menu.exec(pane.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # outcomes of commands
    def _on_annotation_changed(self, annotation_id: str, record: Annotation | None) -> None:
        if record is None:
            self.panel.model.remove(annotation_id)
        else:
            self.panel.model.put(record)
            self.panel.select_annotation(record.id)
        self.highlights.paint()

    def _on_command_failed(self, message: str) -> None:
        QMessageBox.critical(self.window, self.tr("The annotation was not saved"), message)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    # codebooks
    def show_codebooks(self) -> None:
        from reader.ui.annotate.codebook_dialog import CodebookDialog

        dialog = CodebookDialog(parent=self.window)
        dialog.exec()
        self.reload_codebooks()

    def reload_codebooks(self) -> None:
        self.codebook_errors = []
        self.codebooks = list_codebooks(errors=self.codebook_errors)
        self.highlights.set_codebooks(self.codebooks)
        self.panel.set_codebooks(self.codebooks)
        self.highlights.paint()

