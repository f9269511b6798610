"""The formats of `reader review` and the window's QA report: each renders the findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.core.diverge.review import ReviewStatus
from reader.core.errors import InputError

if TYPE_CHECKING:
    from reader.core.export.report import Report

REVIEW_FORMATS: dict[str, str] = {
    "html": "standalone HTML report, findings by severity with both texts",
    "md": "Markdown report, findings by severity with both texts",
    "csv": "CSV table, one finding a row (UTF-8 with BOM)",
    "xlsx": "Excel workbook, one finding a row",
}


def render_review(
    report: Report, fmt: str, statuses: Iterable[str] | None = (ReviewStatus.OPEN,)
) -> bytes:
    """The QA report of `report` in `fmt` (a key of REVIEW_FORMATS), listing the findings
    whose status is among `statuses` (None: all of them)."""
    # imported here: `reader --help` lists REVIEW_FORMATS without the report's imports
    # (the workspace, the verdict, numpy and scipy)
    from reader.core.export.qa_report import (
        QA_COLUMNS,
        QA_FREE,
        findings,
        qa_rows,
        render_qa_markdown,
        status_words,
    )

    chosen = None if statuses is None else frozenset(str(s) for s in statuses)
    found = findings(report, chosen)
    listed = status_words(chosen)
    if fmt == "md":
        return render_qa_markdown(report, found, listed).encode("utf-8")
    if fmt == "html":
        from reader.core.export.qa_html import render_qa_html

        return render_qa_html(report, found, listed).encode("utf-8")
    if fmt == "csv":
        from reader.core.export.csv_export import csv_table

        table = csv_table(QA_COLUMNS, qa_rows(report, found), QA_FREE, "\r\n")
        return ("\ufeff" + table).encode("utf-8")
    if fmt == "xlsx":
        from reader.core.export.xlsx import workbook_bytes

        return workbook_bytes(report, [("findings", QA_COLUMNS, qa_rows(report, found))])
    raise InputError(
        f"unknown review format {fmt!r} (choose one of {', '.join(REVIEW_FORMATS)})"
    )
