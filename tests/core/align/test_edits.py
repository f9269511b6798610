"""Hand edits of an alignment: each edit, its errors, and random sequences undone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import Alignment, Bead, check_beads
from reader.core.align.edits import (
    Edit,
    EditError,
    apply_edit,
    confirm,
    confirm_through,
    count_states,
    leave_out,
    merge_next,
    merge_previous,
    move_first,
    move_last,
    pair_left_out,
    replace_all,
    split,
    undo_edit,
)


def _alignment(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> Alignment:
    beads = [Bead(s, t, 0.5 + k / 100) for k, (s, t) in enumerate(pairs)]
    return Alignment(beads, sum(len(s) for s, _ in pairs), sum(len(t) for _, t in pairs))


@pytest.fixture
def five() -> Alignment:
    # 1:1, 2:1, 1:0, 0:1, 1:2
    return _alignment(((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((), (2,)), ((4,), (3, 4)))


def _shape(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [(b.src, b.tgt, b.state) for b in alignment]


def test_merge_next_and_previous(five: Alignment) -> None:
    after = apply_edit(five, merge_next(five, 0))
    assert _shape(after)[0] == ((0, 1, 2), (0, 1), "edited")
    assert after[0].confidence == 1.0
    assert len(after) == 4
    assert apply_edit(five, merge_previous(five, 1)).beads == after.beads
    assert merge_previous(five, 1).label == "Merge with previous bead"


def test_split_where_asked_on_each_side(five: Alignment) -> None:
    edit = split(five, 1, 1, 0)
    after = apply_edit(five, edit)
    assert _shape(after)[1:3] == [((1,), (), "edited"), ((2,), (1,), "edited")]
    assert list(edit.changed) == [1, 2]
    after = apply_edit(five, split(five, 4, 1, 1))
    assert _shape(after)[4:] == [((4,), (3,), "edited"), ((), (4,), "edited")]


def test_move_first_and_last_paragraph(five: Alignment) -> None:
    after = apply_edit(five, move_first(five, 1, "source"))
    assert _shape(after)[:2] == [((0, 1), (0,), "edited"), ((2,), (1,), "edited")]
    after = apply_edit(five, move_last(five, 1, "source"))
    assert _shape(after)[1:3] == [((1,), (1,), "edited"), ((2, 3), (), "edited")]
    # a bead left with nothing on either side disappears
    after = apply_edit(five, move_first(five, 3, "target"))
    assert _shape(after)[2] == ((3,), (2,), "edited") and len(after) == 4


def test_leave_out_and_pair_again(five: Alignment) -> None:
    after = apply_edit(five, leave_out(five, "target", 4))
    assert _shape(after)[4:] == [((4,), (3,), "edited"), ((), (4,), "edited")]
    after = apply_edit(five, leave_out(five, "source", 0))
    assert _shape(after)[:2] == [((0,), (), "edited"), ((), (0,), "edited")]
    paired = apply_edit(after, pair_left_out(after, 1))
    assert _shape(paired)[0] == ((0,), (0,), "edited")
    assert apply_edit(five, pair_left_out(five, 2))[2].type == "1:1"


def test_confirm_and_confirm_through(five: Alignment) -> None:
    one = apply_edit(five, confirm(five, 2))
    assert one[2].state == "confirmed" and one[2].confidence == five[2].confidence
    edit = confirm_through(one, 3)
    assert edit.first == 0
    after = apply_edit(one, edit)
    assert count_states(after) == {"automatic": 1, "edited": 0, "confirmed": 4}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda a: merge_next(a, 4), "is the last"),
        (lambda a: merge_previous(a, 0), "is the first"),
        (lambda a: merge_next(a, 9), "there is no bead 10"),
        (lambda a: split(a, 0, 1, 1), "leaves one of its parts empty"),
        (lambda a: split(a, 1, 3, 0), "cannot be split"),
        (lambda a: move_first(a, 0, "source"), "no bead before"),
        (lambda a: move_first(a, 2, "target"), "has no target paragraph"),
        (lambda a: move_last(a, 4, "target"), "no bead after"),
        (lambda a: move_last(a, 1, "left"), "side must be"),
        (lambda a: leave_out(a, "source", 3), "left out already"),
        (lambda a: leave_out(a, "target", 7), "no target paragraph 8"),
        (lambda a: pair_left_out(a, 0), "is not a left-out paragraph"),
        (lambda a: confirm_through(apply_edit(a, confirm(a, 0)), 0), "confirmed already"),
    ],
)
def test_invalid_edits_say_why_in_one_line(five: Alignment, make, message: str) -> None:
    with pytest.raises(EditError, match=message) as caught:
        make(five)
    assert "\n" not in str(caught.value)


def test_a_paragraph_inside_a_bead_cannot_be_left_out() -> None:
    a = _alignment(((0, 1, 2), (0,)))
    with pytest.raises(EditError, match="inside bead 1"):
        leave_out(a, "source", 1)


def test_pairing_needs_a_neighbour_left_out_on_the_other_side() -> None:
    a = _alignment(((0,), ()), ((1,), ()), ((2,), (0,)))
    with pytest.raises(EditError, match="no neighbour with a left-out target"):
        pair_left_out(a, 0)


def test_undo_refuses_an_alignment_that_moved_on(five: Alignment) -> None:
    edit = merge_next(five, 0)
    with pytest.raises(EditError, match="no longer"):
        undo_edit(five, edit)


def test_replace_all_counts_only_what_differs(five: Alignment) -> None:
    new = apply_edit(five, merge_next(five, 2))
    edit = replace_all(five, new)
    assert (edit.first, len(edit.before), len(edit.after)) == (2, 2, 1)
    assert undo_edit(new, edit).beads == five.beads
    assert replace_all(five, five).before == ()


# ---- random sequences ---------------------------------------------------------------------

OPS = ("merge_next", "merge_previous", "split", "move_first", "move_last", "leave_out",
       "pair", "confirm", "confirm_through")


def _random_alignment(draw: st.DrawFn) -> Alignment:
    beads: list[Bead] = []
    i = j = 0
    for _ in range(draw(st.integers(1, 12))):
        ns, nt = draw(st.sampled_from([(1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (2, 2), (3, 1)]))
        state = draw(st.sampled_from(["automatic", "automatic", "edited", "confirmed"]))
        confidence = draw(st.floats(0.0, 1.0))
        beads.append(Bead(tuple(range(i, i + ns)), tuple(range(j, j + nt)), confidence, state))
        i, j = i + ns, j + nt
    return Alignment(beads, i, j)


@st.composite
def _sequences(draw: st.DrawFn) -> tuple[Alignment, list[tuple[str, int, int, int, str]]]:
    start = _random_alignment(draw)
    steps = draw(st.lists(
        st.tuples(st.sampled_from(OPS), st.integers(0, 40), st.integers(0, 3),
                  st.integers(0, 3), st.sampled_from(["source", "target"])),
        max_size=25,
    ))
    return start, steps


def _make(alignment: Alignment, op: str, k: int, a: int, b: int, side: str) -> Edit:
    bead = k % len(alignment)
    if op == "split":
        return split(alignment, bead, a, b)
    if op in ("move_first", "move_last"):
        return (move_first if op == "move_first" else move_last)(alignment, bead, side)
    if op == "leave_out":
        count = alignment.n_src if side == "source" else alignment.n_tgt
        return leave_out(alignment, side, k % max(count, 1))
    functions = {"merge_next": merge_next, "merge_previous": merge_previous,
                 "pair": pair_left_out, "confirm": confirm, "confirm_through": confirm_through}
    return functions[op](alignment, bead)


@settings(max_examples=300, deadline=None)
@given(_sequences())
def test_random_edit_sequences_keep_the_alignment_whole_and_undo_to_the_start(case) -> None:
    start, steps = case
    current = start
    done: list[Edit] = []
    for step in steps:
        try:
            edit = _make(current, *step)
        except EditError:
            continue
        current = apply_edit(current, edit)
        done.append(edit)
        # every paragraph of each side in exactly one bead, in order
        check_beads(current.beads, start.n_src, start.n_tgt)
        src = [i for bead in current for i in bead.src]
        tgt = [j for bead in current for j in bead.tgt]
        assert src == list(range(start.n_src)) and tgt == list(range(start.n_tgt))
        assert all(current[k].state != "automatic" for k in edit.changed)
    for edit in reversed(done):
        current = undo_edit(current, edit)
    assert current.beads == start.beads  # states and confidences too
