"""`reader link A B`: link the paragraphs of two documents that report the same event or claim."""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path

from reader.core.timing import stage

NAME = "link"

log = logging.getLogger(__name__)


def _threshold(value: str | None) -> float | None:
    """--threshold as a number in [0, 1]; anything else is one line and exit status 2."""
    from reader.core.errors import ReaderError

    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ReaderError(f"--threshold {value!r}: not a number") from None
    if not 0.0 <= number <= 1.0:  # NaN fails this too
        raise ReaderError(f"--threshold {value}: not between 0 and 1")
    return number


def add_parser(sub: argparse._SubParsersAction) -> None:
    from reader.core.link.output import FORMATS

    p = sub.add_parser(
        NAME,
        help="link passages of two documents that report the same event (not translations)",
        description="Link the paragraphs of A and B that report the same event or claim (two "
        "articles from different outlets, in Arabic or English): shared dates, numbers, names, "
        "glossary terms and words the lexicon translates, weighed by their rarity. Many-to-many "
        "and in any order: not an alignment. Exit status 2 on bad input.",
    )
    p.add_argument("a", metavar="A", help="a text file")
    p.add_argument("b", metavar="B", help="another text file")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (for people, the default), json (0-based indices, evidence and "
                        "excerpts) or tsv (paragraph numbers from 1)")
    p.add_argument("--threshold", default=None, metavar="X",
                   help="the lowest score kept, between 0 and 1 (default: the calibrated one)")
    p.add_argument("--glossary", metavar="FILE", action="append", default=[],
                   help="an extra glossary TSV file (repeatable)")
    p.add_argument("--blocks", action="store_true",
                   help="paragraphs are blank-line separated blocks (hard-wrapped text)")
    p.add_argument("--logical", action="store_true",
                   help="print Arabic in logical order, unshaped (table only)")
    p.add_argument("--width", type=int, default=0,
                   help="table width in columns (default: the terminal's)")
    p.add_argument("-o", "--output", metavar="FILE", type=Path,
                   help="write to FILE (atomically) instead of standard output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.commands.align import write_output
    from reader.core.files import check_output
    from reader.core.link import output
    from reader.core.link.linker import link_files
    from reader.core.link.records import LinkParams

    inputs = [Path(args.a), Path(args.b), *(Path(g) for g in args.glossary)]
    threshold = _threshold(args.threshold)
    threshold = LinkParams().threshold if threshold is None else threshold
    if args.output is not None:  # refused before the work, not after it
        check_output(args.output, inputs)
    with stage(log, "link"):
        doc_a, doc_b, links = link_files(args.a, args.b, threshold=threshold,
                                         glossaries=[Path(g) for g in args.glossary],
                                         blocks=args.blocks)
    with stage(log, f"output {args.format}"):
        if args.format == "json":
            text = output.render_json(doc_a, doc_b, links, threshold)
        elif args.format == "tsv":
            text = output.render_tsv(doc_a, doc_b, links)
        else:
            width = args.width or shutil.get_terminal_size((100, 24)).columns
            text = output.render_table(doc_a, doc_b, links, width, args.logical)
        write_output(text, args.output, inputs)
    return 0
