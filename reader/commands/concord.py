"""`reader concord TERM FILES...`: every occurrence of a label, a family or a word, in context."""

from __future__ import annotations

import argparse
import logging
import shutil

import reader.commands.lens_inputs as lens_inputs
from reader.core.timing import stage

NAME = "concord"

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="a concordance (key word in context) of a label, a family or a word",
        description="TERM is a label of a term family (its id or name, e.g. regime), a whole "
        "family (e.g. actors), or any word or phrase, matched as a family's form is: whole "
        "words, blind to Arabic diacritics and letter forms, with Arabic clitics and English "
        "plurals. FILES are text files or ids of the built-in corpus. Exit status 2 on bad "
        "input.",
    )
    p.add_argument("term", metavar="TERM", help="a label, a family, or a word or phrase")
    p.add_argument("files", metavar="FILES", nargs="*",
                   help="text files, or ids of the built-in corpus")
    p.add_argument("--family", metavar="NAME", default=None,
                   help="the family TERM is a label of (when several have one of that name)")
    p.add_argument("--free", action="store_true",
                   help="TERM is a word or phrase even if a label or family has that name")
    p.add_argument("--sort", choices=lens_inputs.SORT_KEYS, default="doc",
                   help="left: by the words before the match, nearest first; right: by the "
                        "words after it; doc: by document and place (the default)")
    p.add_argument("--context", type=int, default=lens_inputs.DEFAULT_CONTEXT, metavar="N",
                   help=f"characters of context each side (default {lens_inputs.DEFAULT_CONTEXT})")
    p.add_argument("--format", choices=lens_inputs.FORMATS, default="table",
                   help="table (for people, the default), csv or json (for tools)")
    p.add_argument("--width", type=int, default=0,
                   help="table width in columns (default: the terminal's)")
    lens_inputs.add_inputs(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.errors import InputError
    from reader.core.files import check_output
    from reader.core.lens.concord import concordance, sort_lines, term_concordance
    from reader.core.lens.families import find_family, find_term
    from reader.core.lens.matching import Matcher
    from reader.core.lens.output import kwic_csv, kwic_json, kwic_table

    if args.output is not None:  # refused before the work, not after it
        check_output(args.output, lens_inputs.inputs_of(args))
    if not any(c.isalnum() for c in args.term):
        raise InputError(f"TERM must hold a letter or digit, not {args.term!r}")
    if args.context < 0:
        raise InputError(f"--context must be 0 or more, not {args.context}")
    families = lens_inputs.load_families(args)
    family = find_family(families, args.family) if args.family else None
    docs = lens_inputs.load_documents(args)
    with stage(log, "concordance"):
        found = (None, None) if args.free else find_term(families, args.term, family)
        if found[0] is None:
            lines = term_concordance(docs, args.term, context=args.context)
        else:
            lines = concordance(docs, Matcher(families), family=found[0].id,
                                label=found[1].id if found[1] else None, context=args.context)
        lines = sort_lines(lines, args.sort, [d.id for d in docs])
    if args.format == "csv":
        text = kwic_csv(lines)
    elif args.format == "json":
        text = kwic_json(lines)
    else:
        width = args.width or shutil.get_terminal_size((120, 24)).columns
        where = max((len(ln.document) + 4 for ln in lines), default=0)
        side = max(10, (width - where - 6) // 2 - 8)
        text = kwic_table(lines, width=min(side, args.context), logical=args.logical)
    lens_inputs.write(text, args)
    return 0
