"""Annotating in the window: select, annotate, edit, delete, undo/redo, persistence, errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.align.beads import Alignment, Bead
from reader.core.annotate.annotations import Status, TagRef
from reader.core.pair import Pair
from reader.core.store.pair_index import default_path_for
from reader.core.store.workspace import Workspace
from reader.core.text.document import Text, load_text, text_from_string
from reader.ui.annotate.dialog import AnnotationDialog, AnnotationValues
from reader.ui.annotate.model import Column

SOURCE_LINES = [
    "قال المتحدث إن النظام العراقي 🇮🇶 تبنى موقف CNN الجديد يوم الأحد",
    "فقرة ثانية عن الأسد والميليشيات في دمشق",
    "الفقرة الثالثة تذكر 2024 وتنتهي هنا",
]
TARGET_LINES = [
    "The spokesman said Iraq 🇮🇶 adopted the new CNN position on Sunday.",
    "A second paragraph about Assad and the militias in Damascus.",
    "The third paragraph mentions 2024 and ends here.",
]
LOADED = TagRef("semeval2020-propaganda", "Loaded_Language")
SOFTENING = TagRef("translation-shifts", "softening")


def _pair(source: Text, target: Text) -> Pair:
    beads = [Bead((i,), (i,), 0.9) for i in range(len(source))]
    return Pair(source, target, Alignment(beads, len(source), len(target)), [])


def _hand_pair() -> Pair:
    return _pair(
        text_from_string("\n".join(SOURCE_LINES) + "\n", language="ar"),
        text_from_string("\n".join(TARGET_LINES) + "\n", language="en"),
    )


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _window(qtbot, settings, pair: Pair):
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1400, 900)
    window.show()
    window.show_pair(pair)
    window.pair_view.finish_layout()
    return window


def _select_text(window, side: str, paragraph: int, needle: str, partial: int = 0) -> None:
    """Select `needle` in a pane with a QTextCursor at UTF-16 positions computed here, `partial`
    characters short at the end (to check snapping to the word)."""
    pane = window.pair_view.pane(side)
    text = pane.text.paragraphs[paragraph].text
    at = text.index(needle)
    block = pane.block(paragraph)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(block.position() + _u16(text[:at]))
    cursor.setPosition(
        block.position() + _u16(text[: at + len(needle) - partial]),
        QTextCursor.MoveMode.KeepAnchor,
    )
    pane.setTextCursor(cursor)
    pane.setFocus()


@pytest.fixture
def window(qtbot, settings):
    return _window(qtbot, settings, _hand_pair())


def _values(*tags: TagRef, comment: str = "", author: str = "Lina", link: bool = False):
    return AnnotationValues(tuple(tags), comment, None, author, link)


def test_a_note_stays_painted_after_zooming_in_and_back(qtbot, window) -> None:
    def painted() -> list[str]:
        pane = window.pair_view.pane("source")
        colour = window.annotations.highlights.colour_of(record)
        return [s.cursor.selectedText() for s in pane.extraSelections()
                if s.format.background().color() == colour]

    _select_text(window, "source", 0, "CNN")
    record = window.annotations.annotate(values=_values(LOADED))
    assert record is not None and painted() == ["CNN"]
    zoom = window.settings.zoom("source")
    # Ctrl+= (zoom in) from the pane, then View ▸ Reset Zoom: each lays the texts in afresh
    qtbot.keyClick(window.pair_view.pane("source"), Qt.Key.Key_Equal,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom("source") > zoom
    assert painted() == ["CNN"]
    window.zoom_reset_action.trigger()
    assert painted() == ["CNN"]


def test_a_note_in_a_codebook_colour_stays_readable_in_the_dark_theme(
    qtbot, app, settings, window
) -> None:
    from reader.ui.app.theme import apply_theme

    settings.theme = "dark"
    apply_theme(app, settings)
    shift = TagRef("translation-shifts", "label_substitution")  # its own colour: a pale cyan
    _select_text(window, "source", 0, "CNN")
    record = window.annotations.annotate(values=_values(shift))
    assert record is not None
    colour = window.annotations.highlights.colour_of(record)
    pane = window.pair_view.pane("source")
    painted = [s.format.background().color() for s in pane.extraSelections()
               if s.cursor.selectedText() == "CNN"]
    assert colour in painted
    # over the dark page, light text keeps a contrast of at least 4.5:1 (WCAG AA)
    page = app.palette().color(app.palette().ColorRole.Base)
    text = app.palette().color(app.palette().ColorRole.Text)
    assert _contrast(text, _over(colour, page)) >= 4.5


def _over(top: QColor, bottom: QColor) -> QColor:
    a = top.alphaF()
    return QColor.fromRgbF(*(a * t + (1 - a) * b for t, b in zip(
        (top.redF(), top.greenF(), top.blueF()),
        (bottom.redF(), bottom.greenF(), bottom.blueF()), strict=True)))


def _contrast(one: QColor, two: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_annotating_a_selection_after_an_emoji_stores_code_point_offsets(window) -> None:
    ctl = window.annotations
    # "CN" of "CNN", after a flag (two code points, four UTF-16 units) and Arabic text
    _select_text(window, "source", 0, "CNN", partial=1)
    record = ctl.annotate(values=_values(LOADED, comment="a loaded label"))
    assert record is not None
    stored = ctl.workspace.annotations()
    assert [a.id for a in stored] == [record.id]
    a = stored[0]
    line = SOURCE_LINES[0]
    assert a.quote == "CNN"
    assert (a.paragraph, a.start, a.end) == (0, line.index("CNN"), line.index("CNN") + 3)
    assert a.abs_start == a.start  # the first paragraph starts the file
    assert a.tags == (LOADED,) and a.author == "Lina"
    # the highlight covers exactly the quote, in Qt's units, with a background only
    pane = window.pair_view.pane("source")
    painted = [s for s in pane.extraSelections() if s.cursor.selectedText() == "CNN"]
    assert len(painted) == 1
    fmt = painted[0].format
    assert fmt.background().color().alpha() > 0
    assert not fmt.hasProperty(fmt.Property.FontWeight)
    # the panel lists it
    assert window.annotations.panel.model.rowCount() == 1


def test_an_arabic_selection_snaps_to_whole_words_and_links_the_other_side(window) -> None:
    ctl = window.annotations
    _select_text(window, "target", 0, "Iraq")
    _select_text(window, "source", 0, "النظام العراقي", partial=2)
    record = ctl.annotate("source", values=_values(SOFTENING, link=True))
    assert record is not None
    a = ctl.workspace.get_annotation(record.id)
    assert a.quote == "النظام العراقي"
    assert a.link is not None and a.link.side == "target" and a.link.quote == "Iraq"
    target = window.pair_view.pane("target")
    assert any(s.cursor.selectedText() == "Iraq" for s in target.extraSelections())


def test_annotate_through_the_dialog(qtbot, window, settings) -> None:
    seen: list[AnnotationDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AnnotationDialog)
        seen.append(dialog)
        dialog.check_tag(LOADED)
        dialog.comment_edit.setPlainText("comment from the dialog")
        dialog.author_edit.setText("Omar")
        dialog.tree.setCurrentItem(dialog._items[LOADED])
        assert "Loaded" in dialog.definition.toPlainText()  # the definition is shown
        dialog.accept()

    _select_text(window, "target", 1, "militias")
    QTimer.singleShot(0, fill)
    record = window.annotations.annotate()
    assert seen and record is not None
    a = window.annotations.workspace.get_annotation(record.id)
    assert (a.side, a.quote, a.comment, a.author) == (
        "target",
        "militias",
        "comment from the dialog",
        "Omar",
    )
    assert settings.author_name == "Omar"  # remembered for the next note


def test_the_dialog_refuses_a_note_with_neither_tag_nor_comment(qtbot, settings) -> None:
    dialog = AnnotationDialog([], settings, "quote")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != AnnotationDialog.DialogCode.Accepted
    assert dialog.problem_label.text()


def test_edit_delete_undo_redo(window) -> None:
    ctl = window.annotations
    ws = ctl.workspace
    _select_text(window, "source", 1, "الأسد")
    record = ctl.annotate(values=_values(LOADED, comment="first"))
    assert record is not None
    edited = ctl.edit(record, _values(LOADED, SOFTENING, comment="second"))
    assert edited is not None
    assert ws.get_annotation(record.id).comment == "second"
    assert ws.get_annotation(record.id).tags == (LOADED, SOFTENING)
    ctl.undo_stack.undo()
    assert ws.get_annotation(record.id).comment == "first"
    ctl.undo_stack.redo()
    assert ws.get_annotation(record.id).comment == "second"
    assert ctl.delete(ws.get_annotation(record.id))
    assert not ws.has_annotation(record.id)
    assert ctl.panel.model.rowCount() == 0
    ctl.undo_stack.undo()  # the deleted note comes back as it was
    back = ws.get_annotation(record.id)
    assert back.comment == "second" and back.tags == (LOADED, SOFTENING)
    assert ctl.panel.model.rowCount() == 1
    ctl.undo_stack.undo()  # the edit
    ctl.undo_stack.undo()  # the annotation itself
    assert not ws.has_annotation(record.id)
    ctl.undo_stack.redo()
    assert ws.get_annotation(record.id).comment == "first"
    # the shortcuts are the ones promised
    assert ctl.undo_action.shortcut().toString() == "Ctrl+Z"
    assert ctl.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert ctl.annotate_action.shortcut().toString() == "Ctrl+M"


def test_annotations_survive_closing_the_window(qtbot, settings) -> None:
    first = _window(qtbot, settings, _hand_pair())
    _select_text(first, "target", 2, "2024")
    record = first.annotations.annotate(values=_values(LOADED, comment="kept"))
    assert record is not None
    path = first.annotations.workspace.path
    first.close()
    assert first.annotations.workspace is None  # closed with the window
    second = _window(qtbot, settings, _hand_pair())
    ws = second.annotations.workspace
    assert ws is not None and ws.path == path
    assert [a.comment for a in ws.annotations()] == ["kept"]
    assert second.annotations.panel.model.rowCount() == 1


def test_the_panel_filters_by_tag_author_side_and_text(window) -> None:
    ctl = window.annotations
    _select_text(window, "source", 0, "CNN")
    ctl.annotate(values=_values(LOADED, comment="alpha", author="Lina"))
    _select_text(window, "target", 0, "Iraq")
    ctl.annotate(values=_values(SOFTENING, comment="beta", author="Omar"))
    _select_text(window, "target", 1, "Damascus")
    ctl.annotate(values=_values(LOADED, comment="gamma", author="Omar"))
    panel = ctl.panel

    def shown() -> list[str]:
        return sorted(panel.proxy.annotation(r).comment for r in range(panel.proxy.rowCount()))

    assert shown() == ["alpha", "beta", "gamma"]
    panel.set_filters(tag=str(LOADED))
    assert shown() == ["alpha", "gamma"]
    panel.set_filters(author="Omar")
    assert shown() == ["beta", "gamma"]
    panel.set_filters(side="source")
    assert shown() == ["alpha"]
    panel.set_filters(text="DAMASC")
    assert shown() == ["gamma"]
    panel.set_filters(tag=str(LOADED), author="Omar", side="target")
    assert shown() == ["gamma"]
    panel.set_filters()
    assert shown() == ["alpha", "beta", "gamma"]


def test_clicking_a_row_selects_the_span_in_its_pane(qtbot, window) -> None:
    ctl = window.annotations
    _select_text(window, "source", 2, "2024")
    ctl.annotate(values=_values(LOADED))
    _select_text(window, "source", 0, "CNN")
    ctl.annotate(values=_values(LOADED))
    pane = window.pair_view.pane("source")
    pane.setTextCursor(QTextCursor(pane.document()))
    ctl.dock.show()
    ctl.dock.raise_()
    table = ctl.panel.table
    row = next(
        r
        for r in range(ctl.panel.proxy.rowCount())
        if ctl.panel.proxy.annotation(r).quote == "2024"
    )
    rect = table.visualRect(ctl.panel.proxy.index(row, Column.QUOTE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = pane.textCursor()
    assert cursor.selectedText() == "2024"
    assert cursor.blockNumber() - 1 == 2


def test_tooltips_name_the_tags(qtbot, window) -> None:
    ctl = window.annotations
    _select_text(window, "target", 0, "CNN")
    record = ctl.annotate(values=_values(LOADED, comment="why"))
    assert record is not None
    assert ctl.highlights.annotations_at("target", 0, record.start + 1) == [record]
    assert ctl.highlights.annotations_at("target", 0, record.end) == []
    text = ctl.highlights.describe(record)
    assert "Loaded" in text and "why" in text and "Lina" in text


def test_a_changed_text_is_reanchored_and_its_orphans_listed(
    qtbot, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, tgt = tmp_path / "a.ar.txt", tmp_path / "a.en.txt"
    src.write_text("\n".join(SOURCE_LINES) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(TARGET_LINES) + "\n", encoding="utf-8")
    first = _window(qtbot, settings, _pair(load_text(src), load_text(tgt)))
    _select_text(first, "source", 1, "الأسد")
    kept = first.annotations.annotate(values=_values(LOADED, comment="kept"))
    _select_text(first, "source", 2, "2024")
    lost = first.annotations.annotate(values=_values(LOADED, comment="lost"))
    assert kept is not None and lost is not None
    first.close()

    lines = list(SOURCE_LINES)
    lines[0] = "سطر جديد في البداية " + lines[0]
    lines[2] = "فقرة أعيدت كتابتها كلها"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text)
    )
    second = _window(qtbot, settings, _pair(load_text(src), load_text(tgt)))
    session = second.annotations.session
    assert session.is_syncing() and session.workspace is None  # annotations off meanwhile
    _select_text(second, "target", 0, "CNN")
    assert second.annotations.annotate(values=_values(LOADED)) is None
    assert "found again" in second.statusBar().currentMessage()
    with qtbot.waitSignal(session.reanchored, timeout=30_000):
        pass
    ws = second.annotations.workspace
    assert ws is not None
    by_comment = {a.comment: a for a in ws.annotations()}
    assert by_comment["kept"].status is Status.ANCHORED
    assert by_comment["kept"].quote == "الأسد"
    assert by_comment["lost"].status is Status.ORPHAN  # kept, never dropped
    assert [a.comment for a in second.annotations.panel.orphans()] == ["lost"]
    assert warnings and "2024" in warnings[0]


def _broken(kind: str, path: Path) -> object:
    if kind == "corrupt":
        path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    elif kind == "newer":
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    elif kind == "locked":
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        return conn
    return None


@pytest.mark.parametrize("kind", ["corrupt", "newer", "locked"])
def test_an_unusable_workspace_gives_a_message_and_is_left_alone(
    qtbot, settings, kind: str
) -> None:
    pair = _hand_pair()
    path = default_path_for(pair.source, pair.target)
    Workspace.create(path, pair.source, pair.target, pair.alignment).close()
    holder = _broken(kind, path)
    before = path.read_bytes()
    window = _window(qtbot, settings, pair)
    shown = [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert shown and str(path) in shown[0]
    assert {"corrupt": "damaged", "newer": "newer", "locked": "in use"}[kind] in shown[0]
    assert window.annotations.workspace is None
    assert not window.annotations.annotate_action.isEnabled()
    if holder is not None:
        holder.close()  # type: ignore[attr-defined]
    assert path.read_bytes() == before


def test_a_read_only_workspace_is_shown_but_not_changed(qtbot, settings) -> None:
    pair = _hand_pair()
    path = default_path_for(pair.source, pair.target)
    with Workspace.create(path, pair.source, pair.target, pair.alignment) as ws:
        ws.annotate("target", 1, 2, 8, tags=[LOADED], comment="old note")
    path.chmod(0o444)
    before = path.read_bytes()
    try:
        window = _window(qtbot, settings, pair)
        warned = [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]
        assert warned and "read-only" in warned[0]
        ctl = window.annotations
        assert ctl.workspace is not None and ctl.workspace.read_only
        assert ctl.panel.model.rowCount() == 1
        assert not ctl.annotate_action.isEnabled()
        _select_text(window, "target", 0, "CNN")
        assert ctl.annotate(values=_values(LOADED)) is None
        assert path.read_bytes() == before
    finally:
        path.chmod(0o644)


def test_save_as_carries_on_in_the_copy(qtbot, window, tmp_path: Path) -> None:
    ctl = window.annotations
    _select_text(window, "source", 0, "CNN")
    ctl.annotate(values=_values(LOADED, comment="one"))
    copy = tmp_path / "shared.prw"
    assert ctl.session.save_as(copy) == copy
    assert ctl.workspace.path == copy
    _select_text(window, "target", 0, "CNN")
    ctl.annotate(values=_values(LOADED, comment="two"))
    with Workspace.open(copy, read_only=True) as shared:
        assert sorted(a.comment for a in shared.annotations()) == ["one", "two"]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_pane_context_menu_offers_annotating(qtbot, window) -> None:
    ctl = window.annotations
    _select_text(window, "source", 0, "CNN")
    ctl.annotate(values=_values(LOADED))
    pane = window.pair_view.pane("source")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.position(0, SOURCE_LINES[0].index("CNN") + 1))
    pos = pane.cursorRect(cursor).center()
    menus = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is not None:
            menus.append([a.text() for a in menu.actions()])
            menu.close()

    QTimer.singleShot(50, close_menu)
    pane.customContextMenuRequested.emit(QPoint(pos))
    assert menus
    texts = " | ".join(menus[0])
    assert "Annotate" in texts and "Edit" in texts and "Delete" in texts


def test_every_annotation_action_has_a_shortcut_and_a_menu(window) -> None:
    ctl = window.annotations
    for action in (
        ctl.annotate_action,
        ctl.link_action,
        ctl.edit_action,
        ctl.delete_action,
        ctl.undo_action,
        ctl.redo_action,
        ctl.codebooks_action,
        ctl.open_workspace_action,
        ctl.save_workspace_action,
    ):
        assert not action.shortcut().isEmpty(), action.text()
        assert action in window.actions()
        assert action.associatedObjects(), action.text()  # it sits in a menu
