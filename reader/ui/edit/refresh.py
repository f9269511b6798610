"""Divergences after an edit: moved at once with their beads, then found again in the pool."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.align.beads import Alignment
from reader.core.align.edits import Edit
from reader.core.diverge.records import Divergence
from reader.core.pair import Pair, find_again
from reader.ui.app.workers import Control, Job, describe_error


def moved_divergences(
    divergences: list[Divergence], edit: Edit, alignment: Alignment
) -> list[Divergence]:
    """The divergences renumbered for the alignment an edit made, until they are found again:
    those past the edit shift with their beads, those of the beads it changed go to the bead
    that now holds their first paragraph."""
    stop = edit.first + len(edit.before)
    shift = len(edit.after) - len(edit.before)
    out: list[Divergence] = []
    for d in divergences:
        if d.bead is None or d.bead < edit.first:
            out.append(d)  # placed by its paragraphs, or before the edit
        elif d.bead >= stop:
            out.append(replace(d, bead=d.bead + shift))
        elif d.paragraphs:
            out.append(replace(d, bead=alignment.bead_of(d.side, d.paragraphs[0])))
    return out


class DivergenceRefresher(QObject):
    """Finds a pair's divergences again after edits, one run at a time: edits made while a run
    is under way are looked at by one more run when it ends, so a burst of edits costs two."""

    refreshed = Signal()  # the pair's divergences are those of its alignment again
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pair: Pair | None = None
        self._job: Job | None = None
        self._again = False

    def schedule(self, pair: Pair) -> None:
        self._pair = pair
        if self._job is not None:
            self._again = True
            return
        self._start(pair)

    def is_busy(self) -> bool:
        return self._job is not None

    def forget(self) -> None:
        """Another pair is shown: a run under way is not applied."""
        self._pair = None
        self._again = False

    def _end(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
            self._job = None

    def _start(self, pair: Pair) -> None:
        alignment = pair.alignment
        pair.keep_detection_memo()

        def work(control: Control) -> list[Divergence]:
            return find_again(pair, alignment)

        job = Job(work, self)
        job.done.connect(lambda found: self._on_job_done(pair, alignment, found))
        job.failed.connect(self._on_job_failed)
        self._job = job
        job.start()

    def _on_job_done(self, pair: Pair, alignment: Alignment, found: object) -> None:
        self._end()
        if self._again and self._pair is not None:
            self._again = False
            self._start(self._pair)  # a newer alignment: its run's result is the one to show
            return
        if pair is self._pair and pair.alignment is alignment:
            assert isinstance(found, list)
            pair.divergences = found
            self.refreshed.emit()

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        self._end()
        self._again = False
        assert isinstance(exc, BaseException)
        self.failed.emit(describe_error(exc))
