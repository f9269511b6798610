"""The corpus browser, the open-pair dialog, the recent-pairs menu and dropping two files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QStyleOptionViewItem

from reader.core.corpus.manifest import load_manifest
from reader.resources import CORPUS
from reader.ui.app.settings import Settings
from reader.ui.dialogs.corpus_browser import (
    IS_RTL_ROLE,
    CorpusBrowser,
    CorpusModel,
    DirectionDelegate,
)
from reader.ui.dialogs.open_pair import OpenPairDialog
from reader.ui.window.drop import dropped_pair, take_pair_drop
from reader.ui.window.recent import RecentPairsMenu

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")


def test_model_passes_the_model_tester(qtmodeltester) -> None:
    model = CorpusModel(load_manifest())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 5
    assert model.columnCount() == 4


def test_empty_model_passes_too(qtmodeltester) -> None:
    model = CorpusModel(None)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None


def test_model_shows_titles_roles_and_direction() -> None:
    corpus = load_manifest()
    model = CorpusModel(corpus)
    row = model.row_of("iraq-assad-lesson-ar")
    title = model.index(row, CorpusModel.TITLE)
    assert model.data(title) == corpus.get("iraq-assad-lesson-ar").title
    assert model.data(title, IS_RTL_ROLE) is True
    assert model.data(model.index(row, CorpusModel.FILE)) == "iraq-assad-lesson.ar.txt"
    assert model.path(row) == AR
    en = model.row_of("iraq-assad-lesson-en")
    assert model.data(model.index(en, CorpusModel.TITLE), IS_RTL_ROLE) is False
    assert "iraq-assad-lesson-ar" in str(model.data(model.index(en, CorpusModel.ROLE)))
    assert AR in str(model.data(title, Qt.ItemDataRole.ToolTipRole))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert model.headerData(9, Qt.Orientation.Horizontal) is None
    assert model.row_of("no-such-id") == -1


def test_arabic_titles_are_laid_out_right_to_left(qtbot) -> None:
    browser = CorpusBrowser()
    qtbot.addWidget(browser)
    model = browser.model
    delegate = browser.table.itemDelegate()
    assert isinstance(delegate, DirectionDelegate)
    for entry_id, direction in (
        ("iraq-assad-lesson-ar", Qt.LayoutDirection.RightToLeft),
        ("iraq-assad-lesson-en", Qt.LayoutDirection.LeftToRight),
    ):
        option = QStyleOptionViewItem()
        option.direction = Qt.LayoutDirection.LeftToRight
        delegate.initStyleOption(option, model.index(model.row_of(entry_id), CorpusModel.TITLE))
        assert option.direction == direction


def test_browser_starts_at_the_default_pair_and_emits_it(qtbot) -> None:
    browser = CorpusBrowser()
    qtbot.addWidget(browser)
    assert browser.chosen() == (AR, EN)
    assert browser.table.accessibleName()
    with qtbot.waitSignal(browser.pair_chosen, timeout=1_000) as blocker:
        browser.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert blocker.args == [AR, EN]


def test_choosing_from_the_table_and_swapping(qtbot) -> None:
    browser = CorpusBrowser()
    qtbot.addWidget(browser)
    model = browser.model
    comparable = model.row_of("iraq-spectator-axis-of-resistance-en")
    browser.table.selectRow(comparable)
    browser.use_target_button.click()
    assert browser.chosen() == (AR, model.path(comparable))
    browser.swap()
    assert browser.chosen() == (model.path(comparable), AR)
    # the same text on both sides cannot be opened
    browser.table.selectRow(comparable)
    browser.use_target_button.click()
    assert browser.chosen() is None
    assert not browser.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()
    with qtbot.assertNotEmitted(browser.pair_chosen):
        browser.accept()


def test_double_clicking_a_translation_brings_its_original(qtbot) -> None:
    browser = CorpusBrowser()
    qtbot.addWidget(browser)
    model = browser.model
    browser.source_box.setCurrentIndex(model.row_of("iraq-adapts-to-new-syria-en"))
    en = model.index(model.row_of("iraq-assad-lesson-en"), 0)
    browser.table.doubleClicked.emit(en)
    assert browser.chosen() == (AR, EN)


def test_a_bad_manifest_leaves_an_empty_browser_with_the_reason(qtbot, tmp_path: Path) -> None:
    manifest = tmp_path / "corpus.toml"
    manifest.write_text("version = 99\n", encoding="utf-8")
    browser = CorpusBrowser(manifest=manifest)
    qtbot.addWidget(browser)
    assert browser.model.rowCount() == 0
    assert "corpus.toml" in browser.problem_label.text()
    assert "version" in browser.problem_label.text()
    assert browser.chosen() is None
    assert not browser.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()


# --- the open dialog -----------------------------------------------------------------------


def test_open_dialog_needs_two_existing_different_files(qtbot, tmp_path: Path) -> None:
    dialog = OpenPairDialog(start_dir=tmp_path)
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not open_button.isEnabled()
    assert dialog.problem_label.text() == ""  # empty fields are not yet a mistake
    dialog.source_edit.setText(AR)
    assert not open_button.isEnabled()
    dialog.target_edit.setText(str(tmp_path / "missing.txt"))
    assert "does not exist" in dialog.problem_label.text()
    dialog.target_edit.setText(AR)
    assert "same file" in dialog.problem()
    dialog.target_edit.setText(EN)
    assert open_button.isEnabled()
    assert dialog.paths() == (AR, EN)
    dialog.swap_button.click()
    assert dialog.paths() == (EN, AR)
    assert dialog.source_edit.accessibleName() and dialog.target_edit.accessibleName()


# --- recent pairs ----------------------------------------------------------------------------


def test_recent_menu_lists_pairs_and_clears(qtbot, tmp_path: Path) -> None:
    settings = Settings.at(tmp_path / "prefs.ini")
    menu = RecentPairsMenu(settings)
    assert menu.pair_actions() == []
    assert not menu.clear_action.isEnabled()
    settings.add_recent_pair("/x/a&b.ar.txt", "/x/a.en.txt")
    settings.add_recent_pair(AR, EN)
    menu.rebuild()
    actions = menu.pair_actions()
    assert [a.data() for a in actions] == [[AR, EN], ["/x/a&b.ar.txt", "/x/a.en.txt"]]
    assert actions[0].text().startswith("&1 ")
    assert "a&&b.ar.txt" in actions[1].text()  # a literal ampersand, not a shortcut
    with qtbot.waitSignal(menu.pair_chosen, timeout=1_000) as blocker:
        actions[1].trigger()
    assert blocker.args == ["/x/a&b.ar.txt", "/x/a.en.txt"]
    menu.clear_action.trigger()
    assert settings.recent_pairs == []
    assert menu.pair_actions() == []


# --- dropping files ------------------------------------------------------------------------


def mime_of(*paths: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    return mime


def test_drop_accepts_exactly_two_files_arabic_first(tmp_path: Path) -> None:
    assert dropped_pair(mime_of(AR, EN)) == (AR, EN)
    assert dropped_pair(mime_of(EN, AR)) == (AR, EN)  # the Arabic-named file is the source
    other = tmp_path / "notes.txt"
    other.write_text("x")
    assert dropped_pair(mime_of(str(other), EN)) == (str(other), EN)
    assert dropped_pair(mime_of(AR)) is None
    assert dropped_pair(mime_of(AR, EN, str(other))) is None
    assert dropped_pair(mime_of(AR, AR)) is None
    assert dropped_pair(mime_of(AR, str(tmp_path))) is None  # a folder is not a text
    assert dropped_pair(mime_of(AR, str(tmp_path / "gone.txt"))) is None
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/a.txt"), QUrl("https://example.org/b.txt")])
    assert dropped_pair(web) is None
    assert dropped_pair(QMimeData()) is None
    assert dropped_pair(None) is None


def test_drop_event_is_accepted_or_ignored(qapp) -> None:
    keep: list[QMimeData] = []  # the event does not own its data: keep it alive

    def event(mime: QMimeData) -> QDropEvent:
        keep.append(mime)
        return QDropEvent(
            QPoint(1, 1),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )

    good = event(mime_of(EN, AR))
    assert take_pair_drop(good) == (AR, EN)
    assert good.isAccepted()
    bad = event(mime_of(AR))
    assert take_pair_drop(bad) is None
    assert not bad.isAccepted()


def test_index_validity_guards() -> None:
    model = CorpusModel(load_manifest())
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
