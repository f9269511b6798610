"""Sub-commands of `reader`: each module has NAME, add_parser(subparsers) and run(args) -> int."""

from __future__ import annotations

from types import ModuleType

from reader.commands import (
    agree,
    align,
    batch,
    corpus,
    diverge,
    export,
    importing,
    review,
    workspace,
)

# Each module registers its own parser (with set_defaults(run=run)); order is the help order.
COMMANDS: list[ModuleType] = [
    align, batch, diverge, corpus, workspace, importing, export, review, agree,
]
