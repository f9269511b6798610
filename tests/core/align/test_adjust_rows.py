"""The sentence pass's score adjustments (free joins, open joins, clauses apart, forbidden
cells) and the structure bonus give, applied to a band's rows in two parts, what they give to
the whole band: the two processes of align.band_halves each adjust their own rows."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.band import band_centres
from reader.core.align.clause_cuts import apart_costs
from reader.core.align.fixed import forbid
from reader.core.align.model import Model, Problem
from reader.core.align.open_ends import open_joins
from reader.core.align.params import DEFAULT_PARAMS, NEG, UNIT_TYPES
from reader.core.align.structure import (
    HEADING,
    NONE,
    NUMBERED,
    SHORT,
    PairStructure,
    Shapes,
    add_structure,
)
from reader.core.align.subjoins import free_joins

Scores = dict[tuple[int, int], np.ndarray]


def _scores(rng: np.random.Generator, n: int, width: int) -> Scores:
    out = {}
    for t in UNIT_TYPES:
        table = rng.normal(size=(n + 1, width)).astype(np.float32)
        table[rng.random((n + 1, width)) < 0.1] = NEG
        out[t] = table
    return out


def _adjust(scores: Scores, centre: np.ndarray, half: int, m: int, flags: list[np.ndarray],
            pinned: list[int], start: int, end: int) -> None:
    part = {t: table[start:end] for t, table in scores.items()}
    at = centre[start:end]
    rs, cs, ro, co, ra, ca, out_s, out_t = flags
    prior = DEFAULT_PARAMS.log_prior
    free_joins(part, at, half, rs, cs, prior, start)
    open_joins(part, at, half, ro, co, prior, 0.5, (rs, cs), start)
    apart_costs(part, at, half, ra, ca, 1.5, start)
    forbid(part, at, half, m, pinned, out_s, out_t, start)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 60), m=st.integers(1, 60),
       half=st.integers(1, 8), cut=st.floats(0.0, 1.0))
def test_adjusting_the_rows_in_two_parts_gives_the_whole(seed: int, n: int, m: int, half: int,
                                                         cut: float) -> None:
    rng = np.random.default_rng(seed)
    centre = band_centres(n, m, None)
    width = 2 * half + 1
    flags = [rng.random(k) < 0.3 for k in (n, m, n, m, n, m, n, m)]
    pinned = sorted({int(x) for x in rng.integers(0, n + 1, 3)})
    whole = _scores(rng, n, width)
    parts = {t: table.copy() for t, table in whole.items()}
    _adjust(whole, centre, half, m, flags, pinned, 0, n + 1)
    split = round(cut * (n + 1))
    _adjust(parts, centre, half, m, flags, pinned, 0, split)
    _adjust(parts, centre, half, m, flags, pinned, split, n + 1)
    for t in whole:
        assert whole[t].tobytes() == parts[t].tobytes()


def _shapes(rng: np.random.Generator, k: int) -> Shapes:
    shape = rng.choice([NONE, HEADING, NUMBERED, SHORT], k).astype(np.int8)
    number = np.where(shape == NUMBERED, rng.integers(1, 4, k), -1).astype(np.int64)
    keys = sp.random(k, 12, density=0.4, format="csr", dtype=np.float32, random_state=rng)
    keys.data[:] = 1.0
    return Shapes(shape, number, keys.tocsr(), rng.integers(1, 6, k).astype(np.float32),
                  np.where(shape == HEADING, 1, 0).astype(np.int8))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 50), m=st.integers(1, 50),
       half=st.integers(1, 6), cut=st.floats(0.0, 1.0))
def test_the_structure_added_in_two_parts_gives_the_whole(seed: int, n: int, m: int,
                                                          half: int, cut: float) -> None:
    rng = np.random.default_rng(seed)
    structure = PairStructure(_shapes(rng, n), _shapes(rng, m))
    pb = Problem(n, m, None, None,  # type: ignore[arg-type]
                 rng.integers(1, 50, n).astype(np.float32),
                 rng.integers(1, 50, m).astype(np.float32),
                 np.zeros(n, dtype=np.float32), np.zeros(m, dtype=np.float32), structure)
    centre = band_centres(n, m, None)
    model = Model(1.0, 1.0, 0.1, 0.3)
    whole = _scores(rng, n, 2 * half + 1)
    parts = {t: table.copy() for t, table in whole.items()}
    add_structure(whole, pb, centre, half, model, DEFAULT_PARAMS)
    split = round(cut * (n + 1))
    add_structure(parts, pb, centre, half, model, DEFAULT_PARAMS, (0, split))
    add_structure(parts, pb, centre, half, model, DEFAULT_PARAMS, (split, n + 1))
    for t in whole:
        assert whole[t].tobytes() == parts[t].tobytes()
