"""A batch's progress on stderr: a bar with ETA on a terminal, plain lines in a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from reader.core.archive.job import PairOutcome
from reader.core.export.escaping import terminal_text

# In a log, a line this often at most (and for each failed pair, and at the end)
PLAIN_INTERVAL = 10.0


class Progress:
    """Called with each outcome as it comes; `close()` at the end."""

    def __init__(self, total: int, *, stream: TextIO | None = None,
                 interactive: bool | None = None, interval: float = PLAIN_INTERVAL) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.finished = self.failed = self.skipped = 0
        self.started = time.monotonic()
        self._aligned = 0  # pairs aligned (not skipped): the ETA is theirs
        self._interval = interval
        self._last_line = self.started
        tty = interactive if interactive is not None else self.stream.isatty()
        self._bar = None
        if tty:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="pair", file=self.stream, dynamic_ncols=True,
                             desc="reader batch", smoothing=0.1)

    def __call__(self, outcome: PairOutcome) -> None:
        self.finished += 1
        if outcome.status == "failed":
            self.failed += 1
            self._say(f"reader: {terminal_text(outcome.id)}: failed: "
                      f"{terminal_text(outcome.error or '')}")
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self._aligned += 1
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.failed} failed" if self.failed else "",
                                      refresh=False)
            self._bar.update(1)
        elif time.monotonic() - self._last_line >= self._interval:
            self._say(self.line())

    def line(self) -> str:
        """`reader: 12/60 pairs (1 failed, 3 skipped), 40.0 pairs/min, ETA 0:01:12`."""
        extra = ", ".join(f"{n} {what}" for n, what in
                          ((self.failed, "failed"), (self.skipped, "skipped")) if n)
        text = f"reader: {self.finished}/{self.total} pairs" + (f" ({extra})" if extra else "")
        elapsed = time.monotonic() - self.started
        if self._aligned and elapsed > 0:
            rate = self._aligned / elapsed
            text += f", {rate * 60:.1f} pairs/min"
            if self.finished < self.total:
                text += f", ETA {_clock((self.total - self.finished) / rate)}"
        return text

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif self.finished:
            self._say(self.line())

    def _say(self, text: str) -> None:
        self._last_line = time.monotonic()
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
