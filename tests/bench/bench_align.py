"""Aligner accuracy, time and memory on the shared bench cases, beside a Gale–Church peer.

    python -m tests.bench.bench_align [--seeds 1,2,3] [--cases small,book-coupled] [--no-peer]

Each alignment runs in its own process so that peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.cases import ALL_CASES, ROOT, case_dir, scorer


def run_method(method: str, d: Path) -> tuple[dict[str, float], dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pred.json"
        proc = subprocess.run(
            [sys.executable, "-m", "tests.bench.align_one", method, str(d / "src.txt"),
             str(d / "tgt.txt"), str(out)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        stats = json.loads(proc.stdout.strip().splitlines()[-1])
        sc = scorer()
        result = sc.score(sc.load_beads(str(d / "gold.json")), sc.load_beads(str(out)))
    return stats, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--cases", default=",".join(ALL_CASES))
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--json", type=Path, help="write all figures to this file")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    methods = ["reader"] + ([] if args.no_peer else ["gale-church"])
    rows = []
    for case in args.cases.split(","):
        for seed in seeds:
            d = case_dir(seed, case)
            for method in methods:
                if method == "gale-church" and case.startswith("large") and seed != seeds[0]:
                    continue  # the peer takes minutes on large; one seed is enough for it
                stats, res = run_method(method, d)
                rows.append({"case": case, "seed": seed, "method": method, **stats, **res})
                print(f"{case:14s} seed {seed:<9d} {method:12s} strict {res['strict_f1']:.3f} "
                      f"lax {res['lax_f1']:.3f} omission R {res['omission_recall'] or 0:.3f} "
                      f"P {res['omission_precision'] or 0:.3f}  {stats['align_seconds']:.2f}s "
                      f"{stats['peak_mb']:.0f} MB", flush=True)
    print("\nmedians over seeds")
    print(f"{'case':14s} {'method':12s} {'strict F1':>9s} {'lax F1':>7s} {'omis R':>7s} "
          f"{'omis P':>7s} {'time s':>7s} {'peak MB':>8s}")
    for case in args.cases.split(","):
        for method in methods:
            sel = [r for r in rows if r["case"] == case and r["method"] == method]
            if not sel:
                continue

            def med(key: str, sel: list[dict] = sel) -> float:
                return statistics.median(r[key] or 0.0 for r in sel)

            print(f"{case:14s} {method:12s} {med('strict_f1'):9.3f} {med('lax_f1'):7.3f} "
                  f"{med('omission_recall'):7.3f} {med('omission_precision'):7.3f} "
                  f"{med('align_seconds'):7.2f} {med('peak_mb'):8.0f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
