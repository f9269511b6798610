"""The grouped bar chart of one family (Qt Charts): a group per label, a bar per document."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QIODevice, QMargins, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.errors import InputError
from reader.core.files import check_output, write_output

# one colour per document, told apart in print and by colour-blind readers (Okabe–Ito)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")
# the size a chart is written at when the view has no size of its own (PNG is twice that)
EXPORT_SIZE = QSize(1000, 560)


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the chart shows: a family's labels (each with an Arabic form to show beneath it,
    or None), the documents, and values[document][label]."""

    family: str
    labels: list[tuple[str, str | None]]
    documents: list[str]
    values: list[list[float]]
    unit: str = "per 1,000 words"


def _is_dark() -> bool:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


class FamilyChart(QChartView):
    """Shows one ChartData; written to PNG or SVG as it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        self.data_shown: ChartData | None = None
        self.set_data(None)

    @property
    def series(self) -> QBarSeries | None:
        found = self.chart().series()
        return found[0] if found and isinstance(found[0], QBarSeries) else None

    def bar_sets(self) -> list[QBarSet]:
        series = self.series
        return list(series.barSets()) if series is not None else []

    def set_data(self, data: ChartData | None) -> None:
        """Build a new chart (a QChart is cheap; rebuilding keeps no stale axis around)."""
        self.data_shown = data
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if _is_dark()
                       else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundRoundness(0)
        # the exported picture is filled with the same colour: no frame of another colour
        chart.setBackgroundBrush(self._background())
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = QFont(self.font())
        chart.legend().setFont(font)
        if data is None or not data.labels:
            chart.setTitle(self.tr("No counts yet"))
            self._swap(chart)
            return
        chart.setTitle(self.tr("{0}: occurrences {1}").format(data.family, data.unit))
        series = QBarSeries()
        for i, (name, row) in enumerate(zip(data.documents, data.values, strict=True)):
            bars = QBarSet(name)
            bars.append([float(v) for v in row])
            bars.setColor(QColor(PALETTE[i % len(PALETTE)]))
            bars.setBorderColor(QColor(PALETTE[i % len(PALETTE)]))
            series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([wrapped(name) + (f"<br>{html.escape(form)}" if form else "")
                       for name, form in data.labels])
        axis_x.setLabelsFont(font)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        top = max((v for row in data.values for v in row), default=0.0)
        axis_y.setRange(0.0, max(top * 1.05, 0.5))
        axis_y.applyNiceNumbers()  # ticks on round values (0.5, 1, 2…), not 1.3 and 3.8
        axis_y.setLabelFormat("%.1f")
        axis_y.setTitleText(data.unit)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self._swap(chart)

    @staticmethod
    def _background() -> QColor:
        return QColor("#26282e") if _is_dark() else QColor(Qt.GlobalColor.white)

    def _swap(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    # export
    def _render_size(self) -> QSize:
        # a view never shown (or squeezed) is written at a readable size
        size = self.size()
        return size if size.width() >= 400 and size.height() >= 240 else EXPORT_SIZE

    def save_png(self, path: str | Path) -> Path:
        """The chart as a PNG at twice the size it shows (sharp on paper and on HiDPI)."""
        target = check_output(path)
        size = self._render_size()
        image = QImage(size * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2.0)
        image.fill(self._background())
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint(painter, size)
        painter.end()
        # written through a buffer: PNG whatever the file's name, and atomically
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 takes the format as str, though its stubs say bytes
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise InputError("cannot be written (PNG)", target)
        write_output(target, bytes(buffer.data().data()))
        return target

    def save_svg(self, path: str | Path) -> Path:
        """The chart as SVG (text stays text, so Arabic labels stay searchable)."""
        target = check_output(path)
        size = self._render_size()
        generator = QSvgGenerator()
        generator.setFileName(str(target))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        data = self.data_shown
        generator.setTitle(data.family if data is not None else "")
        painter = QPainter()
        if not painter.begin(generator):
            raise InputError("cannot be written (SVG)", target)
        self._paint(painter, size)
        painter.end()
        if not target.is_file() or target.stat().st_size == 0:
            raise InputError("cannot be written (SVG)", target)
        return target

    def _paint(self, painter: QPainter, size: QSize) -> None:
        # the chart is laid out again at the size written, then put back as the view shows it
        chart = self.chart()
        shown = chart.size()
        chart.resize(QSizeF(size))
        rect = QRectF(0, 0, size.width(), size.height())
        source = chart.mapRectToScene(QRectF(QPointF(0, 0), QSizeF(size)))
        self.scene().render(painter, rect, source)
        chart.resize(shown)


def wrapped(label: str, width: int = 16) -> str:
    """A long label on several lines (Qt Charts elides a category that does not fit its
    share of the axis; "state or capital named for its government" would lose its point)."""
    if len(label) <= width:
        return label
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(html.escape(line) for line in lines)
