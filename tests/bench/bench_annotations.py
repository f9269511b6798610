"""Workspace with many annotations: time to add, open, list (what the panel shows) and export.

    python -m tests.bench.bench_annotations [--count 10000]

Uses the built-in pair with its gold alignment; prints one line per figure (median of 3 runs
where a step is repeatable).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.align.beads import Alignment
from reader.core.annotate.annotations import TagRef, new_annotation
from reader.core.annotate.codebooks import builtin_codebooks
from reader.core.export.formats import FORMATS, export
from reader.core.export.report import report_from_workspace
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text
from reader.resources import CORPUS

GOLD = Path(__file__).resolve().parent.parent / "data" / "iraq-assad-lesson.gold.json"


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _open_and_list(path: Path) -> int:
    with Workspace.open(path) as ws:
        return len(ws.annotations())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=10_000)
    args = ap.parse_args()
    rng = random.Random(1)
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    alignment = Alignment.from_pairs(pairs, len(source), len(target))
    tags = [TagRef(c.id, t.id) for c in builtin_codebooks() for t in c.tags]
    print(f"# {args.count} annotations, Python {platform.python_version()}, "
          f"{platform.machine()} {platform.system()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.prw"
        records = []
        for n in range(args.count):
            side, text = ("source", source) if n % 2 else ("target", target)
            p = rng.randrange(len(text))
            length = len(text.paragraphs[p].text)
            start = rng.randrange(max(1, length - 20))
            end = min(length, start + rng.randint(1, 40))
            records.append(new_annotation(
                text, side, p, start, end, tags=rng.sample(tags, rng.randint(1, 3)),
                comment=f"note {n}, with a comma and “quotes”", author=f"annotator {n % 7}",
            ))
        t0 = time.perf_counter()
        with Workspace.create(path, source, target, alignment) as ws:
            ws.add_annotations(records)
        print(f"create + add {args.count} in one transaction: {time.perf_counter() - t0:.3f} s")
        with Workspace.open(path) as ws:
            t0 = time.perf_counter()
            for r in records[:200]:
                ws.delete_annotation(r.id)
                ws.restore_annotation(r)
            per_op = (time.perf_counter() - t0) / 400
            print(f"one committed delete or restore: {per_op * 1000:.2f} ms")
        size = path.stat().st_size / 1e6
        print(f"workspace file: {size:.1f} MB")
        print(f"open: {timed(lambda: Workspace.open(path).close()) * 1000:.1f} ms")
        with Workspace.open(path) as ws:
            print(f"list all: {timed(ws.annotations) * 1000:.1f} ms")
            print(f"open + list all (what showing them costs): "
                  f"{timed(lambda: _open_and_list(path)) * 1000:.1f} ms")
            print(f"filter by tag: {timed(lambda: ws.annotations(tag=tags[0])) * 1000:.1f} ms")
            for fmt in FORMATS:
                out = Path(tmp) / f"out.{fmt}"
                secs = timed(lambda fmt=fmt, out=out: export(report_from_workspace(ws), fmt, out))
                print(f"export {fmt}: {secs * 1000:.0f} ms ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
