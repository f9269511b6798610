"""Property: random text (controls, bidi, formula starts, Arabic, emoji) through every exporter
gives a file that parses in its own format and carries no live formula, script or escape."""

from __future__ import annotations

import csv
import io
import json
import re

import html5lib
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pyld import jsonld

from reader.core.annotate.annotations import Annotation, TagRef
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.export.csv_export import render_divergences_csv
from reader.core.export.divergence_table import render_table
from reader.core.export.formats import FORMATS, render
from reader.core.export.report import Document, Report, ReportBead, ReportDivergence, make_labels
from reader.core.export.w3c_jsonld import offline_loader
from reader.core.text.document import Paragraph
from tests.core.export.test_escaping import runs_as_formula
from tests.paths import DATA

ALPHABET = st.sampled_from(
    list("=+-@＝＋－＠'\"<>&#*|!()[] \t\r\n\u00a0\u200b\ufeff,.0123456789aZ")
    + list("\x00\x07\x1b\x7f\x9b")  # controls, ESC, DEL, CSI
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")  # bidi
    + list("كانونالأولعامحسن٣٤") + ["\U0001f1ee", "\U0001f1f6", "💢", "😀", "𝔸"]
)
TEXT = st.text(ALPHABET, max_size=16)
PARAGRAPH = st.text(ALPHABET, min_size=1, max_size=24).map(
    lambda t: " ".join(t.splitlines()) or "x"
).filter(lambda t: t.strip() != "")
# what a terminal or a parser must never receive raw
_TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REPORT_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _document(side: str, name: str, texts: list[str]) -> Document:
    paragraphs, start = [], 0
    for i, text in enumerate(texts):
        paragraphs.append(Paragraph(i, start, start + len(text), text))
        start += len(text) + 1
    return Document(side, name or "x", None, "ar" if side == "source" else "en", "0" * 64,
                    tuple(paragraphs))


def _report(
    names: list[str], src: list[str], tgt: list[str], fields: list[str]
) -> Report:
    source, target = _document("source", names[0], src), _document("target", names[1], tgt)
    comment, author, severity, modified, detail, value = fields
    notes = []
    for n, (doc, i) in enumerate([(source, 0), (target, 0), (source, len(src) - 1)]):
        p = doc.paragraphs[i]
        notes.append(Annotation(
            f"00000000-0000-4000-8000-{n:012d}", doc.side, i, 0, len(p.text), p.start, p.end,
            p.text, tags=(TagRef("book", "tag"),), comment=comment, severity=severity or None,
            author=author, created="2026-01-01T00:00:00.000Z", modified=modified,
        ))
    beads = [ReportBead((0,), (0,), 0.5)]
    if len(src) > 1:
        beads.append(ReportBead(tuple(range(1, len(src))), tuple(range(1, len(tgt))), 0.4))
    divergence = Divergence(DivergenceKind.NUMBER_MISMATCH, Severity.INFO, "source", (0,),
                            detail, bead=0, values=(value,))
    labels = make_labels([], [divergence])
    labels = type(labels)(labels.kinds, {TagRef("book", "tag"): value})
    return Report(source, target, tuple(beads), (ReportDivergence(divergence),), tuple(notes),
                  labels, "2026-01-01T00:00:00.000Z", "urn:uuid:00000000-0000-4000-8000-0000ff")


@pytest.fixture(scope="module")
def checkers() -> dict[str, object]:
    schemas = DATA / "schemas"
    return {
        "dtd": etree.DTD(str(schemas / "tmx14.dtd")),
        "xsd": etree.XMLSchema(etree.parse(str(schemas / "xliff_core_2.0.xsd"))),
        "html": html5lib.HTMLParser(strict=True, namespaceHTMLElements=False),
    }


def _csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.lists(TEXT, min_size=2, max_size=2),
    st.lists(PARAGRAPH, min_size=1, max_size=3),
    st.lists(PARAGRAPH, min_size=2, max_size=3),
    st.lists(TEXT, min_size=6, max_size=6),
)
def test_every_exporter_gives_an_inert_file_in_its_format(
    checkers: dict, names: list[str], src: list[str], tgt: list[str], fields: list[str]
) -> None:
    report = _report(names, src, tgt, fields)
    files = {fmt: render(report, fmt) for fmt in FORMATS}
    # CSV and TSV: parse, and no cell a spreadsheet would evaluate
    rows = _csv_cells(files["csv"].decode("utf-8-sig"))
    assert len(rows) == 1 + len(report.annotations)
    divergences = _csv_cells(render_divergences_csv(report))
    assert len(divergences) == 2
    tsv = [line.split("\t") for line in files["tsv"].decode().split("\n")[:-1]]
    assert len(tsv) == len(report.beads) and all(len(r) == 2 for r in tsv)
    for cell in (c for row in (*rows, *divergences, *tsv) for c in row):
        assert not runs_as_formula(cell), cell
    # XLSX: read back, no formula cell, every comment as written (XML-safe)
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    assert all(c.data_type != "f" for s in book.worksheets for r in s.iter_rows() for c in r)
    # W3C: JSON, expanded by PyLD offline
    doc = json.loads(files["w3c"])
    assert jsonld.expand(doc, {"documentLoader": offline_loader})
    assert all(item["id"].startswith("urn:uuid:") for item in doc["first"]["items"])
    # TMX against the DTD, XLIFF against its schema, no raw line end in a segment
    tmx = etree.fromstring(files["tmx"])
    assert checkers["dtd"].validate(tmx), checkers["dtd"].error_log
    assert all("\n" not in "".join(seg.itertext()) for seg in tmx.iter("seg"))
    xliff = etree.fromstring(files["xliff"])
    assert checkers["xsd"].validate(xliff), checkers["xsd"].error_log
    # HTML: strict parse, no script, no control character
    page = files["html"].decode()
    tree = checkers["html"].parse(page)
    assert not tree.findall(".//script") and not _REPORT_UNSAFE.search(page)
    # Markdown: no raw HTML tag from the data, no control character, no bidi override
    markdown = files["md"].decode()
    assert "<" not in markdown.replace("<br>", "") and not _REPORT_UNSAFE.search(markdown)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", markdown)
    # the terminal table: no control character, escape or bidi control at all
    for logical in (True, False):
        table = render_table(report, width=80, logical=logical)
        assert not _TERMINAL_UNSAFE.search(table), repr(table)
