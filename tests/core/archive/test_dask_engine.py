"""The Dask engine on a LocalCluster of two worker processes: the same bytes as `reader align`
and the local engine, bad pairs, resume, file:// inputs, bounded submission, a killed worker."""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from reader.cli import main  # noqa: E402
from reader.core.archive import dask_engine, local  # noqa: E402
from reader.core.archive.inputs import PairJob, discover_jobs  # noqa: E402
from reader.core.archive.job import PairOutcome  # noqa: E402
from tests.core.archive.archive_helpers import make_archive  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """One LocalCluster for the module (its start costs seconds): two worker processes of
    one thread each, as `reader batch --engine dask --workers 2` starts."""
    cluster = dask_engine.local_cluster(2)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "archive"
    make_archive(folder, 30)
    return folder


def none_held(client: distributed.Client) -> bool:
    """Whether the client holds no future any more (a release reaches it asynchronously)."""
    deadline = time.monotonic() + 10
    while client.futures and time.monotonic() < deadline:
        time.sleep(0.05)
    return not client.futures


def jobs_of(folder: Path) -> list[PairJob]:
    # absolute: the workers' current folder is not the test's
    return discover_jobs(folder.absolute())


def test_thirty_pairs_give_the_bytes_of_reader_align_and_of_the_local_engine(
    client: distributed.Client, archive: Path, tmp_path: Path
) -> None:
    jobs = jobs_of(archive)
    assert len(jobs) == 30
    streamed: list[str] = []

    def arrived(outcome: PairOutcome) -> None:
        # results reach OUTDIR as they finish, not at the end
        assert (tmp_path / "dask" / f"{outcome.id}.json").exists()
        streamed.append(outcome.id)

    outcomes = dask_engine.run_jobs(jobs, tmp_path / "dask", client=client, on_outcome=arrived)
    assert [o.id for o in outcomes] == streamed
    assert sorted(streamed) == sorted(j.id for j in jobs)
    assert {o.status for o in outcomes} == {"done"}
    local.run_jobs(jobs, tmp_path / "local", workers=2)
    for job in jobs:
        single = tmp_path / "single" / f"{job.id}.json"
        single.parent.mkdir(exist_ok=True)
        assert main(["align", job.source, job.target, "--format", "json", "-o", str(single)]) == 0
        ours = (tmp_path / "dask" / f"{job.id}.json").read_bytes()
        assert ours == single.read_bytes() == (tmp_path / "local" / f"{job.id}.json").read_bytes()


def test_a_corrupt_pair_is_reported_and_the_others_complete(
    client: distributed.Client, tmp_path: Path
) -> None:
    make_archive(tmp_path / "a", 4)
    (tmp_path / "a" / "binary.ar.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "a" / "binary.en.txt").write_text("A line.\n")
    (tmp_path / "a" / "empty.ar.txt").write_bytes(b"")
    (tmp_path / "a" / "empty.en.txt").write_text("A line.\n")
    outcomes = {o.id: o for o in dask_engine.run_jobs(jobs_of(tmp_path / "a"), tmp_path / "out",
                                                       client=client)}
    assert outcomes["binary"].status == outcomes["empty"].status == "failed"
    assert "binary.ar.txt" in (outcomes["binary"].error or "")
    assert outcomes["empty"].error == f"{(tmp_path / 'a' / 'empty.ar.txt')}: is empty"
    assert sorted(k for k, o in outcomes.items() if o.status == "done") == sorted(
        set(outcomes) - {"binary", "empty"})
    assert not (tmp_path / "out" / "binary.json").exists()


def test_a_run_stopped_by_ctrl_c_cancels_its_tasks_and_resume_finishes_the_rest(
    client: distributed.Client, archive: Path, tmp_path: Path
) -> None:
    jobs = jobs_of(archive)[:12]
    first: list[PairOutcome] = []

    def interrupt_after_three(outcome: PairOutcome) -> None:
        first.append(outcome)
        if len(first) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dask_engine.run_jobs(jobs, tmp_path / "out", client=client, max_pending=4,
                             on_outcome=interrupt_after_three)
    # nothing of ours is left queued on the cluster
    assert none_held(client)
    again = dask_engine.run_jobs(jobs, tmp_path / "out", client=client, resume=True)
    status = {o.id: o.status for o in again}
    assert {o.id for o in first} <= {k for k, v in status.items() if v == "skipped"}
    assert sorted(status) == sorted(j.id for j in jobs)
    assert set(status.values()) <= {"done", "skipped"}
    # a pair the stopped run was still aligning may have finished on its worker: skipped too
    assert sum(v == "done" for v in status.values()) >= len(jobs) - 3 - 4
    fresh = dask_engine.run_jobs(jobs, tmp_path / "fresh", client=client)
    for job in jobs:
        assert (tmp_path / "out" / f"{job.id}.json").read_bytes() == (
            tmp_path / "fresh" / f"{job.id}.json").read_bytes()
    assert {o.status for o in fresh} == {"done"}


def test_inputs_given_as_file_urls_are_read_by_the_workers(
    client: distributed.Client, archive: Path, tmp_path: Path
) -> None:
    jobs = jobs_of(archive)[:3]
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("id,source,target\n" + "".join(
        f"{j.id},{Path(j.source).as_uri()},{Path(j.target).as_uri()}\n" for j in jobs),
        encoding="utf-8")
    url_jobs = discover_jobs(manifest)
    assert url_jobs[0].source.startswith("file:///")
    outcomes = dask_engine.run_jobs(url_jobs, tmp_path / "out", client=client)
    assert {o.status for o in outcomes} == {"done"}
    local.run_jobs(jobs, tmp_path / "paths", workers=1)
    for job, url_job in zip(jobs, url_jobs, strict=True):
        text = (tmp_path / "out" / f"{job.id}.json").read_text(encoding="utf-8")
        data = json.loads(text)
        # a URL is named as given, not folded into "file:/..." as a Path would
        assert data["source"]["path"] == url_job.source
        assert data["target"]["path"] == url_job.target
        by_path = (tmp_path / "paths" / f"{job.id}.json").read_text(encoding="utf-8")
        assert text == by_path.replace(json.dumps(job.source), json.dumps(url_job.source)).replace(
            json.dumps(job.target), json.dumps(url_job.target))
    missing = tmp_path / "nowhere.ar.txt"
    gone = dask_engine.run_jobs([PairJob("gone", missing.as_uri(), url_jobs[0].target)],
                                tmp_path / "out", client=client)
    assert gone[0].status == "failed"
    assert gone[0].error == f"{missing.as_uri()}: no such file"


def test_the_client_never_holds_more_futures_than_its_bound(
    client: distributed.Client, archive: Path, tmp_path: Path
) -> None:
    jobs = jobs_of(archive)[1:13]  # the small pairs
    held: list[int] = []
    outcomes = dask_engine.run_jobs(jobs, tmp_path / "out", client=client, max_pending=3,
                                    on_outcome=lambda o: held.append(len(client.futures)))
    assert len(outcomes) == len(jobs)
    assert {o.status for o in outcomes} == {"done"}
    assert max(held) <= 3
    assert none_held(client)
    # by default: PENDING_PER_WORKER per worker thread the cluster has
    assert dask_engine._Bound(client, None)() == dask_engine.PENDING_PER_WORKER * 2


def test_a_killed_worker_loses_no_pair(
    client: distributed.Client, archive: Path, tmp_path: Path
) -> None:
    # last in the module: the nanny starts a new worker in place of the killed one
    jobs = jobs_of(archive)[:10]
    killed: list[int] = []

    def kill_a_worker(outcome: PairOutcome) -> None:
        if not killed:
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    outcomes = dask_engine.run_jobs(jobs, tmp_path / "out", client=client, max_pending=4,
                                    on_outcome=kill_a_worker)
    assert killed
    assert sorted(o.id for o in outcomes) == sorted(j.id for j in jobs)
    assert {o.status for o in outcomes} == {"done"}
    client.wait_for_workers(2, timeout=60)


def _free_variable_error() -> NameError:
    """The NameError distributed's `sync.cancel` raises when Ctrl+C comes first: a closure
    reading its enclosing function's variable before that is assigned."""

    def outer() -> NameError:
        def cancel() -> None:
            if future is not None:
                pass

        try:
            cancel()
        except NameError as exc:
            return exc
        future = None
        raise AssertionError("cancel() did not fail")

    return outer()


def _record(message: str, error: BaseException | None) -> logging.LogRecord:
    exc_info = (type(error), error, error.__traceback__) if error is not None else None
    return logging.LogRecord("tornado.application", logging.ERROR, __file__, 1, message, (),
                             exc_info)


def test_the_sync_cancel_traceback_after_ctrl_c_is_dropped_and_nothing_else() -> None:
    from reader.core.archive.dask_engine import SyncCancelNoise

    noise = SyncCancelNoise()
    error = _free_variable_error()
    assert "'future'" in str(error)
    assert not noise.filter(_record("Exception in callback functools.partial(...)", error))
    # any other failure of a callback, or this error elsewhere, is still shown
    assert noise.filter(_record("Exception in callback functools.partial(...)",
                                ValueError("bad")))
    assert noise.filter(_record("Worker failed", error))
    assert noise.filter(_record("Exception in callback x", None))
