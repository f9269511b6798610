"""Work off the GUI thread: one Job type over the thread pool, and aligning a pair with it.

The work function gets plain data and a `Control` (report progress, ask whether to stop); it never
touches a widget. Results come back as signals of the Job, which lives on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QWidget,
)

from reader.core.errors import Cancelled, ReaderError
from reader.core.pair import Pair, PairOptions, open_pair

log = logging.getLogger(__name__)

# jobs still running, kept alive here so that a caller may drop its reference
_running: set[Job] = set()


class Control:
    """What the work function may do: report progress, and learn that it should stop."""

    # a progress report is sent at most this often (a busy aligner may report thousands)
    MIN_INTERVAL = 0.05

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._stop = threading.Event()
        self._last = 0.0

    def report(self, fraction: float) -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last >= self.MIN_INTERVAL:
            self._last = now
            self._relay.emit_progress(min(max(float(fraction), 0.0), 1.0))

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()


class _Relay(QObject):
    """Signals the runnable emits from the pool thread; they are delivered on the GUI thread."""

    progress = Signal(float)
    done = Signal(object)
    error = Signal(object)
    stopped = Signal()

    def emit_progress(self, fraction: float) -> None:
        self._emit(self.progress, fraction)

    def _emit(self, signal: Any, *args: object) -> None:
        # the GUI side may be gone (the app is quitting): then there is nobody to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Control], object], control: Control, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Job owns it, so that Python and Qt agree on its life
        self._fn = fn
        self._control = control
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except Cancelled:
            self._relay._emit(self._relay.stopped)
        except BaseException as exc:
            self._relay._emit(self._relay.error, exc)
        else:
            if self._control.is_cancelled():
                self._relay._emit(self._relay.stopped)
            else:
                self._relay._emit(self._relay.done, result)


class Job(QObject):
    """One piece of background work: `Job(fn).start()`; `fn(control)` runs in the thread pool.

    Exactly one of `done`, `failed` or `cancelled` is emitted, on the GUI thread, once the work
    has really ended (so that a `cancelled` receiver may start new work at once).
    """

    progress = Signal(float)
    done = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()

    def __init__(self, fn: Callable[[Control], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        # a child of the job, so that it dies with the job on the GUI thread and never in the
        # pool thread that happens to drop the last Python reference to it
        self._relay = _Relay(self)
        self._control = Control(self._relay)
        self._runnable = _Runnable(fn, self._control, self._relay)
        self._running = False
        # queued: the relay emits from the pool thread, the Job answers on its own thread
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progress.connect(self._on_relay_progress, queued)
        self._relay.done.connect(self._on_relay_done, queued)
        self._relay.error.connect(self._on_relay_error, queued)
        self._relay.stopped.connect(self._on_relay_stopped, queued)

    def start(self, pool: QThreadPool | None = None) -> None:
        if self._running:
            raise RuntimeError("this job is already running")
        self._running = True
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(self._runnable)

    def cancel(self) -> None:
        """Ask the work to stop; `cancelled` follows when it has."""
        self._control.cancel()

    def is_running(self) -> bool:
        return self._running

    def _end(self) -> None:
        self._running = False
        _running.discard(self)

    @Slot(float)
    def _on_relay_progress(self, fraction: float) -> None:
        if self._running and not self._control.is_cancelled():
            self.progress.emit(fraction)

    @Slot(object)
    def _on_relay_done(self, result: object) -> None:
        self._end()
        self.done.emit(result)

    @Slot(object)
    def _on_relay_error(self, exc: object) -> None:
        self._end()
        if not isinstance(exc, ReaderError):
            log.error("background work failed", exc_info=exc)  # type: ignore[arg-type]
        self.failed.emit(exc)

    @Slot()
    def _on_relay_stopped(self) -> None:
        self._end()
        self.cancelled.emit()


def run_in_pool(
    fn: Callable[..., object],
    *args: object,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Job:
    """Run `fn(*args)` in the pool and call back on the GUI thread; return the Job (to cancel).

    With `on_progress`, `fn` is also given `progress=` and `cancelled=` keywords, the core's
    convention for long work (see reader.core.pair.open_pair).
    """

    def work(control: Control) -> object:
        if on_progress is not None:
            return fn(*args, progress=control.report, cancelled=control.is_cancelled)
        return fn(*args)

    job = Job(work)
    job.done.connect(on_done)
    if on_error is not None:
        job.failed.connect(on_error)
    if on_progress is not None:
        job.progress.connect(on_progress)
    job.start()
    return job


def describe_error(exc: BaseException, *paths: str | Path) -> str:
    """One line for the user: the core's own message, or the files involved and what went wrong."""
    if isinstance(exc, ReaderError):
        return " ".join(str(exc).split())
    names = " and ".join(Path(p).name for p in paths) or "the work"
    detail = " ".join(str(exc).split()) or type(exc).__name__
    return f"{names}: unexpected error ({type(exc).__name__}): {detail}"


class AlignJob(QObject):
    """Load, align and compare two files in the background (reader.core.pair.open_pair)."""

    progress = Signal(float)
    finished = Signal(object)  # a reader.core.pair.Pair
    failed = Signal(str)  # one line, naming the file when a file is at fault
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None
        self._paths: tuple[str, str] = ("", "")

    def start(
        self,
        source_path: str | Path,
        target_path: str | Path,
        options: PairOptions | None = None,
    ) -> None:
        """Start aligning; a run still going is cancelled first (its result is dropped)."""
        if self._job is not None:
            self._drop(self._job)
        self._paths = (str(source_path), str(target_path))
        src, tgt = Path(source_path), Path(target_path)

        def work(control: Control) -> Pair:
            return open_pair(
                src, tgt, options, progress=control.report, cancelled=control.is_cancelled,
                keep_prepared=True,  # the editor re-aligns with it (reader.ui.edit.realign)
            )

        job = Job(work)
        job.progress.connect(self.progress)
        job.done.connect(self._on_job_done)
        job.failed.connect(self._on_job_failed)
        job.cancelled.connect(self._on_job_cancelled)
        self._job = job
        job.start()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def is_running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def _drop(self, job: Job) -> None:
        job.cancel()
        for signal in (job.progress, job.done, job.failed, job.cancelled):
            signal.disconnect()
        self._job = None

    @Slot(object)
    def _on_job_done(self, pair: object) -> None:
        self._job = None
        self.finished.emit(pair)

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        self._job = None
        assert isinstance(exc, BaseException)
        self.failed.emit(describe_error(exc, *self._paths))

    @Slot()
    def _on_job_cancelled(self) -> None:
        self._job = None
        self.cancelled.emit()


class ProgressPanel(QWidget):
    """A slim progress bar with a label and a Cancel button, for the status bar.

    `watch(job)` shows it for an AlignJob (or anything with progress/finished/failed/cancelled
    signals and a cancel() method) and hides it when the job ends.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 1000)
        self._bar.setTextVisible(False)
        self._bar.setMaximumWidth(200)
        self._bar.setAccessibleName(self.tr("Progress"))
        self._cancel = QToolButton(self)
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setToolTip(self.tr("Stop this work"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(self._cancel)
        self._job: AlignJob | None = None
        self._cancel.clicked.connect(self._on_cancel_clicked)
        self.hide()

    def watch(self, job: AlignJob, label: str | None = None) -> None:
        self._detach()
        self._job = job
        self._label.setText(label if label is not None else self.tr("Aligning…"))
        self._bar.setValue(0)
        self._cancel.setEnabled(True)
        job.progress.connect(self._on_job_progress)
        for signal in (job.finished, job.failed, job.cancelled):
            signal.connect(self._on_job_ended)
        self.show()

    @property
    def value(self) -> float:
        return self._bar.value() / 1000

    @Slot(float)
    def _on_job_progress(self, fraction: float) -> None:
        self._bar.setValue(round(fraction * 1000))

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._job is not None:
            self._cancel.setEnabled(False)  # pressed once is enough; the job stops soon
            self._job.cancel()

    def _on_job_ended(self, *_args: object) -> None:
        self._detach()
        self.hide()

    def _detach(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.progress.disconnect(self._on_job_progress)
            for signal in (job.finished, job.failed, job.cancelled):
                signal.disconnect(self._on_job_ended)
