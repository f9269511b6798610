"""Is it a translation: the verdict's score on translated and unrelated pairs, and its separation.

    .venv/bin/python -m tests.bench.bench_verdict --seeds 1-20 [--cases small,book] [--json F]

Translated: every bench case of each seed, the built-in pair. Unrelated: each case's Arabic
against another talk's or book's English (tests/bench/unrelated.py), and the built-in Arabic
against the corpus's three comparable English articles. Exit status 1 if any is misjudged.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from reader.core.align.aligner import align_texts
from reader.core.diverge.verdict import THRESHOLD, judge
from reader.core.text.document import load_text
from tests.bench.cases import ALL_CASES, ROOT, case_dir
from tests.bench.unrelated import UNRELATED_CASES, unrelated_dir

CORPUS = ROOT / "corpus"
ARABIC = CORPUS / "iraq-assad-lesson.ar.txt"
COMPARABLE = ["iraq-adapts-to-new-syria.en.txt", "iraq-resistance-and-fall-of-assad.en.txt",
              "iraq-spectator-axis-of-resistance.en.txt"]


def seeds_of(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


def verdict_of(src: Path, tgt: Path) -> tuple[float, bool, str | None, float]:
    start = time.perf_counter()
    source, target = load_text(src), load_text(tgt)
    v = judge(source, target, align_texts(source, target))
    return v.translation_score, v.is_translation, v.original, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("--cases", default=",".join(ALL_CASES), help="translated cases to run")
    ap.add_argument("--json", type=Path, help="write every row to this file")
    args = ap.parse_args()
    rows: list[dict[str, object]] = []

    def run(group: str, name: str, src: Path, tgt: Path, expected: bool) -> None:
        score, said, original, secs = verdict_of(src, tgt)
        rows.append({"group": group, "case": name, "score": round(score, 4), "said": said,
                     "expected": expected, "original": original, "seconds": round(secs, 2)})
        flag = "" if said == expected else "   <-- WRONG"
        print(f"{group:10} {name:36} {score:6.3f} {said!s:5} {original!s:6} {secs:6.1f}s{flag}",
              flush=True)

    run("builtin", "iraq-assad-lesson", ARABIC, CORPUS / "iraq-assad-lesson.en.txt", True)
    for name in COMPARABLE:
        run("comparable", name.removesuffix(".en.txt"), ARABIC, CORPUS / name, False)
    cases = args.cases.split(",")
    for seed in seeds_of(args.seeds):
        for case in cases:
            d = case_dir(seed, case)
            run("bench", f"seed{seed}/{case}", d / "src.txt", d / "tgt.txt", True)
        for case in UNRELATED_CASES:
            d = unrelated_dir(seed, case)
            run("unrelated", f"seed{seed}/unrelated-{case}", d / "src.txt", d / "tgt.txt", False)

    print(f"\nthreshold {THRESHOLD:.2f}")
    for label, keep in (("translated", True), ("not translated", False)):
        scores = sorted(float(r["score"]) for r in rows if r["expected"] is keep)  # type: ignore[arg-type]
        if scores:
            print(f"{label:15} n={len(scores):4}  min {scores[0]:.3f}  "
                  f"median {statistics.median(scores):.3f}  max {scores[-1]:.3f}")
    yes = [float(r["score"]) for r in rows if r["expected"]]  # type: ignore[arg-type]
    no = [float(r["score"]) for r in rows if not r["expected"]]  # type: ignore[arg-type]
    if yes and no:
        print(f"gap: lowest translated {min(yes):.3f} - highest unrelated {max(no):.3f} "
              f"= {min(yes) - max(no):.3f}")
    wrong = [r for r in rows if r["said"] != r["expected"]]
    print(f"misjudged: {len(wrong)} of {len(rows)}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
