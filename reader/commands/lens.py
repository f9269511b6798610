"""`reader lens FILES...`: each label's count per document, or with --shifts a pair's shifts."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

import reader.commands.lens_inputs as lens_inputs
from reader.core.timing import stage

if TYPE_CHECKING:
    from reader.core.lens.families import TermFamily

NAME = "lens"

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="the framing lens: counts of each label per 1,000 words (or --shifts of a pair)",
        description="Counts each label of the term families (resources/lenses: who governs, "
        "the armed groups, the events, the opposition) in each document, and per 1,000 words. "
        "FILES are text files or ids of the built-in corpus (reader corpus). With --shifts, "
        "FILES are SRC TGT (files or ids): the pair is aligned and, for each label on the "
        "source side, the "
        "label its counterpart bead uses is listed (* marks a change). Exit status 2 on bad "
        "input.",
    )
    p.add_argument("files", metavar="FILES", nargs="*",
                   help="text files, or ids of the built-in corpus")
    p.add_argument("--family", metavar="NAME", action="append", default=[],
                   help="only this family (id or name); repeatable; default: every family")
    p.add_argument("--format", choices=lens_inputs.FORMATS, default="table",
                   help="table (for people, the default), csv or json (for tools)")
    p.add_argument("--shifts", action="store_true",
                   help="label shifts between SRC and TGT (or, with --corpus alone, the "
                        "built-in pair)")
    p.add_argument("--side", choices=("source", "target"), default="source",
                   help="with --shifts: whose labels are listed (default: the source's)")
    p.add_argument("--changed", action="store_true",
                   help="with --shifts: only the rows whose label changed (marked *)")
    lens_inputs.add_inputs(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.files import check_output

    if args.output is not None:  # refused before the work, not after it
        check_output(args.output, lens_inputs.inputs_of(args))
    families = lens_inputs.load_families(args)
    wanted = lens_inputs.chosen(families, args.family)
    if args.shifts:
        return _shifts(args, families, wanted)
    from reader.core.lens.counts import count_labels
    from reader.core.lens.matching import Matcher
    from reader.core.lens.output import counts_csv, counts_json, counts_table

    docs = lens_inputs.load_documents(args)
    with stage(log, "lens counts"):
        counts = count_labels(docs, wanted, matcher=Matcher(families))
    render = {"csv": counts_csv, "json": counts_json}.get(args.format, counts_table)
    lens_inputs.write(render(counts), args)
    return 0


def _shifts(
    args: argparse.Namespace, families: list[TermFamily], wanted: list[TermFamily]
) -> int:
    from reader.commands.pair_verdict import warn_if_unrelated
    from reader.core.errors import InputError
    from reader.core.lens.matching import Matcher
    from reader.core.lens.output import shifts_csv, shifts_json, shifts_table
    from reader.core.lens.shifts import label_shifts
    from reader.core.pair import PairOptions, open_pair

    if len(args.files) == 2:
        from reader.core.lens.documents import resolve_path

        source, target = (resolve_path(f) for f in args.files)
    elif not args.files and args.corpus:
        from reader.core.corpus.manifest import load_manifest
        from reader.resources import CORPUS

        corpus = load_manifest(CORPUS / "corpus.toml")
        src, tgt = corpus.default_pair()
        source, target = corpus.path_of(src), corpus.path_of(tgt)
    else:
        raise InputError("--shifts takes two files, SRC and TGT (or --corpus alone for the "
                         "built-in pair)")
    pair = open_pair(source, target, PairOptions(blocks=args.blocks))
    warn_if_unrelated(pair)
    with stage(log, "lens shifts"):
        rows = label_shifts(pair.source, pair.target, pair.alignment, wanted,
                            side=args.side, matcher=Matcher(families))
        if args.changed:
            rows = [r for r in rows if r.changed]
    if args.format == "csv":
        text = shifts_csv(rows)
    elif args.format == "json":
        text = shifts_json(rows, side=args.side)
    else:
        text = shifts_table(rows, wanted, logical=args.logical)
    lens_inputs.write(text, args)
    return 0
