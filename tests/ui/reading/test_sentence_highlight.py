"""Clicking a sentence shows the sentence that answers it on the other side, a lighter tint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from reader.core.align.sentence_links import SentenceLink, SentenceSpan
from reader.ui.reading.sentence_highlight import marks_for, sentence_colours
from tests.ui.reading.test_pair_view import _point_in


def _tinted(pane, colour: QColor) -> list[str]:
    return [s.cursor.selectedText() for s in pane.extraSelections()
            if s.format.background().color() == colour]


def test_marks_alternate_and_the_focused_pair_is_deeper() -> None:
    links = [
        SentenceLink((SentenceSpan(0, 0, 5),), (SentenceSpan(0, 0, 4),)),
        SentenceLink((SentenceSpan(0, 6, 9),), ()),  # no counterpart: left to the bead
        SentenceLink((SentenceSpan(1, 0, 7),), (SentenceSpan(0, 5, 9), SentenceSpan(1, 0, 3))),
        SentenceLink((SentenceSpan(1, 8, 12),), (SentenceSpan(1, 4, 8),)),
    ]
    tint, strong = sentence_colours(dark=False)
    marks = marks_for(links, focus=None, dark=False)
    assert [(m.paragraph, m.start, m.colour) for m in marks["source"]] == [(1, 0, tint)]
    assert [(m.paragraph, m.start) for m in marks["target"]] == [(0, 5), (1, 0)]
    marks = marks_for(links, focus=3, dark=False)
    assert [(m.start, m.colour) for m in marks["source"]] == [(0, tint), (8, strong)]
    # one pair of sentences only: nothing to tell apart
    assert marks_for(links[:1], focus=None) == {"source": [], "target": []}
    light, dark = sentence_colours(dark=False), sentence_colours(dark=True)
    assert light[1].lightness() < light[0].lightness()  # deeper on a light page
    assert dark[1].lightness() > dark[0].lightness()  # lighter on a dark one


def test_clicking_an_english_sentence_tints_its_arabic_counterpart(qtbot, main_window) -> None:
    view = main_window.pair_view
    pair = view.pair
    # the second bead of the built-in pair: one Arabic paragraph, two English ones
    bead = next(k for k, b in enumerate(pair.alignment) if len(b.tgt) > 1 and b.src)
    b = pair.alignment[bead]
    view.scroll_to_bead(bead)
    english = view.pane("target")
    paragraph = b.tgt[0]
    text = pair.target.paragraphs[paragraph].text
    second = text.index(". ") + 2  # the paragraph's second sentence
    cursor = QTextCursor(english.block(paragraph))
    cursor.setPosition(english.position(paragraph, second + 3))
    point = english.cursorRect(cursor).center()
    qtbot.mouseClick(english.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.current_bead == bead
    qtbot.waitUntil(lambda: bool(view.sentences.links()), timeout=30_000)
    links = view.sentences.links()
    _, strong = sentence_colours()
    focused = [link for link in links
               if any(s.paragraph == paragraph and s.start <= second + 3 <= s.end
                      for s in link.tgt)]
    assert len(focused) == 1 and focused[0].src
    arabic = view.pane("source")
    expected = [
        pair.source.paragraphs[s.paragraph].text[s.start:s.end] for s in focused[0].src
    ]
    assert _tinted(arabic, strong) == expected
    assert _tinted(english, strong) == [
        pair.target.paragraphs[s.paragraph].text[s.start:s.end] for s in focused[0].tgt
    ]
    # another bead: its own links, none of the old ones left painted
    qtbot.mouseClick(english.viewport(), Qt.MouseButton.LeftButton,
                     pos=_point_in(english, 0))
    first = pair.alignment[pair.alignment.bead_of("target", 0)]
    assert view.current_bead == pair.alignment.bead_of("target", 0)
    qtbot.waitUntil(lambda: _tinted(arabic, strong) != expected, timeout=30_000)
    for painted in _tinted(arabic, strong):
        assert any(painted in pair.source.paragraphs[i].text for i in first.src)
