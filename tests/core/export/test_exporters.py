"""Exporters: CSV read back field by field, formula cells neutralised, HTML/Markdown inert, TMX."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.annotate.annotations import TagRef
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.errors import InputError
from reader.core.export.escaping import is_armed, neutralise
from reader.core.export.formats import FORMATS, export, render
from reader.core.export.report import report_from_workspace
from reader.core.export.tables import ANNOTATION_COLUMNS as COLUMNS
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import corpus_workspace, small_workspace, span_of

TRICKY = 'Commas, "quotes";\nnew lines,\r\nالعربية 🇮🇶 and a tab\tinside'
SCRIPT = "<script>alert(1)</script>"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = small_workspace(tmp_path)
    src = ws.text("source")
    ws.annotate(
        "source", 0, *span_of(src, 0, "النظام العراقي"),
        tags=[TagRef("translation-shifts", "label_substitution")], comment=TRICKY,
        author='Ann "A", Jr.', severity="warning", link=(0, 0, 4),
    )
    ws.annotate("source", 1, 0, 6, comment='=HYPERLINK("http://evil","click")', author="@bob")
    ws.annotate("target", 2, 0, 3, comment=SCRIPT, author="+1", tags=[
        TagRef("semeval2020-propaganda", "Loaded_Language")])
    ws.annotate("target", 1, 0, 6, comment="-2+3", author="\tTab")
    yield ws
    ws.close()


def text_of(ws: Workspace, fmt: str, divergences: list[Divergence] | None = None) -> str:
    return render(report_from_workspace(ws, None, divergences or []), fmt).decode("utf-8-sig")


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for spreadsheets
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_gives_back_every_field(ws: Workspace, tmp_path: Path) -> None:
    path = export(report_from_workspace(ws), "csv", tmp_path / "out.csv")
    rows = read_csv(path)
    assert list(rows[0]) == list(COLUMNS)
    by_id = {r["id"]: r for r in rows}
    assert len(rows) == 4
    for a in ws.annotations():
        row = by_id[a.id]
        assert row["side"] == a.side
        assert row["document"] == ws.document(a.side).name
        # paragraphs count from 1 (as people read them), offsets from 0
        assert [int(row[k]) for k in ("paragraph", "start", "end", "abs_start", "abs_end")] == [
            a.paragraph + 1, a.start, a.end, a.abs_start, a.abs_end]
        assert row["quote"] == a.quote and row["prefix"] == a.prefix
        assert row["suffix"] == a.suffix
        assert row["tags"] == "; ".join(str(t) for t in a.tags)
        assert (row["created"], row["modified"]) == (a.created, a.modified)
        assert row["status"] == "anchored"
        assert row["comment"] == neutralise(a.comment)
        assert row["author"] == neutralise(a.author)
    first = next(r for r in rows if r["comment"] == TRICKY)
    assert first["author"] == 'Ann "A", Jr.'
    assert first["tag_labels"] == "Label substitution"
    assert (first["link_side"], first["link_quote"], first["link_start"]) == ("target", "Iraq", "0")


def test_csv_neutralises_formulas(ws: Workspace) -> None:
    text = text_of(ws, "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    comments = {r["comment"] for r in rows}
    assert "'=HYPERLINK(\"http://evil\",\"click\")" in comments
    assert "'-2+3" in comments
    # `+1` is a signed number, not a formula; a tab before text starts none
    assert {r["author"] for r in rows} >= {"'@bob", "+1", "\tTab"}
    for row in rows:
        for value in row.values():
            assert not is_armed(value), value


def test_html_report_escapes_all_user_text(ws: Workspace, tmp_path: Path) -> None:
    divergence = Divergence(DivergenceKind.OMISSION, Severity.SERIOUS, "source", (2,),
                            "paragraph <b>dropped</b>")
    report = report_from_workspace(ws, None, [divergence])
    page = export(report, "html", tmp_path / "r.html").read_text("utf-8")
    assert SCRIPT not in page and "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>dropped</b>" not in page and "&lt;b&gt;dropped&lt;/b&gt;" in page
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    assert "<mark" in page and "no counterpart in the target" in page
    assert "Commas, &quot;quotes&quot;" in page or 'Commas, "quotes"' in page


def test_html_escapes_markup_inside_the_texts_too(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path)
    ws.close()
    from reader.core.align.beads import Alignment, Bead
    from reader.core.text.document import text_from_string

    src = text_from_string("نص <img src=x onerror=alert(1)> هنا\n", path=tmp_path / "a.txt")
    tgt = text_from_string("text <script>alert(2)</script> here\n", path=tmp_path / "b.txt")
    with Workspace.create(tmp_path / "x.prw", src, tgt,
                          Alignment([Bead((0,), (0,))], 1, 1)) as x:
        x.annotate("target", 0, 5, 13, comment="x")
        page = text_of(x, "html")
    assert "<img" not in page and "<script" not in page


def test_markdown_report(ws: Workspace) -> None:
    text = text_of(ws, "md")
    assert SCRIPT not in text and "&lt;script&gt;" in text
    assert "## Tags" in text and "Label substitution" in text
    assert "> النظام العراقي" in text
    assert text.count("### ") == 4


def test_tmx_is_valid_xml_with_one_tu_per_non_null_bead(ws: Workspace, tmp_path: Path) -> None:
    ws.annotate("source", 3, 0, 6, comment="control \x01 char & <tag>")
    path = export(report_from_workspace(ws), "tmx", tmp_path / "out.tmx")
    root = ET.parse(path).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "ar"
    tus = root.findall("./body/tu")
    assert len(tus) == sum(1 for b in ws.alignment() if not b.is_null) == 3
    for tu in tus:
        langs = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        assert langs == ["ar", "en"]
    notes = [n.text for tu in tus for n in tu.findall("note")]
    assert any(SCRIPT in n for n in notes)  # escaped in the file, intact when parsed
    assert any("control \ufffd char & <tag>" in n for n in notes)
    seg = tus[0].find("tuv/seg").text
    assert seg == ws.text("source").paragraphs[0].text


def test_every_format_exports_the_corpus_pair(tmp_path: Path) -> None:
    with corpus_workspace(tmp_path / "c.prw") as ws:
        src = ws.text("source")
        ws.annotate("source", 1, *span_of(src, 1, "النظام العراقي"),
                    tags=[TagRef("translation-shifts", "label_substitution")])
        report = report_from_workspace(ws)
        for fmt in FORMATS:
            out = export(report, fmt, tmp_path / f"out.{fmt}")
            assert out.stat().st_size > 0
        with pytest.raises(InputError, match="unknown export format"):
            render(report, "docx")
