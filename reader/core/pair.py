"""Opening a pair: load both texts, align them, find their divergences, in one call."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.align.beads import Alignment
from reader.core.diverge.records import Divergence
from reader.core.diverge.thresholds import Thresholds
from reader.core.progress import CancelCheck, ProgressCallback
from reader.core.text.document import Text, load_text
from reader.core.timing import stage

log = logging.getLogger(__name__)


@dataclass(slots=True)
class PairOptions:
    """How to read and align a pair (the command line and the window share these)."""

    glossaries: list[Path] = field(default_factory=list)
    blocks: bool = False  # paragraphs are blank-line separated blocks (hard-wrapped text)
    thresholds: Thresholds | None = None  # of divergence detection; None: the user's or defaults
    checks: list[Path] = field(default_factory=list)  # user check files (diverge/rules.py)


@dataclass(slots=True)
class Pair:
    """An aligned pair and what differs between its two texts."""

    source: Text
    target: Text
    alignment: Alignment
    divergences: list[Divergence]


def align_pair(
    source: Text,
    target: Text,
    options: PairOptions | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Pair:
    """Align two loaded texts and detect divergences; progress goes from 0.0 to 1.0."""
    # imported here, not above: `reader --help` and the window's first paint would otherwise
    # wait for numpy and scipy (0.4 s), which only aligning needs
    from reader.core.align.aligner import align_texts
    from reader.core.anchors.glossary import Glossary
    from reader.core.diverge.finder import find_divergences
    from reader.core.diverge.rules import load_all

    options = options or PairOptions()
    checks = load_all(options.checks)  # before aligning: a bad file fails at once
    alignment = align_texts(
        source, target, glossaries=options.glossaries, progress=progress, cancelled=cancelled
    )
    # the aligner's anchors are cached per text, so detection parses nothing again
    with stage(log, "divergences"):
        divergences = find_divergences(
            source, target, alignment, options.thresholds,
            glossary=Glossary.load(options.glossaries), checks=checks,
        )
    return Pair(source, target, alignment, divergences)


def open_pair(
    source_path: str | Path,
    target_path: str | Path,
    options: PairOptions | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Pair:
    """Load, align and compare two files. Raises InputError naming a bad file."""
    options = options or PairOptions()
    with stage(log, f"load source {source_path}"):
        source = load_text(source_path, blocks=options.blocks)
    with stage(log, f"load target {target_path}"):
        target = load_text(target_path, blocks=options.blocks)
    return align_pair(source, target, options, progress, cancelled)
