"""A window's action: its shortcut works anywhere in the window, and F1 lists it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(
    window: QWidget, text: str, slot: Callable[..., object],
    shortcut: QKeySequence | str | None = None, tip: str = "", tooltip: str = "",
) -> QAction:
    """A QAction of `window` (added to it, so its shortcut works wherever the focus is)."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    if tooltip:
        action.setToolTip(tooltip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action
