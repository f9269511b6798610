"""A side made in the second process pickled by columns: unpickled equal to the one made."""

from __future__ import annotations

import pickle
from dataclasses import replace
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.side_pickle import (
    columns,
    packed_anchors,
    packed_mentions,
    packed_objects,
    packed_text,
    rows,
    unpacked_anchors,
    unpacked_mentions,
    unpacked_objects,
    unpacked_text,
)
from reader.core.align.side_process import _prepare, _Prepared
from reader.core.anchors.dates import DateMention
from reader.core.anchors.features import Anchors, Features
from reader.core.anchors.glossary import Glossary, Term, TermMention
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.numbers import NumberMention
from reader.core.text.document import Paragraph, Text
from reader.resources import CORPUS


class Other(Features):
    """Not exactly Features: pickled as it is."""


@pytest.mark.parametrize("name", ["iraq-assad-lesson.ar.txt", "iraq-assad-lesson.en.txt",
                                  "iraq-resistance-and-fall-of-assad.en.txt"])
def test_a_prepared_side_comes_back_equal(name: str) -> None:
    made = _prepare(CORPUS / name, "target", False, Glossary.load(()), Lexicon.load(),
                    DEFAULT_PARAMS, False)
    back = pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(back, _Prepared)
    assert back.text == made.text
    assert back.anchors == made.anchors
    for field in ("features", "texts", "lang", "kinds", "readings"):
        assert getattr(back.side, field) == getattr(made.side, field)
    assert np.array_equal(back.side.null_bonus, made.side.null_bonus)
    assert back.side.null_bonus.dtype == made.side.null_bonus.dtype
    assert (back.side.cuts is None) == (made.side.cuts is None)
    # the paragraph texts are the side's texts, as in the process that made them
    assert all(a is p.text for a, p in zip(back.side.texts, back.text.paragraphs, strict=True))


def test_columns_round_trip_and_refuse_other_classes() -> None:
    feats = [Features(3, ["a", "b"], ["k"], [], ["A", "B"], [0, 2], [1]),
             Features(0, [], [], [], [], [], [])]
    cols = columns(Features, feats)
    assert cols is not None
    assert rows(Features, cols, 2) == feats
    mixed = [*feats, Other(1, ["c"], [], [], ["c"], [0], [])]
    assert columns(Features, mixed) is None
    back = unpacked_objects(pickle.loads(pickle.dumps(packed_objects(Features, mixed))))
    assert back == mixed and type(back[2]) is Other
    assert unpacked_objects(packed_objects(Anchors, [Anchors(), Anchors()])) == [Anchors()] * 2


def test_a_text_whose_paragraph_is_no_slice_goes_whole() -> None:
    content = "one\n\ntwo"
    good = Text(content, [Paragraph(0, 0, 3, "one"), Paragraph(1, 5, 8, "two")], "en")
    assert len(packed_text(good)) > 1
    assert unpacked_text(pickle.loads(pickle.dumps(packed_text(good)))) == good
    odd = replace(good, paragraphs=[Paragraph(0, 0, 3, "ONE"), good.paragraphs[1]])
    assert len(packed_text(odd)) == 1
    assert unpacked_text(pickle.loads(pickle.dumps(packed_text(odd)))) == odd


_ints = st.integers(-3, 10**6)
_text = st.text(max_size=8)
_numbers = st.builds(NumberMention, st.floats(allow_nan=False), _ints, _ints, _text,
                     st.none() | _text, st.booleans(), st.booleans())
_dates = st.builds(DateMention, st.none() | _ints, st.none() | _ints, st.none() | _ints, _ints,
                   _ints, _text)
_terms = st.builds(TermMention, _text, _ints, _ints, _text)
_anchors = st.builds(Anchors, st.lists(_numbers, max_size=4), st.lists(_dates, max_size=3),
                     st.lists(_terms, max_size=4), st.lists(_text, max_size=2),
                     st.lists(_text, max_size=2), st.lists(_text, max_size=2))


def _round_trip(anchors: list[Anchors]) -> list[Anchors]:
    packed = packed_anchors(anchors)
    return unpacked_anchors(pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)))


@settings(max_examples=150, deadline=None)
@given(st.lists(_anchors, max_size=12))
def test_anchors_by_columns_come_back_equal_to_pickle_s_own(anchors: list[Anchors]) -> None:
    back = _round_trip(anchors)
    assert back == anchors == pickle.loads(pickle.dumps(anchors))
    for got, made in zip(back, anchors, strict=True):
        for name in ("numbers", "dates", "terms"):
            for a, b in zip(getattr(got, name), getattr(made, name), strict=True):
                assert type(a) is type(b) and vars(a) == vars(b) and hash(a) == hash(b)
                assert a is not b  # each mention a new object, with a dict of its own
        assert all(vars(a) is not vars(b) for a, b in pairwise(got.terms))


class OtherTerm(TermMention):
    """Not exactly TermMention."""


def test_mentions_not_all_of_one_plain_class_go_as_they_are() -> None:
    term = TermMention("t", 0, 1, "x")
    for lists in ([[term], [OtherTerm("t", 0, 1, "x")]],  # two classes
                  [[term], [term]],  # one object twice: stays one object
                  [[Term("t", ("a",), ("e",))]],  # slots: no __dict__
                  [[], []]):
        packed = packed_mentions(lists)
        assert packed[0] is None
        back = unpacked_mentions(pickle.loads(pickle.dumps(packed)))
        assert back == lists
    shared = unpacked_mentions(pickle.loads(pickle.dumps(packed_mentions([[term], [term]]))))
    assert shared[0][0] is shared[1][0]
    assert packed_mentions([[term], [TermMention("u", 1, 2, "y")]])[0] is TermMention
