"""Sub-commands of `reader`: each module has NAME, add_parser(subparsers) and run(args) -> int."""

from __future__ import annotations

from types import ModuleType

import reader.commands.link as link
from reader.commands import (
    agree,
    align,
    concord,
    corpus,
    diverge,
    export,
    importing,
    lens,
    review,
    workspace,
)

# Each module registers its own parser (with set_defaults(run=run)); order is the help order.
COMMANDS: list[ModuleType] = [align, diverge, corpus, workspace, importing, export, review, agree]
COMMANDS += [lens, concord]  # the framing lens (issue 15)
COMMANDS.append(link)
