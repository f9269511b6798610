"""The strip between the panes: each bead drawn as a band joining its paragraphs on both sides."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GUTTER_WIDTH = 44
# beads below this confidence get a dashed outline: worth a second look
DOUBTFUL = 0.5


@dataclass(frozen=True, slots=True)
class BeadBand:
    """Where a bead's paragraphs sit on each side of the gutter (document y; equal extents on a
    side mean the bead has no paragraph there)."""

    bead: int
    left_top: float
    left_bottom: float
    right_top: float
    right_bottom: float

    @property
    def top(self) -> float:
        return min(self.left_top, self.right_top)

    @property
    def bottom(self) -> float:
        return max(self.left_bottom, self.right_bottom)


class LinkGutter(QWidget):
    """Paints only the bands in view: a binary search finds the first one."""

    bead_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(GUTTER_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Alignment links"))
        self._bands: list[BeadBand] = []
        self._bottoms: list[float] = []
        self._colours: list[QColor] = []
        self._confidence: list[float] = []
        self._states: list[str] = []
        self._offset = 0.0
        self._current = -1

    def sizeHint(self) -> QSize:  # QWidget override
        return QSize(GUTTER_WIDTH, 100)

    def set_bands(
        self, bands: list[BeadBand], colours: list[QColor], confidence: list[float],
        states: list[str] | None = None,
    ) -> None:
        """`states` are the beads' states: a confirmed bead gets a tick, an edited one a dot."""
        self._bands = bands
        self._states = states or []
        # bands are in document order, so their bottoms only grow: bisect on them
        running = float("-inf")
        self._bottoms = []
        for band in bands:
            running = max(running, band.bottom)
            self._bottoms.append(running)
        self._colours = colours
        self._confidence = confidence
        self.update()

    def set_colours(self, colours: list[QColor]) -> None:
        self._colours = colours
        self.update()

    def bead_geometry(self) -> list[BeadBand]:
        """Every bead's band, in document coordinates (what the painter draws from)."""
        return list(self._bands)

    def set_offset(self, offset: float) -> None:
        """Document y shown at the top of the panes' viewports."""
        if offset != self._offset:
            self._offset = offset
            self.update()

    def set_current(self, bead: int) -> None:
        if bead != self._current:
            self._current = bead
            self.update()

    def visible_beads(self) -> range:
        """Indices of the beads whose bands reach into the gutter's height."""
        first = bisect_left(self._bottoms, self._offset)
        last = first
        limit = self._offset + self.height()
        while last < len(self._bands) and self._bands[last].top <= limit:
            last += 1
        return range(first, last)

    def paintEvent(self, event: QPaintEvent) -> None:  # QWidget override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        width = float(self.width())
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        for b in self.visible_beads():
            band = self._bands[b]
            path = self._band_path(band, width)
            colour = QColor(self._colours[b]) if b < len(self._colours) else QColor(text_colour)
            confidence = self._confidence[b] if b < len(self._confidence) else 1.0
            fill = QColor(colour)
            fill.setAlphaF(
                min(1.0, 0.12 + 0.38 * confidence) * (1.0 if b == self._current else 0.75)
            )
            outline = QColor(colour)
            pen = QPen(outline, 2.0 if b == self._current else 1.0)
            if confidence < DOUBTFUL:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
            state = self._states[b] if b < len(self._states) else "automatic"
            if state != "automatic":
                self._mark_state(painter, band, width, state, text_colour)
        painter.end()

    def _mark_state(
        self, painter: QPainter, band: BeadBand, width: float, state: str, colour: QColor
    ) -> None:
        """A tick on a confirmed bead, a dot on an edited one, where its band is narrowest."""
        lt, lb = band.left_top, band.left_bottom
        rt, rb = band.right_top, band.right_bottom
        y = (max(lt, rt) + min(lb, rb)) / 2.0 if min(lb, rb) > max(lt, rt) else (
            (band.top + band.bottom) / 2.0)
        y -= self._offset
        x = width / 2.0
        painter.setBrush(colour)
        if state == "confirmed":
            pen = QPen(colour, 2.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPolyline([QPointF(x - 5, y), QPointF(x - 1.5, y + 3.5),
                                  QPointF(x + 5, y - 4)])
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(x, y), 2.5, 2.5)

    def _band_path(self, band: BeadBand, width: float) -> QPainterPath:
        off = self._offset
        lt, lb = band.left_top - off, band.left_bottom - off
        rt, rb = band.right_top - off, band.right_bottom - off
        mid = width / 2.0
        path = QPainterPath()
        if lb - lt < 0.5 or rb - rt < 0.5:
            # a paragraph with no counterpart: the band ends in a point short of the other side
            on_left = lb - lt >= 0.5
            top, bottom = (lt, lb) if on_left else (rt, rb)
            edge, tip = (0.0, width * 0.7) if on_left else (width, width * 0.3)
            centre = (top + bottom) / 2.0
            path.moveTo(edge, top)
            path.cubicTo(QPointF((edge + tip) / 2, top), QPointF(tip, centre), QPointF(tip, centre))
            path.cubicTo(
                QPointF(tip, centre), QPointF((edge + tip) / 2, bottom), QPointF(edge, bottom)
            )
            path.closeSubpath()
            return path
        path.moveTo(0.0, lt)
        path.cubicTo(QPointF(mid, lt), QPointF(mid, rt), QPointF(width, rt))
        path.lineTo(width, rb)
        path.cubicTo(QPointF(mid, rb), QPointF(mid, lb), QPointF(0.0, lb))
        path.closeSubpath()
        return path

    def bead_at(self, y: float) -> int:
        """The bead whose band covers a gutter y coordinate, or -1."""
        doc_y = y + self._offset
        for b in self.visible_beads():
            band = self._bands[b]
            if band.top - 2 <= doc_y <= band.bottom + 2:
                return b
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:  # QWidget override
        bead = self.bead_at(event.position().y())
        if bead >= 0:
            self.bead_clicked.emit(bead)
        event.accept()
