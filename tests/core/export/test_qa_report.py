"""The QA report: which findings, in what order, their texts and marks; one writer per format."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.review import Review, ReviewStatus, review_key
from reader.core.errors import InputError
from reader.core.export.qa_formats import render_review
from reader.core.export.qa_report import findings, marked_pieces, side_text, status_words
from reader.core.export.report import report_from_workspace
from reader.core.export.tables import divergence_rows
from tests.core.workspace_helpers import corpus_workspace


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("qa")
    with corpus_workspace(folder / "c.prw") as ws:
        found = find_divergences(ws.text("source"), ws.text("target"), ws.alignment())
        post = next(d for d in found if d.kind == "embedded_post")
        ws.set_review(Review(review_key(post), ReviewStatus.DISMISSED, "quoted elsewhere"))
        return report_from_workspace(ws, divergences=found, generated="2026-01-01T00:00:00Z")


def test_the_workspace_report_carries_verdicts(report) -> None:
    states = [(r.state, r.comment) for r in report.divergences]
    assert ("dismissed", "quoted elsewhere") in states
    assert sum(s == "open" for s, _ in states) == len(states) - 1
    sheet_states = [row[-1] for row in divergence_rows(report, with_state=True)]
    assert "dismissed" in sheet_states


def test_findings_most_serious_first_then_in_reading_order(report) -> None:
    found = findings(report, ["open"])
    keys = [(f.divergence.severity, f.bead) for f in found]
    order = {Severity.SERIOUS: 0, Severity.WARNING: 1, Severity.INFO: 2}
    assert keys == sorted(keys, key=lambda k: (order[k[0]], k[1]))
    assert [f.number for f in found] == list(range(1, len(found) + 1))
    assert all(f.item.state == "open" for f in found)
    assert len(findings(report, None)) == len(report.divergences)
    post = next(f for f in findings(report, ["dismissed"]))
    # an embedded post faces nothing: both texts as the report's alignment pairs them
    assert post.target == () and side_text(report, post, "target") == ""
    assert side_text(report, post, "source").startswith(
        report.source.paragraphs[post.source[0]].text)


def test_marks_cover_the_spans_but_not_a_whole_paragraph() -> None:
    d = Divergence(DivergenceKind.NUMBER_MISMATCH, Severity.SERIOUS, "source", (0,), "x", 0,
                   (Span("source", 0, 4, 7), Span("source", 0, 5, 6)), ("180",))
    assert marked_pieces(d, "source", 0, "abc 180 def") == [
        ("abc ", False), ("180", True), (" def", False)]
    whole = Divergence(DivergenceKind.OMISSION, Severity.WARNING, "source", (0,), "x", 0,
                       (Span("source", 0, 0, 3),))
    assert marked_pieces(whole, "source", 0, "abc") == [("abc", False)]


def test_status_words() -> None:
    assert status_words(["open"]) == "open"
    assert status_words(["dismissed", "open", "confirmed"]) == "open, confirmed and dismissed"
    assert status_words(None) == status_words(list(ReviewStatus)) == "every status"


def test_nothing_to_list_still_makes_a_report(report) -> None:
    html = render_review(report, "html", ["ignored"]).decode()
    assert "0 findings (ignored)" in html and "No findings." in html
    md = render_review(report, "md", ["ignored"]).decode()
    assert md.startswith("# Fidelity review") and "0 findings" in md
    with pytest.raises(InputError, match="'pdf'"):
        render_review(report, "pdf")
