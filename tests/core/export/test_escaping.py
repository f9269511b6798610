"""The one escaping rule: spreadsheet cells of every tabular format, HTML, Markdown, XML."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.annotate.annotations import Annotation, TagRef
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.export.csv_export import render_csv, render_divergences_csv
from reader.core.export.escaping import (
    bidi_visible,
    html_attr,
    html_text,
    is_armed,
    md_escape,
    neutralise,
    tsv_cell,
    xml_text,
)
from reader.core.export.report import (
    Document,
    Report,
    ReportBead,
    ReportDivergence,
    make_labels,
)
from reader.core.export.tsv import render_tsv
from reader.core.export.xlsx import render_xlsx
from reader.core.text.document import Paragraph

# What a spreadsheet may skip before it looks for a formula, written out independently of
# the module: white space, NBSP, ZWSP, word joiner, BOM, bidi marks, C0 controls.
_SKIPPED = "[\\s\u00a0\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x1f\x7f]*"
# live: `=` or `@` first, or a sign first and something a formula computes with after it
_ALWAYS = re.compile(_SKIPPED + "[=@＝＠]")
_COMPUTES = "[()\\[\\]!|=@+\\-*/^&<>\";（）［］！｜＝＠＋－＊／＾＆＜＞＂；]"
_SIGNED = re.compile(_SKIPPED + "[+\\-＋－].*" + _COMPUTES, re.DOTALL)


def runs_as_formula(cell: str) -> bool:
    return bool(_ALWAYS.match(cell) or _SIGNED.match(cell))


def restore(cell: str) -> str:
    """The original text of a neutralised cell, as the module's rule says a reader gets it."""
    return cell[1:] if cell.startswith("'") and is_armed(cell.lstrip("'")) else cell


# text rich in what matters here: triggers, blanks and invisible characters, apostrophes,
# digits, separators, quotes, line ends, Arabic
TRICKY = st.text(
    st.sampled_from(list("=+-@＝＋－＠'\" \t\r\n\u00a0\u200b\ufeff\u202e,;|.0123456789aZح")),
    max_size=12,
)
CELL_TEXT = st.one_of(TRICKY, st.text(max_size=12))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+3", "+3"),  # a signed number: nothing to run
        ("-Haq", "-Haq"),  # a signed word runs nothing: the reader's text stays as it is
        ("-Haq +1", "'-Haq +1"),  # an expression
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),  # DDE
        ("-2+3", "'-2+3"),
        ("@handle", "'@handle"),  # @ starts a function in Lotus and Excel alike
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =1", "'  =1"),
        ("\u00a0\u200b\ufeff\t\r\n=1", "'\u00a0\u200b\ufeff\t\r\n=1"),
        ("＝1", "'＝1"),
        ("－Haq", "－Haq"),
        ("－1＋1", "'－1＋1"),  # full-width forms fold to ASCII in East Asian input
        ("\u200b-SUM(A1)", "'\u200b-SUM(A1)"),
        ("\n+HYPERLINK(x)", "'\n+HYPERLINK(x)"),
        ("-3", "-3"),
        ("-0.5", "-0.5"),
        ("-1,234.5", "-1,234.5"),
        ("12", "12"),
        ("\tTab", "\tTab"),  # a tab before plain text starts no formula
        ("a=1", "a=1"),
        ("", ""),
        ("'abc", "'abc"),
        ("'=1", "''=1"),  # one more apostrophe, so that the change can be undone
        ("''-x+1", "'''-x+1"),
        ("''-x", "''-x"),
    ],
)
def test_the_rule(value: str, expected: str) -> None:
    assert neutralise(value) == expected
    assert restore(expected) == value


@given(CELL_TEXT)
def test_neutralised_cells_never_run_and_the_change_is_visible_and_reversible(
    value: str,
) -> None:
    cell = neutralise(value)
    assert not runs_as_formula(cell)
    assert cell in (value, "'" + value)  # one apostrophe in front, or nothing
    assert restore(cell) == value
    if runs_as_formula(value):
        assert cell == "'" + value


@given(CELL_TEXT)
def test_tsv_cells_are_one_line_and_neutralised(value: str) -> None:
    cell = tsv_cell(value)
    assert "\t" not in cell and "\n" not in cell and "\r" not in cell
    assert not runs_as_formula(cell)
    assert restore(cell) == " ".join(value.split())


def _report(comment: str, author: str, quote: str, detail: str, value: str) -> Report:
    src_text, tgt_text = quote or "x", "y" + detail
    source = Document("source", "a.txt", None, "ar", "", (Paragraph(0, 0, len(src_text),
                                                                    src_text),))
    target = Document("target", "b.txt", None, "en", "", (Paragraph(0, 0, len(tgt_text),
                                                                    tgt_text),))
    note = Annotation(
        "id-1", "source", 0, 0, len(src_text), 0, len(src_text), src_text,
        tags=(TagRef("book", "tag"),), comment=comment, author=author, severity=value or None,
    )
    divergence = Divergence(DivergenceKind.NUMBER_MISMATCH, Severity.INFO, "source", (0,),
                            detail, values=(value,))
    return Report(
        source, target, (ReportBead((0,), (0,), 0.5),), (ReportDivergence(divergence),),
        (note,), make_labels([], [divergence]), "2026-01-01T00:00:00.000Z", "urn:x",
    )


def _csv_cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CELL_TEXT, CELL_TEXT, CELL_TEXT.filter(str.strip), CELL_TEXT, CELL_TEXT)
def test_no_tabular_cell_of_any_format_runs_as_a_formula(
    comment: str, author: str, quote: str, detail: str, value: str
) -> None:
    report = _report(comment, author, quote, detail, value)
    annotations = _csv_cells(render_csv(report))
    divergences = _csv_cells(render_divergences_csv(report))
    tsv = render_tsv(report).rstrip("\n").split("\t")
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    # XLSX: every text is a string cell, which no spreadsheet evaluates
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", c.value
    for cell in (*annotations, *divergences, *tsv):
        assert not runs_as_formula(cell), cell
    # and each field comes back once the apostrophe is dropped
    assert restore(annotations[24 + 13]) == comment
    assert restore(annotations[24 + 15]) == author
    assert restore(divergences[9 + 6]) == value
    assert restore(divergences[9 + 8]) == detail
    assert restore(tsv[0]) == " ".join(quote.split())
    in_sheet = xml_text(comment).replace("\r\n", "\n").replace("\r", "\n")
    assert book["annotations"]["N2"].value in (in_sheet, None)  # line ends LF, as in XML


def test_xlsx_cells_are_text_even_when_they_look_like_formulas() -> None:
    report = _report("=1+1", "-3", "q", "d", "@x")
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    sheet = book["annotations"]
    # every text cell is a string cell: no formula, and no guard apostrophe either
    assert sheet["N2"].value == "=1+1" and sheet["N2"].data_type == "s"
    assert sheet["P2"].value == "-3" and sheet["P2"].data_type == "s"  # a number, kept as text
    assert sheet["D2"].value == 1 and sheet["D2"].data_type == "n"  # paragraph 1


@pytest.mark.parametrize("escape", [html_text, html_attr, md_escape])
def test_bidi_controls_are_shown_in_reports(escape) -> None:
    name = "invoice\u202egnp.exe \u2066x\u2069"
    out = escape(name)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", out)
    assert "202E" in out and "2066" in out and "2069" in out
    # marks that only nudge neutral characters stay: Arabic text uses them
    assert escape("\u200fنص") == escape("\u200f") + escape("نص")


def test_html_and_markdown_escaping() -> None:
    assert html_text('<b>"x" & \'y\'</b>') == "&lt;b&gt;\"x\" &amp; 'y'&lt;/b&gt;"
    assert html_attr('"x" \'y\'') == "&quot;x&quot; &#x27;y&#x27;"
    assert md_escape("2026-01-01T11:00") == "2026\\-01\\-01T11:00"
    assert md_escape("a *b* [c](d)\n# e") == "a \\*b\\* \\[c\\]\\(d\\)  \n\\# e"
    assert md_escape("<script>") == "&lt;script&gt;"
    assert bidi_visible("\u202b\u202c") == "[U+202B][U+202C]"


def test_xml_text_replaces_what_xml_cannot_hold() -> None:
    assert xml_text("a\x00b\x0bc\ufffe\td\n") == "a\ufffdb\ufffdc\ufffd\td\n"
