"""Re-aligning around fixed beads: the gaps between them in pinned bands, nothing fixed moved."""

# A path pinned at a point is two paths joined, each the best on its side of the point. So the
# gaps between fixed beads (reader.core.align.fixed) are independent problems, and laying them
# one after another along one band with their corners pinned (as reader.core.align.batch lays
# out many small problems) aligns each exactly as alone, in one sweep of the programme, whose
# cost is per row rather than per problem. The fixed beads' own paragraphs are left out of the
# band: they would only cost rows. What a re-alignment costs is what its free paragraphs cost.
#
# Gaps share the pair's vector space and lexicon, and the word pairs the sentence pass learns
# come from the fixed beads as well as the new ones (the most reliable beads there are). Each
# band measures its chance and typical cosines on its own cells, as a whole-pair alignment does,
# and runs the same passes: a corridor of 1:1 beads around each gap's diagonal, every bead type
# around that, then the sentence pass with the gaps' corners pinned. Gaps whose diagonals need
# bands of very different widths (2 paragraphs against 46 beside 1 against 1) go in separate
# bands, so that one wide gap does not widen every row.

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.band import band_centres, band_half, diagonal_half, half_cap
from reader.core.align.beads import Bead
from reader.core.align.corridor import coarse_path
from reader.core.align.dp import path_to_beads, pin_points, run_dp
from reader.core.align.fixed import Gap, check_fixed, forbid, gaps_between, null_owners
from reader.core.align.model import Model, Problem
from reader.core.align.model_one import learnt_pairs
from reader.core.align.params import MATCH_TYPES, AlignerParams
from reader.core.align.posterior import backward
from reader.core.align.prepared import PreparedPair
from reader.core.align.scores import score_band
from reader.core.align.space import Side
from reader.core.align.unexplained import leave_out_unexplained
from reader.core.align.units import align_by_units
from reader.core.errors import Cancelled
from reader.core.progress import CancelCheck, ProgressCallback
from reader.core.timing import stage

log = logging.getLogger(__name__)

Point = tuple[int, int]


@dataclass(slots=True)
class _Band:
    """Gaps aligned in one band: their paragraphs one gap after another (band rows and columns
    to paragraphs of the pair), their corners in band coordinates, and where the first pass
    looks (each gap's diagonal, or a corridor found on blocks), how wide."""

    gaps: list[Gap]
    src_rows: np.ndarray
    tgt_rows: np.ndarray
    corners: list[Point]
    points: list[Point]
    half: int
    corridor: bool = False  # `points` is a corridor on blocks: every bead type from the start

    def problem(self, whole: Problem) -> Problem:
        s, t = self.src_rows, self.tgt_rows
        return Problem(len(s), len(t), whole.src_vec[s], whole.tgt_vec[t], whole.src_len[s],
                       whole.tgt_len[t], whole.src_null[s], whole.tgt_null[t],
                       whole.structure.take(s, t) if whole.structure is not None else None)

    def side(self, side: Side, rows: np.ndarray) -> Side:
        pick = rows.tolist()
        return Side([side.features[p] for p in pick], side.null_bonus[rows],
                    [side.texts[p] for p in pick], side.lang, [side.kinds[p] for p in pick])

    def left_out(self) -> tuple[np.ndarray, np.ndarray]:
        """Which band rows and columns are paragraphs of fixed null beads."""
        held = null_owners([b for g in self.gaps for b in g.nulls])
        return (np.array([("source", int(p)) in held for p in self.src_rows], dtype=bool),
                np.array([("target", int(p)) in held for p in self.tgt_rows], dtype=bool))

    def to_pair(self, beads: Sequence[Bead]) -> list[Bead]:
        """Beads of the band as beads of the pair."""
        s, t = self.src_rows, self.tgt_rows
        return [Bead(tuple(int(s[i]) for i in b.src), tuple(int(t[j]) for j in b.tgt),
                     b.confidence) for b in beads]


def realign(
    pair: PreparedPair,
    fixed: Sequence[Bead],
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    level: int,
) -> list[Bead]:
    """The pair's beads with every bead of `fixed` as given (in the pair's direction), the rest
    aligned around them. Raises AlignmentError if the fixed beads overlap or break order."""
    params = pair.params
    n, m = len(pair.src.features), len(pair.tgt.features)
    check_fixed(fixed, n, m)
    gaps, cuts = gaps_between(fixed, n, m)
    found: dict[Gap, list[Bead]] = {}
    if pair.automatic is not None:
        found = _agreeing(gaps, pair.automatic)
    busy = [g for g in gaps if g.needs_programme and g not in found]
    if busy:
        ready = pair.vectors(level)
        bands = _bands(busy, params)
        log.debug("%d gaps to align in %d bands, %d fixed beads", len(busy), len(bands),
                  len(fixed))
        beads: list[list[Bead]] = []
        with stage(log, f"paragraph passes ({len(busy)} gaps)", level):
            for k, band in enumerate(bands):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                beads.append(_paragraph_passes(band.problem(ready.problem), band, params,
                                               cancelled, pair.paragraph_model))
                if progress is not None:
                    progress(0.2 + 0.5 * (k + 1) / len(bands))
        if params.unit_pass:
            with stage(log, "sentence pass", level):
                translation = pair.translation
                if translation is None:
                    known = [Bead(b.src, b.tgt, 1.0 if b.is_confirmed else b.confidence)
                             for b in fixed]
                    known += [x for band, found_b in zip(bands, beads, strict=True)
                              for x in band.to_pair(found_b)]
                    translation = (ready.base_translation + learnt_pairs(
                        ready.space, known, ready.base_translation, params)).tocsr()
                for k, band in enumerate(bands):
                    sides = (band.side(pair.src, band.src_rows),
                             band.side(pair.tgt, band.tgt_rows))
                    # the fixed null beads' corners pinned only when the sentences need it:
                    # where the paragraph programme put them is often not where they belong
                    for pins in (band.corners, band.corners + _left_out_corners(beads[k], band)):
                        found_k = align_by_units(
                            *sides, ready.space, translation, beads[k], params, cancelled,
                            pins=pins, left_out=band.left_out(), model=pair.unit_model,
                            structure=band.problem(ready.problem).structure,
                        )
                        if _keeps_out(found_k, band):
                            beads[k] = found_k
                            break
                    # else the paragraph programme's beads, which keep them out by construction
        for band, band_beads in zip(bands, beads, strict=True):
            _split_by_gap(band, band.to_pair(band_beads), found)
    out: list[Bead] = []
    fresh: list[bool] = []  # which beads the programme made just now
    for k, gap in enumerate(gaps):
        made = _gap_beads(gap, found[gap]) if gap in found else gap.left_out()
        out += made
        fresh += [gap in busy] * len(made)
        if k < len(cuts):
            out.append(cuts[k])
            fresh.append(False)
    if busy and pair.document:
        out = _leave_out_fresh(out, fresh, pair)
    return out


def _leave_out_fresh(beads: list[Bead], fresh: Sequence[bool], pair: PreparedPair) -> list[Bead]:
    """`beads` with the unexplained 1:1 beads among those just made left out on both sides,
    as the first alignment's are (reader.core.align.unexplained): re-aligning a stale
    translation must not pair its leftovers again. Fixed beads, and the first alignment's beads
    kept where it agreed, stay as they are: the first were a person's, the second had their
    turn."""
    split = leave_out_unexplained(beads, pair.vectors().problem, pair.paragraph_model)
    if len(split) == len(beads):
        return beads
    out: list[Bead] = []
    k = 0
    for bead, made in zip(beads, fresh, strict=True):
        if split[k] == bead:
            out.append(bead)
            k += 1
        else:  # split into its 1:0 and 0:1
            out += split[k:k + 2] if made else [bead]
            k += 2
    return out


def _keeps_out(beads: Sequence[Bead], band: _Band) -> bool:
    """Whether every paragraph of a fixed null bead is in a null bead: the sentence pass never
    links their sentences, but it joins a paragraph to every one between two it links to."""
    src_out, tgt_out = band.left_out()
    return not any(not b.is_null and (src_out[list(b.src)].any() or tgt_out[list(b.tgt)].any())
                   for b in beads)


def _left_out_corners(beads: Sequence[Bead], band: _Band) -> list[Point]:
    """Both corners of each fixed null bead's paragraph where the paragraph programme put it:
    pinned, no paragraph of the other side is joined across it."""
    src_out, tgt_out = band.left_out()
    corners: list[Point] = []
    i = j = 0
    for b in beads:
        i1, j1 = i + len(b.src), j + len(b.tgt)
        if b.is_null and (src_out[list(b.src)].any() or tgt_out[list(b.tgt)].any()):
            corners += [(i, j), (i1, j1)]
        i, j = i1, j1
    return corners


def _agreeing(gaps: Sequence[Gap], automatic: Sequence[Bead]) -> dict[Gap, list[Bead]]:
    """The gaps where the automatic alignment agrees with the fixed beads, and its beads
    there: it passes both corners of the gap (so the fixed beads around it are its own
    beads) and leaves out every paragraph of the gap's fixed null beads. The best path
    between two points of the best path is that path: re-aligning such a gap would give its
    beads again, at a cost."""
    # the points the automatic path passes, and the beads between consecutive ones
    points: dict[Point, int] = {}
    i = j = 0
    for k, b in enumerate(automatic):
        points.setdefault((i, j), k)
        i, j = i + len(b.src), j + len(b.tgt)
    points.setdefault((i, j), len(automatic))
    out: dict[Gap, list[Bead]] = {}
    for gap in gaps:
        start, end = points.get((gap.i0, gap.j0)), points.get((gap.i1, gap.j1))
        if start is None or end is None:
            continue
        beads = list(automatic[start:end])
        held = null_owners(gap.nulls)
        if all(b.is_null for b in beads for k in _paragraphs(b) if k in held):
            out[gap] = beads
    return out


def _gap_beads(gap: Gap, beads: Sequence[Bead]) -> list[Bead]:
    """A gap's aligned beads with its fixed null beads put back as given."""
    held = null_owners(gap.nulls)
    out: list[Bead] = []
    for b in beads:
        owners = {id(held[k]) for k in _paragraphs(b) if k in held}
        if not owners:
            out.append(b)
            continue
        owner = held[next(k for k in _paragraphs(b) if k in held)]
        if len(owners) > 1 or not b.is_null:
            # the programme never pairs a paragraph it was told to leave out
            raise RuntimeError(f"re-alignment moved the fixed bead {owner}")
        if _paragraphs(b)[0] == _paragraphs(owner)[0]:
            out.append(owner)
    return out


def _paragraphs(b: Bead) -> list[tuple[str, int]]:
    return [("source", i) for i in b.src] + [("target", j) for j in b.tgt]


def _split_by_gap(band: _Band, beads: Sequence[Bead], found: dict[Gap, list[Bead]]) -> None:
    """Each bead to the gap holding its paragraphs (no bead crosses a gap's corner), in the
    band's order. By paragraph, not by place in the band: the sentence pass may put a
    paragraph left out on one side after one left out on the other side of a corner."""
    src_starts = np.array([g.i0 for g in band.gaps])
    tgt_starts = np.array([g.j0 for g in band.gaps])
    for b in beads:
        if b.src:
            k = int(np.searchsorted(src_starts, b.src[0], side="right")) - 1
            while band.gaps[k].i0 == band.gaps[k].i1:  # gaps with no source paragraph
                k -= 1
        else:
            k = int(np.searchsorted(tgt_starts, b.tgt[0], side="right")) - 1
            while band.gaps[k].j0 == band.gaps[k].j1:
                k -= 1
        found.setdefault(band.gaps[k], []).append(b)


# ---------------------------------------------------------------------------------------------
# the bands


def _need(gap: Gap, params: AlignerParams) -> int:
    """Half the width of the first band a gap needs: that of a whole pair of its size."""
    n, m = gap.i1 - gap.i0, gap.j1 - gap.j0
    return max(min(diagonal_half(n, m, params), max(n, m) + 3), -(-m // (2 * n)) + 2)


def _bands(gaps: Sequence[Gap], params: AlignerParams) -> list[_Band]:
    """Gaps by the width of band they need, rounded up to a power of two; a gap too long for a
    band that wide (a whole book left free) alone, in a corridor found on blocks."""
    rows = sum(g.i1 - g.i0 for g in gaps)
    one = max(_need(g, params) for g in gaps)
    if (rows + 1) * (2 * one + 1) <= params.max_cells:
        # one band: one model of the pair, as a whole-pair alignment fits
        return [_laid_out(list(gaps), one)]
    groups: dict[int, list[Gap]] = {}
    alone: list[Gap] = []
    for gap in gaps:
        need = _need(gap, params)
        if need > half_cap(gap.i1 - gap.i0, params):
            alone.append(gap)
        else:
            groups.setdefault(1 << (max(need, 1) - 1).bit_length(), []).append(gap)
    bands = [_laid_out(members, max(_need(g, params) for g in members))
             for _, members in sorted(groups.items())]
    return bands + [_laid_out([g], _need(g, params)) for g in alone]


def _laid_out(gaps: list[Gap], half: int) -> _Band:
    src_rows = np.concatenate([np.arange(g.i0, g.i1) for g in gaps])
    tgt_rows = np.concatenate([np.arange(g.j0, g.j1) for g in gaps])
    corners: list[Point] = [(0, 0)]
    points: list[Point] = [(0, 0)]
    for g in gaps:
        i0, j0 = corners[-1]
        n, m = g.i1 - g.i0, g.j1 - g.j0
        points += [(i0 + i, j0 + int(c)) for i, c in enumerate(band_centres(n, m, None))][1:]
        corners.append((i0 + n, j0 + m))
    return _Band(gaps, src_rows, tgt_rows, corners, points, half)


def _paragraph_passes(
    pb: Problem, band: _Band, params: AlignerParams, cancelled: CancelCheck | None,
    model: Model | None,
) -> list[Bead]:
    """The paragraph programme's passes over one band, its path pinned to the gaps' corners
    and kept off the fixed null beads' paragraphs; beads with their posteriors. Scored with
    `model` when given (the whole pair's: a band of a few gaps measures chance poorly and
    has too few beads to fit lengths to), else with one fitted to the band."""
    n, m = pb.n, pb.m
    pinned = pin_points(band.corners)
    src_out, tgt_out = band.left_out()
    points, half = band.points, band.half
    if len(band.gaps) == 1 and (n + 1) * (2 * half + 1) > params.max_cells:
        cap = half_cap(n, params)
        points, block = coarse_path(pb, half, cap, params, cancelled)
        half = max(params.band_refine, 2 * block + 8)
        band.corridor = True
    passes = max(1, params.passes)
    beads: list[Bead] | None = None
    for p in range(passes):
        first, last = p == 0, p == passes - 1
        centre = band_centres(n, m, points)
        if first:
            half = band_half(points, n, centre, half, 1)
        else:
            half = band_half(points, n, centre, params.band_refine, max(t[1] for t in MATCH_TYPES))
        types = MATCH_TYPES if not first or last or band.corridor else [(1, 1)]
        scores, _ = score_band(pb, centre, half, params, types, beads, model)
        forbid(scores, centre, half, m, list(pinned), src_out, tgt_out)
        forward = run_dp(pb, centre, half, scores, params, cancelled, pinned, sums=last)
        conf = [1.0] * len(forward.path)
        if last:
            conf = backward(pb, centre, half, scores, params, forward, pinned).bead_posteriors()
        beads = path_to_beads(forward.path, conf)
        points = [(0, 0)] + [(i, j) for _, i, j in forward.path]
    assert beads is not None
    return beads
