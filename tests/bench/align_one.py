"""Align one case in a fresh process and report time and peak memory (used by bench_align)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    method, src, tgt, out = sys.argv[1:5]
    t0 = time.perf_counter()
    if method == "reader":
        from reader.core.align.aligner import align_texts
        from reader.core.text.document import load_text

        source, target = load_text(src), load_text(tgt)
        t_loaded = time.perf_counter()
        pairs = align_texts(source, target).as_pairs()
    else:
        from tests.bench.gale_church import align

        s_lines = [ln for ln in Path(src).read_text(encoding="utf-8").split("\n") if ln.strip()]
        t_lines = [ln for ln in Path(tgt).read_text(encoding="utf-8").split("\n") if ln.strip()]
        t_loaded = time.perf_counter()
        pairs = [[s, t] for s, t in align([len(x) for x in s_lines], [len(x) for x in t_lines])]
    t1 = time.perf_counter()
    Path(out).write_text(json.dumps(pairs))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": t1 - t0, "align_seconds": t1 - t_loaded, "peak_mb": peak_mb}))


if __name__ == "__main__":
    main()
