"""The find bar against a search target over the two built-in texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.text.document import Text, load_text
from reader.core.text.search import find_all
from reader.resources import CORPUS
from reader.ui.reading.search_bar import SearchBar, SearchTarget


class TextsTarget:
    """A SearchTarget over two loaded texts, the way the pair view does it, minus the drawing."""

    def __init__(self, source: Text, target: Text) -> None:
        self.texts = {"source": source, "target": target}
        self.hits: list[tuple[str, int, int, int]] = []
        self.current = -1
        self.calls: list[str] = []

    def search(self, query: str, side: str) -> int:
        self.calls.append(f"search {query} {side}")
        sides = ("source", "target") if side == "both" else (side,)
        self.hits = [(s, *hit) for s in sides for hit in find_all(self.texts[s], query)]
        self.current = 0 if self.hits else -1
        return len(self.hits)

    def next_hit(self) -> int | None:
        self.calls.append("next")
        self.current = (self.current + 1) % len(self.hits)
        return self.current

    def previous_hit(self) -> int | None:
        self.calls.append("previous")
        self.current = (self.current - 1) % len(self.hits)
        return self.current

    def clear_search(self) -> None:
        self.calls.append("clear")
        self.hits, self.current = [], -1


@pytest.fixture(scope="module")
def texts() -> tuple[Text, Text]:
    return load_text(CORPUS / "iraq-assad-lesson.ar.txt"), load_text(
        CORPUS / "iraq-assad-lesson.en.txt"
    )


@pytest.fixture
def target(texts: tuple[Text, Text]) -> TextsTarget:
    return TextsTarget(*texts)


@pytest.fixture
def bar(qtbot, target: TextsTarget) -> SearchBar:
    widget = SearchBar()
    qtbot.addWidget(widget)
    widget.set_target(target)
    widget.open_bar()
    return widget


def test_the_test_target_fits_the_protocol(target: TextsTarget) -> None:
    def takes(t: SearchTarget) -> SearchTarget:
        return t

    assert takes(target) is target


def test_typing_searches_after_a_pause(qtbot, bar: SearchBar, target: TextsTarget) -> None:
    qtbot.keyClicks(bar.edit, "Assad")
    assert not any(c.startswith("search") for c in target.calls)  # not per keystroke
    qtbot.waitUntil(lambda: bar.hit_count > 0, timeout=5_000)
    assert [c for c in target.calls if c.startswith("search")] == ["search Assad both"]


def test_a_bare_arabic_query_finds_the_hamza_form(
    qtbot, bar: SearchBar, target: TextsTarget
) -> None:
    bar.set_side("source")
    bar.edit.setText("الاسد")  # QTest types Latin-1 only; the text arrives as typing would
    qtbot.waitUntil(lambda: bar.hit_count > 0, timeout=5_000)
    assert [c for c in target.calls if c.startswith("search")] == ["search الاسد source"]
    # the bare query found the hamza-written word of the article
    _, p, s, e = target.hits[0]
    assert target.texts["source"].paragraphs[p].text[s:e] in ("الأسد", "الاسد")
    assert bar.count_label.text().endswith(str(bar.hit_count))


def test_enter_and_f3_go_forward_shift_goes_back(
    qtbot, bar: SearchBar, target: TextsTarget
) -> None:
    bar.edit.setText("Iraq")
    bar.run_search()
    total = bar.hit_count
    assert total > 2
    assert bar.count_label.text() == f"1 of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.count_label.text() == f"3 of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"2 of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"1 of {total}"
    assert target.calls[-4:] == ["next", "next", "previous", "previous"]


def test_enter_before_the_pause_searches_at_once(
    qtbot, bar: SearchBar, target: TextsTarget
) -> None:
    qtbot.keyClicks(bar.edit, "Baghdad")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.hit_count > 0
    assert target.calls[-1] == "search Baghdad both"
    assert bar.count_label.text() == f"1 of {bar.hit_count}"


def test_the_side_selector_narrows_the_search(bar: SearchBar, target: TextsTarget) -> None:
    bar.edit.setText("Iraq")
    bar.set_side("both")
    bar.run_search()
    both = bar.hit_count
    bar.set_side("target")
    assert target.calls[-1] == "search Iraq target"
    assert 0 < bar.hit_count <= both
    bar.set_side("source")
    assert bar.hit_count == 0  # the Arabic text has no Latin "Iraq"
    assert bar.count_label.text() == "No hits"
    with pytest.raises(ValueError):
        bar.set_side("left")


def test_no_hits_and_empty_query(qtbot, bar: SearchBar, target: TextsTarget) -> None:
    bar.edit.setText("zzzqqq")
    bar.run_search()
    assert bar.count_label.text() == "No hits"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # nothing to step to: nothing happens
    assert "next" not in target.calls
    bar.edit.clear()
    bar.run_search()
    assert target.calls[-1] == "clear"
    assert bar.count_label.text() == ""


def test_escape_closes_and_clears(qtbot, bar: SearchBar, target: TextsTarget) -> None:
    bar.edit.setText("Assad")
    bar.run_search()
    with qtbot.waitSignal(bar.closed, timeout=1_000):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert target.calls[-1] == "clear"
    assert target.hits == []
    bar.open_bar()  # opening again searches the kept query again
    assert not bar.isHidden()
    assert bar.hit_count > 0


def test_open_bar_with_text_and_keyboard_names(bar: SearchBar) -> None:
    bar.open_bar("Maliki")
    assert bar.query == "Maliki"
    assert bar.edit.selectedText() == "Maliki"
    for widget in (bar.edit, bar.side_box, bar.next_button, bar.previous_button):
        assert widget.accessibleName()


def test_buttons_step_through_hits(qtbot, bar: SearchBar) -> None:
    bar.edit.setText("Syria")
    bar.run_search()
    total = bar.hit_count
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == f"2 of {total}"
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == f"1 of {total}"


def test_without_a_target_nothing_breaks(qtbot, tmp_path: Path) -> None:
    widget = SearchBar()
    qtbot.addWidget(widget)
    widget.open_bar("x")
    widget.run_search()
    widget.next_hit()
    widget.previous_hit()
    widget.close_bar()
    assert widget.hit_count == 0
