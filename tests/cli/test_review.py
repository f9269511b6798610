"""`reader review WORKSPACE`: the QA report by status, in each format; bad input in one line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from reader.cli import main
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.review import Review, ReviewStatus, review_key, rule_for
from tests.cli.test_workspace import gold_workspace, one_line_error


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """The built-in pair: the number confirmed, one post dismissed, Lebanon ignored."""
    path = tmp_path / "w.prw"
    with gold_workspace(path) as ws:
        found = find_divergences(ws.text("source"), ws.text("target"), ws.alignment())
        kinds = [str(d.kind) for d in found]
        number, post = found[kinds.index("number_mismatch")], found[kinds.index("embedded_post")]
        ws.set_review(Review(review_key(number), ReviewStatus.CONFIRMED, "=1+1 really"))
        ws.set_review(Review(review_key(post), ReviewStatus.DISMISSED))
        lebanon = next(n for n, d in enumerate(found) if d.values == ("lebanon",))
        ws.add_ignore_rule(rule_for(found, lebanon))
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def test_open_findings_by_default_most_serious_first(reviewed: Path, tmp_path: Path) -> None:
    out = tmp_path / "open.csv"
    assert main(["review", str(reviewed), "--format", "csv", "-o", str(out)]) == 0
    rows = _rows(out)
    assert rows and {r["status"] for r in rows} == {"open"}
    ranks = ["serious", "warning", "info"]
    assert [ranks.index(r["severity"]) for r in rows] == sorted(
        ranks.index(r["severity"]) for r in rows)
    assert [r["number"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert all(r["source_text"] or r["target_text"] for r in rows)
    assert "lebanon" not in {r["values"] for r in rows}


def test_statuses_repeat_or_come_as_a_list(reviewed: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["review", str(reviewed), "--format", "csv", "-o", str(one),
                 "--status", "confirmed", "--status", "dismissed,ignored"]) == 0
    assert main(["review", str(reviewed), "--format", "csv", "-o", str(two),
                 "--status", "confirmed,dismissed,ignored"]) == 0
    assert one.read_bytes() == two.read_bytes()
    rows = _rows(one)
    assert [r["status"] for r in rows] == ["confirmed", "dismissed", "ignored"]
    assert rows[0]["comment"] == "'=1+1 really"  # neutralised, as in every spreadsheet cell


def test_markdown_html_and_xlsx(reviewed: Path, tmp_path: Path, capsys) -> None:
    assert main(["review", str(reviewed), "--format", "md", "--status", "all"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Fidelity review: ") and "## Serious" in md and "· confirmed" in md
    page = tmp_path / "r.html"
    assert main(["review", str(reviewed), "-o", str(page)]) == 0  # html by default
    html = page.read_text("utf-8")
    assert '<h2 class="serious">' not in html  # the only serious one is confirmed
    assert 'dir="rtl"' in html and "<mark>" in html
    book = tmp_path / "r.xlsx"
    assert main(["review", str(reviewed), "--format", "xlsx", "-o", str(book),
                 "--status", "all"]) == 0
    sheet = openpyxl.load_workbook(book)["findings"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["number", "severity", "kind", "label", "status"]
    assert sheet.max_row > 10


@pytest.mark.parametrize(("args", "words"), [
    (["--status", "reviewed"], "unknown review status 'reviewed'"),
    (["--status", ","], "names no status"),
])
def test_bad_statuses_are_refused_in_one_line(reviewed: Path, capsys, args, words) -> None:
    assert main(["review", str(reviewed), *args]) == 2
    assert words in one_line_error(capsys)


def test_a_missing_or_broken_workspace_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["review", str(tmp_path / "none.prw")]) == 2
    assert "none.prw" in one_line_error(capsys)
    bad = tmp_path / "bad.prw"
    bad.write_bytes(b"not a workspace")
    assert main(["review", str(bad), "-o", str(tmp_path / "out.html")]) == 2
    assert "bad.prw" in one_line_error(capsys)
    assert not (tmp_path / "out.html").exists()
