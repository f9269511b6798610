"""The dialog that makes or edits an annotation: tags with their definitions, comment, severity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotate.annotations import TagRef
from reader.core.annotate.codebooks import Codebook
from reader.ui.app.settings import Settings

SEVERITIES = ("", "low", "medium", "high")
TAG_ROLE = Qt.ItemDataRole.UserRole + 1
DEFINITION_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class AnnotationValues:
    """What the user entered."""

    tags: tuple[TagRef, ...]
    comment: str
    severity: str | None
    author: str
    link: bool  # attach the other pane's selection


class AnnotationDialog(QDialog):
    """Tags from every codebook (checkable, filterable, definition shown), comment, severity and
    author. The author's name is remembered in the settings when the dialog is accepted."""

    def __init__(
        self,
        codebooks: Sequence[Codebook],
        settings: Settings,
        quote: str,
        *,
        rtl: bool = False,
        link_quote: str | None = None,
        linked_already: bool = False,
        values: AnnotationValues | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Edit Annotation") if values else self.tr("Annotate"))
        self.setMinimumSize(720, 520)

        self.quote_label = QLabel(quote, self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.quote_label.setAlignment(Qt.AlignmentFlag.AlignLeading)
        self.quote_label.setStyleSheet("QLabel { font-size: 115%; padding: 6px; }")

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter tags…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Tags"))
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.definition = QTextBrowser(self)
        self.definition.setAccessibleName(self.tr("Tag definition"))
        self.definition.setOpenExternalLinks(False)
        self._items: dict[TagRef, QTreeWidgetItem] = {}
        self._fill(codebooks)

        tags_column = QWidget(self)
        tags_layout = QVBoxLayout(tags_column)
        tags_layout.setContentsMargins(0, 0, 0, 0)
        tags_layout.addWidget(self.filter_edit)
        tags_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(tags_column)
        splitter.addWidget(self.definition)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.comment_edit.setPlaceholderText(self.tr("What do you see here?"))
        self.comment_edit.setMaximumHeight(90)
        self.severity_box = QComboBox(self)
        self.severity_box.setEditable(True)
        for value in SEVERITIES:
            self.severity_box.addItem(value)
        self.author_edit = QLineEdit(self)
        self.author_edit.setText(settings.author_name)
        self.author_edit.setPlaceholderText(self.tr("Your name (remembered)"))
        self.link_box = QCheckBox(self)
        self._link_offered = link_quote is not None
        self.link_box.setVisible(self._link_offered)
        if link_quote is not None:
            verb = self.tr("Replace the linked span with") if linked_already else self.tr(
                "Link the selection on the other side"
            )
            self.link_box.setText(f"{verb}: «{_short(link_quote)}»")

        form = QFormLayout()
        form.addRow(self.tr("Comment:"), self.comment_edit)
        row = QHBoxLayout()
        row.addWidget(self.severity_box)
        row.addWidget(QLabel(self.tr("Author:"), self))
        row.addWidget(self.author_edit, 1)
        form.addRow(self.tr("Severity:"), row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("QLabel { color: #b00020; }")

        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        layout.addWidget(self.link_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        if values is not None:
            self.set_values(values)
        self.tree.setFocus()

    def _fill(self, codebooks: Sequence[Codebook]) -> None:
        for codebook in codebooks:
            top = QTreeWidgetItem(self.tree, [codebook.name])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            top.setData(0, DEFINITION_ROLE, _codebook_html(codebook))
            for tag in codebook.tags:
                ref = TagRef(codebook.id, tag.id)
                item = QTreeWidgetItem(top, [tag.label])
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setData(0, TAG_ROLE, ref)
                item.setData(0, DEFINITION_ROLE, _tag_html(tag.label, tag.definition, tag.examples))
                item.setToolTip(0, tag.definition)
                self._items[ref] = item
        self.tree.expandAll()

    # values
    def set_values(self, values: AnnotationValues) -> None:
        for ref in values.tags:
            self.check_tag(ref)
        self.comment_edit.setPlainText(values.comment)
        self.severity_box.setCurrentText(values.severity or "")
        if values.author:
            self.author_edit.setText(values.author)

    def check_tag(self, ref: TagRef, checked: bool = True) -> None:
        """Tick a tag; one no codebook knows (an imported one) gets a row of its own."""
        item = self._items.get(ref)
        if item is None:
            item = QTreeWidgetItem(self.tree, [str(ref)])
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setData(0, TAG_ROLE, ref)
            item.setData(0, DEFINITION_ROLE, self.tr("A tag from a codebook not installed here."))
            self._items[ref] = item
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_tags(self) -> tuple[TagRef, ...]:
        return tuple(
            ref for ref, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked
        )

    def values(self) -> AnnotationValues:
        severity = self.severity_box.currentText().strip()
        return AnnotationValues(
            tags=self.checked_tags(),
            comment=self.comment_edit.toPlainText().strip(),
            severity=severity or None,
            author=self.author_edit.text().strip(),
            link=self._link_offered and self.link_box.isChecked(),
        )

    def accept(self) -> None:  # Qt override
        values = self.values()
        if not values.tags and not values.comment:
            self.problem_label.setText(self.tr("Choose at least one tag or write a comment."))
            return
        self.settings.author_name = values.author
        super().accept()

    # slots
    @Slot(str)
    def _on_filter_edit_text_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            shown = 0
            for k in range(top.childCount()):
                child = top.child(k)
                if child is None:
                    continue
                definition = str(child.data(0, DEFINITION_ROLE) or "")
                hit = not needle or needle in child.text(0).casefold() or (
                    needle in definition.casefold()
                )
                child.setHidden(not hit)
                shown += hit
            top.setHidden(top.childCount() > 0 and shown == 0)

    @Slot(object, object)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None
    ) -> None:
        self.definition.setHtml(str(current.data(0, DEFINITION_ROLE) or "") if current else "")


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tag_html(label: str, definition: str, examples: Iterable[str]) -> str:
    html = f"<h3>{_escape(label)}</h3><p>{_escape(definition)}</p>"
    examples = list(examples)
    if examples:
        html += "<ul>" + "".join(f"<li><i>{_escape(e)}</i></li>" for e in examples) + "</ul>"
    return html


def _codebook_html(codebook: Codebook) -> str:
    html = f"<h3>{_escape(codebook.name)}</h3>"
    if codebook.description:
        html += f"<p>{_escape(codebook.description)}</p>"
    if codebook.source:
        html += f"<p><small>{_escape(codebook.source)}</small></p>"
    return html
