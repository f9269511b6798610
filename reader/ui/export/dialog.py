"""File ▸ Export…: a format of the registry, what to include, a file; written in the background."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotate.codebooks import Codebook, codebook_index
from reader.core.diverge.records import Divergence
from reader.core.export.formats import FORMATS, WITH_DIVERGENCES
from reader.core.store.workspace import Workspace
from reader.ui.app.settings import Settings
from reader.ui.app.workers import Control, Job, describe_error
from reader.ui.export.work import PARTS, ExportChoice, run_export, suffix_for, with_suffix


class ExportDialog(QDialog):
    """Remembers its last choices in the settings; `exported` gives the file written."""

    exported = Signal(object)  # Path

    def __init__(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        codebooks: Sequence[Codebook] = (),
        divergences: Sequence[Divergence] = (),
        protected: Sequence[Path | None] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.workspace = workspace
        self.settings = settings
        self._codebooks = codebook_index(codebooks) if codebooks else None
        self._divergences = list(divergences)
        self._protected = list(protected)
        self.job: Job | None = None
        self._confirmed: Path | None = None  # a path the file chooser already asked about

        self.format_box = QComboBox(self)
        self.format_box.setAccessibleName(self.tr("Format"))
        for key, description in FORMATS.items():
            self.format_box.addItem(f"{description[:1].upper()}{description[1:]}", key)
        self.parts: dict[str, QCheckBox] = {
            "annotations": QCheckBox(self.tr("&Annotations"), self),
            "divergences": QCheckBox(self.tr("&Divergences, with their review state"), self),
            "alignment": QCheckBox(self.tr("The a&lignment (paragraph pairs)"), self),
        }
        self.parts["alignment"].setToolTip(self.tr(
            "Side-by-side formats show the notes beside their paragraphs: without the "
            "alignment they hold little"))
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.browse_button = QPushButton(self.tr("C&hoose…"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        include = QVBoxLayout()
        for box in self.parts.values():
            include.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_box)
        form.addRow(self.tr("Include:"), include)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)  # a row of a layout gets no buddy by itself
        form.addRow(file_label, file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self._restore()
        self.format_box.currentIndexChanged.connect(self._on_format_box_changed)
        self.browse_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.path_edit.textChanged.connect(self._on_path_edit_changed)
        for box in self.parts.values():
            box.toggled.connect(self._update_buttons)
        self._on_format_box_changed()

    # choices
    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(max(self.format_box.findData(fmt), 0))

    def choice(self) -> ExportChoice:
        parts = frozenset(k for k, box in self.parts.items() if box.isChecked() and
                          box.isEnabled())
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.name and not path.suffix and not path.is_dir():  # a bare name gets a suffix
            path = with_suffix(path, self.fmt)
        return ExportChoice(self.fmt, path, parts)

    def _restore(self) -> None:
        self.set_format(self.settings.export_format)
        remembered = set(self.settings.export_parts)
        for key, box in self.parts.items():
            box.setChecked(key in remembered)
        folder = Path(self.settings.export_folder or Path.home())
        stem = Path(self.workspace.document("source").name).stem or "annotations"
        self.path_edit.setText(str(folder / f"{stem}{suffix_for(self.fmt)}"))

    def _remember(self, choice: ExportChoice) -> None:
        self.settings.export_format = choice.fmt
        self.settings.export_parts = [p for p in PARTS if self.parts[p].isChecked()]
        self.settings.export_folder = str(choice.path.parent)

    @Slot()
    def _on_format_box_changed(self) -> None:
        shows = self.fmt in WITH_DIVERGENCES
        self.parts["divergences"].setEnabled(shows)
        self.parts["divergences"].setToolTip(
            "" if shows else self.tr("This format does not show divergences"))
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(with_suffix(Path(text), self.fmt)))
        self._update_buttons()

    @Slot()
    def _on_path_edit_changed(self) -> None:
        self.error_label.hide()
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        running = self.job is not None and self.job.is_running()
        wanted = any(b.isChecked() and b.isEnabled() for b in self.parts.values())
        self.export_button.setEnabled(not running and wanted and bool(self.path_edit.text()))

    def choose_file(self) -> Path | None:
        suffix = suffix_for(self.fmt)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export To"), self.path_edit.text(),
            self.tr("{0} files (*{1});;All files (*)").format(self.fmt.upper(), suffix),
        )
        if not chosen:
            return None
        path = with_suffix(Path(chosen), self.fmt)
        self._confirmed = path if path == Path(chosen) else None
        self.path_edit.setText(str(path))
        return path

    # exporting
    @Slot()
    def start(self) -> Job | None:
        """Write the export in the thread pool; the dialog closes when it is written."""
        choice = self.choice()
        if not choice.parts or not str(choice.path):
            return None
        if choice.path.is_file() and choice.path != self._confirmed and not self._may_replace(
            choice.path
        ):
            return None
        self._remember(choice)
        self.error_label.hide()
        self.progress.setValue(0)
        self.progress.show()
        work = self._work(choice)
        job = Job(work, self)
        job.progress.connect(self._on_job_progress)
        job.done.connect(self._on_job_done)
        job.failed.connect(self._on_job_failed)
        self.job = job
        job.start()
        self._update_buttons()
        return job

    def _work(self, choice: ExportChoice) -> Callable[[Control], object]:
        workspace, codebooks = self.workspace, self._codebooks
        divergences, protected = tuple(self._divergences), tuple(self._protected)

        def work(control: Control) -> Path:
            return run_export(workspace, choice, codebooks=codebooks, divergences=divergences,
                              protected=protected, progress=control.report)

        return work

    def _may_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Replace the file?"),
            self.tr("{0} already exists. Replace it?").format(path),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(float)
    def _on_job_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    @Slot(object)
    def _on_job_done(self, path: object) -> None:
        self.progress.setValue(1000)
        self.exported.emit(path)
        self.accept()

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.progress.hide()
        self.error_label.setText(describe_error(exc, self.path_edit.text()))
        self.error_label.show()
        self._update_buttons()
