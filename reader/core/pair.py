"""Opening a pair: load both texts, align them, find their divergences, in one call."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.align.beads import Alignment, Bead
from reader.core.align.sparse_import import import_past_the_fork
from reader.core.gc_pause import gc_paused
from reader.core.idle_work import forget_idle_work, when_idle
from reader.core.progress import CancelCheck, ProgressCallback
from reader.core.text.document import Text, load_text
from reader.core.timing import stage

if TYPE_CHECKING:
    from reader.core.align.prepared import PreparedPair
    from reader.core.anchors.features import Features
    from reader.core.anchors.glossary import Glossary
    from reader.core.diverge.finder import StartedCheck
    from reader.core.diverge.memo import DetectionMemo
    from reader.core.diverge.records import Divergence
    from reader.core.diverge.rules import UserCheck
    from reader.core.diverge.thresholds import Thresholds
    from reader.core.diverge.verdict import Original, PairVerdict

log = logging.getLogger(__name__)
_LEFT_TO_EXIT: list[object] = []  # (PairOptions.exits_after)


@dataclass(slots=True)
class PairOptions:
    """How to read and align a pair (the command line and the window share these)."""

    glossaries: list[Path] = field(default_factory=list)
    blocks: bool = False  # paragraphs are blank-line separated blocks (hard-wrapped text)
    thresholds: Thresholds | None = None  # of divergence detection; None: the user's or defaults
    original: Original | None = None  # which side the user says is the original; None: detect
    fixed: Sequence[Bead] = ()  # beads to keep as they are, the rest aligned around them
    fixed_path: Path | None = None  # the file they came from, named in errors about them
    checks: list[Path] = field(default_factory=list)  # user check files (diverge/rules.py)
    # prepare the target in a second process (reader.core.align.side_process): "no"; "auto"
    # when it pays and a core is idle (looked at once, as the side's process is forked: the
    # later children follow that answer); "yes" when it pays even on a busy machine. For the
    # command line alone, never a batch worker (one process per core already) nor the window
    second_process: str = "no"
    # with a second process: work of the caller's to do while this one waits for a child
    # (diverge.ahead), such as importing what writes its output
    ahead: Callable[[], object] | None = None
    # with a second process: work of the caller's on the pair, its divergences not found yet,
    # to do while this one waits for detection's child (such as writing most of its output)
    while_detecting: Callable[[Pair], object] | None = None
    # the process ends (os._exit) once the output is written: what the pair no longer needs
    # is left to the end, not freed object by object meanwhile (~20 ms on `large`)
    exits_after: bool = False


@dataclass(frozen=True, slots=True)
class DetectionSettings:
    """What detection was given when the pair was opened: finding the divergences again after
    an edit must use the same, or they would change with no reason a reader could see."""

    thresholds: Thresholds | None
    glossary: Glossary
    original: str  # the side messages are phrased from
    checks: tuple[UserCheck, ...] = ()


@dataclass(slots=True)
class Pair:
    """An aligned pair and what differs between its two texts."""

    source: Text
    target: Text
    alignment: Alignment
    divergences: list[Divergence]
    verdict: PairVerdict | None = None  # is it a translation, which side is the original
    # the texts made ready for the aligner, with their automatic alignment: kept (when asked)
    # so that the window's first re-alignment prepares and aligns nothing again
    prepared: PreparedPair | None = None
    # what detection found bead by bead, for finding the divergences again after an edit
    detection: DetectionMemo | None = None
    settings: DetectionSettings | None = None  # None: the defaults and the built-in glossary

    def detection_settings(self) -> DetectionSettings:
        """What detection uses for this pair: what it was opened with, else the defaults."""
        from reader.core.anchors.glossary import Glossary

        return self.settings or DetectionSettings(None, Glossary.load(), "source")

    def keep_detection_memo(self) -> None:
        """Make the pair keep what detection finds bead by bead, for its settings' glossary: a
        memo made with another glossary would never be used (diverge.memo.DetectionMemo.fits),
        and every bead would be checked again after each edit."""
        from reader.core.diverge.memo import DetectionMemo

        glossary = self.detection_settings().glossary
        if self.detection is None or not self.detection.fits(self.source, self.target, glossary):
            self.detection = DetectionMemo(self.source, self.target, glossary)


def find_again(
    pair: Pair, alignment: Alignment, features: tuple[list[Features], list[Features]] | None = None,
    second_process: str = "no",
    started: StartedCheck | None = None,
) -> list[Divergence]:
    """The pair's divergences under another alignment (after an edit), found with what the
    pair was opened with; the memo spares the beads that did not change. `features`: the
    paragraphs' as the aligner made them with the settings' glossary (when the pair is
    opened: diverge.sentence_features); `second_process` as `PairOptions` has it; `started`:
    the sentence check already under way (diverge.finder.start_check)."""
    from reader.core.diverge.finder import find_divergences

    settings = pair.detection_settings()
    return find_divergences(
        pair.source, pair.target, alignment, settings.thresholds, glossary=settings.glossary,
        original=settings.original, checks=settings.checks, memo=pair.detection,
        features=features, second_process=second_process, started=started,
    )


def align_pair(
    source: Text,
    target: Text,
    options: PairOptions | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    *,
    keep_prepared: bool = False,
    prepared: PreparedPair | None = None,
) -> Pair:
    """Align two loaded texts and detect divergences; progress goes from 0.0 to 1.0.

    With `keep_prepared` the Pair holds the aligner's prepared pair (`Pair.prepared`, some
    30 MB on the 4,000-paragraph bench case) for re-aligning, and what detection found bead
    by bead (`Pair.detection`) for detecting again after an edit; without it both are let go
    at once. `prepared` is the two texts already made ready for the aligner (with the
    built-in glossary and the `glossaries` of `options`)."""
    # imported here, not above: `reader --help` and the window's first paint would otherwise
    # wait for numpy and scipy (0.4 s), which only aligning needs
    from reader.core.align.fix_file import check_fixed_file
    from reader.core.anchors.glossary import Glossary
    from reader.core.diverge.rules import load_all

    options = options or PairOptions()
    checks = load_all(options.checks)  # before aligning: a bad file fails at once
    if options.fixed_path is not None:
        check_fixed_file(list(options.fixed), len(source.paragraphs), len(target.paragraphs),
                         options.fixed_path)
    glossary = Glossary.load(options.glossaries)
    early = _EarlyCheck(source, target, options, glossary) if not keep_prepared else None
    if options.second_process != "no":
        from reader.core.diverge.ahead import prepare_ahead

        prepare_ahead(source, target, glossary, options.thresholds, options.ahead)
    try:
        return _aligned_pair(source, target, options, progress, cancelled, keep_prepared,
                             prepared, checks, glossary, early)
    except BaseException:
        if early is not None and early.started is not None:
            early.started.shared.stop()  # nothing, if detection read it
        raise
    finally:
        forget_idle_work()


def _aligned_pair(
    source: Text, target: Text, options: PairOptions, progress: ProgressCallback | None,
    cancelled: CancelCheck | None, keep_prepared: bool, prepared: PreparedPair | None,
    checks: Sequence[UserCheck], glossary: Glossary, early: _EarlyCheck | None,
) -> Pair:
    from reader.core.align.aligner import align_and_prepare
    from reader.core.diverge.memo import DetectionMemo
    from reader.core.diverge.sentence_features import prepared_features
    from reader.core.diverge.verdict import discounted, judge

    alignment, prepared = align_and_prepare(
        source, target, glossaries=options.glossaries, progress=progress, cancelled=cancelled,
        fixed=options.fixed, prepared=prepared, second_process=options.second_process,
        ready=early,
    )
    forget_idle_work()  # what was not done ahead is done as it is needed
    if options.exits_after:
        _LEFT_TO_EXIT.append(prepared)
    # let it go before detection when nobody asked for it: peak memory stays what it was
    # (the paragraphs' features stay for the sentence check: they are a small part of it, and
    # were made with the glossary detection reads)
    kept = prepared if keep_prepared else None
    features = prepared_features(prepared)
    del prepared
    with gc_paused():  # as while aligning and detecting (below)
        verdict = judge(source, target, alignment, options.original)
    alignment = discounted(alignment, verdict)
    settings = DetectionSettings(options.thresholds, glossary, verdict.original or "source",
                                 tuple(checks))
    memo = DetectionMemo(source, target, settings.glossary) if keep_prepared else None
    pair = Pair(source, target, alignment, [], verdict, kept, memo, settings)
    # the aligner's anchors are cached per text, so detection parses nothing again; the
    # cyclic collector waits, as it does while aligning: detection builds many small objects
    # beside the hundreds of thousands the pair holds, and each collection walked them all
    if options.while_detecting is not None and options.second_process != "no":
        meanwhile = options.while_detecting
        when_idle(lambda: meanwhile(pair))
    with gc_paused(), stage(log, "divergences"):
        pair.divergences = find_again(pair, alignment, features, options.second_process,
                                      None if early is None else early.started)
    forget_idle_work()
    return pair


@dataclass(slots=True)
class _EarlyCheck:
    """Called with the beads as soon as they are final (aligner.align_and_prepare's `ready`):
    detection's sentence check started in a second process, when one pays, while this one
    measures the beads' support and judges the pair (diverge.finder.start_check)."""

    source: Text
    target: Text
    options: PairOptions
    glossary: Glossary
    started: StartedCheck | None = None

    def __call__(self, alignment: Alignment, prepared: PreparedPair) -> None:
        from reader.core.diverge.finder import start_check
        from reader.core.diverge.sentence_features import prepared_features

        if self.options.second_process == "no":
            return
        self.started = start_check(
            self.source, self.target, alignment, self.options.thresholds,
            glossary=self.glossary, features=prepared_features(prepared),
            second_process=self.options.second_process,
        )


def open_pair(
    source_path: str | Path,
    target_path: str | Path,
    options: PairOptions | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    *,
    keep_prepared: bool = False,
) -> Pair:
    """Load, align and compare two files (`align_pair`). Raises InputError naming a bad
    file."""
    options = options or PairOptions()
    if options.second_process in ("auto", "yes"):
        from reader.core.align.side_process import prepare_in_two, second_process_pays

        if second_process_pays(source_path, target_path,
                               idle_core=options.second_process == "auto"):
            # decided once for the run: asked again later, the tasks runnable would count
            # this run's own children (the side's, the spare at work) as other programs, and
            # each late fork would go one way or the other by chance (±0.3 s on `large`)
            options = replace(options, second_process="yes")
            try:
                with gc_paused(), stage(log, "both sides in two processes"):
                    source, target, prepared = prepare_in_two(
                        source_path, target_path, options.blocks, options.glossaries,
                        after_fork=_start_learner,
                    )
                return align_pair(source, target, options, progress, cancelled,
                                  keep_prepared=keep_prepared, prepared=prepared)
            finally:
                # (imported here: by now scipy is, past the side's fork)
                from reader.core.align.learnt_process import drop_learner

                drop_learner()  # if the sentence pass did not use it
    import_past_the_fork()  # (left to here, past the second process's fork: align.side_process)
    with gc_paused(), stage(log, f"load source {source_path}"):
        source = load_text(source_path, blocks=options.blocks)
    with gc_paused(), stage(log, f"load target {target_path}"):
        target = load_text(target_path, blocks=options.blocks)
    return align_pair(source, target, options, progress, cancelled,
                      keep_prepared=keep_prepared)


def _start_learner() -> None:
    """The spare that may learn the sentence pass's word pairs (align.learnt_process), forked
    once the side's process is (which never reads scipy: it is imported past that fork) and
    while this process is still small. The side's fork found a core idle a moment ago: asked
    again now, the count of tasks runnable would take the side's child for another program."""
    from reader.core.align.learnt_process import start_learner

    start_learner("yes")
