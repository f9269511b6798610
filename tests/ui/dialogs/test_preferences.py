"""The Preferences dialog: stored in Settings, applied to the open pair, cancelled, reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from reader.ui.app import theme
from reader.ui.app.fonts import font_for, line_height_percent
from reader.ui.app.settings import Settings
from reader.ui.dialogs.preferences import PreferencesDialog
from reader.ui.window.main_window import MainWindow

Button = QDialogButtonBox.StandardButton


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Open the dialog the way a user does, through the window's action."""
    window.preferences_action.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.isVisible()
    return dialog


def click(qtbot, dialog: PreferencesDialog, which: Button) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def source_layout(window: MainWindow) -> tuple[float, float]:
    """Point size of the source pane's font, and the line height of its first paragraph."""
    pane = window.pair_view.pane("source")
    return pane.document().defaultFont().pointSizeF(), pane.block(0).blockFormat().lineHeight()


def test_ok_stores_the_arabic_size_and_spacing_and_lays_the_source_out_again(
    qtbot, main_window: MainWindow
) -> None:
    settings = main_window.settings
    assert main_window.pair is not None and main_window.pair.source.direction == "rtl"
    target_font = main_window.pair_view.pane("target").document().defaultFont().pointSizeF()
    before = source_layout(main_window)
    dialog = open_preferences(main_window)
    dialog.font_size_boxes["source"].setValue(22.5)
    dialog.line_spacing_boxes["rtl"].setValue(2.4)

    with qtbot.waitSignal(dialog.applied, timeout=5_000):
        click(qtbot, dialog, Button.Ok)

    assert not dialog.isVisible()
    assert settings.font_size_source == 22.5
    assert settings.line_spacing_rtl == pytest.approx(2.4)
    size = 22.5 * settings.zoom_source
    expected = (size, line_height_percent(font_for("rtl", size), 2.4))
    assert source_layout(main_window) == pytest.approx(expected)
    assert source_layout(main_window) != pytest.approx(before)
    # the other side is not touched
    assert main_window.pair_view.pane("target").document().defaultFont().pointSizeF() == (
        target_font
    )
    main_window.pair_view.finish_layout()
    assert main_window.pair_view.is_laid_out()


def test_cancel_changes_nothing(qtbot, main_window: MainWindow) -> None:
    settings = main_window.settings
    stored = {s.key: settings.qsettings.value(s.key) for s in Settings.declared()}
    document = main_window.pair_view.pane("source").document()
    before = source_layout(main_window)
    dialog = open_preferences(main_window)
    dialog.font_size_boxes["source"].setValue(30)
    dialog.line_spacing_boxes["rtl"].setValue(2.9)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.author_edit.setText("Someone Else")

    with qtbot.assertNotEmitted(dialog.applied):
        click(qtbot, dialog, Button.Cancel)

    assert not dialog.isVisible()
    assert {s.key: settings.qsettings.value(s.key) for s in Settings.declared()} == stored
    assert main_window.pair_view.pane("source").document() is document
    assert source_layout(main_window) == before


def test_restore_defaults_fills_in_the_defaults_and_ok_stores_them(qtbot, settings) -> None:
    settings.font_size_source = 30.0
    settings.font_size_target = 9.0
    settings.line_spacing_rtl = 2.5
    settings.line_spacing_ltr = 1.0
    settings.theme = "dark"
    settings.author_name = "Omar"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.font_size_boxes["source"].value() == 30.0
    assert dialog.theme_box.currentData() == "dark"

    click(qtbot, dialog, Button.RestoreDefaults)
    assert dialog.font_size_boxes["source"].value() == Settings.font_size_source.default
    assert dialog.line_spacing_boxes["ltr"].value() == Settings.line_spacing_ltr.default
    assert dialog.theme_box.currentData() == "system"
    assert settings.font_size_source == 30.0  # nothing stored before OK or Apply

    with qtbot.waitSignal(dialog.applied, timeout=5_000):
        click(qtbot, dialog, Button.Ok)
    for name in ("font_size_source", "font_size_target", "line_spacing_rtl", "line_spacing_ltr"):
        assert getattr(settings, name) == getattr(Settings, name).default, name
    assert settings.theme == "system"
    assert settings.author_name == "Omar"  # who the user is, not a reading taste


def test_apply_sets_the_theme_and_keeps_the_dialog_open(qtbot, app, settings) -> None:
    window = MainWindow(settings)  # no pair open: applying must not need one
    qtbot.addWidget(window)
    window.show()
    dialog = open_preferences(window)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.author_edit.setText("  Layla  ")

    with qtbot.waitSignal(dialog.applied, timeout=5_000):
        click(qtbot, dialog, Button.Apply)

    assert dialog.isVisible()
    assert settings.theme == "dark"
    assert settings.author_name == "Layla"
    assert theme.is_dark()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert window.theme_actions["dark"].isChecked()

    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("light"))
    with qtbot.waitSignal(dialog.applied, timeout=5_000):
        click(qtbot, dialog, Button.Ok)
    assert not theme.is_dark()
    assert window.theme_actions["light"].isChecked()


def test_every_field_has_a_label_with_a_mnemonic(qtbot, settings) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    fields = [
        *dialog.font_size_boxes.values(),
        *dialog.line_spacing_boxes.values(),
        dialog.theme_box,
        dialog.author_edit,
    ]
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
    mnemonics = set()
    for field in fields:
        assert field in buddies
        assert field.focusPolicy() & Qt.FocusPolicy.TabFocus
        text = buddies[field]
        assert "&" in text, text
        mnemonics.add(text[text.index("&") + 1].lower())
    assert len(mnemonics) == len(fields)  # each field has its own Alt key
    assert not mnemonics & set("ocar")  # nor takes one the buttons may use


def test_the_action_has_a_shortcut(settings, qtbot) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert not window.preferences_action.shortcut().isEmpty()
