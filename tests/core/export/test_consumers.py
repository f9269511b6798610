"""Each export read by a real consumer (lxml with the TMX DTD and the XLIFF schema,
translate-toolkit, html5lib, openpyxl, PyLD), and the regressions of issue 14, one by one."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import html5lib
import openpyxl
import pytest
from lxml import etree
from pyld import jsonld
from translate.storage import tmx as tt_tmx
from translate.storage import xliff2 as tt_xliff2

from reader.core.annotate.annotations import TagRef
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.export.divergence_table import render_table
from reader.core.export.formats import render
from reader.core.export.report import Report, report_from_workspace
from reader.core.export.w3c_jsonld import offline_loader
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import small_workspace
from tests.paths import DATA

SCHEMAS = DATA / "schemas"
XLIFF_NS = "{urn:oasis:names:tc:xliff:document:2.0}"
ARABIC_DATE = "“8 كانون الأول عام 2024”"


@pytest.fixture(scope="module")
def xliff_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd")))


@pytest.fixture(scope="module")
def tmx_dtd() -> etree.DTD:
    return etree.DTD(str(SCHEMAS / "tmx14.dtd"))


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = small_workspace(tmp_path)
    ws.annotate("source", 0, 0, 6, comment="A loaded opener.\n1. numbered\n\n# not a heading",
                author="Ann", tags=[TagRef("translation-shifts", "softening")])
    # a note on paragraph 3, which the English leaves out (a 1:0 bead)
    ws.annotate("source", 2, 0, 4, comment="dropped \x1b[2J in translation", author="Bob")
    ws.annotate("target", 2, 0, 3, comment=f"\u202egnp.txt <script>x</script> {ARABIC_DATE}",
                author="=cmd|' /C calc'!A0")
    yield ws
    ws.close()


def report_of(ws: Workspace) -> Report:
    divergence = Divergence(DivergenceKind.OMISSION, Severity.SERIOUS, "source", (2,),
                            "paragraph \x1b]0;pwned\x07 left out")
    return report_from_workspace(ws, None, [divergence], generated="2026-01-05T12:00:00.000Z")


def test_tmx_validates_against_the_dtd_and_translate_toolkit_reads_it(
    ws: Workspace, tmx_dtd: etree.DTD
) -> None:
    data = render(report_of(ws), "tmx")
    root = etree.fromstring(data)
    assert tmx_dtd.validate(root), tmx_dtd.error_log
    tus = root.findall("./body/tu")
    # three beads with both sides, and the untranslated paragraph with its note
    assert len(tus) == 4
    lone = [tu for tu in tus if len(tu.findall("tuv")) == 1]
    assert len(lone) == 1 and "dropped" in lone[0].findtext("note")
    for tu in tus:
        assert re.fullmatch(r"\d{8}T\d{6}Z", tu.get("creationdate"))
        assert re.fullmatch(r"\d{8}T\d{6}Z", tu.get("changedate"))
    assert lone[0].get("creationid") == "Bob"
    for seg in root.iter("seg"):
        assert "\n" not in "".join(seg.itertext())
    store = tt_tmx.tmxfile.parsestring(data)
    assert len(store.units) == 4
    assert store.units[0].source == ws.text("source").paragraphs[0].text
    assert store.units[0].target == ws.text("target").paragraphs[0].text


def test_tmx_multi_paragraph_bead_uses_placeholders(tmp_path: Path, tmx_dtd: etree.DTD) -> None:
    from reader.core.align.beads import Alignment, Bead
    from reader.core.text.document import text_from_string

    src = text_from_string("فقرة أولى\nفقرة ثانية\n", path=tmp_path / "a.txt")
    tgt = text_from_string("One paragraph.\n", path=tmp_path / "b.txt")
    with Workspace.create(tmp_path / "m.prw", src, tgt,
                          Alignment([Bead((0, 1), (0,))], 2, 1)) as m:
        data = render(report_from_workspace(m), "tmx")
    seg = '<seg>فقرة أولى <ph x="1" type="x-paragraph-break"/>فقرة ثانية</seg>'
    assert seg.encode("utf-8") in data
    assert tmx_dtd.validate(etree.fromstring(data))


def test_xliff_validates_against_the_schema_and_translate_toolkit_reads_it(
    ws: Workspace, xliff_schema: etree.XMLSchema
) -> None:
    report = report_of(ws)
    data = render(report, "xliff")
    root = etree.fromstring(data)
    assert xliff_schema.validate(root), xliff_schema.error_log
    assert (root.get("srcLang"), root.get("trgLang")) == ("ar", "en")
    units = root.findall(f".//{XLIFF_NS}unit")
    assert len(units) == len(report.beads)
    store = tt_xliff2.Xliff2File.parsestring(data)
    assert store.units[0].source == ws.text("source").paragraphs[0].text
    assert store.units[0].target == ws.text("target").paragraphs[0].text
    assert store.units[2].target in ("", None)  # the untranslated paragraph
    # notes sit on units, as XLIFF 2.0 wants them (read through the unit element)
    notes = [n.text for u in store.units for n in u.getunitelement().iter(f"{XLIFF_NS}note")]
    assert any("dropped" in n for n in notes) and len(notes) == 3


def test_html_parses_strictly_and_isolates_every_user_string(ws: Workspace) -> None:
    page = render(report_of(ws), "html").decode("utf-8")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(page)
    assert not tree.findall(".//script")
    assert "\u202e" not in page and "[U+202E]gnp.txt" in page
    # the Arabic date quoted in an English comment keeps its order: it sits in an isolate
    assert "<bdi>Ann</bdi>" in page and 'class="comment" dir="auto"' in page
    assert "“<bdi>" in page  # each quote too (“8 كانون الأول عام 2024” stays in order)
    assert '<bdi>=cmd|&#x27;' in page or "<bdi>=cmd|' /C calc'!A0</bdi>" in page
    title = tree.find(".//title").text
    assert title.startswith("\u2068") and "\u2069 ↔ \u2068" in title


def test_xlsx_has_no_formula_cell(ws: Workspace) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(report_of(ws), "xlsx")))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert "=cmd|' /C calc'!A0" in [c.value for c in cells]  # as written, no apostrophe


def test_w3c_expands_with_pyld_offline_and_every_id_is_an_iri(ws: Workspace) -> None:
    first = ws.annotations()[0]
    ws.update_annotation(first)  # unchanged; the next line gives it a foreign id
    report = report_of(ws)
    report = replace(report, annotations=(replace(report.annotations[0], id="note-3"),
                                          *report.annotations[1:]))
    doc = json.loads(render(report, "w3c"))
    items = doc["first"]["items"]
    assert all(re.match(r"[a-z][a-z0-9+.-]*:", item["id"]) for item in items)
    assert items[0]["importedId"] == "note-3"
    expanded = jsonld.expand(doc, {"documentLoader": offline_loader})
    ids = [n["@id"] for n in expanded[0]["http://www.w3.org/ns/activitystreams#first"][0][
        "http://www.w3.org/ns/activitystreams#items"][0]["@list"]]
    assert ids[0].startswith("urn:uuid:")


def test_w3c_utf16_positions_are_said_and_count_emoji_twice(ws: Workspace) -> None:
    report = report_of(ws)
    plain = json.loads(render(report, "w3c"))
    utf16 = json.loads(render(report, "w3c", offsets="utf16"))
    assert (plain["positionUnit"], utf16["positionUnit"]) == ("codepoint", "utf16")
    assert "UTF-16 code units" in utf16["offsets"]

    def position(doc: dict, k: int) -> tuple[int, int]:
        sel = doc["first"]["items"][k]["target"]["selector"][1]
        return sel["start"], sel["end"]

    content = ws.text("source").content
    a = report.annotations[1]  # source paragraph 3, after the emoji of paragraphs 1 and 2
    astral = sum(1 for ch in content[: a.abs_start] if ord(ch) > 0xFFFF)
    assert astral > 0
    assert position(utf16, 1) == (a.abs_start + astral, a.abs_end + astral)
    assert position(plain, 1) == (a.abs_start, a.abs_end)
    assert content.encode("utf-16-le")[: 2 * position(utf16, 1)[0]].decode("utf-16-le") == (
        content[: a.abs_start])


def test_markdown_escapes_list_and_heading_starts_and_keeps_blank_lines(
    ws: Workspace,
) -> None:
    report = report_of(ws)
    note = replace(report.annotations[0], modified="<script>alert(1)</script>")
    text = render(replace(report, annotations=(note, *report.annotations[1:])), "md").decode()
    assert "<script>" not in text and "&lt;script&gt;" in text
    comment = text[text.index("- Comment: A loaded opener."):].split("\n- ", 1)[0]
    assert comment == "- Comment: A loaded opener.  \n  1\\. numbered\n\n  \\# not a heading"
    assert "\u202e" not in text


def test_diverge_table_passes_no_terminal_escape(ws: Workspace) -> None:
    table = render_table(report_of(ws), width=100, logical=True)
    assert "\x1b" not in table and "\x07" not in table
    assert "\\x1b]0;pwned\\x07" in table
