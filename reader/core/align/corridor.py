"""The corridor of a pair too long for a wide band: a path found on blocks of paragraphs."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from reader.core.align.band import band_centres
from reader.core.align.dp import run_dp
from reader.core.align.model import Problem
from reader.core.align.params import AlignerParams
from reader.core.align.scores import score_band
from reader.core.progress import CancelCheck


def coarse_path(
    pb: Problem, half: int, cap: int, params: AlignerParams, cancelled: CancelCheck | None
) -> tuple[list[tuple[int, int]], int]:
    """The corridor of a pair too long for a wide band: align blocks of consecutive paragraphs
    (vectors and lengths summed) with 1:1 and null beads, then scale the path back up.
    Returns the path's points in paragraph coordinates and the block size."""
    n, m = pb.n, pb.m
    # blocks small enough that the fine band (two blocks either side) fits the cell budget
    block = max(2, (cap - 8) // 2)
    # The same share of each side in a block: where one side has more paragraphs (a text split
    # into sentences differently, 34,000 against 25,000), blocks of equal counts hold different
    # text, and the path on them was a staircase of 1:0 and 0:1 steps that no fine band held.
    if n >= m:
        src_block, tgt_block = block, max(1, round(block * m / n))
    else:
        src_block, tgt_block = max(1, round(block * n / m)), block
    nb, mb = -(-n // src_block), -(-m // tgt_block)

    def blocks(count: int, size: int, total: int) -> sp.csr_matrix:
        rows = np.arange(count) // size
        return sp.csr_matrix((np.ones(count, np.float32), (rows, np.arange(count))),
                             shape=(total, count))

    bs, bt = blocks(n, src_block, nb), blocks(m, tgt_block, mb)
    coarse = Problem(
        nb, mb, (bs @ pb.src_vec).tocsr(), (bt @ pb.tgt_vec).tocsr(),
        bs @ pb.src_len, bt @ pb.tgt_len, np.zeros(nb, np.float32), np.zeros(mb, np.float32),
    )
    c_half = min(max(params.band_min, abs(nb - mb) + 8, half // tgt_block + 8), max(nb, mb) + 3)
    centre = band_centres(nb, mb, None)
    scores, _ = score_band(coarse, centre, c_half, params, [(1, 1)])
    path = run_dp(coarse, centre, c_half, scores, params, cancelled).path
    points = [(0, 0)] + [(min(n, i * src_block), min(m, j * tgt_block)) for _, i, j in path]
    return points, block
