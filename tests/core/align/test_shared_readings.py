"""A side's stem readings read by two processes from both ends: those one process reads."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.one_side import StemWork, begin_stems, read_stems
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.prepared import SideInput, prepare_side
from reader.core.align.shared_readings import CHUNK, SharedStems, merged, read_back, read_front
from reader.core.anchors.features import text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.second_process import Child
from reader.core.text.document import load_text
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _work() -> StemWork:
    text, glossary, words = load_text(AR), Glossary.load(), Lexicon.load()
    side = prepare_side(
        SideInput([p.text for p in text.paragraphs], [p.kind for p in text.paragraphs], "ar",
                  text_anchors(text, glossary)),
        "source", glossary, DEFAULT_PARAMS, words.stemmer, None)
    return begin_stems(side.features, words)


WORK = _work()
ALONE = read_stems(WORK)


def test_without_sharing_this_process_reads_every_stem() -> None:
    assert len(WORK.vocab) > 4 * CHUNK  # several claims each way
    assert merged(WORK, read_front(WORK, None), None) == ALONE


def test_the_other_process_claims_from_the_last_stem() -> None:
    shared = SharedStems()
    n = len(WORK.vocab)
    assert shared.front() == 0 and shared.back() > n  # nothing claimed yet
    start, back = read_back(WORK.readings.lexicon, shared, WORK.vocab,
                            [WORK.forms.get(s, []) for s in WORK.vocab])
    assert (start, shared.back()) == (0, 0) and back == ALONE.translations  # read them all
    assert read_front(WORK, shared) == []  # nothing left to read here
    assert merged(WORK, [], (start, back)) == ALONE


@_SLOW
@given(st.integers(0, 700), st.integers(0, 700))
def test_claims_read_late_only_read_stems_twice(front: int, back: int) -> None:
    # this process saw the other's claim at `back` (read late, or not yet made), the other
    # read down to where it saw this one's claim: wherever they overlap or meet, the readings
    # are those of one process
    n = len(WORK.vocab)
    shared = SharedStems()
    shared.claim_back(min(back, n))
    mine = read_front(WORK, shared)
    assert len(mine) >= min(back, n) and shared.front() == len(mine)
    shared.claim_front(min(front, len(mine)))  # the other process sees an earlier claim
    start, theirs = read_back(WORK.readings.lexicon, shared, WORK.vocab,
                              [WORK.forms.get(s, []) for s in WORK.vocab])
    assert start <= len(mine)
    assert merged(WORK, mine, (start, theirs)) == ALONE


@pytest.mark.parametrize("theirs", [None, (5, []), (10_000, []), (0, [("x",)])])
def test_what_the_other_did_not_read_is_read_here(
        theirs: tuple[int, list[tuple[str, ...]]] | None) -> None:
    # the other process failed, or sent readings that do not reach the last stem
    assert merged(WORK, read_front(WORK, None)[:100], theirs) == ALONE


def test_stems_that_do_not_fit_are_not_offered() -> None:
    read, write = os.pipe()
    try:
        assert not SharedStems(room=100).offer(WORK, write)
        shared = SharedStems()
        assert shared.offer(WORK, write)
        os.close(write)
        write = -1
        vocab, forms = shared.offered(read) or ([], [])
        assert vocab == WORK.vocab and forms == [WORK.forms.get(s, []) for s in vocab]
        assert shared.offered(read) is None  # closed: nothing more offered
    finally:
        os.close(read)
        if write >= 0:
            os.close(write)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_two_processes_read_what_one_reads() -> None:
    shared = SharedStems()
    read, write = os.pipe()
    lexicon = WORK.readings.lexicon

    def other() -> tuple[int, list[tuple[str, ...]]]:
        os.close(write)
        vocab, forms = shared.offered(read) or ([], [])
        return read_back(lexicon, shared, vocab, forms)

    child = Child.start(other)
    assert child is not None
    os.close(read)
    assert shared.offer(WORK, write)
    os.close(write)
    mine = read_front(WORK, shared)
    theirs = child.result(lambda x: isinstance(x, tuple))
    assert theirs is not None and theirs[0] <= len(mine)
    assert merged(WORK, mine, theirs) == ALONE


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_stems_a_failed_process_claimed_are_read_here() -> None:
    shared = SharedStems()
    n = len(WORK.vocab)

    def claims_and_fails() -> None:
        shared.claim_back(n // 2)  # claims half the stems, then dies without reading them
        os._exit(3)

    child = Child.start(claims_and_fails)
    assert child is not None
    assert child.result(lambda x: True) is None  # (waits for it)
    mine = read_front(WORK, shared)
    assert len(mine) >= n // 2 and len(mine) < n  # stopped at the claim
    assert merged(WORK, mine, None) == ALONE
