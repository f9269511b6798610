"""Choosing where to cut a bead in two: how many paragraphs of each side go in the first part."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.align.beads import Bead


class SplitDialog(QDialog):
    """Two spin boxes, one per side, starting where the caret is; OK only for a real cut."""

    def __init__(
        self, bead_number: int, bead: Bead, names: dict[str, str], at: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bead = bead
        self.setWindowTitle(self.tr("Split Bead {0}").format(bead_number + 1))
        intro = QLabel(self.tr(
            "Bead {0} holds {1} {2} and {3} {4} paragraph(s). How many of each go in the first "
            "part? The rest make the second part; a part may have paragraphs on one side only."
        ).format(bead_number + 1, len(bead.src), names["source"], len(bead.tgt),
                 names["target"]), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.boxes: dict[str, QSpinBox] = {}
        for side, run, value in (("source", bead.src, at[0]), ("target", bead.tgt, at[1])):
            box = QSpinBox(self)
            box.setRange(0, len(run))
            box.setValue(value)
            box.setSuffix(self.tr(" of {0}").format(len(run)))
            box.valueChanged.connect(self._on_box_value_changed)
            label = QLabel(self.tr("{0} paragraphs in the first part:").format(
                names[side].capitalize()), self)
            label.setBuddy(box)
            box.setAccessibleName(label.text().rstrip(":"))
            form.addRow(label, box)
            self.boxes[side] = box
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._on_box_value_changed()

    def cut(self) -> tuple[int, int]:
        """Source and target paragraphs in the first part."""
        return self.boxes["source"].value(), self.boxes["target"].value()

    def _on_box_value_changed(self, *_args: object) -> None:
        cut = self.cut()
        whole = (len(self.bead.src), len(self.bead.tgt))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(cut not in ((0, 0), whole))
