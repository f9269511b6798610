"""A batch's progress: plain lines in a log, a bar on a terminal, failures always said."""

from __future__ import annotations

import io

from reader.core.archive.console import Progress
from reader.core.archive.job import PairOutcome


def test_plain_lines_when_not_a_terminal() -> None:
    out = io.StringIO()
    progress = Progress(4, stream=out, interval=0.0)
    progress(PairOutcome("a", "done"))
    progress(PairOutcome("b\x1b[31m", "failed", "b.txt: is empty"))
    progress(PairOutcome("c", "skipped"))
    progress.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("reader: 1/4 pairs, ") and "ETA " in lines[0]
    assert lines[1] == "reader: b\\x1b[31m: failed: b.txt: is empty"  # no terminal escape
    assert lines[-1].startswith("reader: 3/4 pairs (1 failed, 1 skipped)")
    assert "\r" not in out.getvalue()


def test_a_log_is_not_flooded() -> None:
    out = io.StringIO()
    progress = Progress(1000, stream=out)  # a line every 10 s at most
    for n in range(1000):
        progress(PairOutcome(str(n), "done"))
    progress.close()
    assert len(out.getvalue().splitlines()) <= 2
    assert out.getvalue().splitlines()[-1].startswith("reader: 1000/1000 pairs, ")


def test_a_bar_on_a_terminal() -> None:
    out = io.StringIO()
    progress = Progress(3, stream=out, interactive=True)
    progress(PairOutcome("a", "done"))
    progress(PairOutcome("b", "failed", "broken"))
    progress(PairOutcome("c", "done"))
    progress.close()
    text = out.getvalue()
    assert "reader: b: failed: broken" in text
    assert "3/3" in text and "1 failed" in text and "\r" in text
