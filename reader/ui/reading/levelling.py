"""Levelling: space below paragraphs so that each bead is as tall on both sides, a chunk a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from reader.core.align.beads import Alignment, Bead
from reader.ui.reading.text_pane import BEAD_GAP, PARAGRAPH_GAP, TextPane

SIDES = ("source", "target")
# levelling works through this many beads at a time, for at most this long per event
LEVEL_CHUNK = 16
LEVEL_BUDGET = 0.04
# pairs up to this many paragraphs (both sides) are checked against the finished layout
CHECK_LIMIT = 3000


@dataclass(slots=True)
class Padding:
    """Space below each paragraph and before the first one, per side, that makes every bead the
    same height on both sides; `tops[b]` is where bead b starts, from the first bead's top."""

    lead: dict[str, float]
    bottoms: dict[str, list[float]]
    tops: list[float]
    heights: dict[str, list[float]]  # each bead's own text height, per side
    total: float


class PaddingBuilder:
    """Levels beads one at a time, so that a long pair can be levelled a chunk per event."""

    def __init__(
        self, n_src: int, n_tgt: int, gap: float = BEAD_GAP,
        paragraph_gap: float = PARAGRAPH_GAP,
    ) -> None:
        self.gap = gap
        self.paragraph_gap = paragraph_gap
        self.padding = Padding(
            {"source": 0.0, "target": 0.0},
            {"source": [0.0] * n_src, "target": [0.0] * n_tgt},
            [],
            {"source": [], "target": []},
            0.0,
        )
        self._last = {"source": -1, "target": -1}  # each side's paragraph seen last

    def resume(self, old: Padding, beads: list[Bead], k: int) -> None:
        """Start at bead k, the beads before it padded as in `old`; bead k has paragraphs on
        both sides, so no bead after it added space to the paragraphs before it."""
        pad = self.padding
        firsts = {"source": beads[k].src[0], "target": beads[k].tgt[0]}
        for side, first in firsts.items():
            pad.bottoms[side][:first] = old.bottoms[side][:first]
            pad.heights[side] = old.heights[side][:k]
            pad.lead[side] = old.lead[side]
            self._last[side] = first - 1
        pad.tops = old.tops[:k]
        pad.total = old.tops[k]

    def add(self, bead: Bead, heights: dict[str, list[float]]) -> list[tuple[str, int]]:
        """Level the next bead, given the heights of its paragraphs on each side; return the
        (side, paragraph) whose space below changed, paragraph -1 for the space before all."""
        pad = self.padding
        runs = {"source": bead.src, "target": bead.tgt}
        # paragraphs of one bead keep a paragraph's break between them
        sums = {
            side: sum(heights[side]) + self.paragraph_gap * max(len(run) - 1, 0)
            for side, run in runs.items()
        }
        height = max(sums.values()) + self.gap
        pad.tops.append(pad.total)
        changed: list[tuple[str, int]] = []
        for side, run in runs.items():
            pad.heights[side].append(sums[side])
            for inner in run[:-1]:
                pad.bottoms[side][inner] = self.paragraph_gap
                changed.append((side, inner))
            # a side with no paragraph in the bead leaves the bead's height as space after its
            # previous paragraph, or before its first one
            at = run[-1] if run else self._last[side]
            if at >= 0:
                pad.bottoms[side][at] += height - sums[side]
            else:
                pad.lead[side] += height
            if run:
                self._last[side] = run[-1]
            changed.append((side, at))
        pad.total += height
        return changed


def resume_point(
    before: Alignment | None, old: Padding | None, alignment: Alignment, unchanged: int
) -> int:
    """The last bead, among the first `unchanged` already levelled, that has paragraphs on both
    sides and is the same before and after: no bead after it added space above it."""
    if before is None or old is None or (before.n_src, before.n_tgt) != (
        alignment.n_src, alignment.n_tgt
    ):
        return 0
    k = min(unchanged, len(old.tops) - 1, len(before) - 1, len(alignment) - 1)
    while k > 0 and (before.beads[k] != alignment.beads[k] or alignment.beads[k].is_null):
        k -= 1
    return max(k, 0)


def bead_padding(
    beads: list[Bead], src_heights: list[float], tgt_heights: list[float], gap: float = BEAD_GAP,
    paragraph_gap: float = PARAGRAPH_GAP,
) -> Padding:
    """The padding that levels every bead: its height is the taller side's (its paragraphs
    `paragraph_gap` apart), plus `gap`."""
    builder = PaddingBuilder(len(src_heights), len(tgt_heights), gap, paragraph_gap)
    for bead in beads:
        builder.add(
            bead,
            {
                "source": [src_heights[i] for i in bead.src],
                "target": [tgt_heights[j] for j in bead.tgt],
            },
        )
    return builder.padding


class Leveller:
    """Levels a pair's beads on its two panes, a chunk of beads per event so that a book-length
    pair never holds up the window. After each chunk `on_levelled(first, done)` is called:
    `first` for the chunk that began a layout, `done` once every bead is level."""

    def __init__(
        self,
        panes: dict[str, TextPane],
        owner: QObject,
        on_levelled: Callable[[bool, bool], None],
    ) -> None:
        self.panes = panes
        self._owner = owner  # pending chunks die with it
        self._on_levelled = on_levelled
        self.padding: Padding | None = None
        self._alignment: Alignment | None = None
        self._builder: PaddingBuilder | None = None
        self._next_bead = 0
        self._generation = 0

    def start(self, alignment: Alignment, unchanged: int = 0) -> None:
        """Level every bead again (a new pair, fonts, a resize); a layout under way is dropped.
        After an edit, `unchanged` beads at the start are those levelled before: levelling
        resumes after them, so the reader's place is level at once even in a long book."""
        self._generation += 1
        old, before = self.padding, self._alignment
        self._alignment = alignment
        self._builder = PaddingBuilder(alignment.n_src, alignment.n_tgt)
        self._next_bead = resume_point(before, old, alignment, unchanged)
        if self._next_bead and old is not None:
            self._builder.resume(old, alignment.beads, self._next_bead)
        self.padding = self._builder.padding
        self._level_chunk(self._generation)

    def finish(self) -> None:
        """Level what is left now (tests, screenshots, benchmarks)."""
        while self._alignment is not None and self._next_bead < len(self._alignment):
            self._level_chunk(self._generation, budget=float("inf"))

    def is_done(self) -> bool:
        return self._alignment is not None and self._next_bead >= len(self._alignment)

    def _level_chunk(self, generation: int, budget: float = LEVEL_BUDGET) -> None:
        if generation != self._generation or self._alignment is None or self._builder is None:
            return  # a newer layout (or pair) took over
        beads = self._alignment.beads
        started = time.perf_counter()
        first = self._next_bead
        while self._next_bead < len(beads) and time.perf_counter() - started < budget:
            end = min(self._next_bead + LEVEL_CHUNK, len(beads))
            self._level_beads(self._next_bead, end)
            self._next_bead = end
        done = self._next_bead >= len(beads)
        if done:
            self._check_levels()
        else:
            QTimer.singleShot(0, self._owner, lambda: self._level_chunk(generation))
        self._on_levelled(first == 0, done)

    def _check_levels(self) -> None:
        """Measure again from the finished layout and correct any paragraph the line arithmetic
        of `measure` got wrong (a Qt version that rounds otherwise): cheap when nothing moved."""
        assert self._alignment is not None and self.padding is not None
        if self._alignment.n_src + self._alignment.n_tgt > CHECK_LIMIT:
            return  # measuring from positions lays a whole book out at once: not worth a hang
        heights = {side: self.panes[side].natural_heights() for side in SIDES}
        padding = bead_padding(self._alignment.beads, heights["source"], heights["target"])
        if padding.bottoms == self.padding.bottoms and padding.lead == self.padding.lead:
            return
        for side in SIDES:
            old = self.padding.bottoms[side]
            changed = {i: v for i, v in enumerate(padding.bottoms[side]) if v != old[i]}
            self.panes[side].set_padding(changed, padding.lead[side])
        self.padding = padding

    def _level_beads(self, start: int, end: int) -> None:
        assert self._alignment is not None and self._builder is not None
        beads = self._alignment.beads[start:end]
        heights: dict[str, dict[int, float]] = {}
        for side in SIDES:
            run = [i for bead in beads for i in (bead.src if side == "source" else bead.tgt)]
            heights[side] = (
                dict(zip(run, self.panes[side].measure(run[0], run[-1]), strict=True))
                if run
                else {}
            )
        changed: dict[str, dict[int, float]] = {side: {} for side in SIDES}
        lead: dict[str, float | None] = {side: None for side in SIDES}
        bottoms = self.padding.bottoms if self.padding else {}
        for bead in beads:
            runs = {"source": bead.src, "target": bead.tgt}
            for side, at in self._builder.add(
                bead, {side: [heights[side][i] for i in run] for side, run in runs.items()}
            ):
                if at >= 0:
                    changed[side][at] = bottoms[side][at]
                else:
                    lead[side] = self._builder.padding.lead[side]
        for side in SIDES:
            self.panes[side].set_padding(changed[side], lead[side])
