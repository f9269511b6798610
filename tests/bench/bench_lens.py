"""Benchmark: `reader lens` and `reader concord` on the corpus (CPU medians), the core on x50."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from reader.core.lens.concord import concordance
from reader.core.lens.counts import count_labels
from reader.core.lens.documents import LensDocument, corpus_documents
from reader.core.lens.families import builtin_families
from reader.core.lens.matching import Matcher
from reader.core.text.document import text_from_string
from tests.bench.cases import ROOT

COMMANDS = {
    "reader lens --corpus": ["lens", "--corpus", "--format", "csv"],
    "reader concord regime --corpus --sort left": ["concord", "regime", "--corpus", "--sort",
                                                   "left", "--format", "csv"],
    "reader concord النظام --corpus (free term)": ["concord", "النظام", "--corpus", "--free",
                                                   "--format", "csv"],
    "reader --version (start-up alone)": ["--version"],
}


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str], runs: int) -> tuple[float, float]:
    """Median CPU seconds (user + system) and wall seconds of `reader ARGS`."""
    cpu, wall = [], []
    env = dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp(prefix="lens-bench-"))
    for _ in range(runs):
        before, t = _child_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader.cli", *args], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
        wall.append(time.perf_counter() - t)
        cpu.append(_child_cpu() - before)
    return statistics.median(cpu), statistics.median(wall)


def time_core(runs: int, copies: int) -> None:
    families = builtin_families()
    docs = corpus_documents()
    # each copy's paragraphs tagged, or they would be duplicates, which counts leave out
    long_docs = [LensDocument(d.id, text_from_string("\n".join(
        f"{p.text} ({k})" for k in range(copies) for p in d.text.paragraphs),
        language=d.language)) for d in docs]
    words = sum(d.words() for d in long_docs)
    chars = sum(len(d.text.content) for d in long_docs)
    for name, work in (
        ("counts", lambda: count_labels(long_docs, families, matcher=Matcher(families))),
        ("concordance of regime", lambda: concordance(long_docs, Matcher(families),
                                                      family="actors", label="regime")),
    ):
        cpu = []
        for _ in range(runs):
            t = time.process_time()
            work()
            cpu.append(time.process_time() - t)
        print(f"core {name}, corpus x{copies} ({chars:,} characters, {words:,} words): "
              f"median CPU {statistics.median(cpu):.3f} s over {runs} runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=50)
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for name, command in COMMANDS.items():
        cpu, wall = time_command(command, args.runs)
        print(f"{name}: median CPU {cpu:.3f} s, wall {wall:.3f} s over {args.runs} runs")
    time_core(args.runs, args.copies)


if __name__ == "__main__":
    main()
