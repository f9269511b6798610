"""`reader align SRC TGT`: align two texts paragraph by paragraph and print the beads."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.pair_verdict import add_original, warn_if_unrelated
from reader.core import files
from reader.core.pair import Pair, PairOptions, open_pair
from reader.core.timing import stage

if TYPE_CHECKING:
    from reader.core.export.pair_json import PairJsonHead

NAME = "align"
FORMATS = ("json", "tsv", "tmx")

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="align two texts and print the beads (json, tsv or tmx)",
        description="Align SRC (usually the Arabic original) with TGT (its translation) paragraph "
        "by paragraph. A paragraph is a non-blank line (or, with --blocks, a blank-line separated "
        "block). Prints the beads and the divergences found. Exit status 2 on bad input.",
    )
    p.add_argument("source", metavar="SRC", help="the original text file")
    p.add_argument("target", metavar="TGT", help="the translation text file")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (default): the full result; tsv: one bead a line, source text TAB "
        "target text; tmx: TMX 1.4b, one <tu> per bead",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of standard output"
    )
    p.add_argument(
        "--glossary",
        metavar="FILE",
        type=Path,
        action="append",
        default=[],
        help="an extra glossary (TSV, see resources/glossary/README.md); repeatable",
    )
    p.add_argument(
        "--blocks",
        action="store_true",
        help="paragraphs are blank-line separated blocks (hard-wrapped text)",
    )
    add_original(p)
    p.add_argument(
        "--fix",
        metavar="FILE",
        type=Path,
        help='keep the beads of FILE and align the rest around them: every bead of a bare '
        '{"beads": [...]}, or the beads marked "confirmed": true (or "state": "confirmed") in '
        'the output of an earlier reader align; they come out as "state": "confirmed"',
    )
    add_one_process(p)
    p.set_defaults(run=run, fast_exit=True)  # nothing to close after its output (cli.main)


def add_one_process(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--one-process", action="store_true",
        help="prepare both texts in this process (by default, when a core is idle, a long "
        f"target is read in a second process while this one reads the source; {PROCESSES_ENV}"
        f"=1 says the same, {PROCESSES_ENV}=2 uses the second process even on a busy machine)",
    )


PROCESSES_ENV = "READER_PROCESSES"


def second_process(args: argparse.Namespace) -> str:
    """"no", "auto" or "yes": may the target be prepared in a second process (the core decides
    whether it pays)."""
    chosen = os.environ.get(PROCESSES_ENV, "").strip()
    if args.one_process or chosen == "1":
        return "no"
    return "yes" if chosen == "2" else "auto"


def quick_imports() -> None:
    """What aligning needs once both texts are read, loaded while this process first waits
    for a child. (scipy.sparse, loaded without what it does not need, align.sparse_import, is
    imported by pair.open_pair: past the fork of a second process that never reads it.)"""
    from reader.core.idle_work import when_idle

    when_idle(_after_the_sides)


# imported by reader.core.pair once both sides are ready (5-8 ms of CPU at load 8, on the
# path of every stage after them): when the target is read in a second process (align.side_process)
# this process waits for it at the end, and imports them then. numpy.ma: numpy's `unique`
# imports it on its first call (scipy.sparse.diags, in the vector space), and so did the
# names' child (align.names_ahead) for itself, forked just before
AFTER_THE_SIDES = ("reader.core.align.aligner", "reader.core.align.fix_file",
                   "reader.core.diverge.ahead", "reader.core.diverge.sentence_features",
                   "reader.core.diverge.verdict", "numpy.ma")


def _after_the_sides() -> None:
    for name in AFTER_THE_SIDES:
        importlib.import_module(name)


def output_modules(fmt: str) -> Callable[[], object]:
    """What imports the modules `render` reads (done ahead when this process waits)."""
    name = "reader.core.export.pair_json" if fmt == "json" else f"reader.core.export.{fmt}"
    return lambda: importlib.import_module(name)


def json_head(pair: Pair) -> PairJsonHead:
    from reader.core.export.pair_json import pair_json_head

    return pair_json_head(pair)


def render(pair: Pair, fmt: str, head: PairJsonHead | None = None) -> str:
    if fmt == "json":
        from reader.core.export.pair_json import pair_json_text

        return pair_json_text(pair, head)
    from reader.core.export.report import report_from_pair

    report = report_from_pair(pair)
    if fmt == "tsv":
        from reader.core.export.tsv import render_tsv

        return render_tsv(report)
    from reader.core.export.tmx import render_tmx

    return render_tmx(report)


def write_output(text: str, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Standard output, or FILE written atomically: never one of the command's inputs."""
    if output is None:
        sys.stdout.write(text)
        return
    files.write_output(output, text.encode("utf-8"), inputs)


def inputs_of(args: argparse.Namespace) -> list[Path]:
    """Every file the command reads, which its output must never replace."""
    extra = [getattr(args, "thresholds", None)]
    return [Path(args.source), Path(args.target), *(Path(g) for g in args.glossary),
            *(Path(e) for e in extra if e)]


def run(args: argparse.Namespace) -> int:
    if args.output is not None:  # refused before the work, not after it
        files.check_output(args.output, inputs_of(args))
    quick_imports()
    heads: list[PairJsonHead] = []  # the JSON written while detection's child works
    options = PairOptions(glossaries=args.glossary, blocks=args.blocks, original=args.original,
                          second_process=second_process(args), ahead=output_modules(args.format),
                          exits_after=getattr(args, "exits_after", False))
    if args.format == "json":
        options.while_detecting = lambda pair: heads.append(json_head(pair))
    if args.fix is not None:
        from reader.core.align.fix_file import read_fixed

        options.fixed = read_fixed(args.fix)
        options.fixed_path = args.fix
    pair = open_pair(args.source, args.target, options)
    warn_if_unrelated(pair)
    with stage(log, f"output {args.format}"):
        write_output(render(pair, args.format, heads[0] if heads else None), args.output,
                     inputs_of(args))
    return 0
