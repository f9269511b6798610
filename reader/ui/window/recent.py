"""File ▸ Recent pairs: the last pairs opened, most recent first, and Clear."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.app.settings import Settings


class RecentPairsMenu(QMenu):
    """Rebuilt each time it opens, so that it always shows what Settings hold."""

    pair_chosen = Signal(str, str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open &Recent"))
        self._settings = settings
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    @Slot()
    def rebuild(self) -> None:
        self.clear()
        pairs = self._settings.recent_pairs
        for number, (source, target) in enumerate(pairs, start=1):
            # numbers 1-9 and 0 give each of the ten entries a keyboard accelerator
            label = f"&{number % 10} {_escape(Path(source).name)} ↔ {_escape(Path(target).name)}"
            action = QAction(label, self)
            action.setToolTip(f"{source}\n{target}")
            action.setStatusTip(f"{source} ↔ {target}")
            action.setData([source, target])
            action.triggered.connect(self._on_action_triggered)
            self.addAction(action)
        if not pairs:
            empty = self.addAction(self.tr("No recent pairs"))
            empty.setEnabled(False)
        self.addSeparator()
        self.clear_action = self.addAction(self.tr("&Clear the list"))
        self.clear_action.setEnabled(bool(pairs))
        self.clear_action.triggered.connect(self._on_clear_triggered)
        self.setToolTipsVisible(True)

    def pair_actions(self) -> list[QAction]:
        return [a for a in self.actions() if isinstance(a.data(), list)]

    @Slot()
    def _on_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            source, target = action.data()
            self.pair_chosen.emit(source, target)

    @Slot()
    def _on_clear_triggered(self) -> None:
        self._settings.clear_recent_pairs()
        self.rebuild()


def _escape(name: str) -> str:
    return name.replace("&", "&&")
