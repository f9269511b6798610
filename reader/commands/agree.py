"""`reader agree WORKSPACE`: how far its annotators agree, per tag and overall (κ, α)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "agree"


def add_parser(sub: argparse._SubParsersAction) -> None:
    from reader.core.annotators.output import OUTPUT_FORMATS

    p = sub.add_parser(
        NAME,
        help="agreement between the annotators of a workspace (Cohen's kappa, Krippendorff's "
             "alpha)",
        description="Each paragraph of both texts is cut into units (characters, or words with "
        "--unit token); each annotator codes a unit with a tag when one of their spans with "
        "that tag covers it. Per tag the coding is yes/no; overall it is the set of tags over "
        "the unit. Cohen's kappa is given for two annotators, Krippendorff's nominal alpha "
        "always; n/a where every unit got the same code. The curation layer and orphaned "
        "annotations are left out. Exit status 2 on bad input or fewer than two annotators.",
    )
    p.add_argument("workspace", metavar="WORKSPACE", type=Path, help="the workspace file to read")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="table",
                   help="table (for people, the default), json or csv (for tools)")
    p.add_argument("--annotators", metavar="A,B", default=None,
                   help="the annotators to compare, comma-separated (default: all)")
    p.add_argument("--unit", choices=("char", "token"), default="char",
                   help="what is coded: each character (default) or each word")
    p.add_argument("--codebooks", metavar="DIR", type=Path,
                   help="a folder of your own codebooks, for tag labels")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.annotate.agreement import agreement
    from reader.core.annotate.codebooks import builtin_codebooks, list_codebooks
    from reader.core.annotators import output
    from reader.core.export.report import make_labels
    from reader.core.store.workspace import Workspace

    books = list_codebooks(args.codebooks) if args.codebooks else builtin_codebooks()
    labels = make_labels(books)
    who = None
    if args.annotators is not None:
        who = [n.strip() for n in args.annotators.split(",") if n.strip()]
    with Workspace.open(args.workspace, read_only=True) as ws:
        texts = {side: ws.text(side) for side in ("source", "target")}
        report = agreement(ws.annotations(), texts, who, args.unit)
    render = {"json": output.render_json, "csv": output.render_csv}.get(
        args.format, output.render_table
    )
    sys.stdout.write(render(report, labels.tag))
    return 0
