"""`reader batch`'s local engine: pairs per minute on 1 and 2 workers, and what a pair costs.

    .venv/bin/python -m tests.bench.bench_batch [--pairs 60] [--repeat 3] [--workers 1,2]

The archive: the corpus pair and pieces of `--beads` gold beads cut from the bench generator's
large-coupled case (8 beads: about 9 paragraphs a side; 40: about 45, an article's length),
built in a temporary folder. Each run aligns all
of them into a fresh OUTDIR through `local.run_jobs`, in this process, so that the CPU time of
this process (the batch's) and of its children (the workers) are told apart. On a loaded
machine wall time says little: the CPU times give the speed-up the same work would have on
idle cores (see `projected`), and the share of a core each worker got says how loaded it was.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.archive.inputs import PairJob, discover_jobs
from reader.core.archive.local import run_jobs

CASE = "large-coupled"  # Genesis to 2 Kings, coupled paragraphs: enough beads for 60 articles
IMPORTS = ("import reader.core.archive.job, reader.core.align.aligner, "
           "reader.core.diverge.finder, reader.core.export.pair_json")


def _cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _loadavg() -> float:
    return os.getloadavg()[0]


def throughput(jobs: list[PairJob], workers: int, scratch: Path) -> dict[str, float]:
    out = scratch / f"out-{workers}-{time.monotonic_ns()}"
    load = _loadavg()
    main0, kids0 = _cpu()
    start = time.perf_counter()
    outcomes = run_jobs(jobs, out, workers=workers)
    wall = time.perf_counter() - start
    main1, kids1 = _cpu()
    shutil.rmtree(out)
    assert all(o.status == "done" for o in outcomes), [o.error for o in outcomes]
    main, kids = main1 - main0, kids1 - kids0
    return {
        "workers": workers, "wall": wall, "pairs_per_min": len(jobs) / wall * 60,
        "main_cpu": main, "worker_cpu": kids,
        # what one worker's core gave it: 1.0 on an idle machine
        "core_share": kids / (wall * workers), "load": load,
        # on idle cores: the batch's own work, then the workers' shared out evenly
        "projected_wall": main + kids / workers,
    }


def _median_runs(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    c0, w0 = time.process_time(), time.perf_counter()
    value = fn()
    return value, time.process_time() - c0, time.perf_counter() - w0


def _child_cpu(code: str) -> tuple[float, float]:
    """CPU and wall time of a fresh interpreter running `code`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime), wall


def breakdown(jobs: list[PairJob], scratch: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Median CPU (and wall) seconds of each step, per pair; a worker's start once per worker."""
    from reader.core import files
    from reader.core.archive import stamps
    from reader.core.archive.job import _sha256, pair_options
    from reader.core.export.pair_json import pair_json_text
    from reader.core.pair import align_pair
    from reader.core.text.document import load_text

    start = [_child_cpu("pass") for _ in range(repeat)]
    imported = [_child_cpu(IMPORTS) for _ in range(repeat)]
    warmed = [_child_cpu(f"{IMPORTS}; reader.core.archive.job.warm_up()")
              for _ in range(repeat)]
    steps: dict[str, list[tuple[float, float]]] = {
        "hash inputs": [], "load texts": [], "align and detect": [], "render JSON": [],
        "write JSON and record": []}
    out = scratch / "breakdown"
    for job in jobs:
        digests, c, w = _timed(lambda job=job: (_sha256(job.source), _sha256(job.target)))
        steps["hash inputs"].append((c, w))
        options = pair_options(job)
        texts, c, w = _timed(lambda job=job: (load_text(job.source), load_text(job.target)))
        steps["load texts"].append((c, w))
        pair, c, w = _timed(lambda texts=texts, options=options: align_pair(*texts, options))
        steps["align and detect"].append((c, w))
        text, c, w = _timed(lambda pair=pair: pair_json_text(pair))
        steps["render JSON"].append((c, w))

        def write(job: PairJob = job, text: str = text, digests: Any = digests) -> None:
            files.write_output(out / f"{job.id}.json", text.encode(), [job.source, job.target])
            stamps.record(job, out, digests, (), "0" * 64, {})

        _, c, w = _timed(write)
        steps["write JSON and record"].append((c, w))
    shutil.rmtree(out)
    result = {
        "process start (per worker)": _medians(start),
        "imports (per worker, beyond the start)": {
            "cpu": statistics.median(c for c, _ in imported) - _medians(start)["cpu"],
            "wall": statistics.median(w for _, w in imported) - _medians(start)["wall"]},
        "warm-up (per worker, beyond the imports)": {
            "cpu": statistics.median(c for c, _ in warmed)
            - statistics.median(c for c, _ in imported),
            "wall": statistics.median(w for _, w in warmed)
            - statistics.median(w for _, w in imported)},
    }
    result.update({name: _medians(v) for name, v in steps.items()})
    return result


def _medians(pairs: list[tuple[float, float]]) -> dict[str, float]:
    return {"cpu": statistics.median(c for c, _ in pairs),
            "wall": statistics.median(w for _, w in pairs)}


def measure(pairs: int, beads: int, repeat: int, counts: list[int]) -> dict[str, Any]:
    # imported here: the workers import this module as their main one, and should not pay
    # for pytest (which the helper imports) as `reader batch`'s workers do not
    from tests.core.archive.archive_helpers import make_archive

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        scratch = Path(folder)
        make_archive(scratch / "archive", pairs, beads=beads, case=CASE)
        jobs = discover_jobs(scratch / "archive")
        paragraphs = [len(Path(j.source).read_text("utf-8").splitlines()) for j in jobs]
        runs: dict[int, list[dict[str, float]]] = {n: [] for n in counts}
        for _ in range(repeat):  # interleaved: a change of load hits every setting alike
            for n in counts:
                runs[n].append(throughput(jobs, n, scratch))
        return {"pairs": len(jobs), "beads": beads,
                "source_paragraphs_median": statistics.median(paragraphs), "runs": runs,
                "medians": {n: _median_runs(r) for n, r in runs.items()},
                "breakdown": breakdown(jobs, scratch, repeat)}


def report(figures: dict[str, Any], repeat: int) -> None:
    medians = figures["medians"]
    print(f"\n{figures['pairs']} pairs of {figures['beads']} gold beads (median "
          f"{figures['source_paragraphs_median']} source paragraphs), {repeat} runs each, "
          f"medians; {os.cpu_count()} CPUs")
    print("| workers | pairs/min (wall) | wall s | batch CPU s | workers' CPU s | "
          "core share per worker | load avg | projected wall on idle cores s |")
    print("|---|---|---|---|---|---|---|---|")
    for n, m in medians.items():
        print(f"| {n} | {m['pairs_per_min']:.0f} | {m['wall']:.1f} | {m['main_cpu']:.2f} | "
              f"{m['worker_cpu']:.1f} | {m['core_share']:.2f} | {m['load']:.1f} | "
              f"{m['projected_wall']:.1f} |")
    if 1 in medians and 2 in medians:
        one, two = medians[1], medians[2]
        print(f"speed-up 2 vs 1 worker: wall {one['wall'] / two['wall']:.2f}x, "
              f"projected on idle cores {one['projected_wall'] / two['projected_wall']:.2f}x "
              f"({60 * figures['pairs'] / two['projected_wall']:.0f} pairs/min), "
              f"CPU spent {two['worker_cpu'] / one['worker_cpu']:.2f}x")
    print("| step | CPU ms | wall ms |")
    print("|---|---|---|")
    for step, c in figures["breakdown"].items():
        print(f"| {step} | {c['cpu'] * 1000:.1f} | {c['wall'] * 1000:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--beads", default="8,40",
                        help="gold beads a pair, one archive per value (8: ~9 paragraphs "
                        "a side; 40: ~45, a newspaper article)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    print(f"load average before: {os.getloadavg()}", flush=True)
    results = []
    for beads in (int(b) for b in args.beads.split(",")):
        figures = measure(args.pairs, beads, args.repeat, counts)
        results.append(figures)
        if not args.json:
            report(figures, args.repeat)
    print(f"load average after: {os.getloadavg()}")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
