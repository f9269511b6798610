"""`reader diverge SRC TGT`: align a pair and list where the translation departs from it."""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path

from reader.commands.align import add_one_process
from reader.commands.pair_verdict import add_original, warn_if_unrelated
from reader.core.timing import stage

NAME = "diverge"
FORMATS = ("table", "json", "csv")

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
    p.add_argument("--checks", metavar="FILE", action="append", default=[],
                   help="a file of your own checks, one a line: PATTERN<TAB>SIDE<TAB>MESSAGE "
                        "(SIDE: source, target, both, ar or en); every match is reported "
                        "(repeatable; docs/checks.md)")
    p.add_argument("--blocks", action="store_true",
                   help="paragraphs are blank-line separated blocks (hard-wrapped text)")
    p.add_argument("--width", type=int, default=0,
                   help="table width in columns (default: the terminal's)")
    p.add_argument("-o", "--output", metavar="FILE", type=Path,
                   help="write to FILE (atomically) instead of standard output")
    add_original(p)
    add_one_process(p)
    p.set_defaults(run=run, fast_exit=True)  # nothing to close after its output (cli.main)


def run(args: argparse.Namespace) -> int:
    from reader.commands.align import inputs_of, quick_imports, second_process, write_output
    from reader.core.diverge.thresholds import load_thresholds
    from reader.core.export.report import report_from_pair
    from reader.core.files import check_output
    from reader.core.pair import PairOptions, open_pair

    if args.output is not None:  # refused before the work, not after it
        check_output(args.output, inputs_of(args))
    quick_imports()
    thresholds = load_thresholds(args.thresholds).with_overrides(args.overrides)
    options = PairOptions(
        glossaries=[Path(g) for g in args.glossary], blocks=args.blocks, thresholds=thresholds,
        original=args.original,
        checks=[Path(c) for c in args.checks], second_process=second_process(args),
        exits_after=getattr(args, "exits_after", False),
    )
    pair = open_pair(args.source, args.target, options)
    warn_if_unrelated(pair)
    report = report_from_pair(pair)
    with stage(log, f"output {args.format}"):
        if args.format == "json":
            from reader.core.export.pair_json import render_json

            text = render_json(report, indent=2)
        elif args.format == "csv":
            from reader.core.export.csv_export import render_divergences_csv

            text = render_divergences_csv(report)
        else:
            from reader.core.export.divergence_table import render_table

            width = args.width or shutil.get_terminal_size((100, 24)).columns
            text = render_table(report, width=width, logical=args.logical)
        write_output(text, args.output, inputs_of(args))
    return 0
