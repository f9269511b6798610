"""The sentence pass: paragraph beads rebuilt from an alignment of the texts' sentences."""

# The paragraph programme considers beads of at most three paragraphs a side. Where the two texts
# break paragraphs at different places the true beads are long chains (4:3, 5:6), and a paragraph
# the translation left out hides inside the beads that approximate them. Aligning sentences in a
# narrow band around the paragraph path, then joining the paragraphs whose sentences are linked
# (as a reader would: two paragraphs correspond when they share a sentence), gives beads their real
# extent; a paragraph none of whose sentences is linked is left out. Paragraphs the first
# programme is sure were left out, and embedded posts it left out, keep their place (the sentence
# path is pinned to pass their corners), so that sentence-level noise cannot pull them into a bead;
# but not one beside a bead as long as the paragraph programme allows, which could not take it in.
# A sentence may face up to four of the other side's (UNIT_TYPES): unpunctuated Arabic makes
# whole paragraphs single units. A bead's confidence is the probability that the sentence path
# passes both its corners. Sentences are scored with their own lexical weight, and with priors
# tilted towards the bead types the pair's sentence counts call for (params.prior_tilt): where
# one side has 15 % more sentences (unpunctuated Arabic TED segments run into one sentence), a
# 1:2 is more likely than a 2:1, and where it has 30 % fewer (the Arabic Bible cuts verses at
# full stops the English has as colons), the other way round.

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from operator import itemgetter

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import band_centres, band_half
from reader.core.align.band_halves import Band, split_band, sweep_band
from reader.core.align.beads import Bead
from reader.core.align.clause_cuts import apart_costs, clause_cuts
from reader.core.align.dp import pin_points
from reader.core.align.edge_cover import edge_beads
from reader.core.align.fixed import forbid
from reader.core.align.model import Model, Problem
from reader.core.align.open_ends import open_after, open_joins
from reader.core.align.params import (
    UNIT_TYPES,
    AlignerParams,
    prior_tilt,
    unit_scoring,
)
from reader.core.align.post_pins import pinned_posts, posts_out
from reader.core.align.posterior import Sweeps
from reader.core.align.projection import vectors
from reader.core.align.space import Side, Space
from reader.core.align.structure import PairStructure, unit_structure
from reader.core.align.subedges import edge_runs
from reader.core.align.subjoins import continued, free_joins, paragraph_firsts
from reader.core.align.subunits import cut_sources, pin_threshold
from reader.core.align.unit_band import null_corners, unit_path
from reader.core.align.unit_beads import path_paragraph_runs
from reader.core.align.unit_pieces import Piece, balanced_pieces
from reader.core.align.unit_space import UnitSpans, unit_space
from reader.core.progress import CancelCheck


@dataclass(slots=True)
class Units:
    """The sentences of one side: their spans, and the paragraph each belongs to."""

    spans: UnitSpans
    paragraph: np.ndarray  # unit -> its paragraph
    first: np.ndarray  # paragraph -> its first unit; n + 1 entries, the last is the unit count
    null_score: np.ndarray  # what leaving each unit out scores (its paragraph's kind)
    posts: np.ndarray  # paragraph -> it is an embedded post (never translated as such)


def side_units(side: Side, pieces: Sequence[Piece], null_prior: float) -> Units:
    spans = UnitSpans.of(pieces, side.features, side.texts)
    paragraph = spans.paragraph
    first = np.searchsorted(paragraph, np.arange(len(side.texts) + 1)).astype(np.int64)
    null_score = (null_prior + side.null_bonus[paragraph]).astype(np.float32)
    posts = pinned_posts(side.kinds, side.texts)
    return Units(spans, paragraph, first, null_score, posts)


def align_by_units(
    src_side: Side,
    tgt_side: Side,
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
    beads: Sequence[Bead],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    pins: Sequence[tuple[int, int]] = (),
    left_out: tuple[np.ndarray, np.ndarray] | None = None,
    model: Model | None = None,
    fitted: list[Model] | None = None,
    structure: PairStructure | None = None,
    second_process: str = "no",
) -> list[Bead]:
    """Paragraph beads from a sentence alignment in a band around `beads` (`_by_units`), with
    cuts offered at the beads' edges where they join a chain (align.subedges)."""

    def run(p: AlignerParams, offered: list[tuple[int, int]] | None) -> list[Bead]:
        return _by_units(src_side, tgt_side, space, translation, beads, p, cancelled, pins,
                         left_out, model, fitted if offered is not None else None, structure,
                         second_process, offered)

    found = edge_runs(run, params)
    # (no join in a re-alignment: it could cross its pins or take in a paragraph kept out)
    return edge_beads(found, src_side, tgt_side, space, translation,
                      params.unit_trim_uncovered,
                      params.unit_join_covered and not pins and left_out is None)


def _by_units(
    src_side: Side,
    tgt_side: Side,
    space: Space,
    translation: sp.csr_matrix | Callable[[], sp.csr_matrix],
    beads: Sequence[Bead],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    pins: Sequence[tuple[int, int]] = (),
    left_out: tuple[np.ndarray, np.ndarray] | None = None,
    model: Model | None = None,
    fitted: list[Model] | None = None,
    structure: PairStructure | None = None,
    second_process: str = "no",
    offered: list[tuple[int, int]] | None = None,
) -> list[Bead]:
    """Paragraph beads from a sentence alignment in a band around `beads`. The path passes
    every paragraph corner of `pins`; the paragraphs `left_out` says (source, target: a flag
    per paragraph) stay out of every bead (reader.core.align.realign: fixed beads). Units are
    scored with `model` if given, else one fitted to their band, which is appended to
    `fitted` if given (a re-alignment scores with the whole pair's). `structure` (the
    paragraphs') gives the units that are whole paragraphs their shapes. `translation` may be
    a call that gives it (align.learnt_process), made once the units are. `second_process`
    ("no", "auto", "yes"): may a forked child share the band's work (align.band_halves)."""
    src_pieces, tgt_pieces = balanced_pieces(src_side, tgt_side, beads, params.unit_band)
    uncut = src_pieces
    src_pieces = cut_sources(src_side, tgt_side, space, translation, beads, src_pieces,
                             tgt_pieces, params, offered)
    uncut_t = tgt_pieces
    tgt_pieces = clause_cuts(tgt_side.texts, tgt_pieces, beads, uncut, params)
    clauses = None if uncut_t is tgt_pieces else continued(uncut_t, tgt_pieces)
    joins = None if uncut is src_pieces and clauses is None else (
        continued(uncut, src_pieces),
        np.zeros(len(tgt_pieces), dtype=bool) if clauses is None else clauses)
    # a clause cut off its sentence pays to be linked apart from it (align.clause_cuts)
    apart = None if clauses is None else (np.zeros(len(src_pieces), dtype=bool), clauses)
    src = side_units(src_side, src_pieces, params.unit_null_prior)
    tgt = side_units(tgt_side, tgt_pieces, params.unit_null_prior)
    opens = None if not params.unit_open_joins else (
        open_after(src_side.texts, src.first), open_after(tgt_side.texts, tgt.first))
    units_space = unit_space(space, src_side.features, src.spans, tgt_side.features, tgt.spans)
    points = unit_path(beads, src, tgt)
    threshold = pin_threshold(src_side, beads, uncut, uncut_t, params)
    # no pin at all (the Arabic runs on): posts are kept out of every bead, not pinned (post_pins)
    free_posts = params.unit_posts_free and threshold > 1.0
    corners = null_corners(beads, src, tgt, threshold, not free_posts)
    corners += [(int(src.first[i]), int(tgt.first[j])) for i, j in pins]
    shapes = None
    if structure is not None:
        shapes = unit_structure(structure, src.paragraph, src.first, tgt.paragraph, tgt.first)
    out_units = None
    if left_out is not None:
        out_units = (left_out[0][src.paragraph], left_out[1][tgt.paragraph])
    if free_posts and (src.posts.any() or tgt.posts.any()):
        out_units = posts_out(beads, (src.posts, tgt.posts), (src.paragraph, tgt.paragraph),
                              left_out)
    # only now the learnt word pairs: a second process may still be learning them
    src_vec, tgt_vec = vectors(units_space, translation if isinstance(translation, sp.csr_matrix)
                               else translation())
    del units_space  # its matrices are tens of megabytes: gone before the band's tables
    # the programme costs per row: let the side with fewer sentences give the rows
    # (counted before the cuts: a piece of a cut sentence is no sentence)
    flip = len(tgt.paragraph) < len(uncut)
    rows, cols = (tgt, src) if flip else (src, tgt)
    row_vec, col_vec = (tgt_vec, src_vec) if flip else (src_vec, tgt_vec)
    if flip:
        points = points[:, ::-1]
        corners = [(j, i) for i, j in corners]
        out_units = out_units[::-1] if out_units is not None else None
        shapes = shapes.flipped() if shapes is not None else None
        joins = joins[::-1] if joins is not None else None
        opens = opens[::-1] if opens is not None else None
        apart = apart[::-1] if apart is not None else None
    if model is not None and flip:
        model = _flipped(model)
    # the priors lean towards the bead types the pair's sentence counts call for
    # (counted before the cuts: a piece of a cut sentence is no sentence)
    ratio = _matched_ratio(beads, src if uncut is src_pieces else replace(
        src, first=paragraph_firsts(uncut, len(src_side.texts))), tgt if uncut_t is tgt_pieces
        else replace(tgt, first=paragraph_firsts(uncut_t, len(tgt_side.texts))))
    found = _align_units(
        rows, cols, row_vec, col_vec, points, corners, params, cancelled, out_units, model,
        1.0 / ratio if flip else ratio, shapes, joins, second_process, opens, apart,
    )
    if found is None:
        return list(beads)  # no band of affordable size holds the path: keep the paragraphs'
    steps, sweeps, used = found
    if fitted is not None:
        fitted.append(_flipped(used) if flip else used)
    src_units, tgt_units = (steps[:, 1], steps[:, 0]) if flip else (steps[:, 0], steps[:, 1])
    # a bead is right when the sentence path passes through both its corners
    runs = path_paragraph_runs(src_units, tgt_units, src, tgt)
    corners_s = np.cumsum([0, *(len(s) for s, _ in runs)])
    corners_t = np.cumsum([0, *(len(t) for _, t in runs)])
    ends = np.stack([src.first[corners_s], tgt.first[corners_t]], axis=1)
    sure = sweeps.visits(ends[:, ::-1] if flip else ends)
    # each Bead made once, with how sure it is (thousands on a large pair)
    return [Bead(s, t, min(a, b)) for (s, t), a, b in zip(runs, sure[:-1], sure[1:], strict=True)]


def _align_units(
    src: Units,
    tgt: Units,
    src_vec: sp.csr_matrix,
    tgt_vec: sp.csr_matrix,
    points: np.ndarray,
    corners: list[tuple[int, int]],
    params: AlignerParams,
    cancelled: CancelCheck | None,
    left_out: tuple[np.ndarray, np.ndarray] | None = None,
    model: Model | None = None,
    ratio: float = 1.0,
    structure: PairStructure | None = None,
    joins: tuple[np.ndarray, np.ndarray] | None = None,
    second_process: str = "no",
    opens: tuple[np.ndarray, np.ndarray] | None = None,
    apart: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, Sweeps, Model] | None:
    """The banded programme over units around `points`, passing through `corners`; its
    path as each bead's type (an array of (rows, columns)), and the sweeps that tell how sure
    each point of it is. None when the band that holds the path would exceed the cell
    budget, or when a side has no units."""
    n, m = len(src.paragraph), len(tgt.paragraph)
    if n == 0 or m == 0:
        # every paragraph of one side stayed whole in a run left out (balanced_pieces): nothing
        # to link, and a band over no rows or columns has no cells to score
        return None
    pb = Problem(n, m, src_vec, tgt_vec, src.spans.length, tgt.spans.length, src.null_score,
                 tgt.null_score,
                 structure)
    centre = band_centres(n, m, points)
    half = band_half(points, n, centre, params.unit_band, max(kt for _, kt in UNIT_TYPES))
    if (n + 1) * (2 * half + 1) > params.max_cells:
        return None
    scoring = unit_scoring(params, prior_tilt(params, ratio))
    pinned = pin_points(corners)

    def adjust(band: dict[tuple[int, int], np.ndarray], start: int, end: int) -> None:
        # the band's rows start .. end - 1 (the two processes of align.band_halves adjust
        # each its own rows)
        scores = {t: table[start:end] for t, table in band.items()}
        at = centre[start:end]
        if joins is not None and params.unit_cut_free_joins:
            free_joins(scores, at, half, *joins, scoring.log_prior, start)
        if opens is not None:
            open_joins(scores, at, half, *opens, scoring.log_prior,
                       params.unit_open_joins, joins, start)
        if apart is not None:
            apart_costs(scores, at, half, *apart, params.unit_clause_apart, start)
        # no bead may straddle a pinned row, nor hold a unit that must be left out
        out_s, out_t = left_out or (None, None)
        forbid(scores, at, half, m, list(pinned), out_s, out_t, start)

    # the units' null scores carry the prior (Problem.src_null): the type's own is zero
    unit_params = replace(params, log_prior={**params.log_prior, (1, 0): 0.0, (0, 1): 0.0})
    _, model, forward, sweeps = sweep_band(
        Band(pb, centre, half, scoring, UNIT_TYPES, model=model), unit_params, cancelled,
        pinned, adjust, split=split_band(second_process, n))
    assert sweeps is not None
    # each unit bead's type (rows, columns) in order: what joining paragraphs reads of them
    # (read flat: a list of ~14,000 pairs converted as nested sequences costs twice as much)
    path = forward.path
    steps = np.fromiter(chain.from_iterable(map(itemgetter(0), path)), dtype=np.int64,
                        count=2 * len(path)).reshape(-1, 2)
    return steps, sweeps, model


def _flipped(model: Model) -> Model:
    """The same model with the sides swapped: the length ratio inverted, and the variance
    scaled so that every bead's standardised length difference stays the same."""
    return Model(1.0 / model.ratio, model.variance / model.ratio**3, model.chance,
                 model.threshold)


def _matched_ratio(beads: Sequence[Bead], src: Units, tgt: Units) -> float:
    """Target units per source unit in the beads that match paragraphs (paragraphs left out
    do not say how sentences pair up)."""
    fs, ft = src.first.tolist(), tgt.first.tolist()
    ks = sum(fs[b.src[-1] + 1] - fs[b.src[0]] for b in beads if not b.is_null)
    kt = sum(ft[b.tgt[-1] + 1] - ft[b.tgt[0]] for b in beads if not b.is_null)
    return kt / ks if ks and kt else 1.0
