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
from tests.bench.real_pairs import real_pairs

CORPUS_ID = "درس-العراق"  # the corpus pair, under an Arabic name: ids and paths need not be ASCII


def make_archive(folder: Path, count: int = 30, *, beads: int = 4, seed: int = 7,
                 case: str | None = None) -> list[str]:
    """`count` pairs in `folder` as NAME.ar.txt / NAME.en.txt: the corpus pair, and pieces of
    `beads` gold beads each, cut from the real documents in tests/data/real (shipped: the tests
    need nothing outside the repository) or, given `case`, from that case of the bench
    generator (../shared/bench-data, for the benchmarks' larger archives). Returns the ids."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / "iraq-assad-lesson.ar.txt", folder / f"{CORPUS_ID}.ar.txt")
    shutil.copy(CORPUS / "iraq-assad-lesson.en.txt", folder / f"{CORPUS_ID}.en.txt")
    ids = [CORPUS_ID]
    for name, src, tgt, gold in _documents(folder, seed, case):
        for start in range(0, len(gold), beads):
            if len(ids) == count:
                return sorted(ids)
            piece = gold[start : start + beads]
            s = [i for bead in piece for i in bead[0]]
            t = [j for bead in piece for j in bead[1]]
            if not s or not t:
                continue
            pair_id = f"{name}-{len(ids):03d}"
            (folder / f"{pair_id}.ar.txt").write_text("".join(src[i] + "\n" for i in s), "utf-8")
            (folder / f"{pair_id}.en.txt").write_text("".join(tgt[j] + "\n" for j in t), "utf-8")
            ids.append(pair_id)
    if len(ids) < count:
        raise ValueError(f"{case or 'tests/data/real'} has too few beads for {count} pairs "
                         f"of {beads}")
    return sorted(ids)


Gold = list[list[list[int]]]


def _documents(
    folder: Path, seed: int, case: str | None
) -> list[tuple[str, list[str], list[str], Gold]]:
    """(name, source lines, target lines, gold beads) of each document pieces are cut from."""
    if case is None:
        return [(pair.name, _lines(pair.source), _lines(pair.target),
                 json.loads(pair.gold.read_text("utf-8")))
                for pair in real_pairs() if "stale" not in pair.name]
    if not (BENCH_DATA / "make_cases.py").exists():
        pytest.skip("needs ../shared/bench-data (the bench generator)")
    cases = folder.parent / f".cases-{seed}"
    if not (cases / case / "gold.json").exists():
        subprocess.run([sys.executable, str(BENCH_DATA / "make_cases.py"), "--seed", str(seed),
                        "--cases", case, "--out", str(cases)], check=True, capture_output=True)
    return [(case, _lines(cases / case / "src.txt"), _lines(cases / case / "tgt.txt"),
             json.loads((cases / case / "gold.json").read_text()))]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()
