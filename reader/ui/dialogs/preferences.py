"""The Preferences dialog: font sizes, line spacing, theme and author name, kept in Settings."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ui.app.settings import (
    FONT_SIZE_RANGE,
    LINE_SPACING_RANGE,
    SIDES,
    THEMES,
    Settings,
)

DIRECTIONS = ("rtl", "ltr")


class PreferencesDialog(QDialog):
    """Edits the reading preferences in place in `settings`; nothing is stored until OK or
    Apply, and `applied` then tells the window to lay the open pair out again.

    Restore Defaults puts the declared defaults into the fields (stored on OK or Apply); it
    leaves the author name alone, which is who the user is rather than a taste in reading.
    """

    applied = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))

        self.font_size_boxes: dict[str, QDoubleSpinBox] = {}
        fonts = QGroupBox(self.tr("Font size"), self)
        fonts_form = QFormLayout(fonts)
        side_labels = {
            "source": self.tr("&Source text (original):"),
            "target": self.tr("&Target text (translation):"),
        }
        for side in SIDES:
            box = self._spin_box(FONT_SIZE_RANGE, 0.5, 1, self.tr(" pt"))
            self.font_size_boxes[side] = box
            self._add_row(fonts_form, side_labels[side], box)

        self.line_spacing_boxes: dict[str, QDoubleSpinBox] = {}
        spacing = QGroupBox(self.tr("Line spacing (in ems of the font)"), self)
        spacing.setToolTip(self.tr("Follows the direction of each text, whichever side it is on"))
        spacing_form = QFormLayout(spacing)
        direction_labels = {
            "rtl": self.tr("Right-to-left text (Ara&bic):"),
            "ltr": self.tr("&Left-to-right text (English):"),
        }
        for direction in DIRECTIONS:
            box = self._spin_box(LINE_SPACING_RANGE, 0.05, 2, self.tr(" em"))
            self.line_spacing_boxes[direction] = box
            self._add_row(spacing_form, direction_labels[direction], box)

        other = QGroupBox(self.tr("Appearance, annotations and alignment"), self)
        other_form = QFormLayout(other)
        self.theme_box = QComboBox(self)
        theme_names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for theme in THEMES:
            self.theme_box.addItem(theme_names.get(theme, theme), theme)
        self._add_row(other_form, self.tr("T&heme:"), self.theme_box)
        self.author_edit = QLineEdit(self)
        self.author_edit.setPlaceholderText(self.tr("Written into your annotations"))
        self._add_row(other_form, self.tr("Author &name:"), self.author_edit)
        self.low_confidence_box = self._spin_box((0.0, 1.0), 0.05, 2, "")
        self.low_confidence_box.setToolTip(
            self.tr("Alignment ▸ Next Low-Confidence Bead stops at beads below this"))
        self._add_row(other_form, self.tr("Lo&w confidence below:"), self.low_confidence_box)

        # mnemonics above stay clear of O, C, A and R, which some platforms give the buttons
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(
            buttons.Ok | buttons.Cancel | buttons.Apply | buttons.RestoreDefaults, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_buttons_clicked)

        layout = QVBoxLayout(self)
        for group in (fonts, spacing, other):
            layout.addWidget(group)
        layout.addWidget(self.buttons)
        self.load()

    def _spin_box(
        self, bounds: tuple[float, float], step: float, decimals: int, suffix: str
    ) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setDecimals(decimals)
        box.setRange(*bounds)
        box.setSingleStep(step)
        box.setSuffix(suffix)
        return box

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(label, field)

    # between the fields and Settings
    def load(self) -> None:
        """Fill the fields from the settings."""
        for side, box in self.font_size_boxes.items():
            box.setValue(self.settings.font_size(side))
        for direction, box in self.line_spacing_boxes.items():
            box.setValue(self.settings.line_spacing(direction))
        self._show_theme(self.settings.theme)
        self.author_edit.setText(self.settings.author_name)
        self.low_confidence_box.setValue(self.settings.low_confidence)

    def restore_defaults(self) -> None:
        """Fill the reading and theme fields with the declared defaults (not stored yet)."""
        for side, box in self.font_size_boxes.items():
            box.setValue(getattr(Settings, f"font_size_{side}").default)
        for direction, box in self.line_spacing_boxes.items():
            box.setValue(getattr(Settings, f"line_spacing_{direction}").default)
        self._show_theme(Settings.theme.default)
        self.low_confidence_box.setValue(Settings.low_confidence.default)

    def apply(self) -> None:
        """Store the fields in the settings and announce it."""
        for side, box in self.font_size_boxes.items():
            self.settings.set_font_size(side, box.value())
        self.settings.line_spacing_rtl = self.line_spacing_boxes["rtl"].value()
        self.settings.line_spacing_ltr = self.line_spacing_boxes["ltr"].value()
        self.settings.theme = str(self.theme_box.currentData())
        self.settings.author_name = self.author_edit.text().strip()
        self.settings.low_confidence = self.low_confidence_box.value()
        self.applied.emit()

    def _show_theme(self, theme: str) -> None:
        index = self.theme_box.findData(theme)
        self.theme_box.setCurrentIndex(max(index, 0))

    # Qt overrides and slots
    def accept(self) -> None:  # Qt override
        self.apply()
        super().accept()

    @Slot(QAbstractButton)
    def _on_buttons_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.ResetRole:
            self.restore_defaults()
