"""Errors the core raises for bad input, phrased for the person who gave it."""

from __future__ import annotations

from pathlib import Path


class ReaderError(Exception):
    """Base class: a problem the user can act on, with a one-line message."""


class InputError(ReaderError):
    """A file (or text) that cannot be used, and why: `'<file>: <problem>'`."""

    def __init__(self, problem: str, path: str | Path | None = None) -> None:
        self.problem = problem
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class Cancelled(Exception):
    """Raised inside long work when the caller asked to stop."""
