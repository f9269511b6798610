"""Re-aligning around the beads a person fixed, in the pool, with progress and cancel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.align.beads import Alignment, Bead
from reader.core.pair import Pair
from reader.ui.app.workers import Control, Job, describe_error

if TYPE_CHECKING:
    from reader.core.align.prepared import PreparedPair


def fixed_beads(alignment: Alignment, free: range | None = None) -> list[Bead]:
    """The beads a re-alignment must keep: every confirmed bead, and with `free` every bead
    outside that range of positions too (re-aligning a selection)."""
    return [
        b for k, b in enumerate(alignment.beads)
        if b.is_confirmed or (free is not None and k not in free)
    ]


class RealignJob(QObject):
    """`align_prepared(..., fixed=...)` in the pool; the signals of the window's ProgressPanel.

    The pair's prepared texts (features, vector space, automatic alignment: the slow part,
    which no edit changes) live on the Pair: the window's open job keeps them
    (`open_pair(..., keep_prepared=True)`), so even the first re-alignment after opening
    prepares and aligns nothing again; a pair without them has them made by its first
    re-alignment and kept there for the next."""

    progress = Signal(float)
    finished = Signal(object)  # the new Alignment, fixed beads kept as they were
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None

    def start(self, pair: Pair, fixed: Sequence[Bead]) -> None:
        if self._job is not None:
            raise RuntimeError("a re-alignment is already running")
        fixed = list(fixed)
        source, target, prepared = pair.source, pair.target, pair.prepared

        def work(control: Control) -> tuple[Alignment, PreparedPair]:
            # imported here: numpy and scipy are only needed once something is aligned
            from reader.core.align.aligner import align_prepared
            from reader.core.align.prepared import PreparedPair

            ready = prepared or PreparedPair.of_texts(
                source, target, cancelled=control.is_cancelled)
            result = align_prepared(
                ready, fixed, progress=control.report, cancelled=control.is_cancelled
            )
            return result, ready  # the fixed beads in it exactly as given (align_texts)

        job = Job(work, self)
        job.progress.connect(self.progress)
        job.done.connect(lambda out: self._on_job_done(pair, out))
        job.failed.connect(self._on_job_failed)
        job.cancelled.connect(self._on_job_cancelled)
        self._job = job
        job.start()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def is_running(self) -> bool:
        return self._job is not None

    def _end(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
            self._job = None

    def _on_job_done(self, pair: Pair, out: object) -> None:
        self._end()
        assert isinstance(out, tuple)
        result, pair.prepared = out
        self.finished.emit(result)

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        self._end()
        assert isinstance(exc, BaseException)
        self.failed.emit(describe_error(exc))

    @Slot()
    def _on_job_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
