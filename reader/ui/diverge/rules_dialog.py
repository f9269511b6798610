"""The ignore rules in force, the workspace's and the user's own, each one removable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.diverge.labels import kind_label
from reader.core.diverge.review import IgnoreRule

RULE_ROLE = Qt.ItemDataRole.UserRole + 1


class RulesDialog(QDialog):
    """Lists `rules()` (asked again after each removal); Remove calls `remove(rule)`."""

    def __init__(
        self, rules: Callable[[], list[IgnoreRule]], remove: Callable[[IgnoreRule], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ignore Rules"))
        self._rules, self._remove = rules, remove
        intro = QLabel(self.tr("Divergences matching these rules are ignored. Rules of this "
                               "workspace travel with it; your own apply to every pair."), self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Kind"), self.tr("Values"), self.tr("Where"),
                                   self.tr("Comment")])
        self.tree.setAccessibleName(self.tr("Ignore rules"))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(640, 320)
        self.fill()

    def fill(self) -> None:
        self.tree.clear()
        for rule in self._rules():
            where = self.tr("this workspace") if rule.scope == "workspace" else self.tr(
                "every workspace")
            values = rule.label or " ↔ ".join(
                ", ".join(v) for v in (rule.source, rule.target) if v)
            item = QTreeWidgetItem([kind_label(rule.kind), values, where, rule.comment])
            item.setData(0, RULE_ROLE, rule)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.remove_button.setEnabled(self.tree.topLevelItemCount() > 0)

    def _on_remove_button_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            rule = item.data(0, RULE_ROLE)
            if isinstance(rule, IgnoreRule):
                self._remove(rule)
                self.fill()
