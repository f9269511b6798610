"""A plain reading view of one document, opened at a spot (a concordance line, a linked passage)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.text.document import Text
from reader.ui.app.fonts import font_for, line_height_percent
from reader.ui.app.settings import Settings
from reader.ui.reading.text_pane import Mark, TextPane

# the passage a view was opened at is tinted, the match itself selected
PASSAGE_TINT = QColor(255, 214, 102, 90)


class ReadingView(QWidget):
    """A window of its own (a document outside the open pair): the text laid out as the
    pair's panes lay it out (direction per paragraph), scrolled to the spot asked for."""

    def __init__(self, text: Text, title: str, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 760)
        self.text = text
        side = "source" if text.direction == "rtl" else "target"
        size = settings.font_size(side) * settings.zoom(side)
        font = font_for(text.direction, size)
        self.pane = TextPane(side, self)
        self.pane.setAccessibleName(title)
        self.pane.set_text(text, font, line_height_percent(font, settings.line_spacing(
            text.direction)))
        self.where = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.where)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)

    def show_at(self, paragraph: int, start: int, end: int) -> None:
        """Select code points start:end of a paragraph and bring them into view."""
        paragraph = min(max(paragraph, 0), len(self.text) - 1)
        self.pane.set_current((paragraph,))
        self.pane.set_layer("lens", [Mark(paragraph, 0, 0, PASSAGE_TINT, whole_paragraph=True)],
                            full_width=True)
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(self.pane.position(paragraph, start))
        cursor.setPosition(self.pane.position(paragraph, end), QTextCursor.MoveMode.KeepAnchor)
        self.pane.setTextCursor(cursor)
        self.pane.ensureCursorVisible()
        self.where.setText(self.tr("Paragraph {0}").format(paragraph + 1))

    def selected_text(self) -> str:
        return self.pane.textCursor().selectedText()
