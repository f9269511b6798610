"""Themes, the colour palette of divergences, and the bundled Arabic font."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetricsF, QPalette, QRawFont
from PySide6.QtWidgets import QApplication

from reader.core.diverge.records import DivergenceKind
from reader.ui.app import fonts, theme
from reader.ui.app.settings import Settings


@pytest.fixture
def prefs(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "prefs.ini")


def window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_dark_and_light_themes_set_the_palette(app: QApplication, prefs: Settings) -> None:
    prefs.theme = "dark"
    assert theme.apply_theme(app, prefs) is True
    assert window_lightness(app) < 80
    assert theme.is_dark()
    prefs.theme = "light"
    assert theme.apply_theme(app, prefs) is False
    assert window_lightness(app) > 200
    assert not theme.is_dark()


def test_system_theme_follows_the_colour_scheme(app: QApplication, prefs: Settings) -> None:
    prefs.theme = "system"
    dark = theme.apply_theme(app, prefs)
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        assert dark
    elif scheme == Qt.ColorScheme.Light:
        assert not dark
    assert (window_lightness(app) < 128) == dark


def test_every_kind_has_its_own_colour_in_both_themes() -> None:
    for dark in (False, True):
        colours = [theme.divergence_colour(k, dark).name() for k in DivergenceKind]
        assert len(set(colours)) == len(colours)


def test_palette_is_okabe_ito() -> None:
    okabe_ito = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}
    light = {theme.divergence_colour(k, dark=False).name() for k in DivergenceKind}
    assert okabe_ito <= light


def test_unknown_kind_gets_a_colour_and_a_label() -> None:
    assert theme.divergence_colour("some_future_kind", dark=False).isValid()
    assert theme.kind_label("some_future_kind") == "Some future kind"


def test_legend_lists_every_kind_with_a_readable_label() -> None:
    entries = theme.legend(dark=False)
    assert [k for k, _, _ in entries] == [str(k) for k in DivergenceKind]
    for kind, label, colour in entries:
        assert label and "_" not in label
        assert colour == theme.divergence_colour(kind, dark=False)


def test_backgrounds_are_see_through() -> None:
    for kind in DivergenceKind:
        assert 0 < theme.divergence_background(kind, dark=False).alpha() < 255


def test_confidence_ramp_runs_from_doubt_to_certainty() -> None:
    low, mid, high = (theme.confidence_colour(c, dark=False) for c in (0.0, 0.5, 1.0))
    assert low == QColor("#E69F00")
    assert high == QColor("#0072B2")
    assert low != mid != high
    assert theme.confidence_colour(-3, dark=False) == low
    assert theme.confidence_colour(7, dark=False) == high
    assert theme.confidence_colour(float("nan"), dark=False) == low


def test_annotation_colours_cycle_and_differ() -> None:
    first = [theme.annotation_colour(i, dark=False).name() for i in range(8)]
    assert len(set(first)) == 8
    assert theme.annotation_colour(8, dark=False) == theme.annotation_colour(0, dark=False)


def test_highlight_differs_between_themes() -> None:
    assert theme.highlight_colour(dark=True) != theme.highlight_colour(dark=False)
    assert theme.highlight_colour(dark=True).lightness() < theme.highlight_colour(False).lightness()


def test_bundled_arabic_font_is_shipped_with_its_licence() -> None:
    files = sorted(p.name for p in fonts.FONT_DIR.glob("*.ttf"))
    assert files == ["Amiri-Bold.ttf", "Amiri-Regular.ttf"]
    assert (fonts.FONT_DIR / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") == 1
    assert "fonts-hosny-amiri" in (fonts.FONT_DIR / "README.md").read_text()
    assert sum(p.stat().st_size for p in fonts.FONT_DIR.glob("*.ttf")) < 2 * 1024 * 1024


def test_arabic_font_is_amiri_and_covers_arabic(qapp: QApplication) -> None:
    assert "Amiri" in fonts.load_bundled_fonts()
    assert fonts.load_bundled_fonts() == fonts.load_bundled_fonts()  # registered once
    font = fonts.arabic_font(17)
    assert QFontInfo(font).family() == "Amiri"
    assert font.pointSizeF() == 17
    raw = QRawFont.fromFont(font)
    assert all(raw.supportsCharacter(ord(c)) for c in "الأسدَُِّ٠١٢ـ")
    bold = fonts.arabic_font(17)
    bold.setBold(True)
    assert QFontInfo(bold).bold()


def test_latin_font_has_its_size(qapp: QApplication) -> None:
    font = fonts.latin_font(12.5)
    assert font.pointSizeF() == 12.5
    assert QRawFont.fromFont(font).supportsCharacter(ord("A"))
    assert fonts.font_for("rtl", 12).families()[0] == "Amiri"


def test_line_height_never_clips_the_font(qapp: QApplication) -> None:
    font = fonts.arabic_font(16)
    assert fonts.line_height_percent(font, 1.0) == 100.0  # tighter than the font: its own
    loose = fonts.line_height_percent(font, 3.0)
    px = QFontInfo(font).pixelSize()
    assert loose == pytest.approx(300 * px / QFontMetricsF(font).lineSpacing())
