"""Light and dark themes, and the colours that mark divergences, confidence and annotations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.diverge import labels as core_labels
from reader.core.diverge.records import DivergenceKind
from reader.ui.app.settings import Settings

_DARK_PROPERTY = "readerDarkTheme"
_SYSTEM_PALETTE_PROPERTY = "readerSystemPalette"

# Okabe & Ito (2008), "Color Universal Design": told apart under every common colour-vision
# deficiency. Dark variants are lifted so that they keep their contrast on a dark background.
_OKABE_ITO = {
    "orange": ("#E69F00", "#F0B43C"),
    "sky_blue": ("#56B4E9", "#7CC6F0"),
    "bluish_green": ("#009E73", "#2FC79C"),
    "yellow": ("#F0E442", "#F0E442"),
    "blue": ("#0072B2", "#4BA3E0"),
    "vermillion": ("#D55E00", "#F07D2E"),
    "reddish_purple": ("#CC79A7", "#DC9CC0"),
    "grey": ("#7F7F7F", "#B0B0B0"),
}

# Four more from Paul Tol's "muted" scheme, also told apart under colour-vision deficiencies,
# for the kinds of the fidelity review (words left out, terminology, the user's checks).
_TOL_MUTED = {
    "teal": ("#44AA99", "#66C2B3"),
    "olive": ("#999933", "#BDBD55"),
    "wine": ("#882255", "#C35A8E"),
    "indigo": ("#332288", "#8677D9"),
}

_KIND_COLOUR: dict[str, str] = {
    DivergenceKind.OMISSION: "vermillion",
    DivergenceKind.SENTENCE_OMISSION: "orange",
    DivergenceKind.ADDITION: "bluish_green",
    DivergenceKind.EMBEDDED_POST: "reddish_purple",
    DivergenceKind.NUMBER_MISMATCH: "blue",
    DivergenceKind.DATE_MISMATCH: "sky_blue",
    DivergenceKind.NAME_MISMATCH: "yellow",
    DivergenceKind.LENGTH_ANOMALY: "grey",
    DivergenceKind.PHRASE_OMISSION: "wine",
    DivergenceKind.TERM_MISSING: "teal",
    DivergenceKind.TERM_INCONSISTENT: "olive",
    DivergenceKind.USER_CHECK: "indigo",
}

# Paul Tol's "light" scheme: pale, colour-blind safe, dark text stays readable on all of them
_ANNOTATION_LIGHT = [
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#DDDDDD",
]
# the same hues, darkened to sit behind light text
_ANNOTATION_DARK = [
    "#2F5F8F", "#9A4A2C", "#8A7A2A", "#9A5566", "#2C7A99", "#1F6F5A", "#66731A", "#5A5A5A",
]


def _label(kind: str) -> str:
    # The core holds the one English vocabulary, marked for lupdate where it is written
    # (reader/core/diverge/labels.py); here it is only translated for the window.
    return QCoreApplication.translate(core_labels.LABEL_CONTEXT, core_labels.kind_label(kind))


def is_dark() -> bool:
    """Whether the running application shows a dark theme."""
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        flag = app.property(_DARK_PROPERTY)
        if isinstance(flag, bool):
            return flag
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return False


def _dark(dark: bool | None) -> bool:
    return is_dark() if dark is None else dark


def divergence_colour(kind: str, dark: bool | None = None) -> QColor:
    """The colour of a divergence kind (opaque: for the gutter, the overview strip, the legend)."""
    name = _KIND_COLOUR.get(kind, "grey")
    return QColor({**_OKABE_ITO, **_TOL_MUTED}[name][1 if _dark(dark) else 0])


def divergence_background(kind: str, dark: bool | None = None) -> QColor:
    """A see-through version of the kind's colour, to put behind text without hiding it."""
    colour = divergence_colour(kind, dark)
    colour.setAlpha(110 if _dark(dark) else 80)
    return colour


def confidence_colour(confidence: float, dark: bool | None = None) -> QColor:
    """From orange (doubtful) to blue (sure): a ramp that reads the same to colour-blind eyes."""
    c = min(max(float(confidence), 0.0), 1.0) if confidence == confidence else 0.0
    low, high = QColor(_OKABE_ITO["orange"][_dark(dark)]), QColor(_OKABE_ITO["blue"][_dark(dark)])
    return QColor.fromRgbF(
        low.redF() + (high.redF() - low.redF()) * c,
        low.greenF() + (high.greenF() - low.greenF()) * c,
        low.blueF() + (high.blueF() - low.blueF()) * c,
    )


def annotation_colour(index: int, dark: bool | None = None) -> QColor:
    """The colour of the index-th annotation tag (cycles after eight)."""
    palette = _ANNOTATION_DARK if _dark(dark) else _ANNOTATION_LIGHT
    return QColor(palette[index % len(palette)])


def highlight_colour(dark: bool | None = None) -> QColor:
    """Background of the current paragraph and its counterpart: visible, yet quiet to read on."""
    return QColor("#2B4A6B") if _dark(dark) else QColor("#DCEBFA")


def search_hit_colour(current: bool = False, dark: bool | None = None) -> QColor:
    """Background of search hits; the current hit stronger than the rest."""
    if _dark(dark):
        return QColor("#B8860B") if current else QColor("#6B5A1E")
    return QColor("#FFB000") if current else QColor("#FFE8A0")


def legend(dark: bool | None = None) -> list[tuple[str, str, QColor]]:
    """(kind, readable label, colour) for every divergence kind, in a stable order."""
    return [(str(k), _label(k), divergence_colour(k, dark)) for k in DivergenceKind]


def kind_label(kind: str) -> str:
    """The label of a divergence kind in the window's language."""
    return _label(kind)


def _palette(dark: bool) -> QPalette:
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    if dark:
        colours = {
            role.Window: "#202124", role.WindowText: "#E8E6E3", role.Base: "#1A1A1C",
            role.AlternateBase: "#26272A", role.ToolTipBase: "#2D2E30",
            role.ToolTipText: "#E8E6E3", role.PlaceholderText: "#8A8A8A", role.Text: "#E8E6E3",
            role.Button: "#2D2E30", role.ButtonText: "#E8E6E3", role.BrightText: "#FF6B6B",
            role.Light: "#3A3B3E", role.Midlight: "#323336", role.Mid: "#27282B",
            role.Dark: "#161618", role.Shadow: "#000000", role.Highlight: "#3D6FB6",
            role.HighlightedText: "#FFFFFF", role.Link: "#8AB4F8", role.LinkVisited: "#C58AF9",
        }
        disabled = "#6E6E6E"
    else:
        colours = {
            role.Window: "#F3F3F3", role.WindowText: "#1B1B1B", role.Base: "#FFFFFF",
            role.AlternateBase: "#F6F6F6", role.ToolTipBase: "#FFFFE1",
            role.ToolTipText: "#1B1B1B", role.PlaceholderText: "#7A7A7A", role.Text: "#1B1B1B",
            role.Button: "#ECECEC", role.ButtonText: "#1B1B1B", role.BrightText: "#D00000",
            role.Light: "#FFFFFF", role.Midlight: "#F5F5F5", role.Mid: "#C8C8C8",
            role.Dark: "#A0A0A0", role.Shadow: "#5A5A5A", role.Highlight: "#3074C8",
            role.HighlightedText: "#FFFFFF", role.Link: "#0B57D0", role.LinkVisited: "#6A1B9A",
        }
        disabled = "#9A9A9A"
    palette = QPalette()
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor(disabled))
    return palette


def system_is_dark(app: QGuiApplication) -> bool:
    """What the platform asks for; an unknown scheme falls back to the palette's lightness."""
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    palette = app.property(_SYSTEM_PALETTE_PROPERTY)
    palette = palette if isinstance(palette, QPalette) else app.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, settings: Settings) -> bool:
    """Set the application's palette from the theme setting; return whether it is dark.

    With "system" the palette follows the platform's colour scheme, now and when it changes.
    Widgets that cache colours should refresh them on `QEvent.PaletteChange`.
    """
    if not isinstance(app.property(_SYSTEM_PALETTE_PROPERTY), QPalette):
        app.setProperty(_SYSTEM_PALETTE_PROPERTY, app.palette())
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
    _followed[0] = settings
    choice = settings.theme
    dark = system_is_dark(app) if choice == "system" else choice == "dark"
    system_palette = app.property(_SYSTEM_PALETTE_PROPERTY)
    system_dark = system_palette.color(QPalette.ColorRole.Window).lightness() < 128
    if choice == "system" and system_dark == dark:
        app.setPalette(system_palette)  # the platform's own palette already fits
    else:
        # native Windows styles ignore custom palettes; Fusion honours them everywhere
        if app.style().name().lower() == "windowsvista":
            app.setStyle("Fusion")
        app.setPalette(_palette(dark))
    app.setProperty(_DARK_PROPERTY, dark)
    return dark


# the settings of the last apply_theme call, read again when the platform's scheme changes
_followed: list[Settings | None] = [None]


def _follow_system(app: QApplication) -> None:
    settings = _followed[0]
    if settings is not None and settings.theme == "system":
        apply_theme(app, settings)
