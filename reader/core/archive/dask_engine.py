"""The Dask engine of `reader batch`: `run_pair` mapped over a Dask cluster's workers."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

# imported here, not in the functions: engine.load_engine turns its absence into the one-line
# "pip install 'parallel-reader[dask]'" error before any work is done
import distributed
from distributed import Client

from reader.core.archive import stamps
from reader.core.archive.engine import OnOutcome
from reader.core.archive.inputs import PairJob
from reader.core.archive.job import PairOutcome, one_line, run_pair, warm_up
from reader.core.archive.local import default_workers, sigint_ignored
from reader.core.archive.reading import is_url
from reader.core.errors import InputError, ReaderError

log = logging.getLogger(__name__)
# A task whose code raised is run again this many times (run_pair records a bad pair as failed
# and does not raise, so this is for the unexpected: a MemoryError, a worker's full disk).
# A worker that dies is another matter: the scheduler moves its tasks to other workers, and
# gives a task up (KilledWorker) only after `distributed.scheduler.allowed-failures` deaths
# while running it (3 by default).
TASK_RETRIES = 1
# Futures in flight per worker thread: enough that no worker waits for the client between two
# pairs, few enough that the client and scheduler hold a bounded number whatever the
# archive's size. The count of threads is asked again every REFRESH_SECONDS: a cluster that
# grows (SLURM jobs starting one by one) gets more pairs in flight as it grows.
PENDING_PER_WORKER = 8
REFRESH_SECONDS = 5.0
CONNECT_TIMEOUT = "20s"


def local_cluster(workers: int) -> distributed.LocalCluster:
    """A LocalCluster of `workers` processes of one thread each (the aligner is Python and
    numpy: a process per core is what uses the cores)."""
    # the cluster's workers keep ignoring the terminal's Ctrl+C (an ignored signal stays
    # ignored across exec); a Ctrl+C in those seconds is lost, the next one stops the batch
    with sigint_ignored():
        return distributed.LocalCluster(
            # the scheduler's web server on a free port of this machine only: two batches at
            # once do not fight over 8787, and nothing is reachable from outside
            n_workers=workers, threads_per_worker=1, processes=True,
            # CRITICAL: a worker whose scheduler closes first (Ctrl+C, the batch's end) logs
            # the failed heartbeat as an ERROR with a traceback; the batch reports each pair's
            # failure itself, and a worker's death arrives as KilledWorker
            dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL,
        )


class SyncCancelNoise(logging.Filter):
    """Drops the traceback distributed logs when Ctrl+C comes before its `sync` has made the
    future it would cancel (distributed/utils.py, `cancel`: "cannot access free variable
    'future'"); the batch handles the Ctrl+C itself, and says what it stopped."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (isinstance(error, NameError) and "'future'" in str(error)
                    and record.getMessage().startswith("Exception in callback"))


_CANCEL_NOISE = SyncCancelNoise()


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at `scheduler` (tcp://host:port), or of a `local_cluster` of
    `workers` processes started here and closed on the way out, Ctrl+C included."""
    # tornado logs exceptions of the event loop's callbacks under this name
    logging.getLogger("tornado.application").addFilter(_CANCEL_NOISE)
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ReaderError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = local_cluster(workers or default_workers())
    try:
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


class WarmUp(distributed.WorkerPlugin):
    """`job.warm_up` on each worker as it joins (now, and any started later), as the local
    engine's workers do: a pair's time is then its own, not the imports' and tables'."""

    name = "reader-warm-up"

    def setup(self, worker: Any) -> None:
        try:
            warm_up()
        except Exception:  # each pair then reports the problem itself
            log.debug("warm-up failed on %s", worker.address, exc_info=True)


class _Bound:
    """How many tasks may be in flight: `fixed`, or PENDING_PER_WORKER per worker thread
    the cluster has now (asked at most every REFRESH_SECONDS: each asking is a round trip
    to the scheduler)."""

    def __init__(self, client: Client, fixed: int | None) -> None:
        self.client, self.fixed = client, fixed
        self._value, self._asked = 0, -REFRESH_SECONDS

    def __call__(self) -> int:
        if self.fixed is not None:
            return max(1, self.fixed)
        now = time.monotonic()
        if now - self._asked >= REFRESH_SECONDS:
            self._asked = now
            threads = sum(self.client.nthreads().values())
            # no worker yet (a cluster still starting): a few tasks wait for the first one
            self._value = PENDING_PER_WORKER * max(1, threads)
        return self._value


def run_jobs(
    jobs: Iterable[PairJob],
    outdir: Path,
    *,
    workers: int | None = None,
    resume: bool = False,
    on_outcome: OnOutcome | None = None,
    scheduler: str | None = None,
    max_pending: int | None = None,
    client: Client | None = None,
) -> list[PairOutcome]:
    """The engine (engine.Engine) on a Dask cluster: a given client's, the one at
    `scheduler`, or a LocalCluster of `workers` processes started and closed here. Each pair
    is one task running `job.run_pair` on a worker, which reads the inputs and writes OUTDIR
    itself (OUTDIR must be the same folder for the workers as here: a shared file system).
    Outcomes are passed to `on_outcome` as the pairs finish and returned in that order. At
    most `max_pending` tasks are in flight (default PENDING_PER_WORKER per worker thread):
    the next pair is submitted as one finishes, so that neither this client nor the
    scheduler ever holds a whole large archive's futures."""
    if is_url(str(outdir)):  # before Path() folds "s3://b" into "s3:/b"
        raise InputError(f"{outdir}: OUTDIR must be a folder (on a cluster, a shared file "
                         "system); URLs are read as inputs only")
    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot be made a folder: {exc.strerror or exc}", outdir) from None
    stamps.sweep_temporary(outdir)  # from a run killed before
    # the workers write it: a relative OUTDIR would be relative to each worker's folder
    outdir = outdir.absolute()
    if client is not None:
        return _run(client, jobs, outdir, resume, on_outcome, max_pending)
    with connect(scheduler, workers) as own:
        return _run(own, jobs, outdir, resume, on_outcome, max_pending)


def _run(
    client: Client,
    jobs: Iterable[PairJob],
    outdir: Path,
    resume: bool,
    on_outcome: OnOutcome | None,
    max_pending: int | None,
) -> list[PairOutcome]:
    client.register_plugin(WarmUp(), name=WarmUp.name)
    bound = _Bound(client, max_pending)
    outcomes: list[PairOutcome] = []
    queue = iter(jobs)
    job_of: dict[Any, PairJob] = {}

    def submit(job: PairJob) -> Any:
        # pure=False: the same pair submitted again (a resumed run on a shared scheduler) is
        # run again, never served from a result some other client left there
        future = client.submit(run_pair, job, outdir, resume=resume, pure=False,
                               retries=TASK_RETRIES)
        job_of[future.key] = job
        return future

    pending = distributed.as_completed([submit(job) for job in islice(queue, bound())])
    try:
        for future in pending:
            job = job_of.pop(future.key)
            outcome = _outcome_of(future, job)
            # let go of it at once: the scheduler and the workers forget the task
            future.release()
            del future
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
            # the next pairs only now: in flight there are never more than the bound
            while len(job_of) < bound() and (nxt := next(queue, None)) is not None:
                pending.add(submit(nxt))
    except BaseException:  # Ctrl+C (KeyboardInterrupt), or the callback's own error
        left = list(pending.futures)
        pending.clear()
        if left:
            # a task already running finishes its pair on its worker (its output is written
            # atomically, whole or not at all); the queued ones never start
            client.cancel(left, force=True)
        raise
    return outcomes


def _outcome_of(future: Any, job: PairJob) -> PairOutcome:
    """The pair's outcome; a task the cluster gave up on (its workers kept dying, or it
    raised past its retries) is a failed pair, as run_pair records a bad one."""
    try:
        outcome: PairOutcome = future.result()
    except Exception as exc:
        return PairOutcome(job.id, "failed", one_line(exc), source=job.source, target=job.target)
    return outcome
