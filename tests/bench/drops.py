"""Bench cases with clauses dropped inside English sentences, and the drops kept as gold.

    .venv/bin/python -m tests.bench.drops --seed 1 --case small-coupled

A coupled case of ../shared/bench-data (built by `cases.case_dir`, left as it is) is copied to
`<case>-drops/` beside it with, in about `--rate` of the English paragraphs of its n:m beads,
one clause of one sentence taken out:
- a list item: `, X,` (or `, X and`) inside a sentence, X of 2 to 8 words;
- a coordinated phrase: ` and X` / ` or X` / ` but X` up to the next comma or the sentence's end;
- a subordinate clause: `, which|who|whom|where|when|because|while|although|that X` up to the
  next comma or the sentence's end.
A clause is only dropped when it holds at least `MIN_CONTENT` content words (not stopwords),
so that what is lost is content, and when the sentence keeps at least as many. The Arabic
side, the paragraph breaks and so the gold alignment are unchanged. `drops.json` lists each
drop: the English line, the gold bead's lines on both sides, the clause's kind, the text taken
out and where it was (offsets in the English line before the drop).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from reader.core.anchors.words import stopwords
from tests.bench.cases import case_dir

MIN_CONTENT = 3
MAX_WORDS = 12
RATE = 0.25
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]*")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_LIST_ITEM = re.compile(r",( [^,.;:!?]{3,80}?)(?=,| and | or )")
_COORDINATED = re.compile(r" (?:and|or|but) [^,.;:!?]{3,100}?(?=[,.;:!?]|$)")
_SUBORDINATE = re.compile(
    r", (?:which|who|whom|whose|where|when|because|while|although|though|that) "
    r"[^,.;:!?]{3,100}?(?=[,.;:!?]|$)"
)
_PATTERNS = (("list item", _LIST_ITEM), ("subordinate", _SUBORDINATE),
             ("coordinated", _COORDINATED))


@dataclass(frozen=True, slots=True)
class Drop:
    """One clause taken out of an English line."""

    tgt: int  # the English line (0-based)
    src_bead: list[int]  # the gold bead's Arabic lines
    tgt_bead: list[int]  # ... and English lines
    kind: str  # "list item", "coordinated", "subordinate"
    text: str  # what was taken out
    start: int  # where, in the English line before the drop
    end: int


def content_words(text: str) -> list[str]:
    stops = stopwords("en")
    return [w for w in _WORD.findall(text) if w.lower() not in stops and len(w) > 1]


def _candidates(line: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every clause of `line` that may be dropped."""
    out = []
    for sentence in _SENTENCE.finditer(line):
        body = sentence.group()
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(body):
                start, end = (m.start(), m.end(1)) if kind == "list item" else m.span()
                clause = body[start:end]
                rest = body[:start] + body[end:]
                if (len(clause.split()) <= MAX_WORDS
                        and len(content_words(clause)) >= MIN_CONTENT
                        and len(content_words(rest)) >= MIN_CONTENT):
                    out.append((kind, sentence.start() + start, sentence.start() + end))
    return out


def make_drops(
    src: list[str], tgt: list[str], gold: list[tuple[list[int], list[int]]],
    rng: random.Random, rate: float = RATE,
) -> tuple[list[str], list[Drop]]:
    """The English lines with clauses dropped, and the drops."""
    out = list(tgt)
    drops: list[Drop] = []
    for s, t in gold:
        if not s or not t:
            continue
        for j in t:
            if rng.random() >= rate:
                continue
            found = _candidates(tgt[j])
            if not found:
                continue
            kind, start, end = rng.choice(found)
            out[j] = tgt[j][:start] + tgt[j][end:]
            drops.append(Drop(j, list(s), list(t), kind, tgt[j][start:end].strip(" ,"),
                              start, end))
    return out, drops


def drops_case(seed: int, case: str, rate: float = RATE) -> Path:
    """The folder of `case` with drops (src.txt, tgt.txt, gold.json, drops.json), built when
    missing; the English of the case as built is kept as `tgt.orig.txt`."""
    base = case_dir(seed, case)
    d = base.parent / f"{case}-drops"
    if (d / "drops.json").exists():
        return d
    d.mkdir(parents=True, exist_ok=True)
    src = (base / "src.txt").read_text(encoding="utf-8").splitlines()
    tgt = (base / "tgt.txt").read_text(encoding="utf-8").splitlines()
    gold = json.loads((base / "gold.json").read_text())
    rng = random.Random(f"{seed}:{case}:drops")
    new, drops = make_drops(src, tgt, gold, rng, rate)
    shutil.copy(base / "src.txt", d / "src.txt")
    shutil.copy(base / "gold.json", d / "gold.json")
    shutil.copy(base / "tgt.txt", d / "tgt.orig.txt")
    (d / "tgt.txt").write_text("\n".join(new) + "\n", encoding="utf-8")
    (d / "drops.json").write_text(
        json.dumps([asdict(x) for x in drops], ensure_ascii=False, indent=0) + "\n",
        encoding="utf-8",
    )
    return d


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--case", default="small-coupled")
    args = parser.parse_args()
    d = drops_case(args.seed, args.case)
    drops = json.loads((d / "drops.json").read_text())
    print(f"{d}: {len(drops)} drops")


if __name__ == "__main__":
    main()
