"""CSV of a report: its annotations (`reader export`) or its divergences (`reader diverge`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from reader.core.export.escaping import neutralise_row
from reader.core.export.report import Report
from reader.core.export.tables import (
    ANNOTATION_COLUMNS,
    ANNOTATION_FREE,
    DIVERGENCE_COLUMNS,
    DIVERGENCE_FREE,
    Row,
    annotation_rows,
    divergence_rows,
)


def csv_table(
    header: Sequence[str], rows: Iterable[Row], free: Sequence[bool], line_end: str
) -> str:
    """Rows as CSV; the cells flagged `free` (text a person wrote) are neutralised."""
    out = io.StringIO()
    cells = (neutralise_row(row, free) for row in rows)
    # With "\r\n" as its row end the writer quotes every field holding a \r or a \n; with
    # "\n" alone a lone \r would break the row, so such rows are written one at a time
    # with "\r\n" and given the line end asked for.
    if line_end == "\r\n":
        csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(
            (header, *cells)
        )
        return out.getvalue()
    line = io.StringIO()
    writer = csv.writer(line, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in (header, *cells):
        line.seek(0)
        line.truncate()
        writer.writerow(row)
        out.write(line.getvalue()[:-2] + line_end)
    return out.getvalue()


def render_csv(report: Report) -> str:
    """The annotations, one row each, CRLF row ends (RFC 4180); the file adds a BOM."""
    return csv_table(ANNOTATION_COLUMNS, annotation_rows(report), ANNOTATION_FREE, "\r\n")


def render_divergences_csv(report: Report) -> str:
    """The divergences, one row each, LF row ends (for tools reading standard output)."""
    return csv_table(DIVERGENCE_COLUMNS, divergence_rows(report), DIVERGENCE_FREE, "\n")
