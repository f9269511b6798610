"""The names scored by a forked child while the vector space is built: the space and translation
one process makes; a child given other names, or dying, answered here."""

from __future__ import annotations

import os
import pickle
import sys

import pytest

from reader.core.align import names_ahead, space
from reader.core.align.names_ahead import NamesAhead, name_lists, names_in_child, start_ahead
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.sound_alike import sound_alike
from reader.core.align.structure import SideShapes, joined, side_shapes
from reader.core.anchors.lexicon import Lexicon
from reader.core.idle_work import forget_idle_work, when_idle
from reader.core.second_process import Child
from reader.core.text.kinds import Kind
from tests.core.align.test_fast_paths import assert_same, assert_same_space
from tests.core.align.test_one_side import AR, EN, _side

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def _sides() -> tuple[space.Side, space.Side, Lexicon]:
    words = Lexicon.load()
    ar = [x for x in AR.read_text("utf-8").splitlines() if x]
    en = [x for x in EN.read_text("utf-8").splitlines() if x]
    return (_side(ar, [Kind.BODY] * len(ar), "ar", words),
            _side(en, [Kind.BODY] * len(en), "en"), words)


@linux
@pytest.mark.parametrize("with_structure", [False, True])
def test_the_space_is_the_same_with_the_names_ahead(with_structure: bool) -> None:
    src, tgt, words = _sides()
    assert src.readings is not None

    def shapes() -> SideShapes:
        return side_shapes(tgt.texts, tgt.features, None)

    ahead = start_ahead(src, tgt, words, DEFAULT_PARAMS, shapes if with_structure else None)
    assert ahead.child is not None and ahead.listing
    got, got_translation = space.pair_space(src, tgt, words, DEFAULT_PARAMS, ahead)
    assert ahead.child is None and ahead.answer is not None  # read
    want, want_translation = space.pair_space(src, tgt, words, DEFAULT_PARAMS)
    assert_same_space(got, want)
    assert_same(got_translation, want_translation)
    assert want_translation.nnz > 0
    if with_structure:
        got_shapes = ahead.side_shapes(lambda: pytest.fail("read here"))
        assert pickle.dumps(got_shapes) == pickle.dumps(shapes())
        # joined with the source's read here: the pair's structure, as read all here
        source = side_shapes(src.texts, src.features, words)
        joint = joined(source, got_shapes)
        want = joined(source, shapes())
        for got_side, want_side in ((joint.src, want.src), (joint.tgt, want.tgt)):
            assert got_side.keys.shape == want_side.keys.shape
            assert (got_side.keys != want_side.keys).nnz == 0
            assert got_side.shape.tolist() == want_side.shape.tolist()
    else:
        assert ahead.side_shapes(shapes) is not None  # read here


@linux
def test_the_names_child_leaves_the_idle_work_to_a_longer_wait() -> None:
    # the names' child is done, or nearly, when the space reads it: work kept for a wait
    # (detection's reading ahead) done there would only delay the space; Model 1's wait,
    # after it, is long enough to hide it
    src, tgt, words = _sides()
    done: list[str] = []
    when_idle(lambda: done.append("ahead"))
    try:
        ahead = start_ahead(src, tgt, words, DEFAULT_PARAMS)
        assert ahead.child is not None
        ahead.settle()
        assert ahead.answer is not None and done == []
        later = Child.start(lambda: 1)
        assert later is not None and later.result(lambda x: x == 1) == 1
        assert done == ["ahead"]
    finally:
        forget_idle_work()


@linux
def test_the_names_listed_for_the_child_are_not_listed_again() -> None:
    src, tgt, words = _sides()
    assert src.readings is not None
    known = src.readings.written
    ahead = start_ahead(src, tgt, words, DEFAULT_PARAMS)
    try:
        assert ahead.listing
        got = ahead.names_of(src.features, tgt.features, known)
        assert got == name_lists(src.features, tgt.features, known) and got[0]
        assert ahead.answer is not None and got is ahead.answer[1]  # the child's lists
        # other stems, or other lists of features (even equal ones): listed here
        fewer = set(list(known)[1:])
        assert ahead.names_of(src.features, tgt.features, fewer) == name_lists(
            src.features, tgt.features, fewer)
        copied = list(src.features)
        again = ahead.names_of(copied, tgt.features, known)
        assert again == got and again is not ahead.answer[1]
    finally:
        ahead.stop()


def _same_found(got: tuple, want: tuple) -> bool:
    return all(a.dtype == b.dtype and a.tolist() == b.tolist()
               for a, b in zip(got, want, strict=True))


@linux
def test_a_child_given_other_names_is_not_read_for_them() -> None:
    ar, en = ["مرحبا", "سلمان", "بغداد"], ["Baghdad", "Salman", "Hello"]
    ahead = NamesAhead.start([], [], None, 0.7)
    assert ahead.child is None  # nothing to do
    ahead = NamesAhead(True, 0.7)
    ahead.child = names_ahead.Child.start(
        lambda: (sound_alike(ar[:1], en, 0.7), (ar[:1], en), None))
    assert _same_found(ahead.found(ar, en, 0.7), sound_alike(ar, en, 0.7))
    assert ahead.child is None and ahead.answer is not None  # read, and not used


@linux
def test_a_child_that_dies_or_answers_wrong_is_answered_here() -> None:
    ar, en = ["سلمان", "بغداد"], ["Baghdad", "Salman"]
    parent = os.getpid()

    def dying() -> object:
        if os.getpid() != parent:
            os._exit(3)
        return None

    for work in (dying, lambda: ("not", "arrays"), lambda: (sound_alike(ar, en, 0.7), "x"),
                 lambda: (sound_alike(ar, en, 0.7), (ar, en), "x"),
                 lambda: (sound_alike(ar, en, 0.7), (ar[:1], en[:1]), None),  # out of range
                 lambda: (sound_alike(ar, en, 0.7), (ar, "x"), None)):
        ahead = NamesAhead(True, 0.7, names_ahead.Child.start(work), shapes=True)
        assert _same_found(ahead.found(ar, en, 0.7), sound_alike(ar, en, 0.7))
        assert ahead.side_shapes(lambda: "here") == "here"  # type: ignore[arg-type,return-value,comparison-overlap]


def test_the_names_are_forked_only_when_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not names_in_child("no", 100_000)
    assert not names_in_child("yes", names_ahead.MIN_PARAGRAPHS - 1)
    monkeypatch.setattr(names_ahead, "core_to_spare", lambda idle_core: not idle_core)
    assert names_in_child("yes", names_ahead.MIN_PARAGRAPHS)
    assert not names_in_child("auto", names_ahead.MIN_PARAGRAPHS)
