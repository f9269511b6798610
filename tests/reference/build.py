"""The reference outputs: every export format on the built-in pair with fixed annotations."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from reader.core.align.beads import Alignment
from reader.core.annotate.annotations import TagRef, new_annotation, span_in
from reader.core.diverge.finder import find_divergences
from reader.core.export.csv_export import render_divergences_csv
from reader.core.export.divergence_table import render_table
from reader.core.export.formats import FORMATS, render
from reader.core.export.pair_json import render_json
from reader.core.export.report import Document, Report, report_from_pair, report_from_workspace
from reader.core.export.tmx import render_tmx
from reader.core.export.tsv import render_tsv
from reader.core.pair import open_pair
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text
from reader.resources import CORPUS, PROJECT_ROOT
from tests.paths import DATA

HERE = Path(__file__).resolve().parent
SOURCE = CORPUS / "iraq-assad-lesson.ar.txt"
TARGET = CORPUS / "iraq-assad-lesson.en.txt"
GOLD = DATA / "iraq-assad-lesson.gold.json"
# the reference file of each `reader export` format
SUFFIXES = {
    "csv": ".csv", "xlsx": ".xlsx", "w3c": ".jsonld", "md": ".md", "html": ".html",
    "tmx": ".tmx", "tsv": ".tsv", "alignment": ".alignment.json", "tei": ".tei.xml",
}
# what names this export: fixed, so that the files do not change from run to run
GENERATED = "2026-01-05T12:00:00.000Z"
IDENT = "urn:uuid:00000000-0000-4000-8000-0000000000ff"
# (side, paragraph, tags, comment, severity, linked paragraph on the other side)
NOTES: list[tuple[str, int, list[tuple[str, str]], str, str | None, int | None]] = [
    ("source", 0, [("semeval2020-propaganda", "Repetition")],
     "A loaded opener.\nSecond line, 1. numbered\n\n= blank above", "high", None),
    ("target", 1, [("translation-shifts", "omission")], "=cmd|' /C calc'!A0", "medium", None),
    ("source", 2, [("mfc-frames", "Security_and_defense")],
     "@handle and “8 كانون الأول عام 2024”", None, 2),
    ("target", 3, [], "\u202egnp.txt <script>alert(1)</script>", "low", None),
    # a formula behind a no-break space, and a number that stays a number
    ("target", 5, [("semeval2020-propaganda", "Loaded_Language")], "\u00a0-Haq +1", None, None),
    ("source", 6, [], "-3", None, None),
]


def _relative(report: Report) -> Report:
    """The report with its documents' paths relative to the project, as `corpus/…`: the
    files must not depend on where the project is checked out."""

    def rel(doc: Document) -> Document:
        if doc.path is None:
            return doc
        path = Path(doc.path).resolve()
        return replace(doc, path=path.relative_to(PROJECT_ROOT.resolve()).as_posix())

    return replace(report, source=rel(report.source), target=rel(report.target))


def workspace_report(folder: Path) -> Report:
    """The built-in pair, its gold alignment, the NOTES (fixed ids and times), and the
    divergences found in it, as `reader export` sees them."""
    source, target = load_text(SOURCE), load_text(TARGET)
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    alignment = Alignment.from_pairs(pairs, len(source), len(target))
    with Workspace.create(folder / "reference.prw", source, target, alignment) as ws:
        for n, (side, p, tags, comment, severity, linked) in enumerate(NOTES, 1):
            text, other = (source, target) if side == "source" else (target, source)
            link = None
            if linked is not None:
                other_side = "target" if side == "source" else "source"
                end = min(12, len(other.paragraphs[linked].text))
                link = span_in(other, other_side, linked, 0, end)
            record = new_annotation(
                text, side, p, 0, min(len(text.paragraphs[p].text), 24),
                tags=[TagRef(*t) for t in tags], comment=comment, severity=severity,
                author="Ref Annotator", link=link, snap=True,
            )
            ws.add_annotation(replace(
                record, id=f"00000000-0000-4000-8000-00000000000{n}",
                created=f"2026-01-0{n}T10:00:00.000Z", modified=f"2026-01-0{n}T11:00:00.000Z",
            ))
        divergences = list(find_divergences(ws.text("source"), ws.text("target"),
                                            ws.alignment()))
        report = report_from_workspace(ws, None, divergences, generated=GENERATED, ident=IDENT)
    return _relative(report)


def pair_report() -> Report:
    """The built-in pair as `reader align` and `reader diverge` see it (the aligner's beads)."""
    return _relative(report_from_pair(open_pair(SOURCE, TARGET), generated=GENERATED,
                                      ident=IDENT))


def build() -> dict[str, bytes]:
    """Every reference file, by name."""
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        report = workspace_report(Path(tmp))
    for fmt in FORMATS:
        files[f"export{SUFFIXES[fmt]}"] = render(report, fmt)
    pair = pair_report()
    texts = {
        "align.json": render_json(pair, indent=1),
        "align.tsv": render_tsv(pair),
        "align.tmx": render_tmx(pair),
        "diverge.json": render_json(pair, indent=2),
        "diverge.csv": render_divergences_csv(pair),
        "diverge.table": render_table(pair, width=100),
    }
    files.update({name: text.encode("utf-8") for name, text in texts.items()})
    return files
