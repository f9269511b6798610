"""Detection's work done ahead while this process waits for a child gives the same result."""

from __future__ import annotations

import sys

import pytest

from reader.core import second_process
from reader.core.diverge import context
from reader.core.diverge.ahead import prepare_ahead
from reader.core.diverge.context import keep_lengths, make_side
from reader.core.pair import PairOptions, open_pair
from reader.core.second_process import Child, forget_idle_work, run_idle_work, when_idle
from reader.core.text.document import Paragraph, load_text
from reader.resources import CORPUS

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
SOURCE = CORPUS / "iraq-assad-lesson.ar.txt"
TARGET = CORPUS / "iraq-assad-lesson.en.txt"


@pytest.fixture(autouse=True)
def _nothing_left() -> None:
    forget_idle_work()
    context._KEPT_LENGTHS.clear()


def test_lengths_counted_ahead_are_those_counted_then() -> None:
    text = load_text(SOURCE)
    fresh = make_side("source", text, [None] * len(text)).lengths  # type: ignore[list-item]
    keep_lengths(text)
    kept = context._KEPT_LENGTHS[id(text)][1]
    assert make_side("source", text, [None] * len(text)).lengths == fresh  # type: ignore[list-item]
    assert kept == fresh
    assert id(text) not in context._KEPT_LENGTHS  # used once


def test_lengths_of_a_changed_text_are_counted_again() -> None:
    text = load_text(SOURCE)
    keep_lengths(text)
    text.paragraphs.append(Paragraph(len(text.paragraphs), 0, 13, "one more line"))
    side = make_side("source", text, [None] * len(text))  # type: ignore[list-item]
    assert len(side.lengths) == len(text.paragraphs)
    assert side.lengths[-1] == len("onemoreline")


def test_at_most_two_texts_are_kept() -> None:
    texts = [load_text(SOURCE), load_text(TARGET), load_text(SOURCE)]
    for text in texts:
        keep_lengths(text)
    assert set(context._KEPT_LENGTHS) == {id(texts[1]), id(texts[2])}


def test_idle_work_is_done_in_order_and_once_and_may_fail() -> None:
    done: list[int] = []
    when_idle(lambda: done.append(1))
    when_idle(lambda: 1 / 0)  # a failure here is met again where the work is needed
    when_idle(lambda: done.append(2))
    run_idle_work()
    run_idle_work()
    assert done == [1, 2]
    when_idle(lambda: done.append(3))
    forget_idle_work()
    run_idle_work()
    assert done == [1, 2]


@linux
def test_idle_work_is_done_as_this_process_waits_for_a_child() -> None:
    text = load_text(SOURCE)
    prepare_ahead(text, text, also=lambda: None)
    child = Child.start(lambda: 1)
    assert child is not None
    assert id(text) not in context._KEPT_LENGTHS
    assert child.result(lambda x: x == 1) == 1
    assert id(text) in context._KEPT_LENGTHS
    assert not second_process._IDLE


@linux
def test_a_pair_opened_with_work_ahead_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.align import learnt_process
    from reader.core.diverge import forked

    reference = open_pair(SOURCE, TARGET, PairOptions(second_process="no"))
    # the built-in pair is short: Model 1 and the sentence check forked all the same
    monkeypatch.setattr(learnt_process, "MIN_BEADS", 0)
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    imported: list[str] = []
    pair = open_pair(SOURCE, TARGET, PairOptions(second_process="yes",
                                                 ahead=lambda: imported.append("output")))
    assert imported == ["output"]  # done while waiting for Model 1
    assert [d.to_json() for d in pair.divergences] == [
        d.to_json() for d in reference.divergences]
    assert pair.alignment == reference.alignment
    assert not second_process._IDLE and not context._KEPT_LENGTHS
