"""`reader batch INPUT -o OUTDIR`: align every pair of an archive, on all cores or a cluster."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from reader.core.export.escaping import terminal_text

NAME = "batch"
_SHOW_UNMATCHED = 10


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers (1 or more)")
    return n


def _outdir(value: str) -> Path:
    from reader.core.archive.inputs import is_url

    if is_url(value):  # a Path would fold it into a local folder named "s3:"
        raise argparse.ArgumentTypeError(
            f"{value!r}: OUTDIR must be a folder (on a cluster, on a shared file system); "
            "URLs are for inputs only")
    return Path(value)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME,
        help="align every pair of a folder or manifest; a JSON per pair and a summary table",
        description="Align every pair of INPUT as `reader align --format json` does, writing "
        "OUTDIR/ID.json for each as it finishes, then OUTDIR/summary.csv and summary.html. "
        "INPUT is a folder (NAME.ar.txt with NAME.en.txt, or ar/NAME.txt with en/NAME.txt) "
        "or a manifest: CSV with a header row, or TOML [[pair]] tables; columns or keys "
        "source, target, and optionally id, original (source|target), glossary (paths, "
        "';'-separated in CSV), blocks (true|false); paths relative to the manifest. "
        "Exit status 0 when every pair is done, 1 when some failed, 2 on bad input, "
        "130 when stopped (Ctrl+C; --resume goes on from there).",
    )
    p.add_argument("input", metavar="INPUT", type=Path, help="a folder of pairs, or a manifest")
    p.add_argument("-o", "--output", metavar="OUTDIR", type=_outdir, required=True,
                   help="the folder the outputs go to (made when missing)")
    p.add_argument("--workers", metavar="N", type=_positive, default=None,
                   help="pairs aligned at once (default: one per core; for dask, the "
                   "local cluster's workers)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local (default): a process pool on this machine; dask: "
                   "dask.distributed (pip install 'parallel-reader[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: a running cluster's scheduler (tcp://HOST:8786); "
                   "default: a local cluster")
    p.add_argument("--resume", action="store_true",
                   help="skip the pairs whose output is there and was made from the same "
                   "inputs (SHA-256) and options")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.archive.console import Progress
    from reader.core.archive.engine import load_engine
    from reader.core.archive.inputs import discover
    from reader.core.archive.job import PairOutcome
    from reader.core.archive.summary import in_job_order, write_summary
    from reader.core.errors import InputError

    if args.scheduler is not None and args.engine != "dask":
        raise InputError("--scheduler is for --engine dask")
    found = discover(args.input)
    outdir: Path = args.output
    if outdir.exists() and not outdir.is_dir():
        raise InputError("is not a folder; OUTDIR is where each pair's JSON goes", outdir)
    engine = load_engine(args.engine)
    _report_unmatched(found.unmatched)
    outcomes: list[PairOutcome] = []
    progress = Progress(len(found.jobs))

    def finished(outcome: PairOutcome) -> None:
        outcomes.append(outcome)
        progress(outcome)

    start = time.monotonic()
    stopped = False
    previous = signal.signal(signal.SIGTERM, _interrupt)  # a job killed politely stops cleanly
    try:
        engine(found.jobs, outdir, workers=args.workers, resume=args.resume,
               on_outcome=finished, scheduler=args.scheduler)
    except KeyboardInterrupt:
        stopped = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl+C must not cut this short
    finally:
        signal.signal(signal.SIGTERM, previous)
        progress.close()
    ordered = in_job_order(outcomes, found.jobs)
    csv_path, _ = write_summary(outdir, ordered)
    failed = sum(o.status == "failed" for o in ordered)
    skipped = sum(o.status == "skipped" for o in ordered)
    done = len(ordered) - failed - skipped
    print(f"reader: {len(ordered)} of {len(found.jobs)} pairs in "
          f"{time.monotonic() - start:.1f} s: {done} done, {skipped} skipped, {failed} failed; "
          f"summary in {terminal_text(str(csv_path))} and summary.html", file=sys.stderr)
    if stopped:
        print(f"reader: stopped; {len(found.jobs) - len(ordered)} pairs not aligned "
              "(run again with --resume to finish them)", file=sys.stderr)
        return 130
    if failed:
        pairs = "1 pair" if failed == 1 else f"{failed} pairs"
        print(f"reader: {pairs} failed (their errors are in the summary)", file=sys.stderr)
        return 1
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _report_unmatched(unmatched: list[str]) -> None:
    for path in unmatched[:_SHOW_UNMATCHED]:
        print(f"reader: warning: {terminal_text(path)} has no counterpart; left out",
              file=sys.stderr)
    if len(unmatched) > _SHOW_UNMATCHED:
        print(f"reader: warning: and {len(unmatched) - _SHOW_UNMATCHED} more files without "
              "a counterpart", file=sys.stderr)
