"""What `reader lens` and `reader concord` share: the documents, the families, the output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import InputError

# imported when used, not here: `reader --help` would otherwise wait for numpy (0.4 s)
if TYPE_CHECKING:
    from reader.core.lens.documents import LensDocument
    from reader.core.lens.families import TermFamily

# the same as reader.core.lens.output.FORMATS and reader.core.lens.concord's SORT_KEYS and
# DEFAULT_CONTEXT (tests/cli/test_lens.py checks): written here, since building the parser of
# every command must not import the core
FORMATS = ("table", "csv", "json")
SORT_KEYS = ("left", "right", "doc")
DEFAULT_CONTEXT = 60


def add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", action="store_true",
                   help="the built-in corpus (every text of corpus/corpus.toml), after FILES")
    p.add_argument("--family-file", metavar="FILE", type=Path, action="append", default=[],
                   help="a term family file of your own (JSON, resources/lenses/README.md); "
                        "repeatable. The shipped families and those in your lens folder are "
                        "always read")
    p.add_argument("--blocks", action="store_true",
                   help="paragraphs are blank-line separated blocks (hard-wrapped text)")
    p.add_argument("--logical", action="store_true",
                   help="print Arabic in logical order, unshaped (for terminals that shape and "
                        "reorder it themselves); json and csv are always logical")
    p.add_argument("-o", "--output", metavar="FILE", type=Path,
                   help="write to FILE (atomically) instead of standard output")


def inputs_of(args: argparse.Namespace) -> list[Path]:
    """Every file the command reads, which its output must never replace."""
    return [*(Path(f) for f in args.files), *args.family_file]


def load_documents(args: argparse.Namespace) -> list[LensDocument]:
    """FILES (paths, or ids of the built-in corpus), then the corpus with --corpus."""
    from reader.core.lens.documents import corpus_documents
    from reader.core.lens.documents import load_documents as load

    if not args.files and not args.corpus:
        raise InputError("give one or more text files (or corpus ids), or --corpus")
    docs = load(args.files, blocks=args.blocks)
    if args.corpus:
        taken = {d.id for d in docs}
        docs += [d for d in corpus_documents() if d.id not in taken]
    return docs


def load_families(args: argparse.Namespace) -> list[TermFamily]:
    """Shipped, user and --family-file families; a broken user file is named on stderr."""
    from reader.core.export.escaping import terminal_text
    from reader.core.lens.families import FamilyError
    from reader.core.lens.families import load_families as load

    errors: list[FamilyError] = []
    families = load(extra=args.family_file, errors=errors)
    for exc in errors:
        print(f"reader: warning: skipped {terminal_text(str(exc))}", file=sys.stderr)
    return families


def chosen(families: list[TermFamily], names: list[str]) -> list[TermFamily]:
    """The families --family names (all of them when none is named), in the order given."""
    from reader.core.lens.families import find_family

    if not names:
        return families
    picked = [find_family(families, n) for n in names]
    return list({f.id: f for f in picked}.values())


def write(text: str, args: argparse.Namespace) -> None:
    from reader.commands.align import write_output

    write_output(text, args.output, inputs_of(args))
