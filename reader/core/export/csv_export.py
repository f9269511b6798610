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


def _csv(header: Sequence[str], rows: Iterable[Sequence[Cell]], line_end: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_csv(report: Report) -> str:
    """The annotations, one row each, CRLF row ends (RFC 4180); the file adds a BOM."""
    return _csv(ANNOTATION_COLUMNS, annotation_rows(report), "\r\n")


def render_divergences_csv(report: Report) -> str:
    """The divergences, one row each, LF row ends (for tools reading standard output)."""
    return _csv(DIVERGENCE_COLUMNS, divergence_rows(report), "\n")
