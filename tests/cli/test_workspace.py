"""`reader workspace new`, `reader import`, `reader export`: files written, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from reader.cli import main
from reader.core.align.beads import Alignment
from reader.core.annotate.annotations import TagRef
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text
from reader.resources import CORPUS
from tests.paths import DATA

SRC = CORPUS / "iraq-assad-lesson.ar.txt"
TGT = CORPUS / "iraq-assad-lesson.en.txt"
GOLD = DATA / "iraq-assad-lesson.gold.json"


def gold_workspace(path: Path) -> Workspace:
    source, target = load_text(SRC), load_text(TGT)
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    return Workspace.create(path, source, target, Alignment.from_pairs(pairs, len(source),
                                                                       len(target)))


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1, err
    return err


def test_workspace_new_aligns_and_stores_the_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core.align.aligner import align_texts

    path = tmp_path / "w.prw"
    assert main(["workspace", "new", str(path), str(SRC), str(TGT)]) == 0
    source, target = load_text(SRC), load_text(TGT)
    with Workspace.open(path) as ws:
        assert ws.document("source").sha256 == source.sha256
        assert ws.document("target").sha256 == target.sha256
        assert ws.alignment().beads == align_texts(source, target).beads
    capsys.readouterr()
    assert main(["workspace", "new", str(path), str(SRC), str(TGT)]) == 2
    assert "already exists" in one_line_error(capsys)


def test_workspace_new_with_a_bad_text_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["workspace", "new", str(tmp_path / "w.prw"), str(empty), str(TGT)]) == 2
    assert "empty.txt" in one_line_error(capsys)
    assert not (tmp_path / "w.prw").exists()


def test_export_every_format_and_import_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with gold_workspace(tmp_path / "w.prw") as ws:
        para = ws.text("source").paragraphs[1].text
        start = para.index("النظام العراقي")
        a = ws.annotate("source", 1, start, start + len("النظام العراقي"),
                        tags=[TagRef("translation-shifts", "label_substitution")],
                        comment='=cmd|"/c calc"!A1', author="Ann")
    for fmt, name in [("csv", "a.csv"), ("w3c", "a.jsonld"), ("md", "a.md"),
                      ("html", "a.html"), ("tmx", "a.tmx"), ("xlsx", "a.xlsx"), ("tsv", "a.tsv")]:
        assert main(["export", str(tmp_path / "w.prw"), "--format", fmt,
                     "-o", str(tmp_path / name)]) == 0, capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "a.csv").read_text("utf-8-sig"), newline="")))
    assert rows[0]["comment"] == "'" + a.comment
    ET.parse(tmp_path / "a.tmx")
    assert "النظام العراقي" in (tmp_path / "a.html").read_text("utf-8")
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book.sheetnames == ["annotations", "divergences", "beads"]
    assert book["annotations"]["N2"].value == "'" + a.comment  # same rule as the CSV
    assert book["divergences"].max_row > 1  # found for the report, as for md and html
    gold_beads = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len((tmp_path / "a.tsv").read_text("utf-8").splitlines()) == len(gold_beads)

    with gold_workspace(tmp_path / "b.prw"):
        pass
    capsys.readouterr()
    assert main(["import", str(tmp_path / "b.prw"), str(tmp_path / "a.jsonld")]) == 0
    assert "1 added" in capsys.readouterr().out
    with Workspace.open(tmp_path / "b.prw") as ws:
        assert ws.annotations() == [a]


def test_export_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_workspace(tmp_path / "w.prw").close()
    assert main(["export", str(tmp_path / "w.prw"), "--format", "w3c", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    assert main(["export", str(tmp_path / "w.prw"), "--format", "csv", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("\ufeffid,side,document,")  # as in the file


def test_errors_are_one_line_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt = tmp_path / "bad.prw"
    corrupt.write_bytes(b"garbage" * 100)
    assert main(["export", str(corrupt), "--format", "csv", "-o", str(tmp_path / "x.csv")]) == 2
    assert "bad.prw" in one_line_error(capsys)
    assert not (tmp_path / "x.csv").exists()
    assert main(["import", str(tmp_path / "missing.prw"), str(tmp_path / "x.json")]) == 2
    assert "no such workspace" in one_line_error(capsys)
    gold_workspace(tmp_path / "w.prw").close()
    (tmp_path / "x.json").write_text("[1, 2", "utf-8")
    assert main(["import", str(tmp_path / "w.prw"), str(tmp_path / "x.json")]) == 2
    assert "not valid JSON" in one_line_error(capsys)
    (tmp_path / "y.json").write_text(json.dumps({
        "type": "Annotation", "target": {"source": "other.txt", "selector": {
            "type": "TextQuoteSelector", "exact": "x"}}}), "utf-8")
    assert main(["import", str(tmp_path / "w.prw"), str(tmp_path / "y.json")]) == 2
    err = capsys.readouterr().err
    assert "not a document of this workspace" in err and "no annotation could be imported" in err


def test_workspace_info_counts_edited_and_confirmed_beads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core.align.beads import Bead

    path = tmp_path / "w.prw"
    with gold_workspace(path) as ws:
        first, second = ws.alignment()[0], ws.alignment()[1]
        ws.replace_beads(0, 2, [Bead(first.src, first.tgt, 1.0, "confirmed"),
                                Bead(second.src, second.tgt, 1.0, "edited")])
        n = len(ws.alignment())
    assert main(["workspace", "info", str(path)]) == 0
    assert f"alignment: {n} beads, 1 edited, 1 confirmed\n" in capsys.readouterr().out


def edited_gold_workspace(
    path: Path,
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...]]], list[str]]:
    """The gold workspace after a person merged its first two beads and confirmed the
    result: the beads as (src, tgt), and the merged bead's target paragraphs."""
    from reader.core.align.beads import Bead

    with gold_workspace(path) as ws:
        first, second = ws.alignment()[0], ws.alignment()[1]
        merged = Bead(first.src + second.src, first.tgt + second.tgt, 1.0, "confirmed")
        alignment = ws.replace_beads(0, 2, [merged])
        target = ws.text("target")
        texts = [target.paragraphs[j].text for j in merged.tgt]
    return [(b.src, b.tgt) for b in alignment], texts


def test_exports_of_the_alignment_follow_an_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.prw"
    beads, merged = edited_gold_workspace(path)
    assert len(merged) > 1
    out = {fmt: tmp_path / f"a.{fmt}" for fmt in ("alignment", "tsv", "tmx")}
    for fmt, file in out.items():
        assert main(["export", str(path), "--format", fmt, "-o", str(file)]) == 0
    data = json.loads(out["alignment"].read_text("utf-8"))
    assert [(tuple(b["src"]), tuple(b["tgt"])) for b in data["beads"]] == beads
    assert data["beads"][0]["confirmed"] is True and data["beads"][0]["state"] == "confirmed"
    assert {b["state"] for b in data["beads"][1:]} == {"automatic"}
    assert data["divergences"]  # the full contract, as `reader align` prints it
    tsv = out["tsv"].read_text("utf-8").splitlines()
    assert len(tsv) == len(beads)
    assert tsv[0].split("\t")[1] == " ".join(" ".join(merged).split())
    tmx = ET.parse(out["tmx"]).getroot()
    segs = [tu.findall("tuv/seg") for tu in tmx.iter("tu")]
    assert segs[0][1].text == "\n".join(merged)
    assert len(segs) == sum(1 for s, t in beads if s and t)
    assert capsys.readouterr().err == ""


def test_tei_export_then_import_into_a_new_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.prw"
    beads, _ = edited_gold_workspace(path)
    links = tmp_path / "tei" / "lesson.alignment.xml"
    assert main(["export", str(path), "--format", "tei", "-o", str(links)]) == 0
    assert sorted(p.name for p in links.parent.iterdir()) == [
        "lesson.alignment.xml", "lesson.ar.xml", "lesson.en.xml"]
    # a new workspace on the same texts, aligned by the machine, takes the file's alignment
    gold_workspace(tmp_path / "b.prw").close()
    with Workspace.open(tmp_path / "b.prw") as ws:
        ws.replace_beads(0, 1, [ws.alignment()[0]])
    capsys.readouterr()
    assert main(["import", str(tmp_path / "b.prw"), str(links)]) == 0
    assert f"alignment of {len(beads)} beads imported, 1 confirmed" in capsys.readouterr().out
    with Workspace.open(tmp_path / "b.prw") as ws:
        assert [(b.src, b.tgt) for b in ws.alignment()] == beads
    # or straight from the texts, without aligning
    assert main(["workspace", "new", str(tmp_path / "c.prw"), str(SRC), str(TGT),
                 "--alignment", str(links)]) == 0
    with Workspace.open(tmp_path / "c.prw") as ws:
        assert [(b.src, b.tgt) for b in ws.alignment()] == beads
        assert ws.alignment()[0].state == "confirmed"


def test_bad_tei_is_a_one_line_error_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_workspace(tmp_path / "w.prw").close()
    with Workspace.open(tmp_path / "w.prw") as ws:
        before = ws.alignment().beads
    bad = tmp_path / "bad.xml"
    bad.write_text("<linkGrp toDoc='a.en.xml' fromDoc='a.ar.xml'>"
                   "<link xtargets='1:1;1:1'/><link xtargets='1:1;2:1'/></linkGrp>", "utf-8")
    assert main(["import", str(tmp_path / "w.prw"), str(bad)]) == 2
    assert "links overlap" in one_line_error(capsys)
    assert main(["workspace", "new", str(tmp_path / "n.prw"), str(SRC), str(TGT),
                 "--alignment", str(bad)]) == 2
    assert "bad.xml" in one_line_error(capsys)
    assert not (tmp_path / "n.prw").exists()
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.alignment().beads == before
