"""End-to-end speed and memory of `reader align --format json`, stage by stage, beside Gale–Church.

    python -m tests.bench.bench_speed [--cases large,large-coupled] [--seeds 1,2] [--runs 5]
                                      [--reader PATH] [--no-peer] [--one-process]

Each run is its own process: wall time, CPU time (user + system, what a loaded machine still
measures fairly) and peak memory (max RSS) of the child, and the stage times `-v` prints: wall,
and CPU where the command prints it (`name: W ms, CPU C ms`), as `wall/CPU`. Medians over the
runs; "other" is what no stage holds (start, imports, the verdict, exit). Each case first gets
one run that is not counted, without PYTHONDONTWRITEBYTECODE: an installed program has its
bytecode compiled, while a module edited since its `.pyc` would otherwise be compiled from source
on every run (~0.1 s of start-up in a working tree). `--reader` times
another tree's command (a baseline); the peer, Gale and Church's length-only aligner
(tests/bench/gale_church.py), is timed the same way, once per case.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.cases import ROOT, case_dir

_STAGE = re.compile(
    r"^reader: (.+?)(?: /\S+)?(?: \(\d+ paragraphs\))?: ([\d.]+) ms(?:, CPU ([\d.]+) ms)?$"
)
# the stages that hold no other (their sum is the run's timed part); with the target prepared
# in a second process, "both sides in two processes" holds the loads (and "other" CPU the
# second process's work, which the run's CPU counts)
_TWO = "both sides in two processes"
_OUTER = ("load source", "load target", "alignment", "divergences", "output json")
STAGES = ("load source", "load target", "anchors source", "anchors target", "features source",
          "features target", "sentences source", "sentences target", "stem forms source",
          "readings source", "readings source from the last stem", "target from the second process",
          "the rest from the second process", "vector space",
          "paragraph pass 1 of 2", "paragraph pass 2 of 2", "confidence", "learnt word pairs",
          "learnt word pairs from the second process", "sentence pass", "support", "alignment",
          "divergences", "output json")


def timed(argv: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system) and peak MB of one child process (its own
    rusage, from wait4), and its stderr."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"{argv[0]} failed: {err.strip().splitlines()[-1:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def stages(err: str) -> dict[str, tuple[float, float]]:
    """Each stage's wall and CPU seconds (CPU nan when the command does not print it)."""
    out = {}
    for line in err.splitlines():
        m = _STAGE.match(line.strip())
        if m:
            cpu = float(m.group(3)) / 1000 if m.group(3) else float("nan")
            out[m.group(1)] = (float(m.group(2)) / 1000, cpu)
    return out


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", default="large,large-coupled")
    ap.add_argument("--seeds", default="1,2")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--reader", default=shutil.which("reader")
                    or str(Path(sys.executable).with_name("reader")))
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--one-process", action="store_true",
                    help="pass --one-process (both texts prepared in the command's process)")
    args = ap.parse_args()
    extra = ["--one-process"] if args.one_process else []
    print(f"reader: {args.reader}; load average {os.getloadavg()[0]:.1f}", flush=True)
    for case in args.cases.split(","):
        for seed in (int(s) for s in args.seeds.split(",")):
            d = case_dir(seed, case)
            argv = [args.reader, "-v", "align", str(d / "src.txt"), str(d / "tgt.txt"),
                    "--format", "json", *extra]
            timed(argv)  # writes the bytecode; not counted
            runs = [timed(argv) for _ in range(args.runs)]
            peak = statistics.median(r[2] for r in runs)
            times = [stages(r[3]) for r in runs]
            for t, r in zip(times, runs, strict=True):  # what no stage holds
                outer = (_TWO, *_OUTER[2:]) if _TWO in t else _OUTER
                t["other"] = (r[0] - sum(t.get(s, (0.0, 0.0))[0] for s in outer),
                              r[1] - sum(t.get(s, (0.0, 0.0))[1] for s in outer))
            med = {s: (_median([t[s][0] for t in times if s in t]),
                       _median([t[s][1] for t in times if s in t]))
                   for s in (_TWO, *STAGES, "other") if any(s in t for t in times)}
            print(f"{case} seed {seed}: wall {statistics.median(r[0] for r in runs):.2f} s, "
                  f"CPU {statistics.median(r[1] for r in runs):.2f} s, peak {peak:.0f} MB; "
                  + ", ".join(f"{s} {w:.2f}/{c:.2f}" for s, (w, c) in med.items()), flush=True)
            if not args.no_peer:
                with_peer = timed([sys.executable, "-m", "tests.bench.align_one", "gale-church",
                                   str(d / "src.txt"), str(d / "tgt.txt"), os.devnull])
                print(f"{case} seed {seed}: gale-church wall {with_peer[0]:.2f} s, "
                      f"CPU {with_peer[1]:.2f} s", flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
