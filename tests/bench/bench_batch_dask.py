"""The Dask engine against the local pool on the same pairs, and what a million pairs would need.

    python -m tests.bench.bench_batch_dask [--pairs 30] [--runs 3] [--workers 2]

Prints, medians of --runs: the LocalCluster's start-up; both engines' wall time over the same
pairs and each engine's overhead per pair (workers × wall − the pairs' own time in their
workers, over the pairs); what one task costs the scheduler and the client (memory, pickled
bytes); the scheduler's rate on trivial tasks; the output per pair. docs/benchmarks.md turns
these into the projection for a 1,000,000-pair archive.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import distributed
import psutil

from reader.core.archive import dask_engine, local
from reader.core.archive.inputs import PairJob, discover_jobs
from reader.core.archive.job import PairOutcome
from reader.core.archive.stamps import STAMP_DIR
from reader.core.archive.summary import render_csv
from tests.core.archive.archive_helpers import make_archive


def _cluster(workers: int) -> distributed.LocalCluster:
    return dask_engine.local_cluster(workers)


def _overhead(wall: float, workers: int, outcomes: list[PairOutcome]) -> float:
    own = sum(o.seconds for o in outcomes)
    return (workers * wall - own) / len(outcomes)


def startup(runs: int, workers: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        cluster = _cluster(workers)
        with distributed.Client(cluster) as client:
            client.wait_for_workers(workers)
            times.append(time.perf_counter() - start)
        cluster.close()
    return times


def pool_startup(runs: int, workers: int, scratch: Path) -> list[float]:
    """The local engine's fixed cost: its pool started, the aligner imported in each worker,
    on pairs that fail at once (no such file)."""
    times = []
    for n in range(runs):
        gone = [PairJob(f"gone-{i}", f"/nowhere/{i}.ar.txt", f"/nowhere/{i}.en.txt")
                for i in range(workers)]
        start = time.perf_counter()
        local.run_jobs(gone, scratch / f"pool-{n}", workers=workers)
        times.append(time.perf_counter() - start)
    return times


ENGINES = ("local", "dask+start", "dask")


outcomes_of: dict[str, list[PairOutcome]] = {}


def engines(jobs: list[PairJob], runs: int, workers: int, scratch: Path) -> dict[str, list]:
    """Each run: the local pool (its start included, as `reader batch` pays it), the Dask
    engine starting its own LocalCluster (as `reader batch --engine dask` does), and the
    Dask engine on a running cluster (as with --scheduler)."""
    out: dict[str, list] = {name: [] for name in ENGINES}
    out.update({f"{name}_over": [] for name in ENGINES})
    cluster = _cluster(workers)
    with distributed.Client(cluster) as client:
        client.wait_for_workers(workers)
        # the first run warms the workers (imports), as a long batch's first pairs do
        dask_engine.run_jobs(jobs[:workers], scratch / "warm", client=client)
        for n in range(runs):
            for name in ENGINES:
                target = scratch / f"{name}-{n}"
                start = time.perf_counter()
                if name == "local":
                    outcomes = local.run_jobs(jobs, target, workers=workers)
                elif name == "dask+start":
                    outcomes = dask_engine.run_jobs(jobs, target, workers=workers)
                else:
                    outcomes = dask_engine.run_jobs(jobs, target, client=client)
                wall = time.perf_counter() - start
                assert {o.status for o in outcomes} == {"done"}, outcomes
                out[name].append(wall)
                outcomes_of[name] = outcomes
                out[f"{name}_over"].append(_overhead(wall, workers, outcomes))
        for job in jobs:  # the same bytes, whichever engine
            a = (scratch / "local-0" / f"{job.id}.json").read_bytes()
            assert a == (scratch / "dask-0" / f"{job.id}.json").read_bytes(), job.id
    cluster.close()
    return out


def _noop(x: int) -> int:
    return x


def per_task(jobs: list[PairJob], workers: int, scratch: Path, held: int) -> dict[str, float]:
    """Memory one held task costs the scheduler and the client, and the scheduler's rate."""
    cluster = _cluster(workers)
    figures: dict[str, float] = {}
    with distributed.Client(cluster) as client:
        client.wait_for_workers(workers)
        rss = lambda: psutil.Process().memory_info().rss  # noqa: E731
        # a LocalCluster's scheduler lives in this process, beside the client: one figure
        before = rss()
        # pairs that fail at once (no such file): the task's bookkeeping, not the aligning
        gone = [PairJob(f"gone-{i:06d}", f"/nowhere/{i}.ar.txt", f"/nowhere/{i}.en.txt")
                for i in range(held)]
        futures = [client.submit(dask_engine.run_pair, job, scratch / "gone", pure=False)
                   for job in gone]
        distributed.wait(futures)
        figures["scheduler_and_client_bytes_per_held_task"] = (rss() - before) / held
        del futures
        n = 5000
        # the LocalCluster's scheduler runs in this process: its CPU and the client's are
        # this process's, the workers' are its children's
        me = psutil.Process()
        kids = me.children(recursive=True)
        cpu = lambda p: sum(p.cpu_times()[:2])  # noqa: E731
        mine, theirs = cpu(me), sum(cpu(k) for k in kids)
        start = time.perf_counter()
        distributed.wait(client.map(_noop, range(n), pure=False))
        figures["trivial_tasks_per_s"] = n / (time.perf_counter() - start)
        figures["scheduler_client_cpu_us_per_task"] = (cpu(me) - mine) / n * 1e6
        figures["worker_cpu_us_per_task"] = (sum(cpu(k) for k in kids) - theirs) / n * 1e6
    cluster.close()
    figures["job_pickle_bytes"] = statistics.mean(len(pickle.dumps(j)) for j in jobs)
    return figures


def outputs(folder: Path, jobs: list[PairJob], outcomes: list[PairOutcome]) -> dict[str, float]:
    sizes = [(folder / f"{j.id}.json").stat().st_size for j in jobs]
    stamps = [(folder / STAMP_DIR / f"{j.id}.json").stat().st_size for j in jobs]
    return {
        "json_median": statistics.median(sizes), "json_max": max(sizes),
        "stamp_median": statistics.median(stamps),
        "summary_row": len(render_csv(outcomes).encode("utf-8")) / len(outcomes),
        "outcome_pickle": statistics.mean(len(pickle.dumps(o)) for o in outcomes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--held", type=int, default=20_000,
                        help="tasks held at once to measure the scheduler's memory per task")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
          f"dask {distributed.__version__}", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="bench-batch-dask-"))
    try:
        make_archive(scratch / "archive", args.pairs)
        jobs = discover_jobs(scratch / "archive")
        starts = startup(args.runs, args.workers)
        print(f"LocalCluster start ({args.workers} workers, processes): "
              f"median {statistics.median(starts):.2f} s wall "
              f"(runs: {', '.join(f'{s:.2f}' for s in starts)})", flush=True)
        pools = pool_startup(args.runs, args.workers, scratch)
        print(f"local pool start ({args.workers} workers, the aligner imported): median "
              f"{statistics.median(pools):.2f} s wall "
              f"(runs: {', '.join(f'{s:.2f}' for s in pools)})", flush=True)
        res = engines(jobs, args.runs, args.workers, scratch)
        for name in ENGINES:
            walls = res[name]
            rate = len(jobs) / statistics.median(walls) * 60
            print(f"{name:10} engine, {len(jobs)} pairs, {args.workers} workers: median "
                  f"{statistics.median(walls):.2f} s wall ({rate:.0f} pairs/min), overhead "
                  f"{statistics.median(res[name + '_over']) * 1000:.0f} ms per pair "
                  f"(runs: {', '.join(f'{w:.2f}' for w in walls)})", flush=True)
        fixed = {"local": statistics.median(pools), "dask+start": statistics.median(starts),
                 "dask": 0.0}
        for name in ENGINES:  # the same, the fixed start-up taken out
            steady = _overhead(statistics.median(res[name]) - fixed[name], args.workers,
                               outcomes_of[name])
            print(f"{name:10} engine without its start-up: overhead {steady * 1000:.0f} ms "
                  "per pair", flush=True)
        for name in ENGINES[1:]:
            extra = (statistics.median(res[name]) - statistics.median(res["local"])) / len(jobs)
            print(f"{name} minus local: {extra * 1000:+.0f} ms wall per pair", flush=True)
        outcomes = local.run_jobs(jobs, scratch / "sizes", workers=args.workers)
        for key, value in outputs(scratch / "sizes", jobs, outcomes).items():
            print(f"output {key}: {value:,.0f} bytes", flush=True)
        for key, value in per_task(jobs, args.workers, scratch, args.held).items():
            print(f"{key}: {value:,.0f}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
