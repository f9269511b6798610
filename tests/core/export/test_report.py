"""The report value, its two builders, its labels, and each format that renders it."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from reader.core.align.beads import Alignment, Bead
from reader.core.annotate.annotations import TagRef
from reader.core.annotate.codebooks import builtin_codebooks
from reader.core.diverge.labels import KIND_LABELS, kind_label
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.export.csv_export import render_divergences_csv
from reader.core.export.divergence_table import render_table
from reader.core.export.formats import FORMATS, render
from reader.core.export.markdown import render_markdown
from reader.core.export.pair_json import pair_json, render_json
from reader.core.export.report import (
    Report,
    ReportDivergence,
    report_from_pair,
    report_from_workspace,
)
from reader.core.export.tables import ANNOTATION_COLUMNS, BEAD_COLUMNS, DIVERGENCE_SHEET_COLUMNS
from reader.core.export.tsv import render_tsv
from reader.core.export.w3c import to_w3c
from reader.core.pair import Pair
from reader.core.store.workspace import Workspace
from reader.core.text.document import text_from_string
from tests.core.workspace_helpers import small_pair, small_workspace

OMITTED = Divergence(DivergenceKind.OMISSION, Severity.SERIOUS, "source", (2,),
                     "paragraph 3 has no counterpart", bead=2)
NAME = Divergence(DivergenceKind.NAME_MISMATCH, Severity.INFO, "target", (1,),
                  "‘Tamra’ is named here only", values=("tamra",))


def workspace_report(tmp_path: Path) -> tuple[Report, Workspace]:
    ws = small_workspace(tmp_path)
    ws.annotate("source", 0, 0, 6, tags=[TagRef("translation-shifts", "softening")],
                comment="\u202eevil", author="-Haq")
    ws.replace_beads(1, 2, [Bead((1,), (1,), 1.0, "edited")])  # a hand-corrected bead
    return report_from_workspace(ws, None, [OMITTED, NAME]), ws


def pair_report(tmp_path: Path, divergences: list[Divergence] | None = None) -> Report:
    source, target, alignment = small_pair(tmp_path)
    found = [OMITTED, NAME] if divergences is None else divergences
    return report_from_pair(Pair(source, target, alignment, found))


def test_labels_are_the_windows_words() -> None:
    assert kind_label(DivergenceKind.NAME_MISMATCH) == "Name differs"
    assert kind_label(DivergenceKind.OMISSION) == "Paragraph left out"
    assert set(KIND_LABELS) == set(DivergenceKind)
    assert kind_label("some_future_kind") == "Some future kind"


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
                    is None, reason="pyside6-lupdate is not installed")
def test_lupdate_collects_the_core_labels_for_translators(tmp_path: Path) -> None:
    from reader.core.diverge import labels

    tool = str(Path(sys.executable).parent / "pyside6-lupdate")
    ts = tmp_path / "labels.ts"
    subprocess.run([tool, labels.__file__, "-ts", str(ts)], check=True, capture_output=True)
    found = ts.read_text("utf-8")
    assert f"<name>{labels.LABEL_CONTEXT}</name>" in found
    for label in KIND_LABELS.values():
        assert f"<source>{label}</source>" in found


def test_report_from_a_workspace(tmp_path: Path) -> None:
    report, ws = workspace_report(tmp_path)
    with ws:
        assert report.source.name == "pair.ar.txt" and report.target.language == "en"
        assert report.source.path == str((tmp_path / "pair.ar.txt").resolve())
        assert [p.text for p in report.source.paragraphs] == [
            p.text for p in ws.text("source").paragraphs]
        assert tuple(report.annotations) == tuple(ws.annotations())
    assert [b.state for b in report.beads] == ["automatic", "edited", "automatic", "automatic"]
    assert [r.state for r in report.divergences] == ["open", "open"]
    # a label for every kind, and for every tag of every codebook
    assert {report.labels.kind(k) for k in DivergenceKind} == set(KIND_LABELS.values())
    every_tag = {TagRef(b.id, t.id) for b in builtin_codebooks() for t in b.tags}
    assert every_tag <= set(report.labels.tags)
    assert report.labels.tag(TagRef("translation-shifts", "softening")) == "Softening"
    assert report.labels.tag(TagRef("nobook", "raw_id")) == "raw_id"
    assert report.generated.endswith("Z") and report.ident.startswith("urn:uuid:")
    assert report.bead_of("source", 2) == 2 and report.bead_of("target", 9) is None
    assert report.divergence_bead(NAME) == 1


def test_report_from_a_pair(tmp_path: Path) -> None:
    report = pair_report(tmp_path)
    assert report.annotations == ()
    assert report.source.path == str(tmp_path / "pair.ar.txt")
    assert {b.state for b in report.beads} == {"automatic"}
    assert report.labels.kind("omission") == "Paragraph left out"


def test_pair_json_keeps_ids_and_adds_labels(tmp_path: Path) -> None:
    report = pair_report(tmp_path)
    doc = pair_json(report)
    assert doc["source"] == {"path": report.source.path, "language": "ar", "paragraphs": 4}
    first = doc["divergences"][0]
    assert list(first)[:2] == ["kind", "label"]
    assert (first["kind"], first["label"]) == ("omission", "Paragraph left out")
    assert all(set(b) == {"src", "tgt", "confidence"} for b in doc["beads"])
    # states show only when they say something
    edited = replace(report, beads=(replace(report.beads[0], state="confirmed"),
                                    *report.beads[1:]),
                     divergences=(ReportDivergence(OMITTED, "accepted"),))
    doc = json.loads(render_json(edited, indent=2))
    assert doc["beads"][0]["state"] == "confirmed"
    assert doc["divergences"][0]["state"] == "accepted"


def test_diverge_table_and_csv_say_the_label(tmp_path: Path) -> None:
    report = pair_report(tmp_path)
    table = render_table(report, width=100, logical=True)
    assert table.startswith("pair.ar.txt (ar, 4 paragraphs) -> pair.en.txt (en, 3 paragraphs): "
                            "2 divergences\n")
    assert "Paragraph left out" in table and "Name differs" in table and "omission" not in table
    lines = render_divergences_csv(report).splitlines()
    assert lines[0] == "kind,label,severity,side,bead,paragraphs,values,spans,detail"
    assert lines[1].startswith("omission,Paragraph left out,serious,source,2,2,")
    assert render_table(pair_report(tmp_path, [])).endswith(": 0 divergences\n")


def test_tsv_is_one_bead_a_line_and_neutralised(tmp_path: Path) -> None:
    risky = text_from_string("-Haq said\tthis\n=1+1\n", path=tmp_path / "r.txt")
    plain = text_from_string("-3 is a number\n-3\n", path=tmp_path / "p.txt")
    alignment = Alignment([Bead((0,), (0,)), Bead((1,), (1,))], 2, 2)
    report = report_from_pair(Pair(risky, plain, alignment, []))
    lines = render_tsv(report).split("\n")
    assert lines[0].split("\t")[0] == "'-Haq said this"
    assert lines[1].split("\t") == ["'=1+1", "-3"]
    assert lines[0].split("\t")[1] == "'-3 is a number"
    assert lines[2] == "" and len(lines) == 3


def test_xlsx_has_a_sheet_per_table(tmp_path: Path) -> None:
    report, ws = workspace_report(tmp_path)
    ws.close()
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    assert book.sheetnames == ["annotations", "divergences", "beads"]
    header = [c.value for c in next(book["annotations"].iter_rows(max_row=1))]
    assert header == list(ANNOTATION_COLUMNS)
    rows = list(book["annotations"].iter_rows(min_row=2, values_only=True))
    assert rows[0][ANNOTATION_COLUMNS.index("author")] == "'-Haq"
    assert rows[0][ANNOTATION_COLUMNS.index("tag_labels")] == "Softening"
    divs = list(book["divergences"].iter_rows(values_only=True))
    assert list(divs[0]) == list(DIVERGENCE_SHEET_COLUMNS)
    assert divs[1][:2] == ("omission", "Paragraph left out") and divs[1][-1] == "open"
    beads = list(book["beads"].iter_rows(values_only=True))
    assert list(beads[0]) == list(BEAD_COLUMNS) and len(beads) == 1 + len(report.beads)
    assert beads[2][BEAD_COLUMNS.index("state")] == "edited"
    assert beads[1][BEAD_COLUMNS.index("confidence")] == pytest.approx(0.9)
    assert render(report, "xlsx") == render(report, "xlsx")  # one report, one file


def test_w3c_names_the_export_by_the_report(tmp_path: Path) -> None:
    report, ws = workspace_report(tmp_path)
    ws.close()
    fixed = replace(report, generated="2026-02-03T04:05:06.000Z", ident="urn:uuid:abc")
    doc = to_w3c(fixed)
    assert (doc["id"], doc["generated"]) == ("urn:uuid:abc", "2026-02-03T04:05:06.000Z")
    assert doc["first"]["items"][0]["body"][1]["label"] == "Softening"


def test_markdown_escapes_every_field(tmp_path: Path) -> None:
    report, ws = workspace_report(tmp_path)
    ws.close()
    note = replace(report.annotations[0], modified="*2026* <b>")
    text = render_markdown(replace(report, annotations=(note,)))
    assert "\\*2026\\* &lt;b&gt;" in text and "<b>" not in text
    assert "\u202e" not in text and "\\[U\\+202E\\]evil" in text
    assert "- **Paragraph left out** (serious), source ¶3: paragraph 3 has no counterpart" in text
    assert "\\-Haq" in text


def test_html_shows_labels_and_bidi_controls(tmp_path: Path) -> None:
    report, ws = workspace_report(tmp_path)
    ws.close()
    page = render(report, "html").decode("utf-8")
    assert '<div class="div">Name differs: ‘Tamra’ is named here only</div>' in page
    assert "\u202e" not in page and "[U+202E]evil" in page


def test_every_format_renders_bytes(tmp_path: Path) -> None:
    report, ws = workspace_report(tmp_path)
    ws.close()
    for fmt in FORMATS:
        data = render(report, fmt)
        assert data and isinstance(data, bytes)
    assert render(report, "csv").startswith("\ufeff".encode())
