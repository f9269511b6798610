"""Bench cases that are not translations: a case's Arabic against another talk's or book's."""

# The Arabic side is the bench case's own src.txt (posts and all); the English is real English
# of the same kind that translates something else: for a TED case, the talks of tst2016 that
# the case does not use (then tst2017's, whose Arabic only ever gives a case its posts); for a
# Bible case, another book of the same corpus (Exodus onwards: the same style, names and
# vocabulary, the hardest unrelated text there is for a lexicon). Grouped into paragraphs of
# one to four units, about as many as the case's own English has. Deterministic per seed.

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.bench.cases import BENCH_DATA, CACHE, case_dir

UNRELATED_CASES = ["small", "small-coupled", "book", "book-coupled"]
_OTHER_BOOKS = ["Exodus", "Leviticus", "Numbers", "Deuteronomy", "Joshua", "Judges", "1Samuel",
                "2Samuel", "1Kings", "2Kings"]


def _make_cases() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_make_cases", BENCH_DATA / "make_cases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _english_units(case: str, seed: int, rng: random.Random) -> tuple[list[str], str]:
    """English units that translate something other than the case's Arabic, and what they are."""
    mk = _make_cases()
    data = str(BENCH_DATA)
    if case.startswith("small"):
        used = set(json.loads((case_dir(seed, case) / "meta.json").read_text())["origin"]["talks"])
        talks = [t for t in mk.load_ted(data, "tst2016") if t[0] not in used]  # type: ignore[attr-defined]
        talks += mk.load_ted(data, "tst2017")  # type: ignore[attr-defined]
        rng.shuffle(talks)
        units = [u[2] for _, segs in talks for u in segs]
        return units, "TED talks " + ", ".join(t[0] for t in talks[:6]) + ", …"
    book = rng.choice(_OTHER_BOOKS)
    units = [u[2] for u in mk.load_bible(data, [book])]  # type: ignore[attr-defined]
    return units, f"KJV {book}"


def unrelated_dir(seed: int, case: str) -> Path:
    """The folder of one unrelated case (src.txt, tgt.txt, meta.json), built when missing."""
    d = CACHE / f"seed{seed}" / f"unrelated-{case}"
    if (d / "tgt.txt").exists():
        return d
    real = case_dir(seed, case)
    src = (real / "src.txt").read_text(encoding="utf-8")
    target_lines = len((real / "tgt.txt").read_text(encoding="utf-8").splitlines())
    target_chars = len((real / "tgt.txt").read_text(encoding="utf-8"))
    rng = random.Random(f"{seed}:unrelated:{case}")
    units, origin = _english_units(case, seed, rng)
    # a window of about the real English's length, from a random place
    total, end = 0, 0
    start = rng.randrange(max(1, len(units) // 3))
    for end in range(start, len(units)):
        total += len(units[end]) + 1
        if total >= target_chars:
            break
    chosen = units[start : end + 1]
    per = max(1.0, len(chosen) / max(1, target_lines))
    paragraphs, i = [], 0
    while i < len(chosen):
        size = max(1, min(4, round(rng.uniform(0.5, 1.5) * per)))
        paragraphs.append(" ".join(chosen[i : i + size]))
        i += size
    d.mkdir(parents=True, exist_ok=True)
    (d / "src.txt").write_text(src, encoding="utf-8")
    (d / "tgt.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    (d / "meta.json").write_text(json.dumps(
        {"case": f"unrelated-{case}", "seed": seed, "arabic": f"{case} of seed {seed}",
         "english": origin, "paragraphs": [len(src.splitlines()), len(paragraphs)]},
        ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return d
