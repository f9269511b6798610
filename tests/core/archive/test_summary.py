"""The summary table: CSV read back exactly, the HTML overview parsed strictly and escaped."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.archive.inputs import PairJob
from reader.core.archive.job import PairOutcome
from reader.core.archive.summary import (
    CSV_NAME,
    HTML_NAME,
    in_job_order,
    pair_paths,
    read_summary,
    render_csv,
    write_summary,
)
from reader.core.archive.summary_html import render_summary_html
from reader.core.errors import InputError

DONE = PairOutcome(
    "مقال-١", "done", None, (46, 39), 41, {"embedded_post": 4, "name_mismatch": 11}, True,
    0.989, 1.25, ("a" * 64, "b" * 64), "أرشيف/مقال.ar.txt", "أرشيف/مقال.en.txt",
)
FAILED = PairOutcome("=HYPERLINK(1)", "failed", "x.txt: is empty", seconds=0.01,
                     source="=x.txt", target="<script>alert(1)</script>.txt")
SKIPPED = PairOutcome("b", "skipped", None, (3, 4), 4, {}, False, 0.1, 0.5, ("c" * 64, "d" * 64),
                      "b.ar.txt", "b.en.txt")


def test_the_csv_reads_back_as_written(tmp_path: Path) -> None:
    outcomes = [DONE, FAILED, SKIPPED]
    csv_path, html_path = write_summary(tmp_path, outcomes)
    assert (csv_path.name, html_path.name) == (CSV_NAME, HTML_NAME)
    assert read_summary(csv_path) == outcomes
    assert read_summary(tmp_path) == outcomes  # the OUTDIR will do


def test_the_csv_is_safe_in_a_spreadsheet(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv([FAILED, DONE]), newline="")))
    assert rows[0]["id"] == "'=HYPERLINK(1)" and rows[0]["source"] == "'=x.txt"
    assert rows[0]["beads"] == "" and rows[0]["omission"] == ""
    assert rows[1]["embedded_post"] == "4" and rows[1]["omission"] == "0"
    assert rows[1]["is_translation"] == "yes" and rows[1]["translation_score"] == "0.989"
    assert rows[1]["divergences"] == "15"


text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)


@given(ident=text.filter(bool), source=text, error=text)
def test_any_cell_reads_back(ident: str, source: str, error: str) -> None:
    """Free text is neutralised for spreadsheets (`'` before a live cell), and read back as
    it was: even a cell that began with `'` itself."""
    outcome = PairOutcome(ident, "failed", error.strip() or None, source=source, target="t")
    with tempfile.TemporaryDirectory() as folder:
        write_summary(folder, [outcome])
        assert read_summary(folder) == [outcome]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"a,b\n1,2\n", "its header is not reader batch's"), (b"\xff\xfe\x00", "not UTF-8"),
     (b"", "its header is not")],
)
def test_a_file_that_is_no_summary(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "s.csv").write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_summary(tmp_path / "s.csv")


def test_a_damaged_row_is_named(tmp_path: Path) -> None:
    text = render_csv([DONE]).replace(",41,", ",many,")
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="line 2: is not a row of a batch summary"):
        read_summary(tmp_path / "s.csv")


def test_the_html_parses_and_escapes() -> None:
    page = render_summary_html([DONE, FAILED, SKIPPED])
    html5lib.HTMLParser(strict=True).parse(page)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert '<td dir="auto"><a href="%D9%85' in page  # the JSON beside it, URL-quoted
    assert "<bdi>أرشيف/مقال.ar.txt</bdi>" in page
    assert "1 done, 1 skipped, 1 failed" in page and "1 not a translation" in page
    assert "11 name differs" in page
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    rows = tree.findall(".//tbody/tr")
    assert [r.get("class") for r in rows] == ["done", "failed", "skipped unrelated"]
    header = [th.text for th in tree.findall(".//thead/tr/th")]
    assert all(len(r.findall("td")) == len(header) or r.get("class") == "failed" for r in rows)


def test_a_huge_run_lists_failures_and_the_most_divergent() -> None:
    from reader.core.archive import summary_html

    many = [PairOutcome(f"p{i}", "done", divergences_by_kind={"omission": i % 7})
            for i in range(summary_html.MAX_ROWS + 50)]
    many.append(PairOutcome("bad", "failed", "broken"))
    page = render_summary_html(many)
    assert page.count("<tr class=") == summary_html.MAX_ROWS
    assert ">bad<" in page and "summary.csv lists all" in page


def test_outcomes_in_job_order() -> None:
    jobs = [PairJob(i, "s", "t") for i in ("c", "a", "b")]
    got = in_job_order([PairOutcome(i, "done") for i in ("a", "b", "c")], jobs)
    assert [o.id for o in got] == ["c", "a", "b"]


def test_pair_paths_are_found_from_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    relative = PairOutcome("r", "done", source="archive/r.ar.txt", target="archive/r.en.txt")
    absolute = PairOutcome("a", "done", source="/data/a.ar.txt", target="s3://bucket/a.en.txt")
    write_summary("out", [relative, absolute])
    monkeypatch.chdir(tmp_path)  # the window runs elsewhere
    summary = tmp_path / "work" / "out" / CSV_NAME
    assert pair_paths(relative, summary) == (str(tmp_path / "work/archive/r.ar.txt"),
                                             str(tmp_path / "work/archive/r.en.txt"))
    assert pair_paths(absolute, summary) == ("/data/a.ar.txt", "s3://bucket/a.en.txt")
    (tmp_path / "work" / "out" / ".reader-batch" / ".run.json").unlink()
    assert pair_paths(relative, summary.parent)[0] == str(tmp_path / "work/archive/r.ar.txt")
