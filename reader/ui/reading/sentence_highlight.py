"""Inside the current bead, which sentence answers which: every other pair of sentences tinted
on both sides, the pair under the caret deeper."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from reader.core.align.beads import Bead
from reader.core.align.sentence_links import SentenceLink, SentenceLinks
from reader.core.pair import Pair
from reader.ui.app.theme import highlight_colour, is_dark
from reader.ui.app.workers import run_in_pool
from reader.ui.reading.text_pane import Mark
from reader.ui.reading.utf16 import Utf16Map

if TYPE_CHECKING:
    from reader.ui.reading.pair_view import PairView

SIDES = ("source", "target")
LAYER = "sentences"


def sentence_colours(dark: bool | None = None) -> tuple[QColor, QColor]:
    """The tint of every other sentence pair, and of the pair under the caret: the current
    bead's highlight, a step and two steps deeper (same hue), so that they read as its parts."""
    base = highlight_colour(dark)
    dark = is_dark() if dark is None else dark
    hue, sat, light = base.hslHue(), base.hslSaturation(), base.lightness()
    if dark:
        return (QColor.fromHsl(hue, sat, min(light + 16, 255)),
                QColor.fromHsl(hue, sat, min(light + 34, 255)))
    return (QColor.fromHsl(hue, min(sat + 10, 255), light - 16),
            QColor.fromHsl(hue, min(sat + 20, 255), light - 34))


def marks_for(
    links: list[SentenceLink], focus: int | None, dark: bool | None = None
) -> dict[str, list[Mark]]:
    """The marks of each side: every other sentence pair tinted (the others keep the bead's
    highlight), the pair under the caret deeper; a sentence with no counterpart is left to
    the bead's highlight."""
    tint, strong = sentence_colours(dark)
    marks: dict[str, list[Mark]] = {side: [] for side in SIDES}
    shown = [k for k, link in enumerate(links) if link.src and link.tgt]
    if len(shown) < 2 and focus is None:
        return marks  # one pair of sentences: the bead's highlight says it all
    for n, k in enumerate(shown):
        colour = strong if k == focus else tint if n % 2 else None
        if colour is None:
            continue
        for side in SIDES:
            for span in links[k].spans(side):
                marks[side].append(Mark(span.paragraph, span.start, span.end, colour))
    return marks


class SentenceHighlighter(QObject):
    """Paints the sentence links of the current bead in both panes. The links are computed in
    the thread pool the first time a bead is shown and kept (SentenceLinks caches them)."""

    def __init__(self, view: PairView) -> None:
        super().__init__(view)
        self.view = view
        self._pair: Pair | None = None
        self._links: SentenceLinks | None = None
        self._shown: list[SentenceLink] = []
        self._bead = -1
        view.current_bead_changed.connect(self._on_view_current_bead_changed)
        for side in SIDES:
            view.pane(side).cursorPositionChanged.connect(self._on_pane_cursor_moved)

    def links(self) -> list[SentenceLink]:
        """The links painted now (those of the current bead, once known)."""
        return list(self._shown)

    def _on_view_current_bead_changed(self, bead: int) -> None:
        pair = self.view.pair
        if pair is None:
            return
        if pair is not self._pair:
            self._pair = pair
            self._links = SentenceLinks(pair.source, pair.target)
        self._bead = bead
        self._shown = []
        self._paint()
        if not 0 <= bead < len(pair.alignment):
            return
        assert self._links is not None
        b = pair.alignment.beads[bead]
        known = self._links.cached(b)
        if known is not None:
            self._show(pair, bead, b, known)
        else:
            run_in_pool(self._links.links, b, on_done=partial(self._show, pair, bead, b))

    def _show(self, pair: Pair, bead: int, b: Bead, links: object) -> None:
        assert isinstance(links, list)
        if not shiboken6.isValid(self):
            return  # the view was closed while the links were being computed
        view = self.view
        current = view.pair is pair and view.current_bead == bead
        if not current or pair.alignment.beads[bead] != b:
            return  # the reader moved on (or the alignment changed) meanwhile
        self._shown = links
        self._paint()

    def _on_pane_cursor_moved(self) -> None:
        if self._shown:
            self._paint()

    def _focus(self) -> int | None:
        """The link holding the caret of the pane the reader is in, if any."""
        for side in SIDES:
            pane = self.view.pane(side)
            if not pane.hasFocus() or pane.text is None:
                continue
            cursor = pane.textCursor()
            paragraph = cursor.blockNumber() - 1
            if not 0 <= paragraph < pane.paragraph_count:
                return None
            text = pane.text.paragraphs[paragraph].text
            offset = Utf16Map(text).from_utf16(cursor.position() - cursor.block().position())
            for k, link in enumerate(self._shown):
                for span in link.spans(side):
                    if span.paragraph == paragraph and span.start <= offset <= span.end:
                        return k
        return None

    def _paint(self) -> None:
        marks = marks_for(self._shown, self._focus())
        for side in SIDES:
            self.view.pane(side).set_layer(LAYER, marks[side])
