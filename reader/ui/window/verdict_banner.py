"""The banner above the panes when the two texts do not look like a translation of each other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from reader.core.diverge.verdict import PairVerdict
from reader.ui.app.theme import is_dark

# amber, as a warning reads everywhere; text stays dark on it in both themes
_BACKGROUND = ("#FFF3CD", "#5C4A12")
_BORDER = ("#E6B800", "#C9A227")


class VerdictBanner(QFrame):
    """Says the texts look unrelated; offers to read them as two sources (the window then
    puts the divergence list away: its findings mean nothing here) or to dismiss the note."""

    compare_as_sources = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.setAccessibleName(self.tr("Not a translation"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources_button = QPushButton(self.tr("Compare as &Sources"), self)
        self.sources_button.setToolTip(self.tr(
            "Read the two texts side by side without the divergence list"))
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss"))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.sources_button)
        row.addWidget(self.dismiss_button)
        self.sources_button.clicked.connect(self._on_sources_button_clicked)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.apply_theme()
        self.hide()

    def apply_theme(self) -> None:
        dark = is_dark()
        self.setStyleSheet(
            f"#verdictBanner {{ background: {_BACKGROUND[dark]}; "
            f"border-bottom: 1px solid {_BORDER[dark]}; }}"
        )
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#F5F5F5" if dark else "#1A1A1A"))
        self.label.setPalette(palette)

    def show_verdict(self, verdict: PairVerdict | None) -> None:
        """Shown for a pair that is not a translation, hidden for any other."""
        if verdict is None or verdict.is_translation:
            self.hide()
            return
        self.label.setText(self.tr(
            "<b>These texts do not look like a translation of each other</b> — comparing them "
            "as sources instead? Only {0:.0%} of the paragraphs paired match better than their "
            "neighbours, so the pairing and the divergences below are guesswork."
        ).format(verdict.translation_score))
        self.apply_theme()
        self.show()

    @Slot()
    def dismiss(self) -> None:
        self.hide()

    @Slot()
    def _on_sources_button_clicked(self) -> None:
        self.hide()
        self.compare_as_sources.emit()
