"""A heat map beside the scroll bar: where in the whole pair the divergences are."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

STRIP_WIDTH = 14


@dataclass(frozen=True, slots=True)
class OverviewMark:
    """A stretch of the document (y in document coordinates) and its colour."""

    top: float
    bottom: float
    colour: QColor


class OverviewStrip(QWidget):
    """The marks are painted once into a pixmap per size; a paint only adds the view frame."""

    # document y the user asked to see (a click or a drag on the strip)
    scroll_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(STRIP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Divergence overview"))
        self.setToolTip(self.tr("Where the divergences are; click to go there"))
        self._marks: list[OverviewMark] = []
        self._total = 1.0
        self._view_top = 0.0
        self._view_height = 0.0
        self._cache: QPixmap | None = None

    def sizeHint(self) -> QSize:  # QWidget override
        return QSize(STRIP_WIDTH, 100)

    def set_marks(self, marks: list[OverviewMark], total_height: float) -> None:
        self._marks = marks
        self._total = max(total_height, 1.0)
        self._cache = None
        self.update()

    def marks(self) -> list[OverviewMark]:
        return list(self._marks)

    def set_view(self, top: float, height: float) -> None:
        if (top, height) != (self._view_top, self._view_height):
            self._view_top, self._view_height = top, height
            self.update()

    def _scale(self) -> float:
        return self.height() / self._total

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        scale = self._scale()
        width = float(self.width())
        for mark in self._marks:
            height = max((mark.bottom - mark.top) * scale, 2.0)
            colour = QColor(mark.colour)
            colour.setAlphaF(0.85)
            painter.fillRect(QRectF(1.0, mark.top * scale, width - 2.0, height), colour)
        painter.end()
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:  # QWidget override
        if self._cache is None or self._cache.deviceIndependentSize().toSize() != self.size():
            self._cache = self._render()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        scale = self._scale()
        frame = QRectF(
            0.5, self._view_top * scale, self.width() - 1.0, max(self._view_height * scale, 4.0)
        )
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget override
        self._cache = None
        super().resizeEvent(event)

    def _request(self, y: float) -> None:
        self.scroll_requested.emit(y / self._scale())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # QWidget override
        self._request(event.position().y())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # QWidget override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._request(event.position().y())
        event.accept()
