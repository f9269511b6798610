"""The find bar: a query, which text to search, the hit count, next and previous."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

SEARCH_SIDES = ("source", "target", "both")


class SearchTarget(Protocol):
    """What the bar drives; the pair view implements it.

    `search` highlights every hit, makes the first one current and returns how many there are;
    side is "source", "target" or "both".
    `next_hit` and `previous_hit` may return the 0-based number of the hit now current, which
    the bar then shows as "3 of 12"; returning None is fine too.
    """

    def search(self, query: str, side: str) -> int: ...
    def next_hit(self) -> int | None: ...
    def previous_hit(self) -> int | None: ...
    def clear_search(self) -> None: ...


class SearchBar(QWidget):
    """Search either text or both, insensitive to Arabic diacritics and letter forms.

    Typing searches (after a short pause, so that a long book is not searched per keystroke);
    Enter/F3 go to the next hit, Shift+Enter/Shift+F3 to the previous one; Escape closes.
    `find_next_action` and `find_previous_action` are there for the window's Edit menu.
    """

    closed = Signal()
    DEBOUNCE_MS = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target: SearchTarget | None = None
        self._count = 0

        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in the texts"))
        self.edit.setAccessibleName(self.tr("Search text"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)

        self.side_box = QComboBox(self)
        self.side_box.setAccessibleName(self.tr("Search in"))
        for side, label in zip(
            SEARCH_SIDES, (self.tr("Source"), self.tr("Target"), self.tr("Both")), strict=True
        ):
            self.side_box.addItem(label, side)
        self.side_box.setCurrentIndex(SEARCH_SIDES.index("both"))

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Hits"))
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))

        self.find_next_action = QAction(self.tr("Find &Next"), self)
        self.find_next_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
        self.find_previous_action = QAction(self.tr("Find &Previous"), self)
        self.find_previous_action.setShortcut(
            QKeySequence(QKeySequence.StandardKey.FindPrevious)
        )
        for action in (self.find_next_action, self.find_previous_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

        self.previous_button = QToolButton(self)
        self.previous_button.setDefaultAction(self.find_previous_action)
        self.previous_button.setText("▲")
        self.previous_button.setAccessibleName(self.tr("Previous hit"))
        self.previous_button.setToolTip(self.tr("Previous hit (Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setDefaultAction(self.find_next_action)
        self.next_button.setText("▼")
        self.next_button.setAccessibleName(self.tr("Next hit"))
        self.next_button.setToolTip(self.tr("Next hit (F3)"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close search"))
        self.close_button.setToolTip(self.tr("Close (Escape)"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.side_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.side_box.currentIndexChanged.connect(self._on_side_box_changed)
        self.find_next_action.triggered.connect(self.next_hit)
        self.find_previous_action.triggered.connect(self.previous_hit)
        self.close_button.clicked.connect(self.close_bar)
        self._update_buttons()

    # --- the public face -------------------------------------------------------------------
    def set_target(self, target: SearchTarget | None) -> None:
        if self._target is not None:
            self._target.clear_search()
        self._target = target
        self._count = 0
        self._show_count(None)
        if target is not None and self.isVisible() and self.query:
            self.run_search()

    @property
    def query(self) -> str:
        return self.edit.text().strip()

    @property
    def side(self) -> str:
        return str(self.side_box.currentData())

    def set_side(self, side: str) -> None:
        if side not in SEARCH_SIDES:
            raise ValueError(f"side must be one of {', '.join(SEARCH_SIDES)}, not {side!r}")
        self.side_box.setCurrentIndex(SEARCH_SIDES.index(side))

    @property
    def hit_count(self) -> int:
        return self._count

    def open_bar(self, text: str | None = None) -> None:
        """Show the bar with the query selected (Ctrl+F); `text` replaces the query."""
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.query:
            self.run_search()

    @Slot()
    def close_bar(self) -> None:
        self._timer.stop()
        if self._target is not None:
            self._target.clear_search()
        self._count = 0
        self._show_count(None)
        self.hide()
        self.closed.emit()

    @Slot()
    def run_search(self) -> None:
        """Search now (typing searches by itself after a pause)."""
        self._timer.stop()
        if self._target is None:
            return
        if not self.query:
            self._target.clear_search()
            self._count = 0
            self._show_count(None)
        else:
            self._count = max(0, int(self._target.search(self.query, self.side)))
            self._show_count(0 if self._count else None)
        self._update_buttons()

    @Slot()
    def next_hit(self) -> None:
        self._step(forward=True)

    @Slot()
    def previous_hit(self) -> None:
        self._step(forward=False)

    # --- inside ------------------------------------------------------------------------------
    def _step(self, forward: bool) -> None:
        if self._target is None:
            return
        if self._timer.isActive():  # the user typed and pressed Enter before the pause ended
            self.run_search()
            if forward:
                return  # the search itself went to the first hit
        if not self._count:
            return
        current = self._target.next_hit() if forward else self._target.previous_hit()
        self._show_count(current)

    def _show_count(self, current: int | None) -> None:
        if not self.query or self._target is None:
            text = ""
        elif not self._count:
            text = self.tr("No hits")
        elif current is not None and 0 <= current < self._count:
            text = self.tr("%1 of %2").replace("%1", str(current + 1)).replace(
                "%2", str(self._count)
            )
        elif self._count == 1:
            text = self.tr("1 hit")
        else:
            text = self.tr("%1 hits").replace("%1", str(self._count))
        self.count_label.setText(text)

    def _update_buttons(self) -> None:
        has_hits = self._count > 0
        self.find_next_action.setEnabled(has_hits or bool(self.query))
        self.find_previous_action.setEnabled(has_hits or bool(self.query))

    @Slot(str)
    def _on_edit_text_changed(self, _text: str) -> None:
        self._update_buttons()
        self._timer.start()

    @Slot(int)
    def _on_side_box_changed(self, _index: int) -> None:
        if self.query:
            self.run_search()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(forward=not shift)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
