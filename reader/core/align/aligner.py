"""The cross-lingual paragraph aligner: anchors, a bilingual lexicon learnt on the fly, length."""

# How it works (see DESIGN.md):
# 1. Each paragraph is reduced to features (reader.core.anchors.features): content words,
#    language-neutral anchor keys (numbers, dates, glossary terms, handles, links) and name
#    candidates.
# 2. Source paragraphs are projected into the target's word space through a translation matrix
#    built from the shipped lexicon and transliterated-name matches; the sentence pass adds word
#    pairs learnt from the pair itself (IBM Model 1 over confidently aligned beads).
# 3. A dynamic programme over bead types (1:1, 1:2, 2:1, 1:3, 3:1, 2:2, 1:0, 0:1) in a band
#    (reader.core.align.band) around an expected path (the diagonal, then the previous pass's
#    path) maximises the sum of bead scores (reader.core.align.scores): lexical evidence
#    (idf-weighted matches minus what chance would give), a Gale–Church length term with the
#    ratio estimated from the pair (reader.core.align.model), and bead-type priors.
#    Paragraphs known to be embedded posts, duplicates or boilerplate cost little to leave out.
#    A forward–backward pass over the same band (reader.core.align.dp, .posterior) gives each
#    bead its posterior probability.
# 4. The sentence pass (reader.core.align.units) aligns the sentences of both texts in a narrow
#    band around that path, with the boundaries of sure beads pinned, and joins paragraphs that
#    share linked sentences: beads of any size, and paragraphs left out even inside long n:m
#    chains. Its posteriors give the confidence the app shows.
# Everything is vectorised over the band, so time grows linearly with the length of the pair.

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from reader.core.align.band import band_centres, band_half, diagonal_half, half_cap
from reader.core.align.band_halves import Band, split_band, sweep_band
from reader.core.align.batch import SegmentProblem, align_sides_batch, blocks_of, segment_side
from reader.core.align.beads import Alignment, Bead
from reader.core.align.corridor import coarse_path
from reader.core.align.dp import path_to_beads
from reader.core.align.evidence import PairEvidence, measure
from reader.core.align.learnt_process import Translation, learn_in_child
from reader.core.align.memo import BandMemo
from reader.core.align.model import Model, Problem
from reader.core.align.names_ahead import names_in_child
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, AlignerParams
from reader.core.align.prepared import PreparedPair, SideInput, prepare, swap_beads
from reader.core.align.realign import realign
from reader.core.align.space import side_features
from reader.core.align.unexplained import leave_out_unexplained
from reader.core.align.units import align_by_units
from reader.core.anchors.features import Anchors, Features
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.errors import Cancelled
from reader.core.gc_pause import gc_paused
from reader.core.progress import CancelCheck, ProgressCallback
from reader.core.text.document import Text
from reader.core.text.kinds import Kind
from reader.core.timing import stage

__all__ = [
    "align_and_prepare",
    "align_segment_batch",
    "align_segments",
    "align_texts",
]

log = logging.getLogger(__name__)


def _align_sides(
    pair: PreparedPair,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    level: int,
    second_process: str = "no",
) -> list[Bead]:
    """Align the two sides of a prepared pair, in its direction. Stages are timed at log
    `level`; `second_process` ("no", "auto", "yes"): may Model 1 run in a forked process
    (reader.core.align.learnt_process)."""
    src, tgt, params = pair.src, pair.tgt, pair.params
    n, m = len(src.features), len(tgt.features)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    ready = pair.vectors(level, names_in_child(second_process, n))
    space, base_translation, pb = ready.space, ready.base_translation, ready.problem
    beads: list[Bead] | None = None
    path_points: list[tuple[int, int]] | None = None
    passes = max(1, params.passes)
    memo = BandMemo(pb)  # the passes' shared norms and dot band
    for p in range(passes):
        if cancelled is not None and cancelled():
            raise Cancelled()
        # a pass's tables die with the call: on a long pair they are most of the memory
        with stage(log, f"paragraph pass {p + 1} of {passes}", level):
            beads, path_points, pair.paragraph_model = _paragraph_pass(
                pb, beads, path_points, first=p == 0, last=p == passes - 1, params=params,
                cancelled=cancelled, level=level, memo=memo, second_process=second_process,
            )
        if progress is not None:
            progress(0.2 + (0.6 if params.unit_pass else 0.79) * (p + 1) / passes)
    del memo  # the first pass's dot band is large
    assert beads is not None
    if params.unit_pass:
        # Word pairs learnt from the paragraph beads serve the sentence pass only: learnt from
        # the corridor pass's beads for the second paragraph pass they cost accuracy (seeds
        # 1-20: small-coupled strict F1 0.948 -> 0.959 without, omission recall 0.91 -> 0.95).
        with stage(log, "sentence pass", level):
            # Model 1's pairs are learnt in a second process, if one pays, while this one
            # makes the sentences (reader.core.align.learnt_process)
            translation = Translation.start(space, beads, base_translation, params,
                                            learn_in_child(second_process, beads), level)
            fitted: list[Model] = []
            try:
                beads = align_by_units(
                    src, tgt, space, translation, beads, params, cancelled, fitted=fitted,
                    structure=pb.structure, second_process=second_process,
                )
            finally:
                translation.stop()  # read by now, unless the units failed
            pair.translation = translation()
            pair.unit_model = fitted[0] if fitted else None
        if progress is not None:
            progress(0.99)
    return leave_out_unexplained(beads, pb, pair.paragraph_model) if pair.document else beads


def _paragraph_pass(
    pb: Problem,
    beads: list[Bead] | None,
    path_points: list[tuple[int, int]] | None,
    *,
    first: bool,
    last: bool,
    params: AlignerParams,
    cancelled: CancelCheck | None,
    level: int,
    memo: BandMemo | None = None,
    second_process: str = "no",
) -> tuple[list[Bead], list[tuple[int, int]], Model]:
    """One pass of the paragraph programme: in a wide band around the diagonal first (found on
    blocks of paragraphs when the pair is too long for that), then around the previous path.
    `second_process`: may a forked child share the band's work (align.band_halves)."""
    n, m = pb.n, pb.m
    if path_points is None:
        half = diagonal_half(n, m, params)
        cap = half_cap(n, params)
        if half > cap:
            # too long for a band that wide: find the corridor on blocks of paragraphs
            with stage(log, "coarse path", level):
                path_points, block = coarse_path(pb, half, cap, params, cancelled)
            half = max(params.band_refine, 2 * block + 8)
        half = min(half, max(n, m) + 3)
    refine = path_points is not None
    centre = band_centres(n, m, path_points)
    if path_points is not None and first:
        # the band must hold the corridor, however it turns (as realign's first pass does)
        half = min(band_half(path_points, n, centre, half, 1), m + 3)
    # the first pass only finds the corridor: the common bead types are enough for that
    types = MATCH_TYPES if refine or (first and last) else [(1, 1)]
    if path_points is not None and not first:
        # wide enough that the previous path, runs of 0:1 beads included, lies inside
        half = band_half(path_points, n, centre, params.band_refine, max(t[1] for t in types))
    log.debug("band: %d rows, half width %d, %d bead types", n + 1, half, len(types))
    # posteriors cost a forward and a backward sweep: only the last pass's beads need them
    _, model, forward, sweeps = sweep_band(Band(pb, centre, half, params, types, beads,
                                                memo=memo), params, cancelled,
                                           posteriors=last, split=split_band(second_process, n))
    path = forward.path
    if sweeps is not None:
        with stage(log, "confidence", level):
            conf = sweeps.bead_posteriors()
    else:
        conf = [1.0] * len(path)
    return path_to_beads(path, conf), [(0, 0)] + [(i, j) for _, i, j in path], model


# ----------------------------------------------------------------------------- public API


def align_texts(
    source: Text,
    target: Text,
    glossaries: Sequence[Path] = (),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
    fixed: Sequence[Bead] = (),
) -> Alignment:
    """Align two texts paragraph by paragraph. Deterministic for the same input.

    Every bead of `fixed` (in order, none overlapping; AlignmentError otherwise) comes out
    exactly as given, its state and confidence included, and the rest is aligned around them
    (reader.core.align.realign). To re-align the same pair again and again (the window, after
    each edit), prepare it once (`PreparedPair.of_texts`) and call `align_prepared`."""
    return align_and_prepare(source, target, glossaries, progress, cancelled, params, fixed)[0]


def align_and_prepare(
    source: Text,
    target: Text,
    glossaries: Sequence[Path] = (),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
    fixed: Sequence[Bead] = (),
    prepared: PreparedPair | None = None,
    second_process: str = "no",
    ready: Callable[[Alignment, PreparedPair], None] | None = None,
) -> tuple[Alignment, PreparedPair]:
    """`align_texts`, and the prepared pair it aligned with its first alignment held: what a
    window keeps so that its first re-alignment prepares and aligns nothing again (a command
    that aligns once lets it go, with the memory it holds). `prepared`: the texts already
    made ready (reader.core.align.side_process), with `glossaries` and `params`.
    `second_process` ("no", "auto": when a core is idle, "yes"; the command line's choice):
    may a forked process learn the sentence pass's word pairs (align.learnt_process).
    `ready` is given the beads as soon as they are final, before their support is measured."""
    with gc_paused(), stage(log, "alignment"):
        if progress is not None:
            progress(0.0)
        pair = (prepared if prepared is not None
                else PreparedPair.of_texts(source, target, glossaries, params, cancelled))
        return _align_prepared(pair, fixed, progress, cancelled, second_process, ready), pair


def align_prepared(
    pair: PreparedPair,
    fixed: Sequence[Bead] = (),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Alignment:
    """`align_texts` on a prepared pair: what the pair's features and vector space cost is
    paid once, by the first call. "Re-align unconfirmed" passes the confirmed beads as `fixed`;
    "re-align selection" passes every bead outside the selection and the confirmed ones inside
    it: the fewer paragraphs are left free, the less work."""
    with gc_paused(), stage(log, "alignment"):
        return _align_prepared(pair, fixed, progress, cancelled)


def _align_prepared(
    pair: PreparedPair,
    fixed: Sequence[Bead],
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    second_process: str = "no",
    ready: Callable[[Alignment, PreparedPair], None] | None = None,
) -> Alignment:
    if progress is not None:
        progress(0.2)
    beads = pair.automatic
    steps = progress
    if beads is None:
        beads = pair.automatic = _align_sides(pair, progress, cancelled, logging.INFO,
                                              second_process)
        steps = None  # the re-alignment after it is a small part of the work
    if fixed:
        beads = realign(pair, pair.inward(fixed), steps, cancelled, logging.INFO)
    if ready is not None:  # (pair.align_pair starts detection's sentence check meanwhile)
        ready(Alignment(pair.outward(beads), pair.n_source, pair.n_target), pair)
    evidence = _support(pair, beads)
    if progress is not None:
        progress(1.0)
    return Alignment(pair.outward(beads), pair.n_source, pair.n_target, evidence=evidence)


def _support(pair: PreparedPair, beads: Sequence[Bead]) -> PairEvidence | None:
    """How well the beads (in the aligner's direction) are supported, in the caller's
    direction; None when a side is empty."""
    if not pair.src.features or not pair.tgt.features:
        return None
    with stage(log, "support"):
        pb = pair.vectors().problem
        evidence = measure(beads, pb.src_vec, pb.tgt_vec, pb.src_len, pb.tgt_len)
    return evidence.swapped() if pair.swapped else evidence


def align_segments(
    src_segments: Sequence[str],
    tgt_segments: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
) -> list[Bead]:
    """Align two short lists of strings (e.g. the sentences of one bead) with the same machinery."""
    glossary = glossary if glossary is not None else Glossary.load()
    pair = prepare(
        SideInput(src_segments, [Kind.BODY] * len(src_segments), src_lang),
        SideInput(tgt_segments, [Kind.BODY] * len(tgt_segments), tgt_lang),
        glossary,
        replace(params, passes=1, unit_pass=False),
        None,
        logging.DEBUG,  # realigning one bead's sentences is a detail of detection
    )
    pair.document = False  # sentences, as the batch aligns them (align_segment_batch)
    return pair.outward(_align_sides(pair, None, None, logging.DEBUG))


def align_segment_batch(
    problems: Sequence[SegmentProblem],
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
    anchors: Sequence[tuple[Sequence[Anchors], Sequence[Anchors]]] | None = None,
    features: Sequence[tuple[Sequence[Features], Sequence[Features]]] | None = None,
) -> list[list[Bead]]:
    """`align_segments` on each (source segments, target segments) pair, in one programme
    (reader.core.align.batch): the same beads, with their confidence left at 1.0. `anchors`
    may give each segment's (`find_anchors` of it with `glossary`), found cheaper elsewhere;
    `features` each segment's `paragraph_features` (with those, `glossary` and the lexicon's
    stemmer)."""
    glossary = glossary if glossary is not None else Glossary.load()
    if src_lang != "ar" and tgt_lang == "ar":
        swapped = align_segment_batch([(t, s) for s, t in problems], tgt_lang, src_lang,
                                      glossary, params,
                                      None if anchors is None else [(t, s) for s, t in anchors],
                                      None if features is None else [(t, s) for s, t in features])
        return [swap_beads(beads) for beads in swapped]
    params = replace(params, passes=1, unit_pass=False)
    out: list[list[Bead]] = []
    batch = []  # problems the batch takes: no side empty, a band of one pass around the diagonal
    for k, (s, t) in enumerate(problems):
        n, m = len(s), len(t)
        if n == 0 or m == 0:
            out.append([Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)])
        elif diagonal_half(n, m, params) > half_cap(n, params):
            out.append(align_segments(s, t, src_lang, tgt_lang, glossary, params))
        else:
            out.append([])
            batch.append(k)
    if not batch:
        return out
    texts = [problems[k] for k in batch]
    src_texts = [x for s, _ in texts for x in s]
    tgt_texts = [y for _, t in texts for y in t]
    given = None if anchors is None else [anchors[k] for k in batch]
    words = Lexicon.load()
    if features is not None:  # as side_features makes them of BODY segments
        src = segment_side([f for k in batch for f in features[k][0]], src_texts, src_lang)
        tgt = segment_side([f for k in batch for f in features[k][1]], tgt_texts, tgt_lang)
    else:
        src = side_features(src_texts, [Kind.BODY] * len(src_texts), src_lang, glossary, params,
                            None if given is None else [a for s, _ in given for a in s],
                            stemmer=words.stemmer)
        tgt = side_features(tgt_texts, [Kind.BODY] * len(tgt_texts), tgt_lang, glossary, params,
                            None if given is None else [a for _, t in given for a in t],
                            stemmer=words.stemmer)
    lexicon = None if src_lang == tgt_lang else words
    with stage(log, f"segment batch ({len(batch)} problems)", logging.DEBUG):
        found = align_sides_batch(src, tgt, blocks_of(texts), lexicon, params)
    for k, beads in zip(batch, found, strict=True):
        out[k] = beads
    return out
