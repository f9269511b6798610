"""The workspace's alignment as the command-line JSON contract, each bead with its state."""

from __future__ import annotations

import json

from reader.core.export.pair_json import pair_json
from reader.core.export.report import Report, ReportBead


def _bead(bead: ReportBead) -> dict[str, object]:
    out = bead.to_json()
    out["state"] = bead.state
    if bead.state == "confirmed":
        # what `reader align --fix` keeps from a full earlier output
        out["confirmed"] = True
    return out


def render_alignment_json(report: Report) -> str:
    """`reader align --format json`'s object, every bead with `state` (and `"confirmed": true`
    on confirmed ones), so that the file feeds `reader align --fix`."""
    data = pair_json(report)
    data["beads"] = [_bead(b) for b in report.beads]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
