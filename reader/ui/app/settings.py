"""User preferences, each declared once with its type and default, over QSettings."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

ORGANISATION = "ParallelReader"
APPLICATION = "Parallel Reader"

SIDES = ("source", "target")
THEMES = ("system", "light", "dark")
MAX_RECENT = 10
FONT_SIZE_RANGE = (6.0, 72.0)
ZOOM_RANGE = (0.5, 3.0)
LINE_SPACING_RANGE = (1.0, 3.0)

T = TypeVar("T")


def _clamp(low: float, high: float) -> Callable[[float], float]:
    def clamp(value: float) -> float:
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a finite number")
        return min(max(value, low), high)

    return clamp


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return check


def _to_bool(raw: object) -> bool:
    # INI files give back "true"/"false" strings; native backends give back bools
    if isinstance(raw, str):
        return raw.strip().lower() in ("true", "1", "yes")
    return bool(raw)


class Setting(Generic[T]):
    """One preference: its key, type and default; read and written as an attribute of Settings.

    Values that do not parse, or that fall outside what `check` allows, read back as the
    default, so that a hand-edited or old settings file can never break the program.
    """

    def __init__(
        self,
        key: str,
        kind: type,
        default: T,
        title: str,
        check: Callable[[Any], Any] | None = None,
    ) -> None:
        self.key = key
        self.kind = kind
        self.default = default
        self.title = title
        self.check = check
        self.name = key

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def parse(self, raw: Any) -> T:
        value: Any
        if self.kind is bool:
            value = _to_bool(raw)
        elif self.kind in (int, float, str):
            value = self.kind(raw)
        else:  # lists and the like travel as JSON, which QSettings stores as a plain string
            value = json.loads(raw) if isinstance(raw, str) else raw
            if not isinstance(value, self.kind):
                raise TypeError(f"expected {self.kind.__name__}")
        return self.check(value) if self.check else value

    def dump(self, value: T) -> object:
        if self.kind in (bool, int, float, str):
            return value
        return json.dumps(value, ensure_ascii=False)

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> Setting[T] | T:
        if obj is None:
            return self
        raw = obj.qsettings.value(self.key)
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, obj: Settings, value: T) -> None:
        value = self.check(value) if self.check else value
        obj.qsettings.setValue(self.key, self.dump(value))


def default_qsettings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def qsettings_at(path: str | Path) -> QSettings:
    """A QSettings stored in one INI file (tests, portable installs)."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class Settings:
    """The user's preferences; every one is declared below, once."""

    font_size_source: Setting[float] = Setting(
        "reading/font_size_source", float, 16.0, "Font size of the source text",
        _clamp(*FONT_SIZE_RANGE),
    )
    font_size_target: Setting[float] = Setting(
        "reading/font_size_target", float, 13.0, "Font size of the target text",
        _clamp(*FONT_SIZE_RANGE),
    )
    zoom_source: Setting[float] = Setting(
        "reading/zoom_source", float, 1.0, "Zoom of the source pane", _clamp(*ZOOM_RANGE)
    )
    zoom_target: Setting[float] = Setting(
        "reading/zoom_target", float, 1.0, "Zoom of the target pane", _clamp(*ZOOM_RANGE)
    )
    # line height in ems (see fonts.line_height_percent); Arabic needs room for its marks
    line_spacing_rtl: Setting[float] = Setting(
        "reading/line_spacing_rtl", float, 1.8, "Line spacing of right-to-left text",
        _clamp(*LINE_SPACING_RANGE),
    )
    line_spacing_ltr: Setting[float] = Setting(
        "reading/line_spacing_ltr", float, 1.45, "Line spacing of left-to-right text",
        _clamp(*LINE_SPACING_RANGE),
    )
    theme: Setting[str] = Setting("appearance/theme", str, "system", "Theme", _one_of(THEMES))
    sides_swapped: Setting[bool] = Setting(
        "reading/sides_swapped", bool, False, "Show the source on the left"
    )
    recent_pairs_raw: Setting[list] = Setting("files/recent_pairs", list, [], "Recent pairs")
    # kinds the user hid: a kind added in a later version is then shown, not silently hidden
    hidden_divergence_kinds: Setting[list] = Setting(
        "divergences/hidden_kinds", list, [], "Hidden divergence kinds"
    )
    # reviewing divergences: the user's own ignore rules (every workspace), reviewed ones shown
    divergence_ignore_rules: Setting[list] = Setting(
        "divergences/ignore_rules", list, [], "Divergences ignored in every workspace"
    )
    show_reviewed_divergences: Setting[bool] = Setting(
        "divergences/show_reviewed", bool, False, "Show reviewed divergences"
    )
    # Alignment ▸ Next Low-Confidence Bead goes to beads below this confidence
    low_confidence: Setting[float] = Setting(
        "alignment/low_confidence", float, 0.5, "Low confidence below", _clamp(0.0, 1.0)
    )
    author_name: Setting[str] = Setting("annotation/author_name", str, "", "Author name")
    last_workspace_path: Setting[str] = Setting(
        "files/last_workspace_path", str, "", "Last workspace"
    )
    # File ▸ Export…: the last choices (reader/ui/export); the format is checked against the
    # registry when read, since formats come and go
    export_format: Setting[str] = Setting("export/format", str, "csv", "Export format")
    export_parts: Setting[list] = Setting(
        "export/parts", list, ["annotations", "divergences", "alignment"], "What to export"
    )
    export_folder: Setting[str] = Setting("export/folder", str, "", "Export folder")
    # Tools ▸ Framing Lens: files the user added to the collection, built-in texts taken out
    lens_files: Setting[list] = Setting("lens/files", list, [], "Files added to the lens")
    lens_removed: Setting[list] = Setting("lens/removed", list, [], "Built-in texts left out")

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else default_qsettings()

    @classmethod
    def at(cls, path: str | Path) -> Settings:
        return cls(qsettings_at(path))

    @classmethod
    def declared(cls) -> list[Setting[Any]]:
        return [v for v in vars(cls).values() if isinstance(v, Setting)]

    def reset(self, name: str) -> None:
        """Forget one setting so that it reads as its default."""
        setting = vars(type(self))[name]
        self.qsettings.remove(setting.key)

    def sync(self) -> None:
        self.qsettings.sync()

    # per-side access, for code that holds the side as a string
    def font_size(self, side: str) -> float:
        return float(getattr(self, f"font_size_{_side(side)}"))

    def set_font_size(self, side: str, value: float) -> None:
        setattr(self, f"font_size_{_side(side)}", float(value))

    def zoom(self, side: str) -> float:
        return float(getattr(self, f"zoom_{_side(side)}"))

    def set_zoom(self, side: str, value: float) -> None:
        setattr(self, f"zoom_{_side(side)}", float(value))

    def line_spacing(self, direction: str) -> float:
        return self.line_spacing_rtl if direction == "rtl" else self.line_spacing_ltr

    # recent pairs: most recent first, no duplicates, at most MAX_RECENT
    @property
    def recent_pairs(self) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for item in self.recent_pairs_raw:
            if (
                isinstance(item, list)
                and len(item) == 2
                and all(isinstance(p, str) for p in item)
                and (item[0], item[1]) not in pairs
            ):
                pairs.append((item[0], item[1]))
        return pairs[:MAX_RECENT]

    @recent_pairs.setter
    def recent_pairs(self, pairs: list[tuple[str, str]]) -> None:
        unique: list[tuple[str, str]] = []
        for src, tgt in pairs:
            if (str(src), str(tgt)) not in unique:
                unique.append((str(src), str(tgt)))
        self.recent_pairs_raw = [list(p) for p in unique[:MAX_RECENT]]

    def add_recent_pair(self, source: str | Path, target: str | Path) -> None:
        pair = (str(source), str(target))
        self.recent_pairs = [pair, *(p for p in self.recent_pairs if p != pair)]

    def clear_recent_pairs(self) -> None:
        self.recent_pairs = []


def _side(side: str) -> str:
    if side not in SIDES:
        raise ValueError(f"side must be 'source' or 'target', not {side!r}")
    return side


class WindowState:
    """Window geometry and layout, kept apart from preferences (a reset of one spares the other)."""

    GROUP = "window"

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else default_qsettings()

    def _bytes(self, key: str) -> QByteArray | None:
        raw = self.qsettings.value(f"{self.GROUP}/{key}")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def save_window(self, window: QMainWindow) -> None:
        self.qsettings.setValue(f"{self.GROUP}/geometry", window.saveGeometry())
        self.qsettings.setValue(f"{self.GROUP}/state", window.saveState())

    # a first window's share of its screen's available area: most of it, for the texts
    FIRST_SHARE = 0.88

    def restore_window(self, window: QMainWindow) -> bool:
        """Restore geometry and dock/toolbar state; False when nothing (usable) was saved.
        Without saved geometry the window takes FIRST_SHARE of its screen, centred."""
        geometry, state = self._bytes("geometry"), self._bytes("state")
        restored = geometry is not None and window.restoreGeometry(geometry)
        if not restored:
            self.place_first_window(window)
        if state is not None:
            restored = window.restoreState(state) and restored
        return restored

    def place_first_window(self, window: QMainWindow) -> None:
        """Size the window to FIRST_SHARE of its screen's available geometry, centred on it
        (no smaller than its minimum size; a screen too small for that gets it at its corner)."""
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        share = area.size() * self.FIRST_SHARE
        rect = QRect(area.topLeft(), share.expandedTo(window.minimumSizeHint()))
        rect.moveCenter(area.center())
        rect.moveLeft(max(rect.left(), area.left()))
        rect.moveTop(max(rect.top(), area.top()))
        window.setGeometry(rect)

    def clear(self) -> None:
        self.qsettings.remove(self.GROUP)
