"""`reader corpus`: list the built-in texts from the corpus manifest."""

from __future__ import annotations

import argparse
import json

from reader.core.corpus.manifest import Corpus, load_manifest
from reader.resources import CORPUS

NAME = "corpus"
_COLUMNS = ("ID", "LANG", "ROLE", "FILE", "TITLE")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="list the built-in corpus", description=__doc__)
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (table)"
    )
    p.add_argument(
        "--manifest",
        default=str(CORPUS / "corpus.toml"),
        metavar="PATH",
        help="a corpus manifest (corpus.toml) or its folder; default: the built-in corpus",
    )
    p.set_defaults(run=run)


def format_table(corpus: Corpus) -> str:
    """The texts as aligned columns (the title last: it may run right to left), then the pairs."""
    rows = [(e.id, e.language, e.role, e.file, e.title) for e in corpus.texts]
    widths = [max(len(r[i]) for r in [_COLUMNS, *rows]) for i in range(len(_COLUMNS) - 1)]
    lines = [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)), row[-1]])
        for row in [_COLUMNS, *rows]
    ]
    if corpus.pairs:
        source, target = corpus.default_pair()
        lines += [
            "",
            f"default pair: {source.id} ({source.language}) -> {target.id} ({target.language})",
        ]
    lines.append(f"files in: {corpus.root}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    corpus = load_manifest(args.manifest)
    if args.format == "json":
        print(json.dumps(corpus.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_table(corpus))
    return 0
