"""The outputs' JSON writer writes what `json.dumps` with an indent writes, byte for byte."""

from __future__ import annotations

import enum
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.export.json_text import dumps_indented


class Kind(enum.StrEnum):
    NAME = "name"


class Level(enum.IntEnum):
    HIGH = 3


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.sampled_from(["عَرَبيّ", "\u2028", "\x00", "\"\\/", "\ud800", "😀"]),
    st.sampled_from([Kind.NAME, Level.HIGH, -0.0, 1e300, 0.1]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.lists(inner, max_size=5).map(tuple),
        st.dictionaries(st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=600, deadline=None)
@given(VALUES, st.integers(0, 3))
def test_as_json_dumps_writes_it(value: object, indent: int) -> None:
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize(
    "value",
    [
        {1: "an int key", 2.5: [], None: {}, False: ()},  # keys json.dumps converts
        {"a": {"b": [[], {}, [{}], ({"c": math.nan},)]}},
        [b"bytes"],  # json.dumps refuses it, and says so
    ],
)
def test_what_it_leaves_to_json_dumps(value: object) -> None:
    try:
        expected = json.dumps(value, ensure_ascii=False, indent=1)
    except TypeError as exc:
        with pytest.raises(TypeError, match=str(exc)):
            dumps_indented(value)
    else:
        assert dumps_indented(value) == expected


def test_a_cycle_is_refused_as_json_dumps_refuses_it() -> None:
    cycle: list[object] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(cycle)
