"""The pair's JSON written in two goes (before and after its divergences) is the same text."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.export.json_text import dumps_indented, dumps_nested
from reader.core.export.pair_json import pair_json_head, pair_json_text
from reader.core.pair import Pair, PairOptions, open_pair
from reader.resources import CORPUS


@pytest.fixture(scope="module")
def pair() -> Pair:
    """The built-in article against another translation: divergences of several kinds."""
    return open_pair(CORPUS / "iraq-assad-lesson.ar.txt",
                     CORPUS / "iraq-spectator-axis-of-resistance.en.txt", PairOptions())


def _before_detection(pair: Pair) -> Pair:
    return replace(pair, divergences=[])


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_written_in_two_goes_it_is_the_same(pair: Pair, data: st.DataObject) -> None:
    found = pair.divergences
    assert len(found) > 3
    chosen = data.draw(st.lists(st.sampled_from(found), max_size=len(found)))
    early = _before_detection(pair)
    head = pair_json_head(early)
    early.divergences = chosen
    assert pair_json_text(early, head) == pair_json_text(early)
    json.loads(pair_json_text(early, head))


def test_a_head_of_another_state_of_the_pair_is_not_used(pair: Pair) -> None:
    early = _before_detection(pair)
    head = pair_json_head(early)
    other = replace(early, divergences=list(pair.divergences))  # another pair object
    assert not head.fits(other)
    assert pair_json_text(other, head) == pair_json_text(other)
    early.alignment = replace(early.alignment)  # realigned meanwhile
    assert not head.fits(early)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=4), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(VALUES, st.integers(0, 3), st.integers(0, 3))
def test_a_nested_value_is_written_as_in_the_whole(value: object, indent: int,
                                                   depth: int) -> None:
    whole: object = value
    for _ in range(depth):
        whole = [whole]
    written = dumps_indented(whole, indent)
    nested = dumps_nested(value, indent, depth)
    assert nested is not None and nested in written
    unit = " " * indent
    start = sum(len("[\n" + unit * (k + 1)) for k in range(depth))
    assert written[start : start + len(nested)] == nested
