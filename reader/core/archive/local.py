"""The local engine: a process pool over the pairs, one worker per core by default."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.core.archive import stamps
from reader.core.archive.engine import OnOutcome
from reader.core.archive.inputs import PairJob
from reader.core.archive.job import PairOutcome, one_line, run_pair, warm_up
from reader.core.errors import InputError

# Pairs handed to the pool ahead of the free workers: enough to keep them busy, few enough
# that a million-pair archive is not a million futures, and that Ctrl+C has little to cancel.
_AHEAD = 2
# What Dask's nanny sets for its workers too: one thread each for numpy's BLAS and OpenMP, or
# two workers on two cores run four threads that slow each other (measured: 16 % more CPU a pair).
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_CRASHED = ("the worker process died while aligning this pair (killed, or out of memory); "
            "the other pairs went on")


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_jobs(
    jobs: Sequence[PairJob], outdir: Path, *, workers: int | None = None,
    resume: bool = False, on_outcome: OnOutcome | None = None, scheduler: str | None = None,
) -> list[PairOutcome]:
    """The engine (engine.Engine) on this machine's cores. A worker that dies (killed, out
    of memory) fails no innocent pair: the pairs it was running are aligned again one at a
    time, and only the one that kills its worker alone is failed."""
    if scheduler is not None:
        raise InputError("the local engine has no scheduler; --scheduler is for --engine dask")
    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot be made a folder: {exc.strerror or exc}", outdir) from None
    stamps.sweep_temporary(outdir)  # from a run killed before
    outcomes: list[PairOutcome] = []

    def finish(outcome: PairOutcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    queue = deque(jobs)
    count = max(1, min(workers or default_workers(), len(queue)))
    with _one_thread_per_worker():
        while queue:
            suspects = deque(_run_pool(queue, outdir, count, resume, finish))
            while suspects:  # one worker, one pair in hand: a crash is pinned on its pair
                for job in _run_pool(suspects, outdir, 1, resume, finish, ahead=1):
                    finish(PairOutcome(job.id, "failed", _CRASHED, source=job.source,
                                       target=job.target))
    return outcomes


@contextlib.contextmanager
def _one_thread_per_worker() -> Iterator[None]:
    """Workers started inside inherit one numerical thread each (a value the user set is kept);
    this process's own environment is given back afterwards."""
    saved = {name: os.environ.get(name) for name in _ONE_THREAD}
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _run_pool(
    queue: deque[PairJob], outdir: Path, workers: int, resume: bool, finish: OnOutcome,
    ahead: int = _AHEAD,
) -> list[PairJob]:
    """Run the queue's jobs in one pool until it is empty, or until a worker dies: then the
    jobs it had in hand are returned (the rest stay in the queue)."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_start, initargs=(os.getpid(),))
    running: dict[Future[PairOutcome], PairJob] = {}
    stopped = False
    try:
        with sigint_ignored():  # the first submissions start the workers: see there
            broken = _fill(pool, queue, running, workers * ahead, outdir, resume)
        while running and not broken:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                if isinstance(future.exception(), BrokenProcessPool):
                    return _settle(running, finish)
                finish(_outcome(future, running.pop(future)))
            broken = _fill(pool, queue, running, workers * ahead, outdir, resume)
        return _settle(running, finish) if broken else []
    except BaseException:  # Ctrl+C: stop now, pairs in hand included
        stopped = True
        _terminate(pool)
        for future, job in running.items():  # finished while we were told to stop: they count
            if future.done() and not future.cancelled() and future.exception() is None:
                finish(_outcome(future, job))
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if stopped:  # the workers are gone: nothing can write any more
            stamps.sweep_temporary(outdir)


def _fill(
    pool: ProcessPoolExecutor, queue: deque[PairJob], running: dict[Future[PairOutcome], PairJob],
    limit: int, outdir: Path, resume: bool,
) -> bool:
    """Hand the pool jobs until it has `limit` in hand; True when it turns out broken."""
    while queue and len(running) < limit:
        job = queue.popleft()
        try:
            running[pool.submit(run_pair, job, outdir, resume=resume)] = job
        except BrokenProcessPool:
            queue.appendleft(job)
            return True
    return False


@contextlib.contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ctrl+C ignored while the workers start (both engines): a process inherits an ignored
    SIGINT, so a worker never sees the terminal's Ctrl+C (which goes to the whole job), not
    even before its initializer runs; the batch's own process handles it, stopping them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _settle(running: dict[Future[PairOutcome], PairJob], finish: OnOutcome) -> list[PairJob]:
    """After a worker died: the pairs that finished count, the others are suspects."""
    wait(running)
    suspects = []
    for future, job in running.items():
        if isinstance(future.exception(), BrokenProcessPool):
            suspects.append(job)
        else:
            finish(_outcome(future, job))
    running.clear()
    return suspects


def _outcome(future: Future[PairOutcome], job: PairJob) -> PairOutcome:
    error = future.exception()
    if error is None:
        return future.result()
    # run_pair never raises for a bad pair; this is the pool failing to hand it over
    return PairOutcome(job.id, "failed", one_line(error), source=job.source, target=job.target)


def _terminate(pool: ProcessPoolExecutor) -> None:
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if callable(terminate):
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _worker_start(parent: int) -> None:
    """In each worker: Ctrl+C is the parent's to handle (it stops the workers itself), a
    worker whose parent was killed exits instead of aligning on for nobody, and the
    aligner is made ready now so that the first pair's time is its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # already, when started by _fill
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    # a warm-up that fails must not break the pool: each pair then reports the real problem
    with contextlib.suppress(Exception):
        warm_up()


def _watch_parent(parent: int) -> None:
    while True:
        threading.Event().wait(0.5)
        if os.getppid() != parent:  # the batch's process died: this one was handed over
            os._exit(1)
