"""`reader export WORKSPACE --format FMT -o FILE`: write a workspace's report out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.diverge.records import Divergence
    from reader.core.store.workspace import Workspace

NAME = "export"


def add_parser(sub: argparse._SubParsersAction) -> None:
    from reader.core.export.formats import FORMATS

    p = sub.add_parser(
        NAME,
        help="export annotations: " + ", ".join(FORMATS),
        description="Write the annotations (and for html, tmx, tsv and xlsx the aligned pair; for "
        "alignment and tei the alignment as corrected, each bead with its state) of WORKSPACE "
        "to FILE. Formats: "
        + "; ".join(f"{k}: {v}" for k, v in FORMATS.items())
        + ". Exit status 2 on bad input.",
    )
    p.add_argument("workspace", metavar="WORKSPACE", type=Path, help="the workspace file to read")
    p.add_argument("--format", choices=list(FORMATS), required=True,
                   help="the output format (see above)")
    p.add_argument("-o", "--output", metavar="FILE", required=True,
                   help="the file to write ('-' for standard output)")
    p.add_argument("--codebooks", metavar="DIR", type=Path,
                   help="a folder of your own codebooks, for tag labels")
    p.add_argument("--no-divergences", action="store_true",
                   help="leave divergences out of the xlsx, md, html and alignment files")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.annotate.codebooks import codebook_index, list_codebooks
    from reader.core.export.formats import WITH_DIVERGENCES, export, render
    from reader.core.export.report import report_from_workspace
    from reader.core.store.workspace import Workspace

    codebooks = codebook_index(list_codebooks(args.codebooks)) if args.codebooks else None
    with Workspace.open(args.workspace, read_only=True) as ws:
        divergences: list[Divergence] = []
        if args.format in WITH_DIVERGENCES and not args.no_divergences:
            divergences = _divergences(ws)
        report = report_from_workspace(ws, codebooks, divergences)
    if args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(render(report, args.format))
        sys.stdout.buffer.flush()
    else:
        export(report, args.format, Path(args.output))
    return 0


def _divergences(ws: Workspace) -> list[Divergence]:
    """The pair's divergences for the reports; a detector failure costs only this section."""
    try:
        from reader.core.diverge.finder import find_divergences

        return list(find_divergences(ws.text("source"), ws.text("target"), ws.alignment()))
    except Exception as exc:  # the report is still worth writing without them
        print(f"reader: warning: divergences left out ({exc})", file=sys.stderr)
        return []
