"""Finding where a translation departs from its original, bead by bead, from the alignment."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from reader.core.align.beads import Alignment, AlignmentError, check_beads
from reader.core.anchors.features import Anchors, Features, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.context import SOURCE, TARGET, Context, builtin_glossary, make_side
from reader.core.diverge.forked import SharedCheck, second_core
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
    process beside the other detectors (diverge.forked; the command line's choice).
    Raises AlignmentError when the alignment does not fit the two texts.
    """
    th = thresholds or Thresholds()
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
    ctx = Context(
        make_side(SOURCE, source, anchors[0], None if features is None else features[0]),
        make_side(TARGET, target, anchors[1], None if features is None else features[1]),
        alignment,
        th,
        glossary,
        original,
        tuple(checks),
        memo if memo is not None and memo.fits(source, target, glossary) else None,
    )
    enabled = [d for d in DETECTORS if d.enabled(th)]
    shared = _shared(ctx, enabled, second_process)
    found: list[list[Divergence]] = []
    try:
        for detector in enabled:
            found.append([] if shared is not None and detector.find is find_sentence_omissions
                         else detector.find(ctx))
        if shared is not None:  # the other detectors done: our share of the sentence check
            k = next(k for k, d in enumerate(enabled) if d.find is find_sentence_omissions)
            found[k] = shared.finish(ctx)
    except BaseException:
        if shared is not None:
            shared.stop()
        raise
    return sorted(chain.from_iterable(found), key=lambda d: _order(d, alignment))


def _shared(ctx: Context, enabled: list[Detector], second_process: str) -> SharedCheck | None:
    """The sentence check shared with a forked child, when a second process pays and nothing
    it finds is kept here (a memo)."""
    if ctx.memo is not None or not any(d.find is find_sentence_omissions for d in enabled):
        return None
    if not second_core(second_process, ctx.src.text, ctx.tgt.text):
        return None
    return SharedCheck.start(ctx)


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
