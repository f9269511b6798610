"""The curation view: conflicting spans of the annotators side by side; accept, merge or reject."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotate.annotations import Annotation, TagRef
from reader.core.annotate.conflicts import Conflict, Decision, decision_of
from reader.core.text.document import Text

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Side", "¶", "Annotators", "Why", "Decision")
# characters of the paragraph shown either side of a conflict
CONTEXT = 90


class ConflictModel(QAbstractTableModel):
    """One row per conflict, in text order, with the decision that settled it (if any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Conflict, Decision | None]] = []

    def set_conflicts(self, rows: Iterable[tuple[Conflict, Decision | None]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def conflict(self, row: int) -> Conflict | None:
        """The conflict of a row (the typed accessor beside data())."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def decision(self, row: int) -> Decision | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def row_of(self, key: frozenset[str]) -> int:
        return next((k for k, (c, _) in enumerate(self._rows) if c.key == key), -1)

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or index.parent().isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        conflict, decision = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return self.tr("Source") if conflict.side == "source" else self.tr("Target")
        if column == 1:
            return str(conflict.paragraph + 1)
        if column == 2:
            return ", ".join(n or self.tr("(no name)") for n in _by_name(conflict.authors))
        if column == 3:
            return conflict.reason
        return self.tr("open") if decision is None else _done(decision)


def _by_name(names: Iterable[str]) -> list[str]:
    return sorted(names, key=lambda n: (n.casefold(), n))


def _done(decision: Decision) -> str:
    return {"accept": "accepted", "merge": "merged", "reject": "rejected"}[decision.action]


class MemberCard(QFrame):
    """One annotator's span of a conflict: the paragraph around it, tags, comment, Accept."""

    def __init__(
        self, member: Annotation, conflict: Conflict, text: Text,
        tag_label: Callable[[TagRef], str], parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.member = member
        self.setFrameShape(QFrame.Shape.StyledPanel)
        name = member.author or self.tr("(no name)")
        title = QLabel(f"<b>{html.escape(name)}</b>", self)
        self.excerpt = QTextBrowser(self)
        self.excerpt.setAccessibleName(self.tr("{0}'s span").format(name))
        self.excerpt.setHtml(_excerpt(text, conflict, member))
        self.excerpt.setMinimumHeight(60)
        self.excerpt.setMaximumHeight(110)  # leave room for the tags, comment and button
        tags = ", ".join(tag_label(t) for t in member.tags) or self.tr("(no tag)")
        details = QLabel(f"<i>{html.escape(tags)}</i>", self)
        details.setWordWrap(True)
        comment = QLabel(html.escape(member.comment) if member.comment else "", self)
        comment.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept {0}'s").format(name), self)
        layout = QVBoxLayout(self)
        for widget in (title, self.excerpt, details, comment):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.accept_button)


def _excerpt(text: Text, conflict: Conflict, member: Annotation) -> str:
    """The conflict's neighbourhood in its paragraph, the member's span marked, as HTML."""
    para = text.paragraphs[conflict.paragraph]
    start = max(para.start, conflict.abs_start - CONTEXT)
    end = min(para.end, conflict.abs_end + CONTEXT)
    content = text.content
    before = ("…" if start > para.start else "") + content[start:member.abs_start]
    after = content[member.abs_end:end] + ("…" if end < para.end else "")
    direction = "rtl" if text.direction == "rtl" else "ltr"
    return (
        f'<div dir="{direction}">{html.escape(before)}'
        f'<span style="background-color:#ffe08a; color:#000">'
        f"{html.escape(content[member.abs_start:member.abs_end])}</span>"
        f"{html.escape(after)}</div>"
    )


class CurationPanel(QWidget):
    """The conflicts in a table; the chosen one's spans side by side with the curator's buttons."""

    accept_requested = Signal(object, object)  # Conflict, Annotation
    merge_requested = Signal(object)  # Conflict
    reject_requested = Signal(object)  # Conflict
    conflict_activated = Signal(object)  # Conflict: show it in the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConflictModel(self)
        self._text_of: Callable[[str], Text] | None = None
        self._tag_label: Callable[[TagRef], str] = lambda t: t.tag
        self.cards: list[QWidget] = []  # a MemberCard per span, a label per absent annotator
        self.show_decided = QCheckBox(self.tr("Show &decided"), self)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.cards_box = QWidget(self)
        self.cards_layout = QHBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards_box)
        self.merge_button = QPushButton(self.tr("&Merge All"), self)
        self.merge_button.setToolTip(self.tr("One curated span over them all, every tag kept"))
        self.reject_button = QPushButton(self.tr("&Reject All"), self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.show_decided)
        top.addStretch(1)
        top.addWidget(self.count_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.reject_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.table.activated.connect(self._on_table_activated)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self._show_cards(None)

    def set_sources(self, text_of: Callable[[str], Text],
                    tag_label: Callable[[TagRef], str]) -> None:
        self._text_of, self._tag_label = text_of, tag_label

    def set_conflicts(self, conflicts: Sequence[Conflict], decisions: Sequence[Decision]) -> None:
        """Show the conflicts (the decided ones only with Show decided); the selection stays on
        the same conflict, or moves to the next open one."""
        current = self.current_conflict()
        row_before = self.table.currentIndex().row()
        rows = [(c, decision_of(c, decisions)) for c in conflicts]
        open_count = sum(1 for _, d in rows if d is None)
        if not self.show_decided.isChecked():
            rows = [(c, d) for c, d in rows if d is None]
        self.model.set_conflicts(rows)
        self.count_label.setText(self.tr("{0} open of {1}").format(open_count, len(conflicts)))
        row = self.model.row_of(current.key) if current is not None else -1
        if row < 0 and self.model.rowCount():
            row = min(max(row_before, 0), self.model.rowCount() - 1)
        if row >= 0:
            self.table.selectRow(row)
        self._show_cards(self.current_conflict())

    def current_conflict(self) -> Conflict | None:
        return self.model.conflict(self.table.currentIndex().row())

    def _show_cards(self, conflict: Conflict | None) -> None:
        for card in self.cards:
            # hidden and deleted in place: a widget taken out of its parent would become a
            # window of its own for a moment, and the main window would lose the focus
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        decided = (self.model.decision(self.table.currentIndex().row())
                   if conflict is not None else None)
        for button in (self.merge_button, self.reject_button):
            button.setEnabled(conflict is not None and decided is None)
        if conflict is None or self._text_of is None:
            self.hint.setText(self.tr("No conflict chosen. Conflicts are overlapping spans that "
                                      "the annotators tagged differently, or that only some "
                                      "of them marked."))
            return
        self.hint.setText(self.tr("{0} ¶{1}: {2}{3}").format(
            self.tr("Source") if conflict.side == "source" else self.tr("Target"),
            conflict.paragraph + 1, conflict.reason,
            "" if decided is None else self.tr(" — {0} (Ctrl+Z undoes)").format(
                _done(decided))))
        text = self._text_of(conflict.side)
        # one column per annotator, always in the same order; those with no span say so
        for name in _by_name({*conflict.authors, *conflict.missing}):
            mine = [m for m in conflict.members if m.author == name]
            for member in mine:
                card = MemberCard(member, conflict, text, self._tag_label, self.cards_box)
                card.accept_button.setEnabled(decided is None)
                number = len(self.member_cards) + 1
                if number <= 9:  # Alt+1… accepts the first column's span, and so on
                    card.accept_button.setText(self.tr("Accept {0}'s (&{1})").format(
                        member.author or self.tr("(no name)"), number))
                card.accept_button.clicked.connect(
                    lambda _=False, c=conflict, m=member: self.accept_requested.emit(c, m))
                self._add_card(card)
            if not mine:
                absent = QLabel(self.tr("<b>{0}</b><br>no span here").format(
                    html.escape(name or self.tr("(no name)"))), self.cards_box)
                absent.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                absent.setFrameShape(QFrame.Shape.StyledPanel)
                absent.setMargin(8)
                self._add_card(absent)

    def _add_card(self, card: QWidget) -> None:
        self.cards_layout.addWidget(card, 1)
        self.cards.append(card)

    @property
    def member_cards(self) -> list[MemberCard]:
        return [c for c in self.cards if isinstance(c, MemberCard)]

    @Slot(QModelIndex, QModelIndex)
    def _on_table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_cards(self.model.conflict(current.row()))

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        conflict = self.model.conflict(index.row())
        if conflict is not None:
            self.conflict_activated.emit(conflict)

    @Slot()
    def _on_merge_clicked(self) -> None:
        conflict = self.current_conflict()
        if conflict is not None:
            self.merge_requested.emit(conflict)

    @Slot()
    def _on_reject_clicked(self) -> None:
        conflict = self.current_conflict()
        if conflict is not None:
            self.reject_requested.emit(conflict)
