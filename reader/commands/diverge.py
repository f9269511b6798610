"""`reader diverge SRC TGT`: align a pair and list where the translation departs from it."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import shutil
import sys
from pathlib import Path
from typing import TextIO

from reader.core.align.beads import Alignment
from reader.core.diverge.records import Divergence
from reader.core.text.bidi_display import display_lines, display_width, pad
from reader.core.text.document import Text
from reader.core.timing import stage

NAME = "diverge"
FORMATS = ("table", "json", "csv")
CSV_COLUMNS = ("kind", "severity", "side", "bead", "paragraphs", "values", "spans", "detail")

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="list the divergences of a pair (omissions, posts, numbers, names, length)",
        description=__doc__,
    )
    p.add_argument("source", metavar="SRC", help="the original (e.g. Arabic) text file")
    p.add_argument("target", metavar="TGT", help="its translation")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (for people, the default), json or csv (for tools)")
    p.add_argument("--logical", action="store_true",
                   help="print Arabic in logical order, unshaped (for terminals that shape and "
                        "reorder it themselves); json and csv are always logical")
    p.add_argument("--thresholds", metavar="FILE",
                   help="a TOML file of detection thresholds (default: the user's "
                        "thresholds.toml, if any)")
    p.add_argument("--set", dest="overrides", metavar="NAME=VALUE", action="append", default=[],
                   help="override one threshold, e.g. --set length_robust_z=4 (repeatable)")
    p.add_argument("--glossary", metavar="FILE", action="append", default=[],
                   help="an extra glossary TSV file (repeatable)")
    p.add_argument("--blocks", action="store_true",
                   help="paragraphs are blank-line separated blocks (hard-wrapped text)")
    p.add_argument("--width", type=int, default=0,
                   help="table width in columns (default: the terminal's)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.align.aligner import align_texts
    from reader.core.anchors.glossary import Glossary
    from reader.core.diverge.finder import find_divergences
    from reader.core.diverge.thresholds import load_thresholds
    from reader.core.text.document import load_text

    thresholds = load_thresholds(args.thresholds).with_overrides(args.overrides)
    glossaries = [Path(g) for g in args.glossary]
    with stage(log, f"load source {args.source}"):
        source = load_text(args.source, blocks=args.blocks)
    with stage(log, f"load target {args.target}"):
        target = load_text(args.target, blocks=args.blocks)
    glossary = Glossary.load(glossaries)
    alignment = align_texts(source, target, glossaries=glossaries)
    with stage(log, "divergences"):
        divergences = find_divergences(source, target, alignment, thresholds, glossary=glossary)
    out = sys.stdout
    with stage(log, f"output {args.format}"):
        if args.format == "json":
            write_json(out, source, target, divergences, alignment)
        elif args.format == "csv":
            write_csv(out, divergences)
        else:
            width = args.width or shutil.get_terminal_size((100, 24)).columns
            write_table(out, source, target, divergences, width=width, logical=args.logical)
    return 0


def write_json(
    out: TextIO,
    source: Text,
    target: Text,
    divergences: list[Divergence],
    alignment: Alignment | None = None,
) -> None:
    """The `reader align` JSON object (DESIGN.md), with the beads when an alignment is given."""
    doc: dict[str, object] = {"source": _text_json(source), "target": _text_json(target)}
    if alignment is not None:
        doc["beads"] = [b.to_json() for b in alignment]
    doc["divergences"] = [d.to_json() for d in divergences]
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _text_json(text: Text) -> dict[str, object]:
    return {"path": str(text.path) if text.path else None, "language": text.language,
            "paragraphs": len(text)}


def write_csv(out: TextIO, divergences: list[Divergence]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in divergences:
        writer.writerow(
            [
                str(d.kind),
                str(d.severity),
                d.side,
                "" if d.bead is None else d.bead,
                " ".join(str(i) for i in d.paragraphs),
                " | ".join(d.values),
                " ".join(f"{s.side[0]}{s.paragraph}:{s.start}-{s.end}" for s in d.spans),
                d.detail,
            ]
        )


def _paragraph_label(d: Divergence) -> str:
    """Paragraph numbers as people count them (from 1), runs shortened: 5-8."""
    if not d.paragraphs:
        return ""
    numbers = [i + 1 for i in d.paragraphs]
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 1:
        body = f"{numbers[0]}-{numbers[-1]}"
    else:
        body = ",".join(str(n) for n in numbers)
    return f"{'src' if d.side == 'source' else 'tgt'} {body}"


def write_table(
    out: TextIO,
    source: Text,
    target: Text,
    divergences: list[Divergence],
    width: int = 100,
    logical: bool = False,
) -> None:
    """A table for people: one row per divergence, the explanation wrapped in the last column."""
    out.write(
        f"{source.name} ({source.language}, {len(source)} paragraphs) -> "
        f"{target.name} ({target.language}, {len(target)} paragraphs): "
        f"{len(divergences)} divergences\n"
    )
    if not divergences:
        return
    headers = ("#", "kind", "severity", "where", "detail")
    rows = [
        (str(n), str(d.kind), str(d.severity), _paragraph_label(d), d.detail)
        for n, d in enumerate(divergences, 1)
    ]
    widths = [max(display_width(r[k]) for r in [headers, *rows]) for k in range(4)]
    detail_width = max(20, width - sum(widths) - 2 * 4 - 1)
    out.write("  ".join(pad(h, w) for h, w in zip(headers[:4], widths, strict=True)))
    out.write("  detail\n")
    out.write("  ".join("-" * w for w in widths) + "  " + "-" * min(detail_width, 40) + "\n")
    for row in rows:
        # explanations are English sentences that may quote Arabic: left to right
        lines = display_lines(row[4], detail_width, logical, base_dir="L")
        first = "  ".join(pad(c, w) for c, w in zip(row[:4], widths, strict=True))
        out.write(f"{first}  {lines[0]}\n")
        indent = " " * (sum(widths) + 2 * 4)
        for line in lines[1:]:
            out.write(f"{indent}{line}\n")
