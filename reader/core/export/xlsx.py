"""XLSX workbook of a report: one sheet per table (annotations, divergences, beads)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.writer.excel import ExcelWriter

from reader.core.export.escaping import xml_text
from reader.core.export.report import Report
from reader.core.export.tables import (
    ANNOTATION_COLUMNS,
    BEAD_COLUMNS,
    DIVERGENCE_SHEET_COLUMNS,
    Row,
    annotation_rows,
    bead_rows,
    divergence_rows,
)

# Excel refuses a cell longer than this; the rest of such a text is in the TSV and TMX exports.
MAX_CELL = 32_767
_CUT = "… [cut: {n} more characters]"
# A fixed time for every member of the archive, so that one report gives one file.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _text_cell(value: str) -> str:
    # XML reads a bare CR as LF: say so, rather than let the reader change it
    value = xml_text(value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(value) <= MAX_CELL:
        return value
    keep = MAX_CELL - len(_CUT.format(n=len(value)))
    return value[:keep] + _CUT.format(n=len(value) - keep)


def _sheet(
    book: Workbook, title: str, header: Sequence[str], rows: Iterable[Row]
) -> None:
    sheet = book.create_sheet(title)
    sheet.append(list(header))
    for row in rows:
        cells = []
        for value in row:
            if value is None:
                value = ""
            cell = WriteOnlyCell(sheet, _text_cell(value) if isinstance(value, str) else value)
            if isinstance(value, str):
                # a string cell, never a formula, whatever it starts with: so no guard
                # apostrophe is needed, and the text is exactly the reader's
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)


def _generated(report: Report) -> datetime:
    try:
        return datetime.fromisoformat(report.generated.replace("Z", "+00:00")).replace(
            tzinfo=None
        )
    except ValueError:
        return datetime(1980, 1, 1)


# a sheet: its title, header and rows
Sheet = tuple[str, Sequence[str], Iterable[Row]]


def render_xlsx(report: Report) -> bytes:
    """The workbook as bytes; its parts depend on the report alone (time: `generated`)."""
    return workbook_bytes(report, [
        ("annotations", ANNOTATION_COLUMNS, annotation_rows(report)),
        ("divergences", DIVERGENCE_SHEET_COLUMNS, divergence_rows(report, with_state=True)),
        ("beads", BEAD_COLUMNS, bead_rows(report)),
    ])


def workbook_bytes(report: Report, sheets: Sequence[Sheet]) -> bytes:
    """A workbook of these sheets, titled and dated by the report, the same bytes every time."""
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        _sheet(book, title, header, rows)
    when = _generated(report)
    book.properties.creator = "Parallel Reader"
    book.properties.title = xml_text(f"{report.source.name} ↔ {report.target.name}")
    book.properties.created = book.properties.modified = when
    raw = io.BytesIO()
    # openpyxl's own save() stamps the current time; its writer, used directly, does not
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return _fixed_times(raw.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The archive again with every member dated _ZIP_TIME and marked as made on Unix."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
