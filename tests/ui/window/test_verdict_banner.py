"""The window on a pair that is not a translation: the banner, sure-looking beads, the original."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.core.pair import Pair
from reader.resources import CORPUS
from reader.ui.dialogs.open_pair import OpenPairDialog

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")
OTHER = str(CORPUS / "iraq-adapts-to-new-syria.en.txt")


def _through_the_dialog(qtbot, window, fill: Callable[[OpenPairDialog], None]) -> Pair:
    """File ▸ Open Pair… (Ctrl+O), the dialog filled by `fill`, then Open; the pair shown."""
    seen: list[OpenPairDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OpenPairDialog) or not dialog.isVisible():
            QTimer.singleShot(20, answer)  # not shown yet
            return
        seen.append(dialog)
        fill(dialog)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Open),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    with qtbot.waitSignal(window.pair_opened, timeout=60_000) as opened:
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert seen, "the dialog was not shown"
    window.pair_view.finish_layout()
    pair = opened.args[0]
    assert isinstance(pair, Pair)
    return pair


def _paths(source: str, target: str) -> Callable[[OpenPairDialog], None]:
    def fill(dialog: OpenPairDialog) -> None:
        dialog.source_edit.setText(source)
        dialog.target_edit.setText(target)
    return fill


def test_the_built_in_pair_shows_no_banner(main_window) -> None:
    assert main_window.pair.verdict.is_translation
    assert not main_window.verdict_banner.isVisible()
    assert main_window.dock.isVisible()


def test_the_comparable_pair_shows_the_banner_and_no_sure_bead(qtbot, main_window) -> None:
    view = main_window.pair_view
    view.select_bead(5)  # a reader somewhere in the built-in pair opens another
    pair = _through_the_dialog(qtbot, main_window, _paths(AR, OTHER))
    banner = main_window.verdict_banner
    assert not pair.verdict.is_translation
    assert banner.isVisible()
    assert "do not look like a translation" in banner.label.text()
    assert banner.geometry().bottom() <= view.geometry().top()  # above the panes
    # every bead that pairs paragraphs says how little it is worth, in the status bar too
    for b, bead in enumerate(pair.alignment):
        if not bead.is_null:
            assert bead.confidence <= pair.verdict.translation_score
            view.select_bead(b)
            shown = float(main_window.bead_label.text().rsplit(" ", 1)[1])
            assert shown <= round(pair.verdict.translation_score, 2)
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible() and main_window.dock.isVisible()
    # the translation again: no banner
    _through_the_dialog(qtbot, main_window, _paths(AR, EN))
    assert not banner.isVisible()


def test_compare_as_sources_puts_the_divergence_list_away(qtbot, main_window) -> None:
    _through_the_dialog(qtbot, main_window, _paths(AR, OTHER))
    banner = main_window.verdict_banner
    qtbot.keyClick(banner.sources_button, Qt.Key.Key_Space)
    assert not banner.isVisible() and not main_window.dock.isVisible()


def test_the_original_said_in_the_dialog_is_used_and_remembered(qtbot, main_window,
                                                                 settings) -> None:
    def english_original(dialog: OpenPairDialog) -> None:
        _paths(AR, EN)(dialog)
        dialog.original_combo.setFocus()
        qtbot.keyClick(dialog.original_combo, Qt.Key.Key_End)  # "The target"

    pair = _through_the_dialog(qtbot, main_window, english_original)
    assert pair.verdict.original == "target" and pair.verdict.original_basis == "said by the user"
    # the next time the dialog names this pair, it shows the choice made
    shown: list[str | None] = []

    def look(dialog: OpenPairDialog) -> None:
        _paths(AR, EN)(dialog)
        shown.append(dialog.original())

    _through_the_dialog(qtbot, main_window, look)
    assert shown == ["target"]
    # and a new window (a restart) opening it from the recent pairs uses it too
    from reader.ui.window.main_window import MainWindow

    again = MainWindow(settings)
    qtbot.addWidget(again, before_close_func=lambda w: w.cancel_alignment())
    with qtbot.waitSignal(again.pair_opened, timeout=60_000) as opened:
        again.recent_menu.pair_chosen.emit(AR, EN)
    assert opened.args[0].verdict.original == "target"


def test_telling_from_the_texts_forgets_the_choice(qtbot, main_window) -> None:
    main_window.originals.set(AR, EN, "target")

    def detect(dialog: OpenPairDialog) -> None:
        _paths(AR, EN)(dialog)
        assert dialog.original() == "target"
        dialog.original_combo.setFocus()
        qtbot.keyClick(dialog.original_combo, Qt.Key.Key_Home)  # "Tell from the texts"

    pair = _through_the_dialog(qtbot, main_window, detect)
    assert pair.verdict.original == "source"  # the posts only the Arabic has
    assert main_window.originals.get(AR, EN) is None


def test_swapping_the_files_keeps_the_same_text_the_original(qtbot) -> None:
    dialog = OpenPairDialog(source=AR, target=EN)
    qtbot.addWidget(dialog)
    dialog.set_original("source")
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert dialog.paths() == (EN, AR) and dialog.original() == "target"
