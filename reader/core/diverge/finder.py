"""Finding where a translation departs from its original, bead by bead, from the alignment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from reader.core.align.beads import Alignment, AlignmentError, check_beads
from reader.core.anchors.features import Anchors, Features, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.context import (
    SOURCE,
    TARGET,
    Context,
    builtin_glossary,
    make_side,
    same_objects,
)
from reader.core.diverge.forked import SharedCheck, second_core, taken_detectors
from reader.core.diverge.memo import DetectionMemo
from reader.core.diverge.records import Divergence, DivergenceKind
from reader.core.diverge.registry import DETECTORS, Detector
from reader.core.diverge.rules import UserCheck
from reader.core.diverge.sentences import find_sentence_omissions
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Text

_KIND_ORDER = {kind: n for n, kind in enumerate(DivergenceKind)}


def find_divergences(
    source: Text,
    target: Text,
    alignment: Alignment,
    thresholds: Thresholds | None = None,
    *,
    glossary: Glossary | None = None,
    anchors: tuple[Sequence[Anchors], Sequence[Anchors]] | None = None,
    original: str = SOURCE,
    checks: Sequence[UserCheck] = (),
    memo: DetectionMemo | None = None,
    features: tuple[Sequence[Features], Sequence[Features]] | None = None,
    second_process: str = "no",
    started: StartedCheck | None = None,
) -> list[Divergence]:
    """Every divergence of an aligned pair, in text order of the source (then the target).

    `anchors` may pass the per-paragraph anchors the aligner already extracted (source list,
    target list) so that nothing is parsed twice; otherwise they are extracted here, once per
    paragraph. `original` ("source" or "target") is the side the messages take for the
    original; `checks` are the user's regular-expression checks (`rules.load_checks`).
    `memo` (of the same texts and glossary, else it is not used) lends what an earlier run
    on the pair found and keeps what this one finds: after an edit, only the beads it made
    are aligned sentence by sentence again, and the result is that of a run without it.
    `features` may pass each paragraph's `paragraph_features` as the aligner made them (source
    list, target list: with the anchors it kept for the texts, the same glossary and the
    lexicon's stemmer), from which the sentence check cuts its sentences'. `second_process`
    ("no", "auto": when a core is idle, "yes") lets the sentence check run in a forked
    process beside the other detectors (diverge.forked; the command line's choice);
    `started` is that process, started earlier by `start_check` (used if it fits, else ended).
    Raises AlignmentError when the alignment does not fit the two texts.
    """
    th = thresholds or Thresholds()
    try:
        ctx = _context(source, target, alignment, th, glossary, anchors, original, checks,
                       memo, features)
        enabled = [d for d in DETECTORS if d.enabled(th)]
        shared = (_adopted(started, ctx, enabled) if started is not None
                  else _shared(ctx, enabled, second_process))
    except BaseException:
        if started is not None:
            started.shared.stop()
        raise
    found: list[list[Divergence]] = []
    # the child's: the sentence check (shared) and the detectors it takes (diverge.forked)
    away = [] if shared is None else [find_sentence_omissions,
                                      *(d.find for d in taken_detectors(th))]
    try:
        for detector in enabled:
            found.append([] if detector.find in away else detector.find(ctx))
        if shared is not None:  # the other detectors done: our share of the sentence check
            k = next(k for k, d in enumerate(enabled) if d.find is find_sentence_omissions)
            found[k] = shared.finish(ctx)
            taken = [k for k, d in enumerate(enabled) if d.find in away[1:]]
            for k, records in zip(taken, shared.taken, strict=True):
                found[k] = records
    except BaseException:
        if shared is not None:
            shared.stop()
        raise
    return sorted(chain.from_iterable(found), key=lambda d: _order(d, alignment))


def _context(
    source: Text, target: Text, alignment: Alignment, th: Thresholds, glossary: Glossary | None,
    anchors: tuple[Sequence[Anchors], Sequence[Anchors]] | None, original: str,
    checks: Sequence[UserCheck], memo: DetectionMemo | None,
    features: tuple[Sequence[Features], Sequence[Features]] | None,
) -> Context:
    _check(source, target, alignment)
    if anchors is None:
        if glossary is None:
            glossary = builtin_glossary()
        anchors = (text_anchors(source, glossary), text_anchors(target, glossary))
    elif len(anchors[0]) != len(source) or len(anchors[1]) != len(target):
        raise AlignmentError("the anchors given do not match the texts' paragraphs")
    if features is not None and (len(features[0]) != len(source)
                                 or len(features[1]) != len(target)):
        features = None
    return Context(
        make_side(SOURCE, source, anchors[0], None if features is None else features[0]),
        make_side(TARGET, target, anchors[1], None if features is None else features[1]),
        alignment,
        th,
        glossary,
        original,
        tuple(checks),
        memo if memo is not None and memo.fits(source, target, glossary) else None,
    )


def _shared(ctx: Context, enabled: list[Detector], second_process: str) -> SharedCheck | None:
    """The sentence check shared with a forked child, when a second process pays and nothing
    it finds is kept here (a memo)."""
    if ctx.memo is not None or not any(d.find is find_sentence_omissions for d in enabled):
        return None
    if not second_core(second_process, ctx.src.text, ctx.tgt.text):
        return None
    return SharedCheck.start(ctx)


@dataclass(slots=True)
class StartedCheck:
    """The sentence check started in a second process as soon as the beads were final
    (`start_check`), and what it was started with."""

    shared: SharedCheck
    source: Text
    target: Text
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]]
    thresholds: Thresholds
    glossary: Glossary | None
    anchors: tuple[Sequence[Anchors], Sequence[Anchors]]
    features: tuple[Sequence[Features], Sequence[Features]] | None


def start_check(
    source: Text,
    target: Text,
    alignment: Alignment,
    thresholds: Thresholds | None,
    *,
    glossary: Glossary | None,
    features: tuple[Sequence[Features], Sequence[Features]] | None,
    second_process: str,
) -> StartedCheck | None:
    """`find_divergences`' sentence check started in a forked child on `alignment` (with the
    built-in glossary's anchors when `glossary` is None, and no memo), or None when a second
    process does not pay. The check reads the beads' paragraphs alone, not their confidence
    nor which side is the original: started while this process measures the beads' support
    and judges the pair (pair.align_pair), it finds what it would find after them."""
    th = thresholds or Thresholds()
    if not any(d.find is find_sentence_omissions for d in DETECTORS if d.enabled(th)):
        return None
    if not second_core(second_process, source, target):
        return None
    if glossary is None:
        glossary = builtin_glossary()
    anchors = (text_anchors(source, glossary), text_anchors(target, glossary))
    shared = SharedCheck.start_with(
        lambda: _context(source, target, alignment, th, glossary, anchors, SOURCE, (), None,
                         features),
        early=True,
    )
    if shared is None:
        return None
    return StartedCheck(shared, source, target, _runs(alignment), th, glossary, anchors,
                        features)


def _adopted(started: StartedCheck, ctx: Context, enabled: list[Detector]
             ) -> SharedCheck | None:
    """The check started early, when it was started on what `ctx` holds; else it is ended
    and the check is the ordinary one."""
    if (started.source is ctx.src.text and started.target is ctx.tgt.text
            and started.thresholds == ctx.thresholds and started.glossary is ctx.glossary
            and ctx.memo is None and any(d.find is find_sentence_omissions for d in enabled)
            and same_objects(started.anchors[0], ctx.src.anchors)
            and same_objects(started.anchors[1], ctx.tgt.anchors)
            and same_objects(started.features[0] if started.features else None, ctx.src.features)
            and same_objects(started.features[1] if started.features else None, ctx.tgt.features)
            and started.beads == _runs(ctx.alignment)):
        return started.shared
    started.shared.stop()
    return None


def _runs(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in alignment]


def _order(d: Divergence, alignment: Alignment) -> tuple[int, int, int, int, int]:
    """Reading order: by bead, source side first, then paragraph, kind and place."""
    if d.bead is not None:
        bead = d.bead
    elif d.paragraphs:
        bead = alignment.bead_of(d.side, d.paragraphs[0])
    else:
        bead = len(alignment)
    start = d.spans[0].start if d.spans else 0
    return (bead, 0 if d.side == SOURCE else 1, d.paragraphs[0] if d.paragraphs else 0,
            _KIND_ORDER.get(d.kind, 99), start)


def _check(source: Text, target: Text, alignment: Alignment) -> None:
    if alignment.n_src != len(source) or alignment.n_tgt != len(target):
        raise AlignmentError(
            f"the alignment is for {alignment.n_src} source and {alignment.n_tgt} target "
            f"paragraphs, but the texts have {len(source)} and {len(target)}"
        )
    check_beads(alignment.beads, len(source), len(target))
