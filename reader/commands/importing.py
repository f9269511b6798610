"""`reader import WORKSPACE FILE`: merge W3C annotations, or take an InterText alignment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.errors import InputError

NAME = "import"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="merge annotations from a W3C Web Annotation JSON file into a workspace, or "
        "replace its alignment by an InterText (TEI XML) one",
        description="Add the annotations of FILE (W3C Web Annotation JSON-LD: a collection, a "
        "page, a list or one annotation) to WORKSPACE. Each is placed by its quote, prefix and "
        "suffix, its position a hint; one whose quote is no longer in the text is kept as an "
        "orphan. An annotation already present is updated if FILE's copy is newer. If FILE is "
        "XML, it is an alignment as InterText writes it (a linkGrp of links with xtargets): it "
        "becomes the workspace's alignment, links marked 'man' confirmed, and the annotations "
        "stay as they are. Exit status 2 on bad input, or when nothing in FILE could be "
        "imported.",
    )
    p.add_argument("workspace", metavar="WORKSPACE", type=Path,
                   help="the workspace file to merge into")
    p.add_argument("file", metavar="FILE", type=Path,
                   help="a W3C Web Annotation JSON(-LD) file, e.g. another annotator's export, "
                   "or an InterText alignment (.xml)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.export.tei_import import looks_like_tei
    from reader.core.export.w3c_import import import_w3c
    from reader.core.store.workspace import Workspace

    if looks_like_tei(args.file):
        return run_alignment(args)
    with Workspace.open(args.workspace) as ws:
        report = import_w3c(ws, args.file)
    for reason in report.skipped:
        print(f"reader: {args.file}: skipped {reason}", file=sys.stderr)
    imported = len(report.added) + len(report.updated) + len(report.unchanged) + len(report.kept)
    if report.skipped and not imported:
        raise InputError("no annotation could be imported (see above)", args.file)
    print(f"{args.file}: {report.summary()}")
    return 0


def run_alignment(args: argparse.Namespace) -> int:
    from collections import Counter

    from reader.core.export.tei_import import import_tei
    from reader.core.store.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        alignment = import_tei(ws, args.file)
    states = Counter(b.state for b in alignment)
    print(f"{args.file}: alignment of {len(alignment)} beads imported, "
          f"{states['confirmed']} confirmed")
    return 0
