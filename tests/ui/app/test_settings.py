"""Settings: declared once, typed, defaults, survive a restart, bad values read as defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextEdit

from reader.ui.app.settings import MAX_RECENT, Settings, WindowState, qsettings_at


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "prefs.ini"


def test_defaults(ini: Path) -> None:
    s = Settings.at(ini)
    assert s.theme == "system"
    assert s.sides_swapped is False
    assert s.recent_pairs == []
    assert s.author_name == ""
    assert s.last_workspace_path == ""
    assert s.zoom("source") == s.zoom("target") == 1.0
    assert s.font_size("source") >= s.font_size("target")  # the Arabic side wants a larger size
    assert 1.5 <= s.line_spacing("rtl") <= 2.0
    assert s.line_spacing("ltr") < s.line_spacing("rtl")
    assert s.hidden_divergence_kinds == []  # every kind shown


def test_values_survive_a_new_settings_object(ini: Path) -> None:
    s = Settings.at(ini)
    s.theme = "dark"
    s.sides_swapped = True
    s.set_font_size("source", 18.5)
    s.set_zoom("target", 1.25)
    s.line_spacing_rtl = 2.0
    s.author_name = "ليلى"
    s.last_workspace_path = "/tmp/w.sqlite"
    s.sync()
    again = Settings.at(ini)
    assert again.theme == "dark"
    assert again.sides_swapped is True
    assert again.font_size("source") == 18.5
    assert again.zoom("target") == 1.25
    assert again.line_spacing("rtl") == 2.0
    assert again.author_name == "ليلى"
    assert again.last_workspace_path == "/tmp/w.sqlite"


def test_every_setting_is_declared_once_with_a_unique_key() -> None:
    declared = Settings.declared()
    keys = [d.key for d in declared]
    assert len(keys) == len(set(keys))
    assert all(d.title for d in declared)
    for d in declared:  # each default survives its own type's round trip
        assert d.parse(d.dump(d.default)) == d.default


def test_bad_values_read_as_defaults(ini: Path) -> None:
    raw = qsettings_at(ini)
    raw.setValue("appearance/theme", "purple")
    raw.setValue("reading/font_size_source", "large")
    raw.setValue("reading/zoom_target", "nan")
    raw.setValue("files/recent_pairs", "{not json")
    raw.sync()
    s = Settings(qsettings_at(ini))
    assert s.theme == "system"
    assert s.font_size("source") == Settings.font_size_source.default
    assert s.zoom("target") == 1.0
    assert s.recent_pairs == []


def test_out_of_range_values_are_clamped_and_bad_choices_refused(ini: Path) -> None:
    s = Settings.at(ini)
    s.set_zoom("source", 40)
    assert s.zoom("source") == 3.0
    s.set_font_size("target", 1)
    assert s.font_size("target") == 6.0
    with pytest.raises(ValueError):
        s.theme = "purple"
    with pytest.raises(ValueError):
        s.font_size("left")


def test_recent_pairs_most_recent_first_no_duplicates_at_most_ten(ini: Path) -> None:
    s = Settings.at(ini)
    for n in range(12):
        s.add_recent_pair(f"/a/{n}.ar.txt", f"/a/{n}.en.txt")
    s.add_recent_pair("/a/5.ar.txt", "/a/5.en.txt")
    pairs = Settings.at(ini).recent_pairs
    assert len(pairs) == MAX_RECENT
    assert pairs[0] == ("/a/5.ar.txt", "/a/5.en.txt")
    assert pairs[1] == ("/a/11.ar.txt", "/a/11.en.txt")
    assert len(set(pairs)) == len(pairs)
    assert ("/a/0.ar.txt", "/a/0.en.txt") not in pairs
    s.clear_recent_pairs()
    assert Settings.at(ini).recent_pairs == []


def test_recent_pairs_keep_arabic_paths(ini: Path) -> None:
    s = Settings.at(ini)
    s.add_recent_pair("/نصوص/مقال.txt", "/texts/article.txt")
    s.sync()
    assert Settings.at(ini).recent_pairs == [("/نصوص/مقال.txt", "/texts/article.txt")]


def test_divergence_kinds_hidden_and_shown(ini: Path) -> None:
    s = Settings.at(ini)
    s.hidden_divergence_kinds = ["length_anomaly", "omission"]
    s.hidden_divergence_kinds = ["length_anomaly"]
    assert Settings.at(ini).hidden_divergence_kinds == ["length_anomaly"]


def test_reset_returns_the_default(ini: Path) -> None:
    s = Settings.at(ini)
    s.theme = "light"
    s.reset("theme")
    assert s.theme == "system"


def test_default_location_is_the_organisation_and_application(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    s = Settings()
    assert s.qsettings.organizationName() == "ParallelReader"
    assert s.qsettings.applicationName() == "Parallel Reader"
    assert s.qsettings.fileName().startswith(str(tmp_path))


def test_window_state_is_kept_apart_and_restored(qtbot, ini: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter()
    splitter.addWidget(QTextEdit())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    window.resize(700, 500)
    splitter.setSizes([200, 500])
    state = WindowState(qsettings_at(ini))
    assert not state.restore_window(window)  # nothing saved yet
    state.save_window(window)
    state.qsettings.sync()

    other = QMainWindow()
    qtbot.addWidget(other)
    other_splitter = QSplitter()
    other_splitter.addWidget(QTextEdit())
    other_splitter.addWidget(QTextEdit())
    other.setCentralWidget(other_splitter)
    restored = WindowState(qsettings_at(ini))
    assert restored.restore_window(other)
    assert other.size() == window.size()
    # preferences do not see the window keys, and resetting one leaves the other
    assert all(not d.key.startswith("window/") for d in Settings.declared())
    restored.clear()
    assert not WindowState(qsettings_at(ini)).restore_window(other)
