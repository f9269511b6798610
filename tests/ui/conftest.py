"""Fixtures for the window tests: settings and data folders under tmp_path, a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

# the offscreen platform says this whenever a window's size hints change; it is no fault of ours
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point QSettings and platformdirs at tmp_path, so no test reads or writes the user's."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(name, str(home / sub))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    yield home
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, its palette put back after the test."""
    palette, style = qapp.palette(), qapp.style().name()
    yield qapp
    qapp.setPalette(palette)
    qapp.setStyle(style)
    qapp.setProperty("readerDarkTheme", None)


@pytest.fixture
def settings(isolated_settings: Path):
    from reader.ui.app.settings import Settings

    return Settings.at(isolated_settings / "settings.ini")


@pytest.fixture
def main_window(qtbot, settings):
    """The main window on the built-in pair, shown and fully aligned."""
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.pair_opened, timeout=60_000):
        window.open_default_pair()
    window.pair_view.finish_layout()
    return window


ARABIC_LINES = [
    "@othmanmhmmadr هذا منشور من الحساب يذكر سقوط النظام في دمشق",
    "2024 كان عامًا حاسمًا في تاريخ سوريا والعراق والمنطقة كلها",
    "CNN نقلت أن الميليشيات انسحبت من مواقعها قرب الحدود العراقية",
    "يوم تحرير سوريا 😀 في 8 كانون الأول عام 2024 هربت الميليشيات",
    "فقرة ليس لها مقابل في الترجمة الإنجليزية.",
    "الفقرة الأخيرة عن الأسد والنظام العراقي ودروس التاريخ.",
]
ENGLISH_LINES = [
    "A post by @othmanmhmmadr mentions the fall of the regime in Damascus.",
    "2024 was a decisive year in the history of Syria, Iraq and the region.",
    "CNN reported that the militias withdrew from their positions near the border.",
    "On the day Syria was liberated, 8 December 2024, the militias fled.",
    "The last paragraph, about Assad, the Iraqi regime and history.",
    "A paragraph the translator added.",
]


@pytest.fixture
def hand_pair():
    """A small pair built by hand: a null bead on each side and one divergence of each kind used."""
    from reader.core.align.beads import Alignment, Bead
    from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
    from reader.core.pair import Pair
    from reader.core.text.document import text_from_string

    source = text_from_string("\n".join(ARABIC_LINES) + "\n", language="ar")
    target = text_from_string("\n".join(ENGLISH_LINES) + "\n", language="en")
    beads = [
        Bead((0,), (0,), 0.95),
        Bead((1,), (1,), 0.9),
        Bead((2,), (2,), 0.4),
        Bead((3,), (3,), 0.8),
        Bead((4,), (), 0.7),
        Bead((5,), (4,), 0.85),
        Bead((), (5,), 0.6),
    ]
    alignment = Alignment(beads, len(source), len(target))
    emoji_at = ARABIC_LINES[3].index("8 كانون")
    divergences = [
        Divergence(DivergenceKind.ADDITION, Severity.WARNING, "target", (5,), "added", bead=6),
        Divergence(
            DivergenceKind.DATE_MISMATCH,
            Severity.WARNING,
            "source",
            (3,),
            "8 December",
            bead=3,
            spans=(Span("source", 3, emoji_at, emoji_at + len("8 كانون")),),
        ),
        Divergence(DivergenceKind.OMISSION, Severity.SERIOUS, "source", (4,), "left out", bead=4),
    ]
    return Pair(source, target, alignment, divergences)
