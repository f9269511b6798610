"""Divergence detection against gold lists: the built-in pair, and the bench cases' null beads.

    .venv/bin/python -m tests.bench.bench_divergences [--seeds 1 2 3] [--cases small-coupled ...]

Prints precision and recall per kind on the built-in pair (gold:
tests/data/iraq-assad-lesson.divergences.json, read by a person), omission and addition
precision and recall on the bench cases (gold: their 1:0 and 0:1 beads, the embedded tweets
left out), and alignment time against detection time per case.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from reader.core.align.aligner import align_texts
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import Divergence, DivergenceKind
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.bench.cases import case_dir

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = DATA / "iraq-assad-lesson.divergences.json"
# make_cases.py's tweet attribution line; the line before it is the tweet's text
_TWEET = re.compile(r"^— .*\(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}$")


def _matches(found: Divergence, gold: dict[str, object]) -> bool:
    if str(found.kind) != gold["kind"] or found.side != gold["side"]:
        return False
    where = gold["src"] if found.side == "source" else gold["tgt"]
    assert isinstance(where, list)
    if found.kind is DivergenceKind.EMBEDDED_POST:
        return list(found.paragraphs) == where
    return bool(set(found.paragraphs) & set(where))


def _pr(hits_found: int, n_found: int, hits_gold: int, n_gold: int) -> tuple[str, str]:
    p = f"{hits_found / n_found:.2f}" if n_found else "-"
    r = f"{hits_gold / n_gold:.2f}" if n_gold else "-"
    return p, r


def builtin_pair() -> None:
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    t0 = time.perf_counter()
    alignment = align_texts(source, target)
    t1 = time.perf_counter()
    found = find_divergences(source, target, alignment)
    t2 = time.perf_counter()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    print(f"built-in pair: align {t1 - t0:.2f} s, detect {t2 - t1:.3f} s")
    print(f"{'kind':<18} {'found':>5} {'gold':>5} {'prec':>5} {'recall':>6}")
    kinds = sorted({str(d.kind) for d in found} | {g["kind"] for g in gold})
    for kind in kinds:
        f = [d for d in found if str(d.kind) == kind]
        g = [x for x in gold if x["kind"] == kind]
        hit_f = sum(any(_matches(d, x) for x in g) for d in f)
        hit_g = sum(any(_matches(d, x) for d in f) for x in g)
        p, r = _pr(hit_f, len(f), hit_g, len(g))
        print(f"{kind:<18} {len(f):>5} {len(g):>5} {p:>5} {r:>6}")


def bench_case(seed: int, case: str) -> dict[str, float]:
    d = case_dir(seed, case)
    source = load_text(d / "src.txt", language="ar")
    target = load_text(d / "tgt.txt", language="en")
    gold = json.loads((d / "gold.json").read_text())
    lines = [p.text for p in source.paragraphs]
    tweets = {k for k, line in enumerate(lines) if _TWEET.match(line)}
    tweets |= {k - 1 for k in tweets}
    gold_om = {s[0] for s, t in gold if s and not t} - tweets
    gold_add = {t[0] for s, t in gold if t and not s}
    t0 = time.perf_counter()
    alignment = align_texts(source, target)
    t1 = time.perf_counter()
    found = find_divergences(source, target, alignment)
    t2 = time.perf_counter()
    om = {i for x in found if x.kind is DivergenceKind.OMISSION for i in x.paragraphs}
    add = {j for x in found if x.kind is DivergenceKind.ADDITION for j in x.paragraphs}
    posts = [x for x in found if x.kind is DivergenceKind.EMBEDDED_POST]
    post_lines = {i for x in posts for i in x.paragraphs}
    return {
        "om_found": len(om), "om_gold": len(gold_om), "om_hit": len(om & gold_om),
        "add_found": len(add), "add_gold": len(gold_add), "add_hit": len(add & gold_add),
        "tweets": len(tweets) // 2, "posts": len(posts),
        "post_lines_exact": float(post_lines == tweets),
        "align_s": t1 - t0, "detect_s": t2 - t1,
        "paragraphs": len(source) + len(target),
    }


def bench_cases(seeds: list[int], cases: list[str]) -> None:
    print(f"\n{'case':<15} {'seed':>5} {'paras':>6} {'om P':>5} {'om R':>5} {'add P':>5} "
          f"{'add R':>5} {'posts':>7} {'align s':>8} {'detect s':>8}")
    totals: dict[str, float] = defaultdict(float)
    for case in cases:
        for seed in seeds:
            r = bench_case(seed, case)
            for k, v in r.items():
                totals[k] += v
            om_p, om_r = _pr(int(r["om_hit"]), int(r["om_found"]), int(r["om_hit"]),
                             int(r["om_gold"]))
            add_p, add_r = _pr(int(r["add_hit"]), int(r["add_found"]), int(r["add_hit"]),
                               int(r["add_gold"]))
            posts = f"{int(r['posts'])}/{int(r['tweets'])}"
            print(f"{case:<15} {seed:>5} {int(r['paragraphs']):>6} {om_p:>5} {om_r:>5} "
                  f"{add_p:>5} {add_r:>5} {posts:>7} {r['align_s']:>8.2f} {r['detect_s']:>8.3f}")
    om_p, om_r = _pr(int(totals["om_hit"]), int(totals["om_found"]), int(totals["om_hit"]),
                     int(totals["om_gold"]))
    add_p, add_r = _pr(int(totals["add_hit"]), int(totals["add_found"]), int(totals["add_hit"]),
                       int(totals["add_gold"]))
    print(f"{'all (pooled)':<15} {'':>5} {'':>6} {om_p:>5} {om_r:>5} {add_p:>5} {add_r:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[20240601, 1, 2])
    parser.add_argument("--cases", nargs="+",
                        default=["small-coupled", "book-coupled", "large-coupled", "small",
                                 "book", "large"])
    args = parser.parse_args()
    builtin_pair()
    bench_cases(args.seeds, args.cases)


if __name__ == "__main__":
    main()
