"""`reader workspace new|info`: create a workspace for an aligned pair, or describe one."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

NAME = "workspace"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="create or describe an annotation workspace",
        description="A workspace is one SQLite file holding a pair of texts, their alignment "
        "and the annotations made on them.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                               help="what to do with the workspace")
    new = actions.add_parser(
        "new",
        help="create a workspace for SRC and TGT, aligned",
        description="Load SRC (the original) and TGT (its translation), align them and store "
        "both with the alignment in a new workspace file. Exit status 2 on bad input.",
    )
    new.add_argument("workspace", metavar="WORKSPACE", type=Path, help="the file to create")
    new.add_argument("source", metavar="SRC", type=Path, help="the original text file")
    new.add_argument("target", metavar="TGT", type=Path, help="the translation text file")
    new.add_argument("--blocks", action="store_true",
                     help="paragraphs are blank-line separated blocks (hard-wrapped text)")
    new.add_argument("--force", action="store_true", help="replace WORKSPACE if it exists")
    new.add_argument("--alignment", metavar="FILE", type=Path,
                     help="take the alignment from FILE (InterText's TEI XML, as `reader export "
                     "--format tei` writes it) instead of aligning")
    new.set_defaults(run=run_new)
    info = actions.add_parser("info", help="describe a workspace: documents, beads, annotations",
                              description="Print what a workspace holds: its two documents, "
                              "the alignment and the number of annotations.")
    info.add_argument("workspace", metavar="WORKSPACE", type=Path, help="the workspace file")
    info.set_defaults(run=run_info)


def run_new(args: argparse.Namespace) -> int:
    from reader.core.align.aligner import align_texts
    from reader.core.store.workspace import Workspace
    from reader.core.text.document import load_text

    source = load_text(args.source, blocks=args.blocks)
    target = load_text(args.target, blocks=args.blocks)
    if args.alignment is not None:
        from reader.core.export.tei_import import read_tei_alignment

        alignment = read_tei_alignment(args.alignment, len(source), len(target),
                                       source_language=source.language,
                                       target_language=target.language)
    else:
        alignment = align_texts(source, target)
    with Workspace.create(args.workspace, source, target, alignment, overwrite=args.force) as ws:
        print(
            f"{ws.path}: {len(source)} + {len(target)} paragraphs, "
            f"{len(alignment)} beads"
        )
    return 0


def run_info(args: argparse.Namespace) -> int:
    from reader.core.store.workspace import Workspace

    with Workspace.open(args.workspace, read_only=True) as ws:
        for doc in ws.documents():
            print(f"{doc.side}: {doc.name} ({doc.language}, {doc.paragraphs} paragraphs, "
                  f"sha256 {doc.sha256})")
        alignment = ws.alignment()
        states = Counter(b.state for b in alignment)
        print(f"alignment: {len(alignment)} beads, {states['edited']} edited, "
              f"{states['confirmed']} confirmed")
        annotations = ws.annotations()
        status = Counter(str(a.status) for a in annotations)
        print(f"annotations: {len(annotations)}"
              + "".join(f", {n} {s}" for s, n in sorted(status.items())))
    return 0
