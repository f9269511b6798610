"""The aligner's accuracy targets on held-out seeds, beside the Gale–Church peer, in one run.

    python -m tests.bench.bench_accuracy [--cases small,book] [--large-seeds 3] [--per-group N]
        [--no-peer] [--json out.json]

Parameters are tuned on seeds 1-20 (TUNING); the figures reported are over seeds nobody tuned on,
41-60 and 61-100, each group on its own. `large*` cases take ~10 s each and the peer ~20 s on
them, so they run on the first `--large-seeds` seeds of each group only (default 3: 41-43 and
61-63), the peer on the first of each group. Every alignment runs in its own process
(tests.bench.bench_align.run_method): time is the alignment alone, memory the process's peak.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from tests.bench.bench_align import run_method
from tests.bench.cases import ALL_CASES, case_dir

TUNING = range(1, 21)
REPORTING = {"41-60": range(41, 61), "61-100": range(61, 101)}
# the targets: strict F1 of every independent and coupled case, omission recall
TARGET_INDEPENDENT = 0.93
TARGET_COUPLED = 0.95
TARGET_OMISSION = 0.85


def seeds_of(case: str, group: range, large_seeds: int, per_group: int | None) -> list[int]:
    seeds = list(group)[:per_group]
    return seeds[:large_seeds] if case.startswith("large") else seeds


def run(cases: list[str], large_seeds: int, per_group: int | None, peer: bool) -> list[dict]:
    rows = []
    for case in cases:
        for name, group in REPORTING.items():
            seeds = seeds_of(case, group, large_seeds, per_group)
            for seed in seeds:
                d = case_dir(seed, case)
                methods = ["reader"]
                if peer and (not case.startswith("large") or seed == seeds[0]):
                    methods.append("gale-church")
                for method in methods:
                    stats, res = run_method(method, d)
                    rows.append({"case": case, "group": name, "seed": seed, "method": method,
                                 **stats, **res})
                    print(f"{case:14s} {name:6s} seed {seed:<4d} {method:12s} "
                          f"strict {res['strict_f1']:.3f} omission R "
                          f"{res['omission_recall'] or 0:.3f}  {stats['align_seconds']:.2f}s",
                          flush=True)
    return rows


def report(rows: list[dict], cases: list[str]) -> list[str]:
    """The summary table, and one line per target met or missed."""
    out = [
        f"tuning seeds {TUNING.start}-{TUNING.stop - 1} (never reported here); reporting seeds "
        + " and ".join(REPORTING),
        "",
        f"{'case':14s} {'seeds':7s} {'method':12s} {'n':>3s} {'strict F1 med':>13s} {'min':>6s} "
        f"{'lax F1':>7s} {'omis R med':>10s} {'min':>6s} {'time s':>7s} {'peak MB':>8s}",
    ]
    verdicts = []
    for case in cases:
        target = TARGET_COUPLED if case.endswith("coupled") else TARGET_INDEPENDENT
        for name in REPORTING:
            for method in ("reader", "gale-church"):
                sel = [r for r in rows
                       if r["case"] == case and r["group"] == name and r["method"] == method]
                if not sel:
                    continue
                f1 = [r["strict_f1"] for r in sel]
                omis = [r["omission_recall"] or 0.0 for r in sel]

                def med(key: str, sel: list[dict] = sel) -> float:
                    return statistics.median(r[key] or 0.0 for r in sel)

                f1_med = statistics.median(f1)
                out.append(
                    f"{case:14s} {name:7s} {method:12s} {len(sel):3d} {f1_med:13.3f} "
                    f"{min(f1):6.3f} {med('lax_f1'):7.3f} {statistics.median(omis):10.3f} "
                    f"{min(omis):6.3f} {med('align_seconds'):7.2f} {med('peak_mb'):8.0f}"
                )
                if method == "reader":
                    seeds = f"{case} seeds {name} (n={len(sel)})"
                    verdicts.append(_verdict(f"strict F1 median {seeds}", f1_med, target))
                    verdicts.append(_verdict(f"omission recall median {seeds}",
                                             statistics.median(omis), TARGET_OMISSION))
    return [*out, "", "targets (medians over the reporting seeds):", *verdicts]


def _verdict(what: str, value: float, target: float) -> str:
    return f"  {'met   ' if value >= target else 'MISSED'} {what}: {value:.3f} (target {target})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", default=",".join(ALL_CASES))
    ap.add_argument("--large-seeds", type=int, default=3)
    ap.add_argument("--per-group", type=int, help="only the first N seeds of each group (a "
                    "quick look: the figures of record use every seed)")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--json", type=Path, help="write every row to this file")
    args = ap.parse_args()
    cases = args.cases.split(",")
    rows = run(cases, args.large_seeds, args.per_group, not args.no_peer)
    print("\n" + "\n".join(report(rows, cases)))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
