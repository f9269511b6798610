"""File ▸ Open pair…: a dialog with the source and target paths, Browse buttons and a swap."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.diverge.verdict import Original
from reader.resources import CORPUS

TEXT_FILTER = "Text files (*.txt *.text *.md);;All files (*)"
# what the Original choice holds: None lets the program tell from the texts
ORIGINAL_CHOICES: tuple[Original | None, ...] = (None, "source", "target")
Recall = Callable[[str, str], "Original | None"]


class OpenPairDialog(QDialog):
    """Two path fields; OK is enabled once both name existing files that differ."""

    def __init__(
        self,
        parent: QWidget | None = None,
        source: str | Path = "",
        target: str | Path = "",
        start_dir: str | Path | None = None,
        recall: Recall | None = None,
    ) -> None:
        """`recall` gives what the user said earlier of a pair's original, shown when both
        files are named (until the user picks another)."""
        super().__init__(parent)
        self._recall = recall
        self._original_touched = False
        self.setWindowTitle(self.tr("Open a pair of texts"))
        self._start_dir = str(start_dir or (CORPUS if CORPUS.is_dir() else Path.home()))

        self.source_edit = QLineEdit(str(source), self)
        self.source_edit.setAccessibleName(self.tr("Source file"))
        self.source_edit.setPlaceholderText(self.tr("The original, e.g. an Arabic article"))
        self.target_edit = QLineEdit(str(target), self)
        self.target_edit.setAccessibleName(self.tr("Target file"))
        self.target_edit.setPlaceholderText(self.tr("Its translation"))
        source_label = QLabel(self.tr("&Source:"), self)
        source_label.setBuddy(self.source_edit)
        target_label = QLabel(self.tr("&Target:"), self)
        target_label.setBuddy(self.target_edit)
        self.source_browse = QPushButton(self.tr("&Browse…"), self)
        self.source_browse.setAccessibleName(self.tr("Browse for the source file"))
        self.target_browse = QPushButton(self.tr("B&rowse…"), self)
        self.target_browse.setAccessibleName(self.tr("Browse for the target file"))
        self.swap_button = QPushButton(self.tr("S&wap"), self)
        self.swap_button.setToolTip(self.tr("Exchange the source and the target"))
        self.original_combo = QComboBox(self)
        self.original_combo.addItems([
            self.tr("Tell from the texts"), self.tr("The source"), self.tr("The target"),
        ])
        self.original_combo.setAccessibleName(self.tr("Which text is the original"))
        self.original_combo.setToolTip(self.tr(
            "Divergences are phrased from the original's side: what the translation left out, "
            "condensed or added"))
        original_label = QLabel(self.tr("&Original:"), self)
        original_label.setBuddy(self.original_combo)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        grid = QGridLayout()
        grid.addWidget(source_label, 0, 0)
        grid.addWidget(self.source_edit, 0, 1)
        grid.addWidget(self.source_browse, 0, 2)
        grid.addWidget(target_label, 1, 0)
        grid.addWidget(self.target_edit, 1, 1)
        grid.addWidget(self.target_browse, 1, 2)
        grid.addWidget(self.swap_button, 0, 3, 2, 1)
        grid.addWidget(original_label, 2, 0)
        grid.addWidget(self.original_combo, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.source_browse.clicked.connect(self._on_source_browse_clicked)
        self.target_browse.clicked.connect(self._on_target_browse_clicked)
        self.swap_button.clicked.connect(self.swap)
        self.source_edit.textChanged.connect(self._validate)
        self.target_edit.textChanged.connect(self._validate)
        self.original_combo.activated.connect(self._on_original_combo_activated)
        self._validate()

    def paths(self) -> tuple[str, str]:
        return self.source_edit.text().strip(), self.target_edit.text().strip()

    def original(self) -> Original | None:
        """The side the user says is the original; None: tell from the texts."""
        return ORIGINAL_CHOICES[max(0, self.original_combo.currentIndex())]

    def set_original(self, original: Original | None) -> None:
        self.original_combo.setCurrentIndex(ORIGINAL_CHOICES.index(original))

    def problem(self) -> str:
        """Why the pair cannot be opened yet ('' when it can)."""
        source, target = self.paths()
        for name, path in ((self.tr("source"), source), (self.tr("target"), target)):
            if not path:
                return self.tr("Choose the %1 file.").replace("%1", name)
            if not Path(path).exists():
                return self.tr("The %1 file does not exist: %2").replace("%1", name).replace(
                    "%2", path
                )
            if not Path(path).is_file():  # a folder, a named pipe, a device: nothing to read
                return self.tr("The %1 is not a regular file: %2").replace("%1", name).replace(
                    "%2", path
                )
        if Path(source).resolve() == Path(target).resolve():
            return self.tr("The source and the target are the same file.")
        return ""

    @Slot()
    def swap(self) -> None:
        source, target = self.paths()
        original = self.original()
        self.source_edit.setText(target)
        self.target_edit.setText(source)
        # the same text stays the original, now on the other side
        swapped: dict[str, Original] = {"source": "target", "target": "source"}
        self.set_original(None if original is None else swapped[original])

    @Slot(int)
    def _on_original_combo_activated(self, index: int) -> None:
        self._original_touched = True

    @Slot()
    def _validate(self) -> None:
        problem = self.problem()
        source, target = self.paths()
        # say nothing while the fields are still empty: that is not a mistake yet
        self.problem_label.setText(problem if source or target else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(not problem)
        if not problem and self._recall is not None and not self._original_touched:
            self.set_original(self._recall(source, target))

    def _browse(self, edit: QLineEdit, caption: str) -> None:
        current = edit.text().strip()
        start = str(Path(current).parent) if current else self._start_dir
        path, _ = QFileDialog.getOpenFileName(self, caption, start, self.tr(TEXT_FILTER))
        if path:
            edit.setText(path)
            self._start_dir = str(Path(path).parent)

    @Slot()
    def _on_source_browse_clicked(self) -> None:
        self._browse(self.source_edit, self.tr("Choose the source text"))

    @Slot()
    def _on_target_browse_clicked(self) -> None:
        self._browse(self.target_edit, self.tr("Choose the target text"))


def choose_pair(
    parent: QWidget | None,
    source: str | Path = "",
    target: str | Path = "",
    recall: Recall | None = None,
) -> tuple[str, str, Original | None] | None:
    """Ask for a source and a target file and which is the original (None: tell from the
    texts); None when the user cancels."""
    dialog = OpenPairDialog(parent, source, target, recall=recall)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return (*dialog.paths(), dialog.original())
        return None
    finally:
        dialog.deleteLater()
