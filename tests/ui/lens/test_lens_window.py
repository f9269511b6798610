"""The Framing Lens window on the built-in corpus: counts, chart, exports, concordance, the
collection remembered, the family editor, linked passages; driven through keys and clicks."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog

from reader.core.arabic.normalise import fold_for_search, tokens
from reader.resources import CORPUS
from reader.ui.lens.concordance_model import LINE
from reader.ui.lens.window import CONCORDANCE_TAB, LINKS_TAB, LensWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TIMEOUT = 60_000


def _open(qtbot, settings) -> LensWindow:
    window = LensWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    with qtbot.waitSignal(window.counted, timeout=TIMEOUT):
        window.show()
    return window


@pytest.fixture
def lens(qtbot, settings) -> LensWindow:
    return _open(qtbot, settings)


def _column(window: LensWindow, short: str) -> int:
    return window.counts.documents().index(short)


def _row(window: LensWindow, family: str, label: str) -> int:
    return next(i for i, r in enumerate(window.counts.rows())
                if (r.family_id, r.label_id) == (family, label))


def test_the_counts_table_shows_hand_counted_militias(lens) -> None:
    # grep -oiw 'militia[a-z]*' iraq-assad-lesson.en.txt: militia 1, militias 6, Militias 1
    en = _column(lens, "Noon Post (en)")
    ar = _column(lens, "Noon Post (ar)")
    row = lens.counts.row(_row(lens, "armed-groups", "militia"))
    assert row.counts[en] == 8
    # ميليشيا 6, ميليشيات 8, مليشيا 2, مليشيات 1 in the Arabic article
    assert row.counts[ar] == 17
    words = lens.result.counts.words[lens.result.documents[en].id]
    index = lens.counts.index(_row(lens, "armed-groups", "militia"), 2 + en)
    assert index.data() == f"{8000 / words:.2f}"
    assert row.rates[en] == pytest.approx(8000 / words)


def test_sorting_a_document_column_keeps_the_families_together(qtbot, lens) -> None:
    en = _column(lens, "Noon Post (en)")
    header = lens.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + QPointF(
                         header.sectionViewportPosition(2 + en) + 5, 5).toPoint())
    proxy = lens.counts_proxy
    families = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    # each family's rows stay in one run, in the families' order
    runs = [f for i, f in enumerate(families) if i == 0 or families[i - 1] != f]
    assert runs == [name.split(":")[0] for _id, name in lens.counts.families()]
    rates = [lens.counts.row(proxy.mapToSource(proxy.index(r, 0)).row()).rates[en]
             for r in range(proxy.rowCount()) if families[r] == runs[0]]
    assert rates == sorted(rates) or rates == sorted(rates, reverse=True)


def test_the_chart_has_a_bar_set_per_document(lens) -> None:
    names = [bars.label() for bars in lens.chart.bar_sets()]
    assert names == lens.counts.documents()
    assert len(names) == 5
    family = lens.family_combo.currentData()
    labels = [r.label for r in lens.counts.family_rows(family)]
    assert all(bars.count() == len(labels) for bars in lens.chart.bar_sets())
    lens.family_combo.setCurrentIndex(1)  # another family charted
    assert lens.chart.data_shown is not None
    assert lens.chart.data_shown.family == lens.family_combo.currentText()


def test_exports_write_valid_csv_png_and_svg(qtbot, lens, tmp_path, monkeypatch) -> None:
    targets = iter([tmp_path / "counts.csv", tmp_path / "chart.png", tmp_path / "chart.svg"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(next(targets)), ""))
    qtbot.keyClick(lens, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.keyClick(lens, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.keyClick(lens, Qt.Key.Key_G, CTRL_SHIFT)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "counts.csv").read_text("utf-8"))))
    militia = [r for r in rows if r["label"] == "militia"
               and r["document"] == "iraq-assad-lesson-en"]
    assert militia and militia[0]["count"] == "8"
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull() and image.width() >= 800
    root = ET.parse(tmp_path / "chart.svg").getroot()
    assert root.tag.endswith("svg")
    svg = (tmp_path / "chart.svg").read_text("utf-8")
    assert "regime" in svg  # the first family's labels, as text


def test_an_export_onto_a_corpus_text_is_refused(qtbot, lens, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    target = CORPUS / "iraq-assad-lesson.en.txt"
    before = target.read_bytes()
    assert lens.export_csv(target) is None
    assert shown and "input" in shown[0] and target.read_bytes() == before


def _search(qtbot, lens: LensWindow, term: str) -> None:
    lens.tabs.setCurrentIndex(CONCORDANCE_TAB)
    lens.concordance.term.setFocus()
    qtbot.keyClicks(lens.concordance.term, term)
    with qtbot.waitSignal(lens.lines_shown, timeout=TIMEOUT):
        qtbot.keyClick(lens.concordance.term, Qt.Key.Key_Return)


def _words(text: str) -> list[str]:
    """Words as a concordancer compares them: folded, punctuation left out."""
    return [w for _s, _e, w in tokens(fold_for_search(text)[0])]


def test_concordance_sorts_by_left_and_right_context(qtbot, lens) -> None:
    _search(qtbot, lens, "militias")
    lines = lens.concordance.visible_lines()
    assert len(lines) >= 8 and all("militia" in ln.match.casefold() for ln in lines)
    qtbot.keyClick(lens, Qt.Key.Key_Right, CTRL_ALT)
    by_right = lens.concordance.visible_lines()
    firsts = [_words(ln.right)[:1] for ln in by_right]
    assert firsts == sorted(firsts)
    qtbot.keyClick(lens, Qt.Key.Key_Left, CTRL_ALT)
    by_left = lens.concordance.visible_lines()
    nearest = [_words(ln.left)[-1:] for ln in by_left]  # the word just before the match
    assert nearest == sorted(nearest)
    assert by_left != by_right
    assert sorted(map(id, by_left)) == sorted(map(id, by_right))  # the same lines


def test_a_double_click_opens_the_document_at_the_match(qtbot, lens) -> None:
    lens.tabs.setCurrentIndex(CONCORDANCE_TAB)
    lens.concordance.choose("armed-groups", "militia")
    with qtbot.waitSignal(lens.lines_shown, timeout=TIMEOUT):
        pass
    table = lens.concordance.table
    arabic = next(r for r in range(lens.concordance.proxy.rowCount())
                  if lens.concordance.proxy.index(r, LINE).data(
                      lens.concordance.model.RtlRole))
    table.scrollTo(lens.concordance.proxy.index(arabic, LINE))
    rect = table.visualRect(lens.concordance.proxy.index(arabic, LINE))
    line = lens.concordance.visible_lines()[arabic]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lens.reading_views, "no reading view opened"
    view = lens.reading_views[-1]
    assert view.selected_text() == line.match
    assert view.pane.textCursor().block().blockNumber() - 1 == line.paragraph
    assert view.pane.is_rtl(line.paragraph)
    # Enter on another line opens that one
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert lens.reading_views[-1] is not view


def test_a_file_added_by_drop_is_counted_and_remembered(qtbot, lens, settings, tmp_path) -> None:
    extra = tmp_path / "notes.en.txt"
    extra.write_text("The militia withdrew. Another militia stayed near the border.\n", "utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(extra))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(lens.counted, timeout=TIMEOUT):
        lens.dropEvent(event)
    assert lens.counts.documents()[-1] == "notes.en"
    militia = lens.counts.row(_row(lens, "armed-groups", "militia"))
    assert militia.counts[-1] == 2
    lens.close()
    again = _open(qtbot, settings)
    assert [d.path for d in again.collection.documents()][-1] == extra
    assert again.counts.documents()[-1] == "notes.en"
    # removed with Delete, it stays removed
    again.collection_view.setFocus()
    again.collection_view.setCurrentIndex(again.collection.index(5))
    with qtbot.waitSignal(again.counted, timeout=TIMEOUT):
        qtbot.keyClick(again, Qt.Key.Key_Delete)
    assert settings.lens_files == []
    assert len(again.counts.documents()) == 5


def test_an_unreadable_file_is_left_out_with_a_message(qtbot, lens, tmp_path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with qtbot.waitSignal(lens.counted, timeout=TIMEOUT):
        lens.add_files([bad])
    assert "broken.txt" in lens.status.text()
    assert len(lens.counts.documents()) == 5  # the others still counted


def test_a_label_added_in_the_family_editor_is_counted(qtbot, lens) -> None:
    qtbot.keyClick(lens, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = lens.family_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.setText("Places")
    table = dialog.table
    table.item(0, 0).setText("Aleppo")
    table.item(0, 1).setText("حلب")
    table.item(0, 2).setText("Aleppo")
    with qtbot.waitSignal(lens.counted, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = lens.counts.row(_row(lens, "places", "aleppo"))
    # grep -ow Aleppo: Orient XXI 3, Musings on Iraq 1, Wilson Center 1, Noon Post none
    assert row.counts == (0, 0, 1, 1, 3)
    assert (dialog.folder / "places.json").is_file()
    # the new label is in the concordance's list too
    assert lens.concordance.query.findText("    Aleppo") >= 0


def test_the_family_editor_shows_what_is_wrong_and_saves_nothing(qtbot, lens) -> None:
    dialog = lens.edit_families()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.setText("Empty")
    dialog.table.item(0, 0).setText("nothing")  # a label with no form
    assert dialog.save() is None
    assert "form" in dialog.message.text()
    assert not (dialog.folder / "empty.json").exists()


def test_linked_passages_of_the_arabic_article_and_orient_xxi(qtbot, lens) -> None:
    qtbot.keyClick(lens, Qt.Key.Key_3, CTRL)
    assert lens.tabs.currentIndex() == LINKS_TAB
    lens.links.doc_a.setCurrentIndex(_column(lens, "Noon Post (ar)"))
    lens.links.doc_b.setCurrentIndex(_column(lens, "Orient XXI (en)"))
    with qtbot.waitSignal(lens.links_shown, timeout=TIMEOUT):
        qtbot.mouseClick(lens.links.link_button, Qt.MouseButton.LeftButton)
    model = lens.links.model
    assert model.rowCount() > 0
    scores = [lens.links.proxy.index(r, 0).data() for r in range(lens.links.proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)  # the best link first
    link = lens.links.current_link()
    assert link is not None
    arabic = model.a.text.paragraphs[link.a].text
    assert lens.links.passage_a.toPlainText() == arabic
    assert lens.links.passage_b.toPlainText() == model.b.text.paragraphs[link.b].text
    counts = lens.passage_counts
    shown = [r for i, r in enumerate(counts.rows())
             if not lens.links.counts_table.isRowHidden(i)]
    assert shown and all(any(r.counts) for r in shown)
    assert counts.documents() == [f"A ¶{link.a + 1}", f"B ¶{link.b + 1}"]


def test_the_same_document_twice_is_not_linked(qtbot, lens) -> None:
    lens.links.doc_a.setCurrentIndex(0)
    lens.links.doc_b.setCurrentIndex(0)
    qtbot.mouseClick(lens.links.link_button, Qt.MouseButton.LeftButton)
    assert "two different" in lens.links.summary.text()
    assert "link" not in lens.jobs


def test_every_action_has_its_own_shortcut(lens) -> None:
    keys = [a.shortcut().toString() for a in lens.actions() if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))


def test_no_collection_file_is_kept_when_none_was_added(lens, settings) -> None:
    assert settings.lens_files == []
    assert Path(lens.collection.documents()[0].path).name == "iraq-assad-lesson.ar.txt"


def test_editing_a_built_in_family_saves_a_copy_that_delete_takes_back(qtbot, lens) -> None:
    dialog = lens.edit_families()
    events = next(i for i, f in enumerate(dialog.families) if f.id == "events")
    dialog.list.setCurrentRow(events)
    assert not dialog.delete_button.isEnabled()  # the shipped file is never deleted
    row = dialog.add_label("exodus", "نزوح", "exodus", "people leaving en masse")
    assert row == dialog.table.rowCount() - 1
    with qtbot.waitSignal(lens.counted, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    own = dialog.current()
    assert own is not None and own.id == "events" and not own.builtin
    assert own.label("exodus") is not None and len(own.labels) == 9
    assert any(r.label_id == "exodus" for r in lens.counts.rows())
    with qtbot.waitSignal(lens.counted, timeout=TIMEOUT):
        assert dialog.delete_family(confirm=False)
    assert not any(r.label_id == "exodus" for r in lens.counts.rows())
    assert next(f for f in dialog.families if f.id == "events").builtin
