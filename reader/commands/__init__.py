"""Sub-commands of `reader`: each module has NAME, add_parser(subparsers) and run(args) -> int."""

from __future__ import annotations

import importlib
from types import ModuleType

# Each module registers its own parser (with set_defaults(run=run)); order is the help order.
# By name, each module imported when asked for: a run of one command imports that one alone
# (the others and what they import cost every run some 10 ms of the time before its work)
MODULES: dict[str, str] = {
    "align": "align", "batch": "batch", "diverge": "diverge", "corpus": "corpus",
    "workspace": "workspace", "import": "importing", "export": "export", "review": "review",
    "agree": "agree",
    "lens": "lens", "concord": "concord", "link": "link",  # the framing lens (issue 15)
}
NAMES: tuple[str, ...] = tuple(MODULES)


def command(name: str) -> ModuleType:
    """The module of the command called `name` (one of NAMES)."""
    return importlib.import_module(f"{__name__}.{MODULES[name]}")


def __getattr__(name: str) -> object:
    if name == "COMMANDS":  # every command's module, in the help order
        return [command(n) for n in NAMES]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
