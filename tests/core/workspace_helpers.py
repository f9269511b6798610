"""Test data for the annotation tests: a small Arabic/English pair with emoji; the corpus pair."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.align.beads import Alignment, Bead
from reader.core.store.workspace import Workspace
from reader.core.text.document import Text, load_text
from reader.resources import CORPUS
from tests.paths import DATA

GOLD = DATA / "iraq-assad-lesson.gold.json"

SOURCE_LINES = [
    "النظامُ العراقيّ 🇮🇶 دعم الأسد عام 2012 عبر @umtikrit 💢 وقال: النظام العراقي باقٍ.",
    "#تمرة💢|| ياستّار ، عدد السوريين اللي طلعوا الليلة للشوارع",
    "فقرة محذوفة في الترجمة.",
    "النظام العراقي مرة أخرى هنا، والنظام العراقي لا يتعظ.",
]
TARGET_LINES = [
    "Iraq 🇮🇶 backed Assad in 2012 via @umtikrit 💢 and said: the Iraqi regime remains.",
    "#Tamra💢|| Oh God, the number of Syrians who went out tonight",
    "The Iraqi regime again, and the Iraqi regime learns nothing.",
]
BEADS = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]


def write_pair(folder: Path, source_lines: list[str] | None = None) -> tuple[Path, Path]:
    src = folder / "pair.ar.txt"
    tgt = folder / "pair.en.txt"
    src.write_text("\n".join(source_lines or SOURCE_LINES) + "\n", encoding="utf-8")
    tgt.write_text("\r\n".join(TARGET_LINES) + "\r\n", encoding="utf-8")  # CRLF on purpose
    return src, tgt


def small_pair(folder: Path) -> tuple[Text, Text, Alignment]:
    src, tgt = write_pair(folder)
    source, target = load_text(src), load_text(tgt)
    beads = [Bead(s, t, 0.9) for s, t in BEADS]
    return source, target, Alignment(beads, len(source), len(target))


def small_workspace(folder: Path, name: str = "w.prw") -> Workspace:
    source, target, alignment = small_pair(folder)
    return Workspace.create(folder / name, source, target, alignment)


def corpus_workspace(path: Path) -> Workspace:
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    alignment = Alignment.from_pairs(pairs, len(source), len(target))
    return Workspace.create(path, source, target, alignment)


def span_of(text: Text, paragraph: int, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """(start, end) of the n-th occurrence of `needle` in a paragraph, in code points."""
    para = text.paragraphs[paragraph].text
    start = -1
    for _ in range(occurrence + 1):
        start = para.index(needle, start + 1)
    return start, start + len(needle)
