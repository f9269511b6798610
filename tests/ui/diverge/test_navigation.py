"""Where F8 goes: the pure step over rows in reading order, for any beads and candidates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.diverge.navigation import step

rows = st.lists(st.tuples(st.integers(0, 30), st.booleans()), max_size=25).map(
    lambda pairs: sorted(pairs, key=lambda p: p[0]))


@given(rows, st.integers(0, 31), st.booleans())
def test_forward_from_a_bead_goes_to_the_first_candidate_at_or_after_it(
    pairs: list[tuple[int, bool]], anchor: int, forward: bool
) -> None:
    beads = [b for b, _ in pairs]
    candidates = [ok for _, ok in pairs]
    got = step(beads, candidates, anchor, None, forward)
    chosen = [r for r, ok in enumerate(candidates) if ok]
    if not chosen:
        assert got is None
        return
    assert got is not None and candidates[got]
    if forward:
        later = [r for r in chosen if beads[r] >= anchor]
        assert got == (later[0] if later else chosen[0])  # wraps round
    else:
        earlier = [r for r in chosen if beads[r] < anchor]
        assert got == (earlier[-1] if earlier else chosen[-1])


@given(rows, st.data())
def test_from_the_current_row_each_candidate_of_its_bead_comes_in_turn(
    pairs: list[tuple[int, bool]], data: st.DataObject
) -> None:
    beads = [b for b, _ in pairs]
    candidates = [ok for _, ok in pairs]
    if not any(candidates):
        return
    current = data.draw(st.integers(0, len(beads) - 1))
    got = step(beads, candidates, beads[current], current, True)
    later = [r for r, ok in enumerate(candidates) if ok and r > current]
    assert got == (later[0] if later else candidates.index(True))
    back = step(beads, candidates, beads[current], current, False)
    earlier = [r for r, ok in enumerate(candidates) if ok and r < current]
    assert back == (earlier[-1] if earlier else max(r for r, ok in enumerate(candidates) if ok))


def test_the_issue_case_from_bead_27() -> None:
    beads = [3, 10, 10, 11, 14, 19, 26, 28, 36]
    assert beads[step(beads, [True] * 9, 27, 1, True)] == 28  # the selected row is elsewhere
