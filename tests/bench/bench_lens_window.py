"""CPU and wall time of what the lens window runs in the pool (reader/ui/lens/work.py), medians.

    .venv/bin/python -m tests.bench.bench_lens_window
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.lens.families import load_families
from reader.core.lens.shifts import label_shifts
from reader.core.pair import open_pair
from reader.ui.lens import work
from reader.ui.lens.collection import Document, builtin_documents


def median_times(fn: Callable[[], object], runs: int = 5) -> str:
    cpu, wall = [], []
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return (f"cpu {statistics.median(cpu) * 1000:.0f} ms, "
            f"wall {statistics.median(wall) * 1000:.0f} ms")


def main() -> None:
    families = load_families()
    docs = builtin_documents()
    print("read and count the corpus:", median_times(lambda: work.read_collection(docs, families)))
    with tempfile.TemporaryDirectory() as folder:
        big = []
        for i in range(10):
            for d in docs:
                path = Path(folder) / f"{i}-{d.path.name}"
                shutil.copy(d.path, path)
                big.append(Document(path, path.name, path.stem, d.language))
        print("read and count the corpus x10:",
              median_times(lambda: work.read_collection(big, families), 3))
    result = work.read_collection(docs, families)
    texts = result.documents
    print("concordance of a family:",
          median_times(lambda: work.find_lines(texts, families, family="armed-groups")))
    print("concordance of a term:",
          median_times(lambda: work.find_lines(texts, families, term="militias")))
    print("link the Arabic article and Orient XXI:",
          median_times(lambda: work.link(texts[0], texts[4]), 3))
    pair = open_pair(docs[0].path, docs[1].path)
    print("label shifts of the built-in pair:", median_times(
        lambda: label_shifts(pair.source, pair.target, pair.alignment, families)))


if __name__ == "__main__":
    main()
