"""Two reading panes and the link gutter, scrolled together bead by bead."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reader.core.align.beads import Alignment
from reader.core.diverge.records import Divergence
from reader.core.pair import Pair
from reader.core.text.search import find_all
from reader.ui.app.fonts import font_for, line_height_percent
from reader.ui.app.settings import Settings
from reader.ui.app.theme import (
    divergence_background,
    divergence_colour,
    search_hit_colour,
)
from reader.ui.diverge.model import divergence_bead
from reader.ui.reading.bead_colours import bead_colours
from reader.ui.reading.levelling import Leveller, Padding
from reader.ui.reading.link_gutter import BeadBand, LinkGutter
from reader.ui.reading.overview_strip import OverviewMark, OverviewStrip
from reader.ui.reading.sentence_highlight import SentenceHighlighter
from reader.ui.reading.text_pane import Mark, TextPane
from reader.ui.reading.zoom import zoom_both

SIDES = ("source", "target")
# where a bead the user jumps to lands: this far down the viewport
LANDING = 0.25


class PairView(QWidget):
    """The reading view: panes, gutter and overview strip; implements the search bar's target."""

    current_bead_changed = Signal(int)
    # padding and bands are in place (after a pair is set and after every resize)
    laid_out = Signal()
    # the texts were laid into the panes again (zoom, fonts, spacing): other layers repaint
    texts_refilled = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.panes = {side: TextPane(side, self) for side in SIDES}
        self.gutter = LinkGutter(self)
        self.overview = OverviewStrip(self)
        self.pair: Pair | None = None
        self.leveller = Leveller(self.panes, self, self._on_levelled)
        self._current = -1
        self._hidden: set[str] = set(settings.hidden_divergence_kinds)
        self._shown: Callable[[Divergence], bool] | None = None  # e.g. only the open ones
        self._hits: list[tuple[str, int, int, int]] = []
        self._hit = -1
        self._syncing = False
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(80)
        self._relayout_timer.timeout.connect(self.relayout)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        for side, pane in self.panes.items():
            pane.paragraph_activated.connect(
                lambda i, s=side: self.select_paragraph(s, i, scroll=False)
            )
            pane.verticalScrollBar().valueChanged.connect(
                lambda v, s=side: self._on_pane_scrolled(s, v)
            )
            pane.viewport().installEventFilter(self)
            pane.zoom_requested.connect(self.zoom)
        self.sentences = SentenceHighlighter(self)
        self.gutter.bead_clicked.connect(self.select_bead)
        self.overview.scroll_requested.connect(self._on_overview_scroll_requested)
        self.arrange()

    # layout of the widgets
    @property
    def left_side(self) -> str:
        """The side shown on the left: the target (the translation) unless swapped. A pair
        whose source reads left to right and whose target reads right to left (an English
        original and its Arabic version) starts the other way round: Arabic sits on the right."""
        flipped = self.pair is not None and (
            self.pair.source.direction == "ltr" and self.pair.target.direction == "rtl"
        )
        return "source" if self.settings.sides_swapped != flipped else "target"

    @property
    def right_side(self) -> str:
        return "target" if self.left_side == "source" else "source"

    def arrange(self) -> None:
        """Place the panes by the swap setting; only the right pane shows its scroll bar."""
        while self._layout.count():
            self._layout.takeAt(0)
        left, right = self.panes[self.left_side], self.panes[self.right_side]
        for widget in (left, self.gutter, right, self.overview):
            self._layout.addWidget(widget, 1 if isinstance(widget, TextPane) else 0)
        left.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        if self.pair is not None:
            self._set_bands()
            self._sync_from(self.right_side)

    def pane(self, side: str) -> TextPane:
        return self.panes[side]

    # the pair
    def set_pair(self, pair: Pair) -> None:
        left_before = self.left_side
        self.pair = pair
        self._current = -1
        self._hits, self._hit = [], -1
        for side in SIDES:
            self._fill_pane(side)
        self.relayout()
        self._paint_divergences()
        if self.left_side != left_before:
            self.arrange()  # the new pair's directions decide which text sits on the right
        self.select_bead(0, scroll=False)

    def _fill_pane(self, side: str) -> None:
        assert self.pair is not None
        text = self.pair.source if side == "source" else self.pair.target
        pane = self.panes[side]
        size = self.settings.font_size(side) * self.settings.zoom(side)
        font = font_for(text.direction, size)
        spacing = line_height_percent(font, self.settings.line_spacing(text.direction))
        language = (
            "Arabic"
            if text.language == "ar"
            else "English"
            if text.language == "en"
            else text.language
        )
        pane.setAccessibleName(
            self.tr("{0} text ({1})").format(
                self.tr("Source") if side == "source" else self.tr("Target"), language
            )
        )
        pane.setAccessibleDescription(text.name)
        pane.set_text(text, font, spacing)

    def apply_settings(self) -> None:
        """Fonts, zoom and line spacing changed: lay both texts out again."""
        if self.pair is None:
            return
        current = self._current
        for side in SIDES:
            self._fill_pane(side)
        self.relayout()
        self._paint_divergences()
        self._paint_search()
        self.texts_refilled.emit()
        if current >= 0:
            self._current = -1
            self.select_bead(current)

    def zoom(self, factor: float) -> None:
        """Zoom both texts together by `factor` (0 resets); kept in the settings."""
        zoom_both(self.settings, factor)
        self.apply_settings()

    def relayout(self) -> None:
        """Level every bead on both sides, a chunk of beads per event so that a book-length
        pair never holds up the window; `laid_out` follows the last chunk."""
        if self.pair is not None:
            self.leveller.start(self.pair.alignment)

    def set_alignment(
        self, alignment: Alignment, current: int | None = None, unchanged: int = 0
    ) -> None:
        """The beads changed (an edit; the first `unchanged` beads are as they were): level them
        again from there, keeping the texts and the view, and make `current` (else the current
        bead, within bounds) the current bead. Divergence marks sit on paragraphs, not beads:
        they stay until the divergences are found again (set_hidden_kinds repaints them)."""
        assert self.pair is not None
        self.pair.alignment = alignment
        # the gutter's bands and colours follow each chunk, the overview the last one
        self.leveller.start(alignment, unchanged)
        bead = self._current if current is None else current
        self._current = -1  # the same number may now be another bead: announce it anyway
        self.select_bead(min(max(bead, 0), len(alignment) - 1))

    def finish_layout(self) -> None:
        """Level what is left now (tests, screenshots, benchmarks)."""
        self.leveller.finish()

    def is_laid_out(self) -> bool:
        return self.pair is not None and self.leveller.is_done()

    @property
    def padding(self) -> Padding | None:
        return self.leveller.padding

    def _on_levelled(self, first: bool, done: bool) -> None:
        self._set_bands()
        if done:
            self._set_overview()
            self.laid_out.emit()
        if first:
            self._sync_from(self.right_side)

    def _set_bands(self) -> None:
        assert self.pair is not None and self.padding is not None
        left, right = self.left_side, self.right_side
        heights = self.padding.heights
        origin = self.origin()
        bands = [
            BeadBand(
                b,
                origin + top,
                origin + top + heights[left][b],
                origin + top,
                origin + top + heights[right][b],
            )
            for b, top in enumerate(self.padding.tops)
        ]
        beads = self.pair.alignment.beads
        confidence = [bead.confidence for bead in beads]
        colours = bead_colours(self.pair.alignment, self.visible_divergences())
        self.gutter.set_bands(bands, colours, confidence, [b.state for b in beads])

    def _set_overview(self) -> None:
        if self.pair is None or self.padding is None or not self.leveller.is_done():
            return
        marks: list[OverviewMark] = []
        tops = self.padding.tops
        total = self.padding.total
        origin = self.origin()
        for d in self.visible_divergences():
            b = divergence_bead(d, self.pair.alignment)
            bottom = tops[b + 1] if b + 1 < len(tops) else total
            marks.append(
                OverviewMark(
                    origin + tops[b],
                    origin + bottom,
                    divergence_colour(str(d.kind)),
                )
            )
        self.overview.set_marks(marks, total + 2 * origin)

    # divergences
    def visible_divergences(self) -> list[Divergence]:
        if self.pair is None:
            return []
        return [d for d in self.pair.divergences if str(d.kind) not in self._hidden
                and (self._shown is None or self._shown(d))]

    def set_divergence_filter(self, shown: Callable[[Divergence], bool] | None) -> None:
        """Mark only the divergences `shown` accepts (of the kinds not hidden); None: all."""
        self._shown = shown
        if self.pair is not None:
            self._paint_divergences()
            self.gutter.set_colours(bead_colours(self.pair.alignment, self.visible_divergences()))
            if self.is_laid_out():  # else levelling draws the strip when it is done
                self._set_overview()

    def set_hidden_kinds(self, hidden: set[str]) -> None:
        self._hidden = set(hidden)
        if self.pair is not None:
            self._paint_divergences()
            self.gutter.set_colours(bead_colours(self.pair.alignment, self.visible_divergences()))
            self._set_overview()

    def _paint_divergences(self) -> None:
        marks: dict[str, list[Mark]] = {side: [] for side in SIDES}
        for d in self.visible_divergences():
            colour = divergence_background(str(d.kind))
            if d.spans:
                for span in d.spans:
                    marks[span.side].append(Mark(span.paragraph, span.start, span.end, colour))
            else:
                for i in d.paragraphs:
                    marks[d.side].append(Mark(i, 0, 0, colour, whole_paragraph=True))
        for side in SIDES:
            self.panes[side].set_layer("divergences", marks[side])

    def show_divergence(self, divergence: Divergence, bead: int | None = None) -> None:
        """Go to a divergence: select its bead and bring it into view."""
        assert self.pair is not None
        if bead is None:
            bead = divergence_bead(divergence, self.pair.alignment)
        self.select_bead(bead)

    # the current bead
    @property
    def current_bead(self) -> int:
        return self._current

    def select_paragraph(self, side: str, paragraph: int, scroll: bool = True) -> None:
        """Make a paragraph's bead current: it and its counterpart are highlighted."""
        if self.pair is None:
            return
        self.select_bead(
            self.pair.alignment.bead_of(side, paragraph), scroll=scroll, caret_side=side
        )

    def select_bead(self, bead: int, scroll: bool = True, caret_side: str | None = None) -> None:
        if self.pair is None or not 0 <= bead < len(self.pair.alignment):
            return
        b = self.pair.alignment.beads[bead]
        for side, run in (("source", b.src), ("target", b.tgt)):
            self.panes[side].set_current(run, move_caret=side != caret_side)
        self.gutter.set_current(bead)
        if scroll:
            self.scroll_to_bead(bead)
        if bead != self._current:
            self._current = bead
            self.current_bead_changed.emit(bead)

    def step_paragraph(self, delta: int) -> None:
        """Move the current bead by `delta` beads (keyboard: next / previous paragraph)."""
        if self.pair is not None:
            self.select_bead(min(max(self._current + delta, 0), len(self.pair.alignment) - 1))

    def bead_top(self, bead: int) -> float:
        assert self.padding is not None
        if bead < len(self.padding.tops):
            return self.origin() + self.padding.tops[bead]
        # not levelled yet: where its first paragraph is now
        b = self.pair.alignment.beads[bead] if self.pair else None
        side, run = ("source", b.src) if b and b.src else ("target", b.tgt if b else ())
        return self.panes[side].block_rect(run[0])[0] if run else 0.0

    def origin(self) -> float:
        """Document y where the first bead starts (the same on both sides)."""
        return self.panes["source"].content_top()

    def scroll_to_bead(self, bead: int) -> None:
        """Bring a bead into view, a little below the top, unless it is in view already."""
        if self.padding is None:
            return
        bar = self.panes[self.right_side].verticalScrollBar()
        top = self.bead_top(bead)
        done = bead < len(self.padding.tops)
        heights = self.padding.heights
        bottom = top + (max(heights["source"][bead], heights["target"][bead]) if done else 0.0)
        view = self.panes[self.right_side].viewport().height()
        if bar.value() <= top and bottom <= bar.value() + view:
            return
        bar.setValue(int(max(top - view * LANDING, 0)))

    # scrolling: both panes hold documents of the same height, so one value drives both
    def _on_pane_scrolled(self, side: str, value: int) -> None:
        if not self._syncing:
            self._sync_from(side)

    def _sync_from(self, side: str) -> None:
        value = self.panes[side].verticalScrollBar().value()
        other = self.panes["target" if side == "source" else "source"].verticalScrollBar()
        self._syncing = True
        try:
            other.setValue(value)
        finally:
            self._syncing = False
        self.gutter.set_offset(float(value))
        self.overview.set_view(float(value), float(self.panes[side].viewport().height()))

    def _on_overview_scroll_requested(self, y: float) -> None:
        bar = self.panes[self.right_side].verticalScrollBar()
        bar.setValue(int(y - self.panes[self.right_side].viewport().height() / 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Resize and self.pair is not None:
            self._relayout_timer.start()
        return False

    # search (the search bar's SearchTarget)
    def search(self, query: str, side: str) -> int:
        self._hits, self._hit = [], -1
        if self.pair is not None and query.strip():
            found: list[tuple[int, int, str, int, int, int]] = []
            for s in SIDES if side == "both" else (side,):
                text = self.pair.source if s == "source" else self.pair.target
                for paragraph, start, end in find_all(text, query):
                    bead = self.pair.alignment.bead_of(s, paragraph)
                    found.append((bead, SIDES.index(s), s, paragraph, start, end))
            found.sort(key=lambda h: (h[0], h[1], h[3], h[4]))
            self._hits = [(s, p, a, e) for _, _, s, p, a, e in found]
        self._paint_search()
        if self._hits:
            self._go_to_hit(0)
        return len(self._hits)

    def next_hit(self) -> int | None:
        if not self._hits:
            return None
        return self._go_to_hit((self._hit + 1) % len(self._hits))

    def previous_hit(self) -> int | None:
        if not self._hits:
            return None
        return self._go_to_hit((self._hit - 1) % len(self._hits))

    def clear_search(self) -> None:
        self._hits, self._hit = [], -1
        self._paint_search()

    def search_hits(self) -> list[tuple[str, int, int, int]]:
        return list(self._hits)

    def _go_to_hit(self, index: int) -> int:
        self._hit = index
        side, paragraph, start, end = self._hits[index]
        current = search_hit_colour(current=True)
        for s in SIDES:
            marks = [Mark(paragraph, start, end, current)] if s == side else []
            self.panes[s].set_layer("search_current", marks)
        self.select_paragraph(side, paragraph)
        return index

    def _paint_search(self) -> None:
        colour = search_hit_colour()
        for s in SIDES:
            marks = [Mark(p, a, e, colour) for side, p, a, e in self._hits if side == s]
            self.panes[s].set_layer("search", marks)
            if not self._hits:
                self.panes[s].set_layer("search_current", [])

    # status
    def describe_bead(self, bead: int) -> str:
        """'Bead 12 of 38 · 1:2 · confidence 0.88' for the status bar."""
        if self.pair is None or not 0 <= bead < len(self.pair.alignment):
            return ""
        b = self.pair.alignment.beads[bead]
        text = self.tr("Bead {0} of {1} · {2} · confidence {3:.2f}").format(
            bead + 1, len(self.pair.alignment), b.type, b.confidence
        )
        states = {"edited": self.tr("edited"), "confirmed": self.tr("confirmed")}
        return f"{text} · {states[b.state]}" if b.state in states else text
