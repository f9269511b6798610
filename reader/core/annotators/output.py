"""An agreement report as a table for people, JSON or CSV for tools (cells neutralised)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.annotate.annotations import TagRef
from reader.core.export.escaping import neutralise_row, terminal_text

if TYPE_CHECKING:
    # only named in annotations: `reader --help` lists the formats without numpy
    from reader.core.annotate.agreement import Agreement, TagAgreement

OUTPUT_FORMATS = ("table", "json", "csv")
Labeller = Callable[[TagRef], str]


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _name(row: TagAgreement) -> str:
    return "(all tags)" if row.tag is None else str(row.tag)


def render_json(report: Agreement, label: Labeller) -> str:
    def one(row: TagAgreement) -> dict[str, object]:
        return {
            "tag": None if row.tag is None else str(row.tag),
            "label": "all tags" if row.tag is None else label(row.tag),
            "annotations": dict(zip(report.annotators, row.annotations, strict=True)),
            "units": dict(zip(report.annotators, row.units, strict=True)),
            "observed": row.observed, "kappa": row.kappa, "alpha": row.alpha,
        }

    data = {
        "annotators": list(report.annotators), "unit": report.unit, "units": report.n_units,
        "tags": [one(r) for r in report.tags], "overall": one(report.overall),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Agreement, label: Labeller) -> str:
    header = ["tag", "label", *(f"annotations:{n}" for n in report.annotators),
              *(f"units:{n}" for n in report.annotators), "observed", "kappa", "alpha"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    free = [True, True] + [False] * (len(header) - 2)  # the tag's id and label are the user's
    for row in report.rows:
        writer.writerow(neutralise_row([
            "" if row.tag is None else str(row.tag),
            "all tags" if row.tag is None else label(row.tag),
            *row.annotations, *row.units, _number(row.observed), _number(row.kappa),
            _number(row.alpha),
        ], free))
    return out.getvalue()


def render_table(report: Agreement, label: Labeller) -> str:
    """Aligned columns: tag, annotations per annotator, observed agreement, κ (two), α."""
    names = [terminal_text(n or "(no name)") for n in report.annotators]
    header = ["tag", *names, "observed", "kappa" if len(names) == 2 else "", "alpha"]
    lines = [header]
    for row in report.rows:
        lines.append([
            terminal_text("all tags" if row.tag is None else label(row.tag)),
            *(f"{n} ({u})" for n, u in zip(row.annotations, row.units, strict=True)),
            share_text(row.observed), statistic_text(row.kappa) if len(names) == 2 else "",
            statistic_text(row.alpha),
        ])
    widths = [max(len(r[i]) for r in lines) for i in range(len(header))]
    text = [
        f"{len(names)} annotators, {report.n_units} {_unit_name(report.unit)}; "
        "each annotator column: annotations (units coded)",
    ]
    for k, r in enumerate(lines):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:],
                                                                       strict=True)]
        text.append("  ".join(cells).rstrip())
        if k == 0 or k == len(lines) - 2:
            text.append("  ".join("-" * w for w in widths if w))
    return "\n".join(text) + "\n"


def statistic_text(value: float | None) -> str:
    """κ or α for people: three decimals, n/a when undefined."""
    if value is None:
        return "n/a"
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text  # a hair below zero reads as zero


def share_text(value: float | None) -> str:
    """Observed agreement for people, as a percentage."""
    # most units are coded "none" by everyone: 1.000 would hide the difference that is there
    return "n/a" if value is None else f"{100 * value:.2f} %"


def _unit_name(unit: str) -> str:
    return "characters" if unit == "char" else "words"
