"""The names scored by a forked child while the vector space is built: the space and translation
one process makes; a child given other names, or dying, answered here."""

from __future__ import annotations

import os
import sys

import pytest

from reader.core.align import names_ahead, space
from reader.core.align.names_ahead import NamesAhead, names_in_child
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.sound_alike import sound_alike
from reader.core.anchors.lexicon import Lexicon
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
def test_the_space_is_the_same_with_the_names_ahead() -> None:
    src, tgt, words = _sides()
    assert src.readings is not None
    got, got_translation = space.pair_space(src, tgt, words, DEFAULT_PARAMS, fork=True)
    want, want_translation = space.pair_space(src, tgt, words, DEFAULT_PARAMS)
    assert_same_space(got, want)
    assert_same(got_translation, want_translation)
    assert want_translation.nnz > 0


def _same_found(got: tuple, want: tuple) -> bool:
    return all(a.dtype == b.dtype and a.tolist() == b.tolist()
               for a, b in zip(got, want, strict=True))


@linux
def test_a_child_given_other_names_is_not_read() -> None:
    ar, en = ["مرحبا", "سلمان", "بغداد"], ["Baghdad", "Salman", "Hello"]
    ahead = NamesAhead(ar[:1], en, 0.7, None)
    ahead.child = names_ahead.Child.start(lambda: sound_alike(ar[:1], en, 0.7))
    assert ahead.child is not None
    assert _same_found(ahead.found(ar, en, 0.7), sound_alike(ar, en, 0.7))
    assert ahead.child is None


@linux
def test_a_child_that_dies_is_answered_here() -> None:
    ar, en = ["سلمان", "بغداد"], ["Baghdad", "Salman"]
    parent = os.getpid()

    def dying() -> object:
        if os.getpid() != parent:
            os._exit(3)
        return None

    ahead = NamesAhead(ar, en, 0.7, names_ahead.Child.start(dying))
    assert _same_found(ahead.found(ar, en, 0.7), sound_alike(ar, en, 0.7))
    answer = NamesAhead(ar, en, 0.7, names_ahead.Child.start(lambda: ("not", "arrays", 1)))
    assert _same_found(answer.found(ar, en, 0.7), sound_alike(ar, en, 0.7))


def test_the_names_are_forked_only_when_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not names_in_child("no", 100_000)
    assert not names_in_child("yes", names_ahead.MIN_PARAGRAPHS - 1)
    monkeypatch.setattr(names_ahead, "core_to_spare", lambda idle_core: not idle_core)
    assert names_in_child("yes", names_ahead.MIN_PARAGRAPHS)
    assert not names_in_child("auto", names_ahead.MIN_PARAGRAPHS)
