"""Spans painted over divergence highlights: an underline in their own colour keeps them seen.

Two see-through backgrounds of one hue (a yellow tag on a yellow "Name differs") blend into one
shade, so a note on a divergence would vanish. Where a span of a later layer lies on a
divergence, it also gets a solid underline in its colour: the divergence keeps its background,
the note shows by its line. An underline in an extra selection is drawn over the glyphs as they
are, so Arabic letters keep their joins.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.app.theme import is_dark


def _ranges(selections: list[QTextEdit.ExtraSelection]) -> list[tuple[int, int]]:
    """The union of the selections' ranges, as sorted disjoint (start, end) pairs."""
    spans = sorted(
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in selections
        if s.cursor.hasSelection()
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def line_colour(background: QColor, dark: bool | None = None) -> QColor:
    """The span's own colour, opaque, one step further from the page than its background."""
    colour = QColor(background)
    colour.setAlpha(255)
    return colour.lighter(140) if (is_dark() if dark is None else dark) else colour.darker(160)


def underlines(
    under: list[QTextEdit.ExtraSelection], over: list[QTextEdit.ExtraSelection]
) -> list[QTextEdit.ExtraSelection]:
    """An underline for each part of an `over` selection that lies on an `under` one."""
    ranges = _ranges(under)
    if not ranges:
        return []
    starts = [start for start, _ in ranges]
    out: list[QTextEdit.ExtraSelection] = []
    for selection in over:
        cursor = selection.cursor
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        if first == last:
            continue
        # the union's ranges that may overlap [first, last): from the one starting at or
        # before `first` to the last starting before `last`
        k = max(bisect_right(starts, first) - 1, 0)
        colour = line_colour(selection.format.background().color())
        while k < len(ranges) and ranges[k][0] < last:
            start, end = max(ranges[k][0], first), min(ranges[k][1], last)
            if start < end:
                piece = QTextCursor(cursor.document())
                piece.setPosition(start)
                piece.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colour)
                line = QTextEdit.ExtraSelection()
                line.cursor = piece
                line.format = fmt
                out.append(line)
            k += 1
    return out
