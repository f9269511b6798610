"""Agreement output: JSON numbers as computed, CSV cells neutralised, terminal text escaped."""

from __future__ import annotations

import csv
import io
import json

from reader.core.annotate.agreement import Agreement, TagAgreement
from reader.core.annotate.annotations import TagRef
from reader.core.annotators.output import render_csv, render_json, render_table, terminal_text

TAG = TagRef("book", "=cmd")
REPORT = Agreement(
    ("@Lina", "Omar\u202e"), "token", 40,
    (TagAgreement(TAG, (1, 2), (3, 4), 0.9, 0.5, 0.49),),
    TagAgreement(None, (1, 2), (3, 4), 0.9, None, None),
)


def test_json_keeps_the_numbers_and_null_for_undefined() -> None:
    data = json.loads(render_json(REPORT, lambda t: "label"))
    assert data["tags"][0]["kappa"] == 0.5 and data["overall"]["alpha"] is None
    assert data["tags"][0]["annotations"] == {"@Lina": 1, "Omar\u202e": 2}


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(REPORT, lambda t: "=HYPERLINK()"))))
    assert rows[0][2] == "annotations:@Lina"  # not a formula: it does not start with @
    assert rows[1][0] == "book:=cmd" and rows[1][1] == "'=HYPERLINK()"
    assert rows[2][-1] == ""  # undefined: empty


def test_terminal_text_shows_controls_and_bidi_overrides() -> None:
    assert terminal_text("a\x1b[2Jb\nc") == "a\\x1b[2Jb\\x0ac"
    table = render_table(REPORT, lambda t: "\x07bell")
    assert "\x07" not in table and "\u202e" not in table and "\\u202e" in table
    assert "n/a" in table and "0.500" in table
