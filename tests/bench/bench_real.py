"""Aligner accuracy on the real translated documents of tests/data/real, beside Gale–Church.

    python -m tests.bench.bench_real [--json FILE]

Per document: strict and lax F1, omission recall and precision, for the reader and for the
Gale–Church peer (tests/bench/gale_church.py) in the same run, and the medians over documents.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from reader.core.align.aligner import align_texts
from reader.core.text.document import load_text
from tests.bench.cases import BENCH_DATA, scorer
from tests.bench.gale_church import align as gale_church
from tests.bench.real_pairs import BeadPair, RealPair, real_pairs, score


def predict(method: str, pair: RealPair) -> list[BeadPair]:
    if method == "reader":
        source, target = load_text(pair.source), load_text(pair.target)
        return [(tuple(s), tuple(t)) for s, t in align_texts(source, target).as_pairs()]
    src = [ln for ln in pair.source.read_text("utf-8").split("\n") if ln.strip()]
    tgt = [ln for ln in pair.target.read_text("utf-8").split("\n") if ln.strip()]
    return [(tuple(s), tuple(t)) for s, t in gale_church([len(x) for x in src],
                                                          [len(x) for x in tgt])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", type=Path, help="write all figures to this file")
    args = ap.parse_args()
    shared = scorer() if (BENCH_DATA / "score.py").exists() else None
    rows = []
    print(f"{'document':22s} {'method':12s} {'beads':>5s} {'strict F1':>9s} {'lax F1':>7s} "
          f"{'omis R':>7s} {'omis P':>7s} {'time s':>7s}")
    for pair in real_pairs():
        gold = pair.gold_beads()
        for method in ("reader", "gale-church"):
            t0 = time.process_time()
            pred = predict(method, pair)
            cpu = time.process_time() - t0
            res = score(gold, pred)
            if shared is not None:
                ref = shared.score(gold, pred)
                assert all(ref[k] == res[k] for k in res), (pair.name, method, ref, res)
            rows.append({"document": pair.name, "method": method, "cpu_seconds": cpu,
                         "beads": len(gold), **res})

            def f(x: float | None) -> str:
                return "    n/a" if x is None else f"{x:7.3f}"

            print(f"{pair.name:22s} {method:12s} {len(gold):5d} {res['strict_f1']:9.3f} "
                  f"{f(res['lax_f1'])} {f(res['omission_recall'])} "
                  f"{f(res['omission_precision'])} {cpu:7.2f}", flush=True)
    print("\nmedians over documents (omission figures over documents that have any)")
    for method in ("reader", "gale-church"):
        sel = [r for r in rows if r["method"] == method]

        def med(key: str, sel: list[dict] = sel) -> float:
            vals = [r[key] for r in sel if r[key] is not None]
            return statistics.median(vals) if vals else 0.0

        print(f"{method:12s} strict F1 {med('strict_f1'):.3f}  lax F1 {med('lax_f1'):.3f}  "
              f"omission R {med('omission_recall'):.3f}  P {med('omission_precision'):.3f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
