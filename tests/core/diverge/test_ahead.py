"""Detection's work done ahead while this process waits for a child gives the same result."""

from __future__ import annotations

import sys

import pytest

from reader.core import idle_work
from reader.core.anchors.features import find_anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.diverge import context, values
from reader.core.diverge.ahead import prepare_ahead
from reader.core.diverge.context import SOURCE as SOURCE_SIDE
from reader.core.diverge.context import TARGET as TARGET_SIDE
from reader.core.diverge.context import Context, keep, keep_lengths, make_side, take
from reader.core.diverge.names import find_names, keep_names
from reader.core.diverge.thresholds import Thresholds
from reader.core.diverge.values import find_numbers_and_dates, keep_values
from reader.core.idle_work import forget_idle_work, run_idle_work, when_idle
from reader.core.pair import PairOptions, open_pair
from reader.core.second_process import Child
from reader.core.text.document import Paragraph, load_text
from reader.resources import CORPUS

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
SOURCE = CORPUS / "iraq-assad-lesson.ar.txt"
TARGET = CORPUS / "iraq-assad-lesson.en.txt"


@pytest.fixture(autouse=True)
def _nothing_left() -> None:
    forget_idle_work()
    context._KEPT.clear()


def test_lengths_counted_ahead_are_those_counted_then() -> None:
    text = load_text(SOURCE)
    side = make_side("source", text, [None] * len(text))  # type: ignore[list-item]
    fresh = (side.lengths, side.links)
    keep_lengths(text)
    kept = context._KEPT[("lengths", id(text))][1]
    again = make_side("source", text, [None] * len(text))  # type: ignore[list-item]
    assert (again.lengths, again.links) == fresh
    assert again.compared_before == side.compared_before
    assert kept == fresh
    assert ("lengths", id(text)) not in context._KEPT  # used once


def test_lengths_of_a_changed_text_are_counted_again() -> None:
    text = load_text(SOURCE)
    keep_lengths(text)
    text.paragraphs.append(Paragraph(len(text.paragraphs), 0, 13, "one more line"))
    side = make_side("source", text, [None] * len(text))  # type: ignore[list-item]
    assert len(side.lengths) == len(text.paragraphs)
    assert side.lengths[-1] == len("onemoreline")


def test_a_few_are_kept_and_only_for_the_very_text() -> None:
    texts = [load_text(SOURCE) for _ in range(context._KEPT_MOST + 1)]
    for text in texts:
        keep("lengths", text, [1])
    assert take("lengths", texts[0]) is None  # the oldest went
    assert take("lengths", texts[-1]) == [1]
    assert take("lengths", texts[-1]) is None  # taken once
    other = load_text(SOURCE)
    context._KEPT[("lengths", id(other))] = (texts[1], [2])  # another text at its address
    assert take("lengths", other) is None


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
    prepare_ahead(text, text, Glossary.load(), None, also=lambda: None)
    child = Child.start(lambda: 1)
    assert child is not None
    assert ("lengths", id(text)) not in context._KEPT
    assert child.result(lambda x: x == 1) == 1
    assert ("lengths", id(text)) in context._KEPT
    assert not idle_work._IDLE


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
    assert not idle_work._IDLE
    assert not [k for k in context._KEPT if k[1] in (id(pair.source), id(pair.target))]


@pytest.mark.parametrize("pairing", ["same", "other thresholds", "other anchors"])
def test_numbers_and_names_read_ahead_find_the_same(pairing: str) -> None:
    glossary = Glossary.load()
    reference = open_pair(SOURCE, CORPUS / "iraq-spectator-axis-of-resistance.en.txt",
                          PairOptions(second_process="no"))
    src, tgt = reference.source, reference.target
    anchors = (text_anchors(src, glossary), text_anchors(tgt, glossary))

    def detecting() -> Context:
        return Context(make_side(SOURCE_SIDE, src, anchors[0]),
                       make_side(TARGET_SIDE, tgt, anchors[1]), reference.alignment,
                       Thresholds(), glossary)

    fresh = (find_numbers_and_dates(detecting()), find_names(detecting()))
    assert fresh[0] and fresh[1]  # something to find
    th = Thresholds(name_min_chars=30) if pairing == "other thresholds" else Thresholds()
    for text, mine in zip((src, tgt), anchors, strict=True):
        kept = mine if pairing != "other anchors" else [
            find_anchors(p.text, text.language, glossary) for p in text.paragraphs]
        keep_values(text, kept, th)
        keep_names(text, kept, glossary.terms, th)
    if pairing == "same":  # what was kept is what detection reads
        side = make_side(SOURCE_SIDE, src, anchors[0])
        kept_values = context._KEPT[("values", id(src))][1][2]  # type: ignore[index]
        assert values._side_values(side, th) is kept_values
        keep_values(src, anchors[0], th)
    ahead = (find_numbers_and_dates(detecting()), find_names(detecting()))
    assert ahead == fresh
    assert not context_kept(src) and not context_kept(tgt)  # taken, fitting or not


def context_kept(text: object) -> list[tuple[str, int]]:
    return [k for k in context._KEPT if k[1] == id(text)]
