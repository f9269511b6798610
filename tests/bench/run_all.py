"""`make bench`: every benchmark in turn, each in its own process, figures to stdout.

The window benchmark needs a display: it runs under xvfb-run when that is installed
(Debian's xvfb), and is skipped with a note otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.bench.cases import ROOT

BENCHES: list[tuple[str, list[str]]] = [
    ("alignment accuracy on held-out seeds beside Gale-Church (tuned on 1-20; reported on 41-60 "
     "and 61-100, large on 41-43 and 61-63; ~15 minutes)", ["tests.bench.bench_accuracy"]),
    ("alignment of real documents (tests/data/real)", ["tests.bench.bench_real"]),
    ("`reader align` end to end on large: speed and memory by stage, beside Gale-Church",
     ["tests.bench.bench_speed", "--seeds", "1", "--runs", "3"]),
    ("re-aligning around fixed beads (gold beads fixed; after an edit on large)",
     ["tests.bench.bench_realign", "--seeds", "41-45"]),
    ("divergences", ["tests.bench.bench_divergences"]),
    ("is it a translation (the pair verdict)", ["tests.bench.bench_verdict", "--seeds", "1-3"]),
    ("divergence precision and recall per kind (seeds 41-60; a few minutes)",
     ["tests.bench.bench_fidelity"]),
    ("glossary matching", ["tests.bench.bench_glossary"]),
    ("passages about the same event (links against tests/data/links)", ["tests.bench.bench_links"]),
    ("the framing lens: reader lens and reader concord", ["tests.bench.bench_lens"]),
    ("the framing lens window's work (counts, concordance, links, shifts)",
     ["tests.bench.bench_lens_window"]),
    ("workspace with 10,000 annotations", ["tests.bench.bench_annotations"]),
    ("a 50 MB pair through `reader align` (a few minutes)", ["tests.bench.bench_huge"]),
    ("`reader batch`: pairs per minute on 1 and 2 workers, a pair's cost (a few minutes)",
     ["tests.bench.bench_batch"]),
    ("reader batch: the Dask engine against the local pool, per-task costs",
     ["tests.bench.bench_batch_dask"]),
]


def main() -> int:
    failures = 0
    for title, module in BENCHES:
        print(f"\n== {title}", flush=True)
        failures += subprocess.run([sys.executable, "-m", *module], cwd=ROOT).returncode != 0
    print("\n== the window", flush=True)
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("skipped: needs xvfb-run (apt-get install xvfb)")
    else:
        failures += subprocess.run(
            [xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m",
             "tests.bench.bench_ui"], cwd=ROOT,
        ).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
