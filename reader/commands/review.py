"""`reader review WORKSPACE --format html|md|csv|xlsx --status open`: the QA report of a review."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from reader.core.timing import stage

NAME = "review"

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    from reader.core.export.qa_formats import REVIEW_FORMATS

    p = sub.add_parser(
        NAME,
        help="the QA report of a workspace's divergences, by severity, with both texts",
        description="List the divergences of WORKSPACE's pair, the most serious first, with "
        "their review status and comment and the text of both sides, for a translator's "
        "client. Statuses come from the verdicts and ignore rules kept in the workspace (the "
        "window's Review menu); rules kept only in the user's settings apply in the window's "
        "report. Formats: " + "; ".join(f"{k}: {v}" for k, v in REVIEW_FORMATS.items())
        + ". Exit status 2 on bad input.",
    )
    p.add_argument("workspace", metavar="WORKSPACE", type=Path, help="the workspace file to read")
    p.add_argument("--format", choices=list(REVIEW_FORMATS), default="html",
                   help="the output format (default: html)")
    p.add_argument("--status", action="append", default=[], metavar="STATUS",
                   help="list findings with this status: open (the default), confirmed, "
                        "dismissed, ignored or all; repeatable, or a comma list")
    p.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="the file to write ('-', the default, for standard output)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.diverge.finder import find_divergences
    from reader.core.diverge.review import parse_statuses
    from reader.core.errors import InputError
    from reader.core.export.qa_formats import render_review
    from reader.core.export.report import report_from_workspace
    from reader.core.files import atomic_write_bytes
    from reader.core.store.workspace import Workspace

    statuses = parse_statuses(args.status or ["open"])
    if not statuses:
        raise InputError("--status names no status (e.g. --status open,confirmed)")
    if args.format == "xlsx" and args.output == "-" and sys.stdout.isatty():
        raise InputError("an xlsx workbook is not for a terminal: give -o FILE")
    with Workspace.open(args.workspace, read_only=True) as ws:
        with stage(log, "divergences"):
            divergences = find_divergences(ws.text("source"), ws.text("target"), ws.alignment())
        report = report_from_workspace(ws, divergences=divergences)
    with stage(log, f"output {args.format}"):
        data = render_review(report, args.format, statuses)
    if args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write_bytes(Path(args.output), data)
    return 0
