"""The `reader` command: no sub-command opens the app; sub-commands run core work headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.commands import COMMANDS
from reader.core.errors import ReaderError

DESCRIPTION = """\
Parallel Reader: read an Arabic original beside its English translation.

With no command, or with two files (reader SRC TGT), opens the reading window.
The commands below run the same work headless and print their results."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def _open_window(paths: Sequence[str]) -> int:
    """Run the window; when Qt cannot start here, one line on stderr and exit status 2."""
    from reader.ui.app.qtcheck import QtUnavailable
    from reader.ui.start import run_app

    try:
        return run_app(list(paths))
    except QtUnavailable as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = {c.NAME for c in COMMANDS}
    if not argv or (argv[0] not in names and not argv[0].startswith("-")):
        if len(argv) not in (0, 2):
            print(
                "reader: give two files (SRC TGT) to open a pair, or a command; see reader --help",
                file=sys.stderr,
            )
            return 2
        return _open_window(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
