"""CSV of a report: its annotations (`reader export`) or its divergences (`reader diverge`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from reader.core.export.report import Report
from reader.core.export.tables import (
    ANNOTATION_COLUMNS,
    DIVERGENCE_COLUMNS,
    Cell,
    annotation_rows,
    divergence_rows,
)


def csv_table(header: Sequence[str], rows: Iterable[Sequence[Cell]], line_end: str) -> str:
    out = io.StringIO()
    # With "\r\n" as its row end the writer quotes every field holding a \r or a \n; with
    # "\n" alone a lone \r would break the row, so such rows are written one at a time
    # with "\r\n" and given the line end asked for.
    if line_end == "\r\n":
        csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(
            (header, *rows)
        )
        return out.getvalue()
    line = io.StringIO()
    writer = csv.writer(line, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in (header, *rows):
        line.seek(0)
        line.truncate()
        writer.writerow(row)
        out.write(line.getvalue()[:-2] + line_end)
    return out.getvalue()


def render_csv(report: Report) -> str:
    """The annotations, one row each, CRLF row ends (RFC 4180); the file adds a BOM."""
    return csv_table(ANNOTATION_COLUMNS, annotation_rows(report), "\r\n")


def render_divergences_csv(report: Report) -> str:
    """The divergences, one row each, LF row ends (for tools reading standard output)."""
    return csv_table(DIVERGENCE_COLUMNS, divergence_rows(report), "\n")
