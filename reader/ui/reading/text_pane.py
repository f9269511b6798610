"""One reading pane: a text's paragraphs as blocks, each laid out in its own direction."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from reader.core.text.document import Text
from reader.core.text.kinds import Kind
from reader.core.text.language import paragraph_is_rtl
from reader.ui.app.theme import highlight_colour
from reader.ui.reading.layer_blend import underlines
from reader.ui.reading.utf16 import Utf16Map
from reader.ui.reading.zoom import wheel_factor

# room around the text of the whole document (both panes share it, so beads stay level)
DOCUMENT_MARGIN = 14.0
# room that the padding keeps between two beads, and between two paragraphs of one bead (less,
# so that beads still read as units, but a break a reader sees)
BEAD_GAP = 12.0
PARAGRAPH_GAP = 8.0
POST_INDENT = 28.0


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to paint behind the text: code-point offsets inside one paragraph."""

    paragraph: int
    start: int
    end: int
    colour: QColor
    whole_paragraph: bool = False


def block_text(paragraph_text: str) -> str:
    """A paragraph as one block: a newline would split the block (hard-wrapped paragraphs
    read in block mode), so it becomes a space, which keeps every offset."""
    return paragraph_text.replace("\n", " ").replace("\u2029", " ")


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def _is_rtl(paragraph_text: str, rtl_text: bool) -> bool:
    """paragraph_is_rtl, asked only of paragraphs that mix scripts (it counts letter by letter,
    which a book-length text cannot afford for every paragraph)."""
    if rtl_text and not _LATIN.search(paragraph_text):
        return True
    if not rtl_text and not _ARABIC_SCRIPT.search(paragraph_text):
        return False
    return paragraph_is_rtl(paragraph_text, rtl_text)


def _spacer_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(1.0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return fmt


class TextPane(QTextEdit):
    """A read-only view of one Text, one block per paragraph; block number = paragraph index."""

    # the user moved to a paragraph (click or keyboard)
    paragraph_activated = Signal(int)
    # Ctrl+wheel: a zoom factor for both panes (QTextEdit would zoom this one alone)
    zoom_requested = Signal(float)

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.text: Text | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._maps: dict[int, Utf16Map] = {}
        self._bottoms: list[float] = []
        self._lead = 0.0
        self._rtl: list[bool] = []
        self._current: tuple[int, ...] = ()
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._last_block = -1
        self._quiet = False
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)

    # building
    def set_text(self, text: Text, font: QFont, line_height: float) -> None:
        """Lay out a text: one edit block, one block format per paragraph; `line_height` is
        Qt's proportional line height in percent (reader.ui.app.fonts.line_height_percent)."""
        self.text = text
        self._maps.clear()
        self._layers.clear()
        self._current = ()
        self._last_block = -1
        rtl_text = text.direction == "rtl"
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        muted = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        plain = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(font.pointSizeF() * 1.15)
        quiet = QTextCharFormat()
        quiet.setForeground(muted)
        post = QTextCharFormat()
        post.setFontPointSize(font.pointSizeF() * 0.92)
        formats = {
            Kind.HEADING: heading,
            Kind.EMBEDDED_POST: post,
            Kind.DUPLICATE: quiet,
            Kind.BOILERPLATE: quiet,
        }
        self._rtl = [_is_rtl(p.text, rtl_text) for p in text.paragraphs]
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        # a thin empty block before the first paragraph and after the last: the space they
        # hold can change without touching the root frame, which would lay out everything again
        cursor.setBlockFormat(_spacer_format())
        for p, rtl in zip(text.paragraphs, self._rtl, strict=True):
            cursor.insertBlock(self._block_format(rtl, line_height, p.kind))
            cursor.insertText(block_text(p.text), formats.get(p.kind, plain))
        cursor.insertBlock(_spacer_format())
        cursor.endEditBlock()
        self._bottoms = [0.0] * len(text.paragraphs)
        self._lead = 0.0
        # a document this pane made is its to delete; Qt deletes its own default one
        old = self.document()
        ours = old.parent() is self
        self.setDocument(doc)
        if ours:
            old.deleteLater()
        self._refresh_selections()

    @staticmethod
    def _block_format(rtl: bool, line_height: float, kind: Kind) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        # explicit per block: a paragraph starting with a handle, a number or Latin letters
        # would otherwise be laid out left to right by the first strong character
        fmt.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeading)
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if kind is Kind.EMBEDDED_POST:
            fmt.setLeftMargin(POST_INDENT)
            fmt.setRightMargin(POST_INDENT)
        return fmt

    def is_rtl(self, paragraph: int) -> bool:
        return self._rtl[paragraph]

    @property
    def paragraph_count(self) -> int:
        return len(self._bottoms)

    # geometry (document coordinates)
    def block(self, paragraph: int) -> QTextBlock:
        """The block of a paragraph (block 0 is the spacer before the first paragraph)."""
        return self.document().findBlockByNumber(paragraph + 1)

    def block_rect(self, paragraph: int) -> tuple[float, float]:
        """Top and bottom of a paragraph's text (Qt's block rectangles leave margins out)."""
        rect = self.document().documentLayout().blockBoundingRect(self.block(paragraph))
        return rect.top(), rect.bottom()

    def measure(self, first: int, last: int) -> list[float]:
        """How far each paragraph first..last moves the next one down, padding excluded.

        Read from each block's own lines, as Qt's layout adds them up (a proportional line
        height applied to the line's rounded-up height, in Qt's 1/64 pixel units): block
        positions cannot be trusted while Qt is still laying out a changed document piecemeal.
        `natural_heights` measures from positions, once the layout is complete.
        """
        layout = self.document().documentLayout()
        heights: list[float] = []
        block = self.block(first)
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        for _ in range(last - first + 1):
            rect = layout.blockBoundingRect(block)  # lays the block out
            fmt = block.blockFormat()
            if fmt.lineHeightType() != proportional:
                heights.append(rect.height())
            else:
                factor = fmt.lineHeight() / 100.0
                lines = block.layout()
                total = 0.0
                for k in range(lines.lineCount()):
                    line = lines.lineAt(k)
                    raw = math.ceil(line.ascent() + line.descent() + line.leading())
                    total += math.floor(raw * factor * 64.0) / 64.0
                heights.append(total)
            block = block.next()
        return heights

    def natural_heights(self) -> list[float]:
        """Every paragraph's height without the padding, from block positions (lays the whole
        document out; exact once Qt has finished, whatever its line-height arithmetic)."""
        layout = self.document().documentLayout()
        tops: list[float] = []
        block = self.block(0)
        for _ in range(self.paragraph_count + 1):  # and the spacer after the last paragraph
            tops.append(layout.blockBoundingRect(block).top())
            block = block.next()
        return [tops[i + 1] - tops[i] - self._bottoms[i] for i in range(self.paragraph_count)]

    def _margin_scale(self) -> float:
        # Qt multiplies block margins by the paint device's DPI over 96; padding is in pixels
        device = self.document().documentLayout().paintDevice()
        return device.logicalDpiY() / 96.0 if device is not None else 1.0

    def set_padding(self, bottoms: dict[int, float], lead: float | None = None) -> None:
        """Space below some paragraphs (and, with `lead`, before the first), in pixels.

        One edit block; Qt lays out again only the blocks changed. Only bottom margins: Qt
        collapses a block's top margin with the previous block's bottom margin.
        """
        scale = self._margin_scale()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        if lead is not None and lead != self._lead:
            self._set_bottom_margin(self.document().begin(), lead / scale)
            self._lead = lead
        for i, value in bottoms.items():
            if value != self._bottoms[i]:
                self._set_bottom_margin(self.block(i), value / scale)
                self._bottoms[i] = value
        cursor.endEditBlock()

    @staticmethod
    def _set_bottom_margin(block: QTextBlock, margin: float) -> None:
        fmt = block.blockFormat()
        fmt.setBottomMargin(margin)
        QTextCursor(block).setBlockFormat(fmt)

    def paragraph_at(self, y: float) -> int:
        """The paragraph under a viewport y coordinate."""
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, int(y)))
        return self._paragraph_of_block(cursor.blockNumber())

    def content_top(self) -> float:
        """Where the first bead starts: below the document margin and the spacer, above the lead."""
        return self.block_rect(0)[0] - self._lead

    def _paragraph_of_block(self, block_number: int) -> int:
        return min(max(block_number - 1, 0), self.paragraph_count - 1)

    # positions
    def position(self, paragraph: int, offset: int) -> int:
        """Document position (UTF-16) of a code-point offset inside a paragraph."""
        assert self.text is not None
        umap = self._maps.get(paragraph)
        if umap is None:
            umap = self._maps[paragraph] = Utf16Map(self.text.paragraphs[paragraph].text)
        return self.block(paragraph).position() + umap.to_utf16(min(max(offset, 0), umap.length))

    def paragraph_range(self, paragraph: int) -> tuple[int, int]:
        block = self.block(paragraph)
        return block.position(), block.position() + max(block.length() - 1, 0)

    # highlights
    @property
    def current_paragraphs(self) -> tuple[int, ...]:
        return self._current

    def set_current(self, paragraphs: tuple[int, ...], move_caret: bool = True) -> None:
        """Highlight the current paragraphs (a bead's run on this side)."""
        self._current = tuple(paragraphs)
        if not self._current:
            # nothing of this side is current (a bead left out here): a click on any paragraph
            # of it, even the one clicked last, is news
            self._last_block = -1
        colour = highlight_colour()
        marks = [Mark(i, 0, 0, colour, whole_paragraph=True) for i in self._current]
        self.set_layer("current", marks, full_width=True)
        if move_caret and self._current:
            self._quiet = True
            try:
                cursor = self.textCursor()
                cursor.setPosition(self.paragraph_range(self._current[0])[0])
                self.setTextCursor(cursor)
                self._last_block = self._current[0]
            finally:
                self._quiet = False

    def set_layer(self, name: str, marks: list[Mark], full_width: bool = False) -> None:
        """Replace one layer of painted spans ("current", "divergences", "search", or any
        other name, e.g. "annotations")."""
        selections: list[QTextEdit.ExtraSelection] = []
        doc = self.document()
        for mark in marks:
            if not 0 <= mark.paragraph < self.paragraph_count:
                continue
            cursor = QTextCursor(doc)
            if mark.whole_paragraph:
                start, end = self.paragraph_range(mark.paragraph)
            else:
                start = self.position(mark.paragraph, mark.start)
                end = self.position(mark.paragraph, mark.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            # a background only: character formats that change shaping would break the joins
            # between Arabic letters at the span's edges
            fmt.setBackground(mark.colour)
            if full_width:
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.format = fmt
            selections.append(selection)
        self._layers[name] = selections
        self._refresh_selections()

    def _refresh_selections(self) -> None:
        # later layers paint over earlier ones: other layers (annotations) go between the
        # divergences and the search hits, underlined where they lie on a divergence
        first, last = ("current", "sentences", "divergences"), ("search", "search_current")
        others = [s for name in self._layers if name not in first + last
                  for s in self._layers[name]]
        merged: list[QTextEdit.ExtraSelection] = []
        for name in first:
            merged.extend(self._layers.get(name, []))
        merged += others
        merged += underlines(self._layers.get("divergences", []), others)
        for name in last:
            merged.extend(self._layers.get(name, []))
        self.setExtraSelections(merged)

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y():
                self.zoom_requested.emit(wheel_factor(event.angleDelta().y()))
            event.accept()
            return
        super().wheelEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        super().mouseReleaseEvent(event)
        # a click where the caret already was moves nothing, so no cursorPositionChanged: the
        # paragraph clicked is made current here unless it already is (or words were selected)
        if (event.button() == Qt.MouseButton.LeftButton and self.text is not None
                and not self.textCursor().hasSelection()):
            block = self._paragraph_of_block(self.textCursor().blockNumber())
            if block not in self._current:
                self._last_block = block
                self.paragraph_activated.emit(block)

    def _on_cursor_position_changed(self) -> None:
        if self._quiet or self.text is None:
            return
        block = self._paragraph_of_block(self.textCursor().blockNumber())
        if block != self._last_block:
            self._last_block = block
            self.paragraph_activated.emit(block)
