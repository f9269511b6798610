"""Fonts for reading: the bundled Arabic font, registered with Qt, and the fonts of each side."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetricsF

from reader.resources import resource_path

log = logging.getLogger(__name__)

FONT_DIR = resource_path("fonts")
BUNDLED_ARABIC = "Amiri"
# in order of preference; the bundled one comes first so that every machine reads alike
ARABIC_FAMILIES = [BUNDLED_ARABIC, "Noto Naskh Arabic", "Scheherazade New", "Noto Sans Arabic",
                   "Geeza Pro", "Traditional Arabic", "Arial", "DejaVu Sans"]
LATIN_FAMILIES = ["Noto Serif", "Source Serif 4", "Georgia", "Cambria", "DejaVu Serif"]

_loaded: dict[str, list[str]] = {}


def load_bundled_fonts() -> list[str]:
    """Register every font file in resources/fonts/ once; return the families now available.

    Needs a QGuiApplication. A file that Qt refuses is logged and skipped: the program still
    runs on the system's fonts.
    """
    if not _loaded:
        for path in sorted(FONT_DIR.glob("*.[to]tf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load the font %s", path)
                continue
            _loaded[str(path)] = QFontDatabase.applicationFontFamilies(font_id)
    return sorted({family for families in _loaded.values() for family in families})


def _font(families: list[str], size: float) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(max(float(size), 1.0))
    # kerning and ligatures are what make Naskh legible; never let Qt drop them for speed
    font.setKerning(True)
    font.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
    return font


def arabic_font(size: float) -> QFont:
    """A Naskh font for long reading, the bundled Amiri if nothing is preferred over it."""
    load_bundled_fonts()
    return _font(ARABIC_FAMILIES, size)


def latin_font(size: float) -> QFont:
    """A serif for long reading in English, falling back to the system's general font."""
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    return _font([*LATIN_FAMILIES, general], size)


def font_for(direction: str, size: float) -> QFont:
    """The reading font of a text, by its direction ('rtl' or 'ltr')."""
    return arabic_font(size) if direction == "rtl" else latin_font(size)


def line_height_percent(font: QFont, spacing: float) -> float:
    """Qt's proportional line height (percent) for a line spacing given in ems of `font`.

    Spacing is stated in ems because fonts differ widely in their own line height (Amiri's is
    1.7 em, to make room for stacked marks); it never goes below the font's own, so that marks
    are not clipped. Use it as `QTextBlockFormat.setLineHeight(p, ProportionalHeight)`.
    """
    metrics = QFontMetricsF(font)
    em = QFontInfo(font).pixelSize() or metrics.height()
    natural = metrics.lineSpacing()
    if natural <= 0:
        return 100.0
    return max(100.0, 100.0 * spacing * em / natural)
