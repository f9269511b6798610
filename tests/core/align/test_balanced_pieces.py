"""The sentence pass's units taken in one go where the beads take every piece in order
(unit_pieces._in_order) are those the bead-by-bead walk gives (the reference), whatever the
beads."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.beads import Bead
from reader.core.align.prepared import PreparedPair
from reader.core.align.unit_pieces import _flat_pieces, _in_order, balanced_pieces
from reader.core.text.document import load_text
from tests.core.align import passes_reference as reference
from tests.paths import DATA


@cache
def _pair() -> PreparedPair:
    src = load_text(DATA / "real" / "udhr.ar.txt")
    tgt = load_text(DATA / "real" / "udhr.en.txt")
    return PreparedPair.of_texts(src, tgt)


@st.composite
def beads_of(draw: st.DrawFn, n: int, m: int) -> list[Bead]:
    """Beads covering n source and m target paragraphs in order, of any type up to 4:4."""
    beads: list[Bead] = []
    i = j = 0
    while i < n or j < m:
        ks = draw(st.integers(0, min(4, n - i)))
        kt = draw(st.integers(0 if ks else 1, min(4, m - j))) if j < m else 0
        if ks == 0 and kt == 0:
            ks = 1  # only the source has paragraphs left
        beads.append(Bead(tuple(range(i, i + ks)), tuple(range(j, j + kt))))
        i, j = i + ks, j + kt
    return beads


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), band=st.sampled_from([0, 1, 3, 8, 40]))
def test_units_in_one_go_are_the_walks(data: st.DataObject, band: int) -> None:
    pair = _pair()
    beads = data.draw(beads_of(len(pair.src.texts), len(pair.tgt.texts)))
    assert balanced_pieces(pair.src, pair.tgt, beads, band) == \
        reference.balanced_pieces(pair.src, pair.tgt, beads, band)


@pytest.mark.parametrize("band", [3, 8])
def test_the_usual_beads_take_every_piece_in_order(band: int) -> None:
    pair = _pair()
    n, m = len(pair.src.texts), len(pair.tgt.texts)
    beads = [Bead((i,), (i,)) for i in range(min(n, m))]
    beads += [Bead((i,), ()) for i in range(m, n)] + [Bead((), (j,)) for j in range(n, m)]
    src, tgt = _flat_pieces(pair.src), _flat_pieces(pair.tgt)
    got = _in_order(src, tgt, beads, band)
    want = reference.balanced_pieces(pair.src, pair.tgt, beads, band)
    if got is not None:
        assert got == want
    # beads that skip a paragraph are not in order: the walk decides
    assert _in_order(src, tgt, beads[1:], band) is None
