"""The window's QA report: the states shown, rendered and written in the thread pool."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from reader.core.diverge.review import ReviewState
from reader.core.export.qa_formats import render_review
from reader.core.export.report import ReportDivergence, report_from_pair
from reader.core.files import atomic_write_bytes
from reader.core.pair import Pair
from reader.ui.app.workers import Job, run_in_pool


def write_qa_report(
    pair: Pair, states: Sequence[ReviewState], path: Path, statuses: Iterable[str] | None,
    on_done: Callable[[object], None], on_error: Callable[[BaseException], None],
) -> Job:
    """The same report as `reader review`, from the pair shown and the states the window
    computed (the user's own ignore rules included); the format is the file's suffix."""
    report = report_from_pair(pair)
    report = replace(report, divergences=tuple(
        ReportDivergence(d, str(s.status), s.comment)
        for d, s in zip(pair.divergences, states, strict=True)))
    fmt = path.suffix.lstrip(".")
    wanted = None if statuses is None else [str(s) for s in statuses]

    def write() -> str:
        atomic_write_bytes(path, render_review(report, fmt, wanted))
        return str(path)

    return run_in_pool(write, on_done=on_done, on_error=on_error)
