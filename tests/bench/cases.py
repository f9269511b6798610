"""Building and loading the benchmark's alignment cases from ../shared/bench-data."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
BENCH_DATA = Path(ROOT.parent / "shared" / "bench-data")
CACHE = Path("/tmp/reader-bench-cases")
ALL_CASES = ["small", "book", "large", "small-coupled", "book-coupled", "large-coupled"]


def case_dir(seed: int, case: str) -> Path:
    """The folder of one case (src.txt, tgt.txt, gold.json, meta.json), built when missing."""
    out = CACHE / f"seed{seed}"
    d = out / case
    if not (d / "gold.json").exists():
        subprocess.run(
            [sys.executable, str(BENCH_DATA / "make_cases.py"), "--seed", str(seed),
             "--cases", case, "--out", str(out)],
            check=True, capture_output=True,
        )
    return d


def scorer() -> ModuleType:
    """The shared score.py, imported from ../shared/bench-data."""
    spec = importlib.util.spec_from_file_location("bench_score", BENCH_DATA / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold(seed: int, case: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    data = json.loads((case_dir(seed, case) / "gold.json").read_text())
    return [(tuple(s), tuple(t)) for s, t in data]
