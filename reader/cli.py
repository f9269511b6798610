"""The `reader` command: no sub-command opens the app; sub-commands run core work headless."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import re
import sys
from collections.abc import Sequence

from reader import __version__
from reader.core.errors import ReaderError

DESCRIPTION = """\
Parallel Reader: read an Arabic original beside its English translation.

With no command, or with two files (reader SRC TGT), opens the reading window.
The commands below run the same work headless and print their results.
-v (before or after the command) prints the time of each stage to stderr; -vv more."""

_VERBOSE = re.compile(r"-v+|--verbose")
_LOG_HANDLER = "reader-cli"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` the sub-command of that name alone (what a run
    of it parses: the others' parsers import their modules' helpers for nothing)."""
    from reader.commands import NAMES, command

    parser = argparse.ArgumentParser(
        prog="reader",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="print each stage's time to stderr (-vv: and details)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in NAMES:
        if only in (None, name):
            command(name).add_parser(sub)
    _add_verbose(sub)
    return parser


def _add_verbose(sub: argparse._SubParsersAction) -> None:
    """-v on every sub-command too (counted apart: a sub-command's parser would overwrite the
    global count with its own)."""
    for parser in {id(p): p for p in sub.choices.values()}.values():  # aliases share a parser
        parser.add_argument("-v", "--verbose", dest="sub_verbose", action="count", default=0,
                            help="print each stage's time to stderr (-vv: and details)")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _add_verbose(action)


def configure_logging(verbosity: int) -> None:
    """The core's log on stderr: warnings only by default, stage timings with -v, all with -vv."""
    logger = logging.getLogger("reader")
    for handler in list(logger.handlers):
        if handler.get_name() == _LOG_HANDLER:  # an earlier main() in the same process
            logger.removeHandler(handler)
    if verbosity <= 0:
        # no handler of ours: warnings reach stderr as they always did (logging's last resort)
        logger.setLevel(logging.WARNING)
        return
    logger.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_LOG_HANDLER)
    handler.setFormatter(logging.Formatter(
        "reader: %(message)s" if verbosity == 1 else "reader: %(name)s: %(message)s"
    ))
    logger.addHandler(handler)


def _open_window(paths: Sequence[str]) -> int:
    """Run the window; when Qt cannot start here, one line on stderr and exit status 2."""
    from reader.ui.app.qtcheck import QtUnavailable
    from reader.ui.start import run_app

    try:
        return run_app(list(paths))
    except QtUnavailable as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None, *, exit_now: bool = False) -> int:
    """Run `reader` on argv (sys.argv's by default) and return its exit status.

    With `exit_now` (the console script), a command that allows it (`fast_exit` among its
    parser's defaults: nothing left to close, only memory to free) ends the process as soon as
    its output is flushed: freeing a long pair's hundreds of thousands of objects one by one at
    exit, and the collection before it, cost 0.2-0.3 s of CPU for nothing."""
    # the commands (and what they import) load here, not with this module: see console()
    from reader.commands import NAMES

    argv = list(sys.argv[1:] if argv is None else argv)
    names = set(NAMES)
    # -v before the files (or alone) applies to the window
    lead = 0
    while lead < len(argv) and _VERBOSE.fullmatch(argv[lead]):
        lead += 1
    rest = argv[lead:]
    if not rest or (rest[0] not in names and not rest[0].startswith("-")):
        if len(rest) not in (0, 2):
            print(
                "reader: give two files (SRC TGT) to open a pair, or a command; see reader --help",
                file=sys.stderr,
            )
            return 2
        configure_logging(sum(_verbosity(a) for a in argv[:lead]))
        if exit_now:
            gc.enable()  # paused by console() while the modules loaded
        return _open_window(rest)
    parser = build_parser(rest[0] if rest[0] in names else None)
    args = _parse_files_anywhere(parser, argv)
    configure_logging(args.verbose + getattr(args, "sub_verbose", 0))
    fast = exit_now and getattr(args, "fast_exit", False)
    if exit_now and not fast:
        gc.enable()  # paused by console() while the modules loaded
    args.exits_after = fast  # so a command need not free what it made (pair.PairOptions)
    try:
        code = int(args.run(args) or 0)
        if fast:
            _exit(code)
        return code
    except ReaderError as exc:
        from reader.core.export.escaping import terminal_text

        # a file name or value in the message never reaches the terminal raw
        print(f"reader: {terminal_text(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _parse_files_anywhere(parser: argparse.ArgumentParser, argv: Sequence[str]
                          ) -> argparse.Namespace:
    """Parse argv; a command's FILES list may also come after its options (`reader concord
    TERM --family X a.txt b.txt`): argparse gives a `nargs="*"` list its share before the
    options, empty, and calls later file names unrecognised."""
    args, extra = parser.parse_known_args(argv)
    files = getattr(args, "files", None)
    if extra and isinstance(files, list) and not any(e.startswith("-") for e in extra):
        args.files = [*files, *extra]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _verbosity(flag: str) -> int:
    return 1 if flag == "--verbose" else len(flag) - 1


def _exit(code: int) -> None:
    """End the process now with `code`, once what was written is flushed (as CPython's own
    tools do after their last output): no teardown."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = 0  # the reader of our output went away: as main() treats it
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


def console() -> int:
    """The `reader` console script: main(), with the cyclic collector paused while the modules
    load (numpy's and scipy's ~100,000 new objects were walked a dozen times for nothing, some
    40 ms) and, for a command that ends with `_exit`, until the end: every long stage of
    aligning and detecting pauses it anyway (reader.core.gc_pause), and the few between them
    (the verdict, the output: a full collection over the pair's objects, ~0.1 s) free
    nothing that the end of the process would not."""
    gc.disable()
    one_blas_thread()
    return main(exit_now=True)


# numpy's OpenBLAS starts a thread for each further core as numpy is imported, ~30 ms of CPU
# at every start on the project's 2-core machine (beside the imports, taking the core a
# second process then needs), and no command gives it work to share: the aligner's products
# are scipy.sparse's (the threads never run again in a `reader align` of the bench's large
# pair, in one process or with its forks, whose first fork OpenBLAS stops them at anyway).
# archive.local sets the same for the workers it starts.
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def one_blas_thread() -> None:
    """Have OpenBLAS start no thread of its own, unless the user said how many; read when
    numpy is first imported (not yet, here: the commands load after)."""
    os.environ.setdefault(BLAS_THREADS, "1")


if __name__ == "__main__":
    raise SystemExit(console())
