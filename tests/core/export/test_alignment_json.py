"""The alignment export: the command-line JSON contract with every bead's state."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.align.beads import Bead
from reader.core.export.alignment_json import render_alignment_json
from reader.core.export.pair_json import pair_json
from reader.core.export.report import report_from_workspace
from tests.core.workspace_helpers import small_workspace


def test_beads_carry_their_state_and_confirmed_ones_say_so(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        ws.replace_beads(0, 1, [Bead((0,), (0,), 1.0, "confirmed")])
        ws.replace_beads(2, 4, [Bead((2, 3), (2,), 1.0, "edited")])
        report = report_from_workspace(ws)
    data = json.loads(render_alignment_json(report))
    assert data["beads"] == [
        {"src": [0], "tgt": [0], "confidence": 1.0, "state": "confirmed", "confirmed": True},
        {"src": [1], "tgt": [1], "confidence": 0.9, "state": "automatic"},
        {"src": [2, 3], "tgt": [2], "confidence": 1.0, "state": "edited"},
    ]
    # the rest of the object is `reader align --format json`'s
    contract = pair_json(report)
    assert {k: v for k, v in data.items() if k != "beads"} == {
        k: v for k, v in contract.items() if k != "beads"}
    assert data["source"]["paragraphs"] == 4 and data["target"]["paragraphs"] == 3
