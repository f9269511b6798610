"""The dialog that makes an ignore rule: what faces the value, where the rule applies, why."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

WORKSPACE, GLOBAL = "workspace", "global"


@dataclass(frozen=True, slots=True)
class IgnoreChoice:
    """What the user chose: the other side's values the rule asks for, its scope, a comment."""

    counterpart: tuple[str, ...]
    surface: str  # what the chosen counterpart reads as, for the rule's label
    scope: str
    comment: str


class IgnoreDialog(QDialog):
    """`facing` are the (value, as written) of what stands unmatched across from the value."""

    def __init__(
        self, what: str, facing: list[tuple[str, str]], has_workspace: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ignore Everywhere"))
        intro = QLabel(self.tr("Ignore {0} wherever it is found.").format(what), self)
        intro.setWordWrap(True)
        self.facing = QComboBox(self)
        self.facing.setAccessibleName(self.tr("Across from it"))
        self.facing.addItem(self.tr("anything, or nothing"), ("", ""))
        for value, surface in facing:
            self.facing.addItem(self.tr("‘{0}’ only").format(surface), (value, surface))
        if len(facing) == 1:
            self.facing.setCurrentIndex(1)  # the one rendering there is: لبنان ↔ Beirut
        self.facing.setEnabled(bool(facing))
        self.in_workspace = QRadioButton(self.tr("In this workspace"), self)
        self.everywhere = QRadioButton(self.tr("In every workspace (your settings)"), self)
        group = QButtonGroup(self)
        group.addButton(self.in_workspace)
        group.addButton(self.everywhere)
        self.in_workspace.setEnabled(has_workspace)
        (self.in_workspace if has_workspace else self.everywhere).setChecked(True)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Why (optional)"))
        self.comment.setAccessibleName(self.tr("Comment"))
        form = QFormLayout()
        form.addRow(self.tr("Across from it:"), self.facing)
        form.addRow(self.tr("Where:"), self.in_workspace)
        form.addRow("", self.everywhere)
        form.addRow(self.tr("Comment:"), self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> IgnoreChoice:
        value, surface = self.facing.currentData() or ("", "")
        return IgnoreChoice(
            (value,) if value else (), surface,
            WORKSPACE if self.in_workspace.isChecked() else GLOBAL,
            self.comment.text().strip(),
        )
