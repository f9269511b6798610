"""The editor's actions: the Alignment menu, its shortcuts, and the context menus sharing them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.ui.app.actions import window_action

if TYPE_CHECKING:
    from reader.ui.edit.controller import AlignmentEditor

SIDES = ("source", "target")


class EditorActions(QObject):
    """Builds the actions once; the menu bar, the gutter and the panes all show the same ones."""

    def __init__(self, editor: AlignmentEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.window = editor.window
        e = editor
        self.merge_next = self._action(self.tr("&Merge with Next Bead"), e.merge_next, "Ctrl+J")
        self.merge_previous = self._action(
            self.tr("Merge with &Previous Bead"), e.merge_previous, "Ctrl+Shift+J")
        self.split = self._action(self.tr("&Split Bead…"), lambda: e.split(), "Ctrl+K",
                                  self.tr("Cut the bead in two at a paragraph on each side"))
        self.move_first = self._action(
            self.tr("Move First Paragraph &Up"), lambda: e.move_first(), "Alt+Shift+Up",
            self.tr("Give the first paragraph of the focused side to the bead above"))
        self.move_last = self._action(
            self.tr("Move Last Paragraph &Down"), lambda: e.move_last(), "Alt+Shift+Down",
            self.tr("Give the last paragraph of the focused side to the bead below"))
        self.leave_out = self._action(
            self.tr("&Leave Paragraph Out"), lambda: e.leave_out(), "Ctrl+L",
            self.tr("The paragraph at the caret gets no counterpart (1:0 or 0:1)"))
        self.pair_left_out = self._action(
            self.tr("P&air Left-Out Paragraphs"), e.pair_left_out, "Ctrl+Shift+L",
            self.tr("Join a left-out paragraph with the one left out beside it on the other "
                    "side"))
        self.confirm = self._action(
            self.tr("&Confirm Bead"), e.confirm, "Ctrl+Return",
            self.tr("Mark the bead as checked and go on to the next unconfirmed one"))
        self.confirm_through = self._action(
            self.tr("Confirm All Beads up to &Here"), e.confirm_through, "Ctrl+Shift+Return")
        self.next_unconfirmed = self._action(
            self.tr("Next &Unconfirmed Bead"), lambda: e.go_to_next("unconfirmed"), "F7")
        self.previous_unconfirmed = self._action(
            self.tr("Previous Unconfirmed Bead"), lambda: e.go_to_next("unconfirmed", -1),
            "Shift+F7")
        self.next_uneven = self._action(
            self.tr("Next Bead &Not 1:1"), lambda: e.go_to_next("not_1_1"), "F6")
        self.previous_uneven = self._action(
            self.tr("Previous Bead Not 1:1"), lambda: e.go_to_next("not_1_1", -1), "Shift+F6")
        self.next_doubtful = self._action(
            self.tr("Next Lo&w-Confidence Bead"), lambda: e.go_to_next("low_confidence"), "F5",
            self.tr("Below the threshold set in Preferences"))
        self.previous_doubtful = self._action(
            self.tr("Previous Low-Confidence Bead"),
            lambda: e.go_to_next("low_confidence", -1), "Shift+F5")
        self.realign_unconfirmed = self._action(
            self.tr("&Re-align Unconfirmed Beads"), e.realign_unconfirmed, "Ctrl+Shift+R",
            self.tr("Align the rest again around the confirmed beads"))
        self.realign_selection = self._action(
            self.tr("Re-align &Selection"), lambda: e.realign_selection(), "Ctrl+Alt+R",
            self.tr("Align again the beads of the selected text (else this bead and its "
                    "neighbours)"))
        # Escape stops whatever aligns: the window's own Cancel action stops a re-alignment too
        self.cancel_realign = self.window.cancel_action
        self.cancel_realign.triggered.connect(lambda _=False: e.cancel_realign())
        self.edits = [self.merge_next, self.merge_previous, self.split, self.move_first,
                      self.move_last, self.leave_out, self.pair_left_out, self.confirm,
                      self.confirm_through, self.realign_unconfirmed, self.realign_selection]

        self.menu = QMenu(self.tr("A&lignment"), self.window)
        self.menu.setObjectName("alignment_menu")
        for item in (self.confirm, self.confirm_through, None, self.merge_next,
                     self.merge_previous, self.split, None, self.move_first, self.move_last,
                     self.leave_out, self.pair_left_out, None, self.next_unconfirmed,
                     self.previous_unconfirmed, self.next_uneven, self.previous_uneven,
                     self.next_doubtful, self.previous_doubtful, None,
                     self.realign_unconfirmed, self.realign_selection, self.cancel_realign):
            self._add(self.menu, item)
        self._place_menu()

        gutter = editor.pair_view.gutter
        gutter.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        gutter.customContextMenuRequested.connect(self._on_gutter_context_menu_requested)
        editor.window.annotations.pane_menu_opening.connect(self.extend_pane_menu)
        self.update_enabled()

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        return window_action(self.window, text, lambda _=False: slot(), shortcut or None,
                             tip, tooltip=tip)

    @staticmethod
    def _add(menu: QMenu, item: QAction | None) -> None:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)

    def _place_menu(self) -> None:
        """Before Go (after Annotate and View), else at the end."""
        bar = self.window.menuBar()
        for action in bar.actions():
            if action.text().replace("&", "") == "Go":
                bar.insertMenu(action, self.menu)
                return
        bar.addMenu(self.menu)

    def update_enabled(self) -> None:
        running = self.editor.realigner.is_running()
        has_pair = self.editor.pair is not None
        for action in self.edits:
            action.setEnabled(has_pair and not running)
        self.cancel_realign.setEnabled(running or self.window.align_job.is_running())

    # context menus
    def _side_menu(self, parent: QMenu, side: str) -> QMenu:
        """The paragraph edits of one side of the focused bead, named by its language."""
        e = self.editor
        name = e.side_name(side)
        menu = parent.addMenu(self.tr("{0} Side").format(name))
        for text, slot in (
            (self.tr("Move First {0} Paragraph Up"), lambda: e.move_first(side)),
            (self.tr("Move Last {0} Paragraph Down"), lambda: e.move_last(side)),
            (self.tr("Leave First {0} Paragraph Out"), lambda: self._leave_out(side, 0)),
            (self.tr("Leave Last {0} Paragraph Out"), lambda: self._leave_out(side, -1)),
        ):
            action = menu.addAction(text.format(name))
            action.triggered.connect(lambda _=False, s=slot: s())
        menu.setEnabled(self.merge_next.isEnabled())
        return menu

    def _leave_out(self, side: str, which: int) -> None:
        e = self.editor
        if e.pair is None or e.focused_bead < 0:
            return
        bead = e.pair.alignment.beads[e.focused_bead]
        run = bead.src if side == "source" else bead.tgt
        if run:
            e.leave_out(side, run[which])
        else:
            e.leave_out(side)  # says there is no paragraph on that side

    def gutter_menu(self) -> QMenu:
        """The gutter's context menu for the focused bead."""
        menu = QMenu(self.window)
        for item in (self.confirm, self.confirm_through, None, self.merge_next,
                     self.merge_previous, self.split, self.pair_left_out, None):
            self._add(menu, item)
        for side in (self.editor.pair_view.left_side, self.editor.pair_view.right_side):
            self._side_menu(menu, side)
        menu.addSeparator()
        for action in (self.realign_selection, self.realign_unconfirmed):
            menu.addAction(action)
        return menu

    def _on_gutter_context_menu_requested(self, pos: QPoint) -> None:
        gutter = self.editor.pair_view.gutter
        bead = gutter.bead_at(pos.y())
        if bead < 0:
            return
        self.editor.pair_view.select_bead(bead, scroll=False)
        menu = self.gutter_menu()
        menu.exec(gutter.mapToGlobal(pos))
        menu.deleteLater()

    def extend_pane_menu(self, menu: QMenu, side: str, pos: QPoint) -> None:
        """Add the Alignment submenu to a pane's context menu; a right click outside the
        selection first puts the caret (and so the focused bead) where it was clicked."""
        pane = self.editor.pair_view.pane(side)
        clicked = pane.cursorForPosition(pos)
        cursor = pane.textCursor()
        inside = cursor.hasSelection() and (
            cursor.selectionStart() <= clicked.position() <= cursor.selectionEnd())
        if not inside:
            clicked.clearSelection()
            pane.setTextCursor(clicked)
        pane.setFocus()
        menu.addSeparator()
        sub = menu.addMenu(self.tr("A&lignment"))
        for item in (self.confirm, self.confirm_through, None, self.merge_next,
                     self.merge_previous, self.split, None, self.move_first, self.move_last,
                     self.leave_out, self.pair_left_out, None, self.realign_selection):
            self._add(sub, item)
