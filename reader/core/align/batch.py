"""Many small alignments in one programme, each as `aligner.align_segments` makes it alone."""

# The divergence detector realigns the sentences of every 1:n bead that looks short of a sentence,
# a hundred or more on a long pair. `align_segments` pays the aligner's whole fixed cost on each
# call (a vector space, lexicon and name matrices, band scoring, the programme's sweeps), and for a
# handful of sentences that cost is nearly all of it. Here the problems share it:
#
# - their sentences get their features in one pass; each problem's vectors are those of its own
#   space (`space.pair_space`: its vocabulary, idf over its own sentences, lexicon and
#   names), set side by side (`block_space`) so that two problems' vectors share no column;
# - each problem keeps its length model (the ratio of its totals) and the chance and typical
#   cosines of its own band; the scorer reads them per row (`model.RowModels`);
# - the problems follow one another along the diagonal of one band, each centred on its own
#   diagonal, in a band as wide as `align_segments` gives it, and the path is pinned to pass every
#   problem's corners with no bead straddling them: the best path is each problem's best path,
#   joined.
#
# The beads are `align_segments`' up to rounding: a dot product adds the same terms, perhaps in
# another order (scipy keeps the index order its operations leave), and the programme's running
# totals carry the problems before; either can only decide an exact tie. Beads carry no posterior
# (confidence 1.0): the callers want the path.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import band_centres, diagonal_half, dot_band, half_cap
from reader.core.align.beads import Bead
from reader.core.align.block_space import block_vectors
from reader.core.align.dp import Pins, Step, pin_points, run_dp
from reader.core.align.model import (
    Model,
    Problem,
    RowModels,
    SelfDots,
    band_cosines,
    estimate_model,
)
from reader.core.align.params import MATCH_TYPES, NEG, AlignerParams
from reader.core.align.scores import bead_scores
from reader.core.align.space import Side
from reader.core.anchors.features import Features
from reader.core.anchors.lexicon import Lexicon
from reader.core.text.kinds import Kind

SegmentProblem = tuple[Sequence[str], Sequence[str]]  # source segments, target segments


def problem_half(n: int, m: int, params: AlignerParams) -> int:
    """Half the width of the band `align_segments` aligns n against m segments in (one pass,
    around the diagonal, no wider than the problem)."""
    return min(diagonal_half(n, m, params), max(n, m) + 3)


def batch_group(n: int, m: int, src_lang: str, tgt_lang: str, params: AlignerParams) -> int:
    """Which band `aligner.align_segment_batch` aligns a problem of n source and m target
    segments in (0: none, it is aligned alone). Each band's problems are aligned apart from the
    others' (their own vectors, models and programme), so a batch may be cut into parts along
    these groups, each part aligned alone, with the same beads (diverge.sentences does)."""
    if src_lang != "ar" and tgt_lang == "ar":  # the batch aligns from the Arabic side
        n, m = m, n
    if n == 0 or m == 0 or diagonal_half(n, m, params) > half_cap(n, params):
        return 0
    return _group_half(n, m, params)


def align_sides_batch(
    src: Side, tgt: Side, blocks: Sequence[Block], lexicon: Lexicon | None, params: AlignerParams
) -> list[list[Bead]]:
    """The beads of each block's problem: `src` and `tgt` hold every problem's segments, one
    problem after another, and no side of a block is empty. `lexicon` None: one language."""
    src_vec, tgt_vec = block_vectors(src, tgt, blocks, lexicon, params)
    src_len = np.array([max(1, f.length) for f in src.features], dtype=np.float32)
    tgt_len = np.array([max(1, f.length) for f in tgt.features], dtype=np.float32)
    out: list[list[Bead]] = [[] for _ in blocks]
    for half, members in _band_groups(blocks, params).items():
        rows = np.concatenate([np.arange(blocks[k].i0, blocks[k].i1) for k in members])
        cols = np.concatenate([np.arange(blocks[k].j0, blocks[k].j1) for k in members])
        group = _Group(_laid_out([(blocks[k].n, blocks[k].m) for k in members]))
        pb = Problem(
            len(rows), len(cols), src_vec[rows], tgt_vec[cols], src_len[rows], tgt_len[cols],
            src.null_bonus[rows], tgt.null_bonus[cols],
        )
        for k, beads in zip(members, _align_group(pb, group, half, params), strict=True):
            out[k] = beads
    return out


def segment_side(features: list[Features], texts: Sequence[str], lang: str) -> Side:
    """The side `space.side_features` makes of segments (all BODY) whose features are given."""
    return Side(features, np.zeros(len(features), dtype=np.float32), texts, lang,
                [Kind.BODY] * len(features))


# ---------------------------------------------------------------------------------------------
# where each problem sits


@dataclass(frozen=True, slots=True)
class Block:
    """One problem's segments: source rows [i0, i1) and target rows [j0, j1) of the batch."""

    i0: int
    i1: int
    j0: int
    j1: int

    @property
    def n(self) -> int:
        return self.i1 - self.i0

    @property
    def m(self) -> int:
        return self.j1 - self.j0


def blocks_of(problems: Sequence[SegmentProblem]) -> list[Block]:
    """The problems' segments one after another."""
    return _laid_out([(len(s), len(t)) for s, t in problems])


def _laid_out(sizes: Sequence[tuple[int, int]]) -> list[Block]:
    out = []
    i = j = 0
    for n, m in sizes:
        out.append(Block(i, i + n, j, j + m))
        i, j = i + n, j + m
    return out


@dataclass(slots=True)
class _Group:
    """Problems laid along one band, their blocks counted from the first."""

    blocks: list[Block]

    def row_problem(self, n: int) -> np.ndarray:
        """For each band row 0..n, the problem whose beads end there (row 0: the first)."""
        ends = np.array([b.i1 for b in self.blocks])
        return np.minimum(np.searchsorted(ends, np.arange(n + 1)), len(self.blocks) - 1)

    def corners(self) -> list[tuple[int, int]]:
        """Where one problem ends and the next begins, and both ends of the band."""
        return [(b.i0, b.j0) for b in self.blocks] + [(self.blocks[-1].i1, self.blocks[-1].j1)]

    def centre(self) -> np.ndarray:
        """Each problem's diagonal, one after another."""
        parts = [np.zeros(1, dtype=np.int64)]
        parts += [b.j0 + band_centres(b.n, b.m, None)[1:] for b in self.blocks]
        return np.concatenate(parts)


def _band_groups(blocks: Sequence[Block], params: AlignerParams) -> dict[int, list[int]]:
    """Problems that can share a band, by its half width.

    A problem whose own band holds all its cells (half >= m) aligns the same in any band that
    does: those go by the narrowest of a few widths that holds them (scoring costs per cell of
    the band, and each band a little of its own). A problem whose band is narrower than it
    needs a band of exactly its width, so that the programme sees the same cells."""
    groups: dict[int, list[int]] = {}
    for k, b in enumerate(blocks):
        groups.setdefault(_group_half(b.n, b.m, params), []).append(k)
    return dict(sorted(groups.items()))


def _group_half(n: int, m: int, params: AlignerParams) -> int:
    half = problem_half(n, m, params)
    if half >= m:
        half = max(4, 1 << (m - 1).bit_length())  # the power of two at or above m
    return half


# ---------------------------------------------------------------------------------------------
# the programme


def _align_group(pb: Problem, group: _Group, half: int, params: AlignerParams) -> list[list[Bead]]:
    """One band holding the group's problems: each problem's model, the path pinned to its
    corners, and the path cut back into the problems' beads."""
    centre = group.centre()
    dot_half = half + 8  # as score_band reads it
    dots = dot_band(pb.src_vec, pb.tgt_vec, centre, dot_half)
    src_self = SelfDots.of(pb.src_vec, max(ks for ks, _ in MATCH_TYPES))
    tgt_self = SelfDots.of(pb.tgt_vec, max(kt for _, kt in MATCH_TYPES))
    cosines = _own_cosines(
        band_cosines(dots, dot_half, src_self, tgt_self, centre, pb.m), group, centre, dot_half
    )
    chance, match = _band_cosines(cosines, group)
    models = [_problem_model(pb, b, c, t, params)
              for b, c, t in zip(group.blocks, chance, match, strict=True)]
    row_models = RowModels.of(
        models,
        [pb.src_len[b.i0 : b.i1] for b in group.blocks],
        [pb.tgt_len[b.j0 : b.j1] for b in group.blocks],
        group.row_problem(pb.n),
    )
    scores = bead_scores(
        pb, centre, half, dots, dot_half, src_self, tgt_self, row_models, params, MATCH_TYPES
    )
    pinned = pin_points(group.corners())
    _forbid_straddling(scores, pinned)
    path = run_dp(pb, centre, half, scores, params, None, pinned).path
    return _cut(path, group)


def _own_cosines(
    cosines: np.ndarray, group: _Group, centre: np.ndarray, dot_half: int
) -> np.ndarray:
    """The band's cosines with those between two problems' segments set to NaN, as cells
    outside the text are in a problem's own band."""
    n, width = cosines.shape
    j = centre[:n, None] + np.arange(width)[None, :] - dot_half
    row_block = group.row_problem(n)[1:]  # source segment a ends on row a + 1
    lo = np.array([b.j0 for b in group.blocks])[row_block][:, None]
    hi = np.array([b.j1 for b in group.blocks])[row_block][:, None]
    return np.where((j >= lo) & (j < hi), cosines, np.nan)


_NO_VECTORS = sp.csr_matrix((0, 0), dtype=np.float32)


def _problem_model(
    pb: Problem, block: Block, chance: float, match: float, params: AlignerParams
) -> Model:
    """The model `score_band` fits to one problem alone: its length totals, its band's
    chance and typical cosines (`_band_cosines`)."""
    lengths = Problem(  # estimate_model reads only the lengths (no beads given)
        block.n, block.m, _NO_VECTORS, _NO_VECTORS, pb.src_len[block.i0 : block.i1],
        pb.tgt_len[block.j0 : block.j1], pb.src_null[block.i0 : block.i1],
        pb.tgt_null[block.j0 : block.j1],
    )
    return estimate_model(lengths, None, chance, match, params)


def _band_cosines(cosines: np.ndarray, group: _Group) -> tuple[list[float], list[float]]:
    """`chance_cosine` and `match_cosine` of each problem's rows of the band's cosines, all
    problems at once (their medians from one sort, not a call of numpy's each)."""
    width = cosines.shape[1]
    sizes = np.array([b.n for b in group.blocks], dtype=np.int64)
    row_of = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    edges = cosines[:, [0, 1, -2, -1]]
    known = ~np.isnan(edges)
    chance = _medians(edges[known], np.repeat(row_of, 4)[known.ravel()], len(sizes))
    mid = width // 2
    near = np.nan_to_num(cosines[:, max(0, mid - 3) : mid + 4], nan=0.0)
    match = (_medians(near.max(axis=1), row_of, len(sizes)) if near.size
             else [0.0] * len(sizes))
    return chance, match


def _medians(values: np.ndarray, problem: np.ndarray, n: int) -> list[float]:
    """`float(np.median(...))` of each problem's values (none NaN), 0.0 where it has none:
    the middle value, or the mean of the middle two in the values' dtype, as np.median
    takes it."""
    count = np.bincount(problem, minlength=n)
    v = values[np.lexsort((values, problem))]
    start = np.cumsum(count) - count
    upper = np.minimum(start + count // 2, max(0, len(v) - 1))
    lower = np.maximum(start + (count - 1) // 2, 0)
    if not len(v):
        return [0.0] * n
    low, high = v[lower], v[upper]
    even = (low + high) / low.dtype.type(2)  # (np.mean of the two, in their dtype)
    middle = np.where(count % 2 == 1, high, even)
    return np.where(count > 0, middle, 0.0).astype(values.dtype).tolist()


def _forbid_straddling(scores: dict[tuple[int, int], np.ndarray], pinned: Pins) -> None:
    """No bead may straddle a pinned row (a bead of ks rows ending less than ks rows after
    it would start before it)."""
    for row in pinned:
        for (ks, _), table in scores.items():
            table[row + 1 : row + ks] = NEG


def _cut(path: Sequence[Step], group: _Group) -> list[list[Bead]]:
    """The path's beads (confidence 1.0), each in its problem's own numbering: its steps' problems
    found at once (a step with source rows by where they start, else by its target's)."""
    out: list[list[Bead]] = [[] for _ in group.blocks]
    if not path:
        return out
    steps = np.array([(ks, kt, i, j) for (ks, kt), i, j in path], dtype=np.int64)
    ks, kt, i_end, j_end = steps.T
    src_starts = np.array([b.i0 for b in group.blocks])
    tgt_starts = np.array([b.j0 for b in group.blocks])
    problem = np.where(ks > 0, np.searchsorted(src_starts, i_end - ks, side="right"),
                       np.searchsorted(tgt_starts, j_end - kt, side="right")) - 1
    i_end = i_end - src_starts[problem]
    j_end = j_end - tgt_starts[problem]
    for p, a, b, c, d in zip(problem.tolist(), ks.tolist(), i_end.tolist(), kt.tolist(),
                             j_end.tolist(), strict=True):
        out[p].append(Bead(tuple(range(b - a, b)), tuple(range(d - c, d)), 1.0))
    return out
