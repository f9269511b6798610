"""The concordance's model and delegate: KWIC lines, the match centred, Arabic right to left."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.lens.concord import KwicLine, SortKey, sort_lines
from reader.core.text.document import Text
from reader.ui.app.fonts import font_for

Index = QModelIndex | QPersistentModelIndex

DOCUMENT, LINE, LABEL = range(3)
# space between the match and its context, in pixels
GAP = 6.0


def is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text)


class ConcordanceModel(QAbstractTableModel):
    """A row per KwicLine; each line's place in every sort the core knows is kept so that the
    proxy sorts as `reader concord --sort` does (left context read backwards from the match)."""

    LineRole = Qt.ItemDataRole.UserRole + 1
    RtlRole = Qt.ItemDataRole.UserRole + 2
    LeftRankRole = Qt.ItemDataRole.UserRole + 3
    RightRankRole = Qt.ItemDataRole.UserRole + 4
    DocumentRankRole = Qt.ItemDataRole.UserRole + 5
    SpacedRole = Qt.ItemDataRole.UserRole + 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[KwicLine] = []
        self._rtl: list[bool] = []
        self._names: dict[str, str] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._ranks: dict[str, list[int]] = {}
        self._spaced: list[tuple[bool, bool]] = []

    def set_lines(
        self, lines: Sequence[KwicLine], names: dict[str, str],
        labels: dict[tuple[str, str], str] | None = None, rtl: dict[str, bool] | None = None,
        texts: dict[str, Text] | None = None,
    ) -> None:
        """`names`: document id → the name shown (in collection order); `rtl`: which
        documents are right to left (else told from each line's script); `texts`: the
        documents' texts, which say whether a space parts the match from its context."""
        self.beginResetModel()
        self._lines = list(lines)
        self._names = dict(names)
        self._labels = dict(labels or {})
        self._rtl = [rtl[ln.document] if rtl and ln.document in rtl else is_arabic(ln.match)
                     for ln in self._lines]
        self._spaced = [_spaced(texts[ln.document].paragraphs[ln.paragraph].text, ln)
                        if texts and ln.document in texts else (True, True)
                        for ln in self._lines]
        position = {id(ln): n for n, ln in enumerate(self._lines)}
        order = list(names)
        self._ranks = {}
        keys: tuple[SortKey, ...] = ("left", "right", "doc")
        for key in keys:
            ranks = [0] * len(self._lines)
            for rank, line in enumerate(sort_lines(self._lines, key, order)):
                ranks[position[id(line)]] = rank
            self._ranks[key] = ranks
        self.endResetModel()

    def line(self, row: int) -> KwicLine:
        return self._lines[row]

    def lines(self) -> list[KwicLine]:
        return list(self._lines)

    def rtl(self, row: int) -> bool:
        return self._rtl[row]

    def document_name(self, document: str) -> str:
        return self._names.get(document, document)

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), index.column()
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DOCUMENT:
                return self.document_name(line.document)
            if column == LINE:
                return f"{line.left} {line.match} {line.right}".strip()
            if column == LABEL:
                return self._labels.get((line.family, line.label), line.label)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == LINE:
            return self.tr("{0}, paragraph {1}: double click or Enter opens it here").format(
                self.document_name(line.document), line.paragraph + 1)
        if role == self.LineRole:
            return line
        if role == self.RtlRole:
            return self._rtl[row]
        if role == self.SpacedRole:
            return self._spaced[row]
        if role == self.LeftRankRole:
            return self._ranks["left"][row]
        if role == self.RightRankRole:
            return self._ranks["right"][row]
        if role == self.DocumentRankRole:
            return self._ranks["doc"][row]
        return None

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {DOCUMENT: self.tr("Document"), LINE: self.tr("Line"),
                LABEL: self.tr("Label")}.get(section)


def _spaced(paragraph: str, line: KwicLine) -> tuple[bool, bool]:
    """Whether white space parts the match from the text before and after it ("al-Assad's
    regime" matched on "Assad's regime" has none before)."""
    before = line.start == 0 or paragraph[line.start - 1].isspace()
    after = line.end >= len(paragraph) or paragraph[line.end].isspace()
    return before, after


class ConcordanceProxy(QSortFilterProxyModel):
    """Sorts by the core's orders: the Document column by document then place, the Line
    column by the context chosen (left: the words before the match, nearest first; right:
    the words after it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context: str = "left"

    def set_context(self, context: str) -> None:
        self.context = context
        self.invalidate()

    def lessThan(self, left: Index, right: Index) -> bool:  # Qt override
        column = left.column()
        if column == DOCUMENT:
            role = ConcordanceModel.DocumentRankRole
        elif column == LINE:
            role = (ConcordanceModel.LeftRankRole if self.context == "left"
                    else ConcordanceModel.RightRankRole)
        else:
            a, b = left.data(), right.data()
            if a != b:
                return bool(str(a).casefold() < str(b).casefold())
            role = ConcordanceModel.DocumentRankRole
        return bool(left.data(role) < right.data(role))


class KwicDelegate(QStyledItemDelegate):
    """Paints a line with its match in the middle of the cell: the context before the match
    on the side a reader of its script reads first (left in English, right in Arabic), each
    side cut at a word with … where it goes on beyond the cell."""

    def paint(  # Qt override
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        line = index.data(ConcordanceModel.LineRole)
        if not isinstance(line, KwicLine):
            super().paint(painter, option, index)
            return
        rtl = bool(index.data(ConcordanceModel.RtlRole))
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                               else QPalette.ColorRole.Text)
        base = option.font
        font = font_for("rtl", base.pointSizeF() * 1.15) if rtl else QFont(base)
        bold = QFont(font)
        bold.setBold(True)
        rect = QRectF(option.rect).adjusted(4, 0, -4, 0)
        match_width = QFontMetricsF(bold).horizontalAdvance(line.match)
        centre = rect.center().x()
        match_rect = QRectF(centre - match_width / 2, rect.top(), match_width, rect.height())
        spaced = index.data(ConcordanceModel.SpacedRole) or (True, True)
        # a space in the text shows as a gap; a word the match only ends (al-|Assad) stays joined
        gap_left = GAP if spaced[1 if rtl else 0] else 0.0
        gap_right = GAP if spaced[0 if rtl else 1] else 0.0
        left_rect = QRectF(rect.left(), rect.top(),
                           max(0.0, match_rect.left() - gap_left - rect.left()), rect.height())
        right_rect = QRectF(match_rect.right() + gap_right, rect.top(),
                            max(0.0, rect.right() - match_rect.right() - gap_right),
                            rect.height())
        painter.save()
        painter.setPen(colour)
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        # what a reader reads before the match sits on the left in English, on the right in
        # Arabic; each side hugs the match
        before_rect, after_rect = (right_rect, left_rect) if rtl else (left_rect, right_rect)
        before_align = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
        after_align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        metrics = QFontMetricsF(font)
        self._draw(painter, before_rect, fit_words(line.left, before_rect.width(), metrics,
                                                   keep_end=True), font, direction, before_align)
        self._draw(painter, after_rect, fit_words(line.right, after_rect.width(), metrics,
                                                  keep_end=False), font, direction, after_align)
        self._draw(painter, match_rect, line.match, bold, direction, Qt.AlignmentFlag.AlignHCenter)
        painter.restore()

    @staticmethod
    def _draw(painter: QPainter, rect: QRectF, text: str, font: QFont,
              direction: Qt.LayoutDirection, align: Qt.AlignmentFlag) -> None:
        if not text or rect.width() <= 0:
            return
        painter.setFont(font)
        # absolute: the side is where the match is, whichever way the text runs
        flags = align | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
        option = QTextOption(flags)
        option.setTextDirection(direction)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        painter.drawText(rect, text, option)


def fit_words(text: str, width: float, metrics: QFontMetricsF, *, keep_end: bool) -> str:
    """As many whole words of `text` as fit `width`, from its end (the context before a
    match) or its start (the context after it), with … where words were left out."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    kept: list[str] = []
    for word in reversed(words) if keep_end else words:
        trial = [word, *kept] if keep_end else [*kept, word]
        shown = ("… " + " ".join(trial)) if keep_end else (" ".join(trial) + " …")
        if metrics.horizontalAdvance(shown) > width:
            break
        kept = trial
    if not kept:
        return ""
    return ("… " + " ".join(kept)) if keep_end else (" ".join(kept) + " …")
