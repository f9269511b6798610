"""Detection's work that needs only the two texts, done while this process waits for a child."""

# On the command line with a second process, this process waits for the child that learns
# Model 1's word pairs (align.learnt_process: ~0.1 s on the bench's large pair, a core idle
# meanwhile). What detection needs of the texts alone can be made in that time instead of
# after the alignment: its modules imported, each paragraph's content length counted. Nothing
# is made that detection would not make itself (and does, if the wait never comes).

from __future__ import annotations

import importlib
from collections.abc import Callable

from reader.core.diverge.context import keep_lengths
from reader.core.second_process import when_idle
from reader.core.text.document import Text

# imported by `find_divergences` as it runs (the detectors and the sentence check's batch)
MODULES = ("reader.core.diverge.finder", "reader.core.diverge.verdict")


def prepare_ahead(source: Text, target: Text, also: Callable[[], object] | None = None) -> None:
    """Have detection's modules imported and both texts' paragraph lengths counted as this
    process first waits for a child (second_process.when_idle); `also` after them (the
    caller's own, e.g. its output's modules)."""
    when_idle(_import_modules)
    when_idle(lambda: keep_lengths(source))
    when_idle(lambda: keep_lengths(target))
    if also is not None:
        when_idle(also)


def _import_modules() -> None:
    for name in MODULES:
        importlib.import_module(name)
