"""Annotations in the reading panes: painted in their tag's colour, named in tooltips."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from reader.core.annotate.annotations import Annotation, SpanRef, Status, TagRef
from reader.core.annotate.codebooks import Codebook, tag_label
from reader.ui.annotate.model import AnnotationModel
from reader.ui.app.theme import annotation_colour, is_dark
from reader.ui.reading.pair_view import PairView
from reader.ui.reading.text_pane import Mark, TextPane
from reader.ui.reading.utf16 import Utf16Map

SIDES = ("source", "target")
LAYER = "annotations"
# highlights are light enough to read through, and a little see-through where notes overlap
HIGHLIGHT_ALPHA = 150
# a codebook's own colours are pale, chosen for dark text: behind a dark theme's light text they
# are darkened to this HSL lightness (that of the theme's own annotation colours)
DARK_LIGHTNESS = 90


class Highlights(QObject):
    """Paints the annotations of a model in both panes and shows what they say under the
    pointer; finds the annotations at a place (Qt's UTF-16 positions become code points)."""

    def __init__(self, pair_view: PairView, model: AnnotationModel) -> None:
        super().__init__(pair_view)
        self.pair_view = pair_view
        self.model = model
        self.codebooks: list[Codebook] = []
        self._colours: dict[TagRef, QColor] = {}
        for side in SIDES:
            pair_view.pane(side).viewport().installEventFilter(self)
        pair_view.texts_refilled.connect(self.paint)  # a zoom lays the texts in afresh

    def set_codebooks(self, codebooks: list[Codebook]) -> None:
        self.codebooks = codebooks
        self._colours.clear()
        for codebook in codebooks:
            for n, tag in enumerate(codebook.tags):
                colour = QColor(tag.colour) if tag.colour else annotation_colour(n)
                self._colours[TagRef(codebook.id, tag.id)] = colour

    def colour_of(self, record: Annotation) -> QColor:
        colour = QColor(self._colours.get(record.tags[0], annotation_colour(0))) if (
            record.tags) else annotation_colour(7)
        if is_dark() and colour.lightness() > DARK_LIGHTNESS:
            colour = QColor.fromHsl(colour.hslHue(), colour.hslSaturation(), DARK_LIGHTNESS)
        colour.setAlpha(HIGHLIGHT_ALPHA)
        return colour

    def paint(self) -> None:
        """Paint every anchored annotation (and linked span) whose quote is where it says."""
        marks: dict[str, list[Mark]] = {side: [] for side in SIDES}
        for a in self.model.annotations():
            if a.status is not Status.ANCHORED:
                continue
            colour = self.colour_of(a)
            for span in (a.span, a.link):
                if span is not None and self._span_shown(span):
                    marks[span.side].append(Mark(span.paragraph, span.start, span.end, colour))
        for side in SIDES:
            self.pair_view.pane(side).set_layer(LAYER, marks[side])

    def _span_shown(self, span: SpanRef) -> bool:
        text = self.pair_view.pane(span.side).text
        if text is None or not 0 <= span.paragraph < len(text.paragraphs):
            return False
        return text.paragraphs[span.paragraph].text[span.start : span.end] == span.quote

    def describe(self, record: Annotation) -> str:
        """A tooltip: tags, comment, author; plain text."""
        index = {c.id: c for c in self.codebooks}
        lines = [", ".join(tag_label(index, t.codebook, t.tag) for t in record.tags)]
        if record.comment:
            lines.append(record.comment)
        if record.link is not None:
            lines.append("↔ «" + record.link.quote + "»")
        byline = " · ".join(x for x in (record.author, record.severity or "") if x)
        if byline:
            lines.append("— " + byline)
        return "\n".join(line for line in lines if line)

    # finding annotations
    def annotations_at(self, side: str, paragraph: int, offset: int) -> list[Annotation]:
        """Anchored annotations (or their linked spans) covering a code point of a paragraph."""
        found = []
        for a in self.model.annotations():
            if a.status is not Status.ANCHORED:
                continue
            for span in (a.span, a.link):
                if (span is not None and span.side == side and span.paragraph == paragraph
                        and span.start <= offset < span.end):
                    found.append(a)
                    break
        return found

    def offset_at(self, pane: TextPane, cursor: QTextCursor) -> tuple[int, int] | None:
        """(paragraph, code point) of a cursor's position in a pane, if in a paragraph."""
        paragraph = cursor.blockNumber() - 1
        if pane.text is None or not 0 <= paragraph < pane.paragraph_count:
            return None
        umap = Utf16Map(pane.text.paragraphs[paragraph].text)
        inside = min(cursor.position() - cursor.block().position(), umap.utf16_length)
        return paragraph, umap.from_utf16(max(inside, 0))

    def under(self, side: str, pos: QPoint) -> list[Annotation]:
        """The annotations at a point of a pane's viewport."""
        pane = self.pair_view.pane(side)
        where = self.offset_at(pane, pane.cursorForPosition(pos))
        return self.annotations_at(side, *where) if where else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for side in SIDES:
                pane = self.pair_view.pane(side)
                if watched is pane.viewport():
                    found = self.under(side, event.pos())
                    if found:
                        QToolTip.showText(
                            event.globalPos(), "\n\n".join(self.describe(a) for a in found),
                            pane.viewport(),
                        )
                    else:
                        QToolTip.hideText()
                    return True
        return False
