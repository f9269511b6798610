"""A 50 MB pair: `large-coupled` repeated, each copy tagged, aligned by the `reader` command.

    python -m tests.bench.bench_huge [--copies 19] [--seed 1]

Prints the size of both sides, the wall time, CPU time (user + system, the second process that
prepares the target included) and peak memory of `reader align --format json` (alignment and
divergences), and strict / lax F1 against the repeated gold.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.cases import case_dir, scorer

# A Greek pair per copy, after each line's first word, so that copies are not each other's
# duplicates: neither side reads Greek as words, it holds no digit (a number anchor) and no full
# stop (a sentence), and post attribution lines still parse ("— αβ Name (@handle) May 8, 2024").
_GREEK = "αβγδεζηθικλμνξοπρστυφχψω"


def _tag(copy: int) -> str:
    return _GREEK[copy // len(_GREEK)] + _GREEK[copy % len(_GREEK)]


def _tagged(line: str, copy: int) -> str:
    first, _, rest = line.partition(" ")
    return f"{first} {_tag(copy)} {rest}" if rest else f"{first} {_tag(copy)}"


def build(seed: int, copies: int, out: Path) -> list[list[list[int]]]:
    """Write src.txt and tgt.txt of the repeated case into `out`; return its gold beads."""
    d = case_dir(seed, "large-coupled")
    src = (d / "src.txt").read_text(encoding="utf-8").splitlines()
    tgt = (d / "tgt.txt").read_text(encoding="utf-8").splitlines()
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    src_lines: list[str] = []
    tgt_lines: list[str] = []
    beads: list[list[list[int]]] = []
    for k in range(copies):
        di, dj = len(src_lines), len(tgt_lines)
        src_lines += [_tagged(line, k) for line in src]
        tgt_lines += [_tagged(line, k) for line in tgt]
        beads += [[[i + di for i in s], [j + dj for j in t]] for s, t in gold]
    (out / "src.txt").write_text("\n".join(src_lines) + "\n", encoding="utf-8")
    (out / "tgt.txt").write_text("\n".join(tgt_lines) + "\n", encoding="utf-8")
    return beads


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=19)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    reader = shutil.which("reader") or str(Path(sys.executable).with_name("reader"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        gold = build(args.seed, args.copies, out)
        src, tgt = out / "src.txt", out / "tgt.txt"
        mb = [path.stat().st_size / 1e6 for path in (src, tgt)]
        print(f"source {mb[0]:.1f} MB, target {mb[1]:.1f} MB, {args.copies} copies of "
              f"large-coupled seed {args.seed}", flush=True)
        t0 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([reader, "align", str(src), str(tgt), "--format", "json",
                        "-o", str(out / "pred.json")], check=True)
        seconds = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        peak = after.ru_maxrss / 1024
        result = json.loads((out / "pred.json").read_text(encoding="utf-8"))
        pred = [(tuple(b["src"]), tuple(b["tgt"])) for b in result["beads"]]
        sc = scorer().score([(tuple(s), tuple(t)) for s, t in gold], pred)
        print(f"reader align: {seconds:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MB; paragraphs "
              f"{result['source']['paragraphs']} + {result['target']['paragraphs']}; "
              f"strict F1 {sc['strict_f1']:.3f}, lax F1 {sc['lax_f1']:.3f}")


if __name__ == "__main__":
    main()
