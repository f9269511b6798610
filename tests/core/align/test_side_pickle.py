"""A side made in the second process pickled by columns: unpickled equal to the one made."""

from __future__ import annotations

import pickle
from dataclasses import replace

import numpy as np
import pytest

from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.side_pickle import (
    columns,
    packed_objects,
    packed_text,
    rows,
    unpacked_objects,
    unpacked_text,
)
from reader.core.align.side_process import _prepare, _Prepared
from reader.core.anchors.features import Anchors, Features
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
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
