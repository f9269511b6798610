"""The cross-lingual paragraph aligner: anchors, a bilingual lexicon learnt on the fly, length."""

# How it works (see DESIGN.md):
# 1. Each paragraph is reduced to features (reader.core.anchors.features): content words,
#    language-neutral anchor keys (numbers, dates, glossary terms, handles, links) and name
#    candidates.
# 2. Source paragraphs are projected into the target's word space through a translation matrix
#    built from the shipped lexicon and transliterated-name matches; the sentence pass adds word
#    pairs learnt from the pair itself (co-occurrence over confidently aligned beads).
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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import band_centres, band_half, diagonal_half, half_cap
from reader.core.align.batch import SegmentProblem, align_sides_batch, blocks_of
from reader.core.align.beads import Alignment, Bead
from reader.core.align.dp import path_to_beads, run_dp
from reader.core.align.evidence import PairEvidence, measure
from reader.core.align.model import Problem
from reader.core.align.params import DEFAULT_PARAMS, MATCH_TYPES, AlignerParams
from reader.core.align.posterior import backward
from reader.core.align.scores import score_band
from reader.core.align.space import (
    Side,
    learnt_matrix,
    pair_space,
    side_features,
    vectors,
)
from reader.core.align.units import align_by_units
from reader.core.anchors.features import Anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.errors import Cancelled
from reader.core.gc_pause import gc_paused
from reader.core.progress import CancelCheck, ProgressCallback
from reader.core.text.document import Text
from reader.core.text.kinds import Kind
from reader.core.timing import stage

__all__ = [
    "align_segment_batch",
    "align_segments",
    "align_texts",
]

log = logging.getLogger(__name__)

# the beads of an alignment and how well they are supported (None when a side is empty)
_Aligned = tuple[list[Bead], PairEvidence | None]


def _coarse_path(
    pb: Problem, half: int, cap: int, params: AlignerParams, cancelled: CancelCheck | None
) -> tuple[list[tuple[int, int]], int]:
    """The corridor of a pair too long for a wide band: align blocks of consecutive paragraphs
    (vectors and lengths summed) with 1:1 and null beads, then scale the path back up.
    Returns the path's points in paragraph coordinates and the block size."""
    n, m = pb.n, pb.m
    # blocks small enough that the fine band (two blocks either side) fits the cell budget
    block = max(2, (cap - 8) // 2)
    nb, mb = -(-n // block), -(-m // block)

    def blocks(count: int, size: int, total: int) -> sp.csr_matrix:
        rows = np.arange(count) // size
        return sp.csr_matrix((np.ones(count, np.float32), (rows, np.arange(count))),
                             shape=(total, count))

    bs, bt = blocks(n, block, nb), blocks(m, block, mb)
    coarse = Problem(
        nb, mb, (bs @ pb.src_vec).tocsr(), (bt @ pb.tgt_vec).tocsr(),
        bs @ pb.src_len, bt @ pb.tgt_len, np.zeros(nb, np.float32), np.zeros(mb, np.float32),
    )
    c_half = min(max(params.band_min, abs(nb - mb) + 8, half // block + 8), max(nb, mb) + 3)
    centre = band_centres(nb, mb, None)
    scores = score_band(coarse, centre, c_half, params, [(1, 1)])
    path = run_dp(coarse, centre, c_half, scores, params, cancelled).path
    points = [(0, 0)] + [(min(n, i * block), min(m, j * block)) for _, i, j in path]
    return points, block


def _align_sides(
    src: Side,
    tgt: Side,
    lexicon: Lexicon | None,
    params: AlignerParams,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    level: int,
    support: bool = False,
) -> _Aligned:
    """Align two sides; `lexicon` None means both sides are in the same language. Stages are
    timed at log `level`. With `support`, also measures how well the beads are supported
    (else, or when a side is empty, None)."""
    n, m = len(src.features), len(tgt.features)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)], None
    with stage(log, "vector space", level):
        space, base_translation = pair_space(src, tgt, lexicon, params)
        src_vec, tgt_vec = vectors(space, base_translation.tocsr())
    src_len = np.array([max(1, f.length) for f in src.features], dtype=np.float32)
    tgt_len = np.array([max(1, f.length) for f in tgt.features], dtype=np.float32)
    pb = Problem(n, m, src_vec, tgt_vec, src_len, tgt_len, src.null_bonus, tgt.null_bonus)
    beads: list[Bead] | None = None
    path_points: list[tuple[int, int]] | None = None
    passes = max(1, params.passes)
    for p in range(passes):
        if cancelled is not None and cancelled():
            raise Cancelled()
        # a pass's tables die with the call: on a long pair they are most of the memory
        with stage(log, f"paragraph pass {p + 1} of {passes}", level):
            beads, path_points = _paragraph_pass(
                pb, beads, path_points, first=p == 0, last=p == passes - 1, params=params,
                cancelled=cancelled, level=level,
            )
        if progress is not None:
            progress(0.2 + (0.6 if params.unit_pass else 0.79) * (p + 1) / passes)
    assert beads is not None
    if params.unit_pass:
        # Word pairs learnt from the paragraph beads serve the sentence pass only: learnt from
        # the corridor pass's beads for the second paragraph pass they cost accuracy (seeds
        # 1-20: small-coupled strict F1 0.948 -> 0.959 without, omission recall 0.91 -> 0.95).
        with stage(log, "sentence pass", level):
            translation = base_translation + learnt_matrix(space, beads, params)
            beads = align_by_units(
                src, tgt, space, translation.tocsr(), beads, params, cancelled
            )
        if progress is not None:
            progress(0.99)
    if not support:
        return beads, None
    with stage(log, "support", level):
        return beads, measure(beads, src_vec, tgt_vec, src_len, tgt_len)


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
) -> tuple[list[Bead], list[tuple[int, int]]]:
    """One pass of the paragraph programme: in a wide band around the diagonal first (found on
    blocks of paragraphs when the pair is too long for that), then around the previous path."""
    n, m = pb.n, pb.m
    if path_points is None:
        half = diagonal_half(n, m, params)
        cap = half_cap(n, params)
        if half > cap:
            # too long for a band that wide: find the corridor on blocks of paragraphs
            with stage(log, "coarse path", level):
                path_points, block = _coarse_path(pb, half, cap, params, cancelled)
            half = max(params.band_refine, 2 * block + 8)
        half = min(half, max(n, m) + 3)
    refine = path_points is not None
    centre = band_centres(n, m, path_points)
    # the first pass only finds the corridor: the common bead types are enough for that
    types = MATCH_TYPES if refine or (first and last) else [(1, 1)]
    if path_points is not None and not first:
        # wide enough that the previous path, runs of 0:1 beads included, lies inside
        half = band_half(path_points, n, centre, params.band_refine, max(t[1] for t in types))
    log.debug("band: %d rows, half width %d, %d bead types", n + 1, half, len(types))
    scores = score_band(pb, centre, half, params, types, beads)
    # posteriors cost a forward and a backward sweep: only the last pass's beads need them
    forward = run_dp(pb, centre, half, scores, params, cancelled, sums=last)
    path = forward.path
    if last:
        with stage(log, "confidence", level):
            conf = backward(pb, centre, half, scores, params, forward).bead_posteriors()
    else:
        conf = [1.0] * len(path)
    return path_to_beads(path, conf), [(0, 0)] + [(i, j) for _, i, j in path]


# ----------------------------------------------------------------------------- public API


def _swap(beads: Sequence[Bead]) -> list[Bead]:
    return [Bead(b.tgt, b.src, b.confidence) for b in beads]


def _swapped(aligned: _Aligned) -> _Aligned:
    beads, evidence = aligned
    return _swap(beads), None if evidence is None else evidence.swapped()


@dataclass(slots=True)
class _Input:
    """One side as the aligner takes it: paragraph texts, kinds, language, anchors if known."""

    texts: Sequence[str]
    kinds: Sequence[Kind]
    lang: str
    anchors: Sequence[Anchors] | None = None


def _align_any(
    source: _Input,
    target: _Input,
    glossary: Glossary,
    params: AlignerParams,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    level: int,
    support: bool = False,
) -> _Aligned:
    """Align in whichever direction the lexicon reads (Arabic to English), then put it back."""
    if source.lang != "ar" and target.lang == "ar":
        return _swapped(
            _align_any(target, source, glossary, params, progress, cancelled, level, support)
        )
    # the lexicon's stemmer reads Arabic on either side: it tells clitics from letters of words
    with stage(log, "lexicon", level):
        words = Lexicon.load()
    with stage(log, f"features source ({len(source.texts)} paragraphs)", level):
        src = side_features(
            source.texts, source.kinds, source.lang, glossary, params, source.anchors,
            cancelled, words.stemmer,
        )
    with stage(log, f"features target ({len(target.texts)} paragraphs)", level):
        tgt = side_features(
            target.texts, target.kinds, target.lang, glossary, params, target.anchors,
            cancelled, words.stemmer,
        )
    src_lang, tgt_lang = source.lang, target.lang
    if progress is not None:
        progress(0.2)
    lexicon = None if src_lang == tgt_lang else words
    return _align_sides(src, tgt, lexicon, params, progress, cancelled, level, support)


def align_texts(
    source: Text,
    target: Text,
    glossaries: Sequence[Path] = (),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
) -> Alignment:
    """Align two texts paragraph by paragraph. Deterministic for the same input."""
    with gc_paused(), stage(log, "alignment"):
        return _align_texts(source, target, glossaries, progress, cancelled, params)


def _align_texts(
    source: Text,
    target: Text,
    glossaries: Sequence[Path],
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    params: AlignerParams,
) -> Alignment:
    with stage(log, "glossary"):
        glossary = Glossary.load(glossaries)
    if progress is not None:
        progress(0.0)
    with stage(log, "anchors source"):
        src_anchors = text_anchors(source, glossary, cancelled)
    with stage(log, "anchors target"):
        tgt_anchors = text_anchors(target, glossary, cancelled)
    beads, evidence = _align_any(
        _Input(
            [p.text for p in source.paragraphs],
            [p.kind for p in source.paragraphs],
            source.language,
            src_anchors,
        ),
        _Input(
            [p.text for p in target.paragraphs],
            [p.kind for p in target.paragraphs],
            target.language,
            tgt_anchors,
        ),
        glossary,
        params,
        progress,
        cancelled,
        logging.INFO,
        support=True,
    )
    if progress is not None:
        progress(1.0)
    return Alignment(beads, len(source.paragraphs), len(target.paragraphs), evidence=evidence)


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
    return _align_any(
        _Input(src_segments, [Kind.BODY] * len(src_segments), src_lang),
        _Input(tgt_segments, [Kind.BODY] * len(tgt_segments), tgt_lang),
        glossary,
        replace(params, passes=1, unit_pass=False),
        None,
        None,
        logging.DEBUG,  # realigning one bead's sentences is a detail of detection
    )[0]


def align_segment_batch(
    problems: Sequence[SegmentProblem],
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | None = None,
    params: AlignerParams = DEFAULT_PARAMS,
) -> list[list[Bead]]:
    """`align_segments` on each (source segments, target segments) pair, in one programme
    (reader.core.align.batch): the same beads, with their confidence left at 1.0."""
    glossary = glossary if glossary is not None else Glossary.load()
    if src_lang != "ar" and tgt_lang == "ar":
        swapped = align_segment_batch([(t, s) for s, t in problems], tgt_lang, src_lang,
                                      glossary, params)
        return [_swap(beads) for beads in swapped]
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
    words = Lexicon.load()
    src = side_features(src_texts, [Kind.BODY] * len(src_texts), src_lang, glossary, params,
                        stemmer=words.stemmer)
    tgt = side_features(tgt_texts, [Kind.BODY] * len(tgt_texts), tgt_lang, glossary, params,
                        stemmer=words.stemmer)
    lexicon = None if src_lang == tgt_lang else words
    with stage(log, f"segment batch ({len(batch)} problems)", logging.DEBUG):
        found = align_sides_batch(src, tgt, blocks_of(texts), lexicon, params)
    for k, beads in zip(batch, found, strict=True):
        out[k] = beads
    return out
