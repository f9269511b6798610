"""An archive of small pairs for the batch tests and benchmark: bench pieces and the corpus."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.resources import CORPUS
from tests.bench.cases import BENCH_DATA

CORPUS_ID = "درس-العراق"  # the corpus pair, under an Arabic name: ids and paths need not be ASCII


def make_archive(folder: Path, count: int = 30, *, beads: int = 4, seed: int = 7,
                 case: str = "small-coupled") -> list[str]:
    """`count` pairs in `folder` as NAME.ar.txt / NAME.en.txt: the corpus pair, and pieces of
    `beads` gold beads each cut from a case of the bench generator (../shared/bench-data).
    Returns the ids in order."""
    if not (BENCH_DATA / "make_cases.py").exists():
        pytest.skip("needs ../shared/bench-data (the bench generator)")
    cases = folder.parent / f".cases-{seed}"
    if not (cases / case / "gold.json").exists():
        subprocess.run([sys.executable, str(BENCH_DATA / "make_cases.py"), "--seed", str(seed),
                        "--cases", case, "--out", str(cases)], check=True, capture_output=True)
    src = (cases / case / "src.txt").read_text(encoding="utf-8").splitlines()
    tgt = (cases / case / "tgt.txt").read_text(encoding="utf-8").splitlines()
    gold = json.loads((cases / case / "gold.json").read_text())
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / "iraq-assad-lesson.ar.txt", folder / f"{CORPUS_ID}.ar.txt")
    shutil.copy(CORPUS / "iraq-assad-lesson.en.txt", folder / f"{CORPUS_ID}.en.txt")
    ids = [CORPUS_ID]
    start = 0
    while len(ids) < count:
        if start >= len(gold):
            raise ValueError(f"{case} has too few beads for {count} pairs of {beads}")
        piece = gold[start : start + beads]
        start += beads
        s = [i for bead in piece for i in bead[0]]
        t = [j for bead in piece for j in bead[1]]
        if not s or not t:
            continue
        name = f"ted-{len(ids):03d}"
        (folder / f"{name}.ar.txt").write_text("".join(src[i] + "\n" for i in s), "utf-8")
        (folder / f"{name}.en.txt").write_text("".join(tgt[j] + "\n" for j in t), "utf-8")
        ids.append(name)
    return sorted(ids)
