"""The Dask engine of `reader batch`: `run_pair` mapped over a Dask cluster's workers."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.archive.inputs import PairJob
from reader.core.archive.job import PairOutcome, run_pair
from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'parallel-reader[dask]'"
# A task whose code raised is run again this many times (run_pair records a bad pair as failed
# and does not raise, so this is for the unexpected: a MemoryError, a worker's full disk).
# A worker that dies is another matter: the scheduler moves its tasks to other workers, and
# gives a task up (KilledWorker) only after `distributed.scheduler.allowed-failures` deaths
# while running it (3 by default).
TASK_RETRIES = 1
# Futures in flight per worker: enough that no worker waits for the client between two pairs,
# few enough that the client and scheduler hold a bounded number whatever the archive's size.
PENDING_PER_WORKER = 8
CONNECT_TIMEOUT = "20s"

OutcomeCallback = Callable[[PairOutcome], None]


class DaskUnavailable(ReaderError):
    """`--engine dask` where dask.distributed is not installed."""


@dataclass(frozen=True, slots=True)
class ClusterInfo:
    """What the run went to: the scheduler's address and how many workers it had."""

    address: str
    workers: int


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable(
            f"the Dask engine needs dask.distributed, which is not installed: {INSTALL_HINT}"
        ) from None
    return distributed


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at `scheduler` (tcp://host:port), or of a LocalCluster of
    `workers` processes (one thread each: the aligner is pure Python and numpy, a process per
    core is what uses the cores) started here and closed on the way out, Ctrl+C included."""
    distributed = _distributed()
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
    n = workers or os.cpu_count() or 1
    # no dashboard: a batch on one machine needs no web server, and none is left listening
    cluster = distributed.LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def cluster_info(client: Client) -> ClusterInfo:
    """The scheduler's address and its number of workers now."""
    info = client.scheduler_info()
    return ClusterInfo(str(client.scheduler.address), len(info.get("workers", {})))


def run_jobs(
    jobs: Iterable[PairJob],
    outdir: Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    on_outcome: OutcomeCallback | None = None,
    max_pending: int | None = None,
    client: Client | None = None,
) -> list[PairOutcome]:
    """Run every job on a Dask cluster (a given client's, the one at `scheduler`, or a new
    LocalCluster of `workers` processes); outcomes come back as the pairs finish, each passed
    to `on_outcome`, and are returned in the jobs' order. At most `max_pending` futures are
    in flight at once (default: PENDING_PER_WORKER per worker), so that a million pairs never
    sit in the client or the scheduler at once."""
    if client is not None:
        return _run(client, jobs, outdir, on_outcome, max_pending)
    with connect(scheduler, workers) as own:
        return _run(own, jobs, outdir, on_outcome, max_pending)


def _run(
    client: Client,
    jobs: Iterable[PairJob],
    outdir: Path,
    on_outcome: OutcomeCallback | None,
    max_pending: int | None,
) -> list[PairOutcome]:
    distributed = _distributed()
    if max_pending is None:
        max_pending = PENDING_PER_WORKER * max(1, cluster_info(client).workers)
    max_pending = max(1, max_pending)
    outcomes: list[tuple[int, PairOutcome]] = []
    numbered = enumerate(jobs)
    index_of: dict[str, tuple[int, PairJob]] = {}

    def submit(i: int, job: PairJob) -> Any:
        # pure=False: the same pair submitted twice (a resumed run on a shared scheduler) is
        # run again, never served from a result some other client left there
        future = client.submit(run_pair, job, outdir, pure=False, retries=TASK_RETRIES)
        index_of[future.key] = (i, job)
        return future

    pending = distributed.as_completed([submit(i, job) for i, job in islice(numbered, max_pending)])
    try:
        for future in pending:
            i, job = index_of.pop(future.key)
            outcome = _outcome_of(future, job)
            # let go of the result at once: the scheduler and the workers forget it
            future.release()
            del future
            outcomes.append((i, outcome))
            nxt = next(numbered, None)
            if nxt is not None:
                pending.add(submit(*nxt))
            if on_outcome is not None:
                on_outcome(outcome)
    except BaseException:  # Ctrl+C (KeyboardInterrupt) or a callback's error: stop the rest
        left = list(pending.futures) if hasattr(pending, "futures") else []
        if left:
            client.cancel(left, force=True)
        pending.clear()
        raise
    outcomes.sort(key=lambda pair: pair[0])
    return [outcome for _, outcome in outcomes]


def _outcome_of(future: Any, job: PairJob) -> PairOutcome:
    """The pair's outcome; a task the cluster gave up on (its workers kept dying, or it
    raised past its retries) is a failed pair, as run_pair records a bad one."""
    try:
        outcome: PairOutcome = future.result()
    except Exception as exc:
        name = type(exc).__name__
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return failed_outcome(job, f"{name}: {first}" if first else name)
    return outcome


def failed_outcome(job: PairJob, error: str) -> PairOutcome:
    """A failed pair's outcome when run_pair never returned one."""
    return PairOutcome(job.id, "failed", error)
