"""Detection's work that needs only the two texts, done while this process waits for a child."""

# On the command line with a second process, this process waits for the child that learns
# Model 1's word pairs (align.learnt_process: ~0.1 s on the bench's large pair, a core idle
# meanwhile). What detection reads of each text alone can be made in that time instead of after
# the alignment: its modules imported, each paragraph's content length counted, its numbers,
# dates and names read (diverge.context.keep), and what the sentence check reads of the glossary
# for each language (which ends of a sentence a term may run across: ~10 ms a language, made
# before detection's child is forked, so that it is made once, not in both processes). Nothing
# is made that detection would not make itself, and it makes it when the wait never comes or
# what was kept does not fit.

from __future__ import annotations

import importlib
from collections.abc import Callable

from reader.core.anchors.features import text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.term_edges import crossing_tails
from reader.core.diverge.context import keep_lengths
from reader.core.diverge.names import keep_names
from reader.core.diverge.thresholds import Thresholds
from reader.core.diverge.values import keep_values
from reader.core.idle_work import when_idle
from reader.core.text.document import Text

# imported by `find_divergences` as it runs (the detectors and the sentence check's batch)
MODULES = ("reader.core.diverge.finder", "reader.core.diverge.verdict")


def prepare_ahead(source: Text, target: Text, glossary: Glossary, thresholds: Thresholds | None,
                  also: Callable[[], object] | None = None) -> None:
    """Have detection's modules imported and what it reads of each text alone made as this
    process first waits for a child (idle_work.when_idle), for detection with this
    glossary and these thresholds (None: the defaults); `also` after them (the caller's own,
    e.g. its output's modules)."""
    th = thresholds or Thresholds()
    when_idle(_import_modules)
    for text in (source, target):
        when_idle(lambda text=text: _read(text, glossary, th))  # type: ignore[misc]
    if also is not None:
        when_idle(also)


def _import_modules() -> None:
    for name in MODULES:
        importlib.import_module(name)


def _read(text: Text, glossary: Glossary, th: Thresholds) -> None:
    anchors = text_anchors(text, glossary)  # the aligner's, kept for the text
    keep_lengths(text)
    keep_values(text, anchors, th)
    if th.name_mismatch:
        keep_names(text, anchors, glossary.terms, th)
    crossing_tails(glossary, text.language.split("-")[0].lower())  # (kept: lru_cache)
