"""Model 1's word pairs learnt in a forked child: the alignment one process makes, or a fallback."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from reader.core.align import learnt_process
from reader.core.align.aligner import align_and_prepare
from reader.core.align.beads import Bead
from reader.core.align.learnt_process import (
    Translation,
    drop_learner,
    learn_in_child,
    start_learner,
)
from reader.core.errors import InputError
from reader.core.pair import PairOptions, open_pair
from reader.core.second_process import _spare, cores
from reader.core.text.document import load_text
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def _same(a: sp.csr_matrix, b: sp.csr_matrix) -> bool:
    a, b = a.tocsr(), b.tocsr()
    return (a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a.indptr, b.indptr)
            and np.array_equal(a.indices, b.indices) and np.array_equal(a.data, b.data))


@linux
@pytest.mark.parametrize("order", [(AR, EN), (EN, AR)])
def test_the_forked_model_one_aligns_as_one_process(
    order: tuple[os.PathLike[str], os.PathLike[str]], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(learnt_process, "MIN_BEADS", 0)  # the built-in pair is short
    source, target = load_text(order[0]), load_text(order[1])
    caplog.set_level(logging.INFO, logger="reader")
    forked, forked_pair = align_and_prepare(source, target, second_process="yes")
    stages = [r.getMessage().split(":")[0] for r in caplog.records]
    assert "learnt word pairs from the second process" in stages
    caplog.clear()
    alone, alone_pair = align_and_prepare(source, target, second_process="no")
    stages = [r.getMessage().split(":")[0] for r in caplog.records]
    assert "learnt word pairs" in stages
    assert "learnt word pairs from the second process" not in stages
    assert [b.to_json() for b in forked.beads] == [b.to_json() for b in alone.beads]
    assert forked.evidence == alone.evidence
    assert _same(forked_pair.translation, alone_pair.translation)
    assert forked_pair.unit_model == alone_pair.unit_model


@linux
def test_the_whole_pair_is_the_same_with_the_second_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learnt_process, "MIN_BEADS", 0)
    two = open_pair(AR, EN, PairOptions(second_process="yes"))
    one = open_pair(AR, EN, PairOptions(second_process="no"))
    assert two.alignment.beads == one.alignment.beads
    assert two.divergences == one.divergences


def _learnt() -> sp.csr_matrix:
    return sp.csr_matrix(np.array([[0.0, 0.5], [0.25, 0.0]], dtype=np.float32))


BASE = sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 0.0]], dtype=np.float32))


@linux
def test_a_child_that_dies_is_answered_here(caplog: pytest.LogCaptureFixture) -> None:
    parent = os.getpid()

    def learn() -> sp.csr_matrix:
        if os.getpid() != parent:
            os._exit(3)  # the child dies before answering
        return _learnt()

    caplog.set_level(logging.INFO, logger="reader")
    translation = Translation.of(BASE, learn, fork=True)
    assert translation.child is not None
    assert _same(translation(), BASE + _learnt())
    assert translation() is translation()  # learnt once
    stages = [r.getMessage().split(":")[0] for r in caplog.records]
    assert stages == ["learnt word pairs from the second process", "learnt word pairs"]


@linux
@pytest.mark.parametrize("answer", [lambda: 1 / 0, lambda: "not a matrix",
                                    lambda: sp.csr_matrix((3, 3), dtype=np.float32)])
def test_a_child_answering_wrong_is_answered_here(answer) -> None:
    parent = os.getpid()

    def learn() -> sp.csr_matrix:
        return answer() if os.getpid() != parent else _learnt()

    assert _same(Translation.of(BASE, learn, fork=True)(), BASE + _learnt())


@linux
def test_a_child_stopped_unread_leaves_nothing_behind() -> None:
    import time

    def learn() -> sp.csr_matrix:
        time.sleep(30)
        return _learnt()

    translation = Translation.of(BASE, learn, fork=True)
    child = translation.child
    assert child is not None
    translation.stop()
    assert translation.child is None
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # reaped


def test_no_child_when_unasked_or_short() -> None:
    beads = [Bead((k,), (k,)) for k in range(learnt_process.MIN_BEADS)]
    assert not learn_in_child("no", beads)
    assert not learn_in_child("yes", beads[:-1])
    assert learn_in_child("yes", beads) == (sys.platform.startswith("linux") and cores() > 1)


def test_without_fork_it_is_learnt_at_once() -> None:
    calls = []

    def learn() -> sp.csr_matrix:
        calls.append(1)
        return _learnt()

    translation = Translation.of(BASE, learn, fork=False)
    # before the units are made, as one process did it: their memory and Model 1's apart
    assert translation.child is None and len(calls) == 1
    assert _same(translation(), BASE + _learnt()) and len(calls) == 1
    translation.stop()  # nothing to stop


def _children() -> set[int]:
    """This process's children, zombies too (other tests may leave some of their own)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == os.getpid():
                found.add(int(entry.name))
    return found


@linux
@pytest.mark.parametrize("order", [(AR, EN), (EN, AR)])
def test_the_spare_learns_what_one_process_learns(
    order: tuple[os.PathLike[str], os.PathLike[str]], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(learnt_process, "MIN_BEADS", 0)
    source, target = load_text(order[0]), load_text(order[1])
    caplog.set_level(logging.DEBUG, logger="reader")
    before = _children()
    start_learner("yes")
    assert _spare  # forked now, while this process is small
    spared, spared_pair = align_and_prepare(source, target, second_process="yes")
    messages = [r.getMessage() for r in caplog.records]
    assert "Model 1 handed to the spare" in messages
    assert any(m.startswith("learnt word pairs from the second process") for m in messages)
    assert not _spare and _children() == before  # taken, and reaped once it answered
    alone, alone_pair = align_and_prepare(source, target, second_process="no")
    assert [b.to_json() for b in spared.beads] == [b.to_json() for b in alone.beads]
    assert _same(spared_pair.translation, alone_pair.translation)
    assert spared_pair.unit_model == alone_pair.unit_model


@linux
def test_a_spare_that_died_leaves_the_pairs_to_a_fork(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(learnt_process, "MIN_BEADS", 0)
    source, target = load_text(AR), load_text(EN)
    alone, alone_pair = align_and_prepare(source, target, second_process="no")
    before = _children()
    start_learner("yes")
    spare = _spare[0]
    os.kill(spare.pid, signal.SIGKILL)
    caplog.set_level(logging.DEBUG, logger="reader")
    spared, spared_pair = align_and_prepare(source, target, second_process="yes")
    assert [b.to_json() for b in spared.beads] == [b.to_json() for b in alone.beads]
    assert _same(spared_pair.translation, alone_pair.translation)
    assert "Model 1 handed to the spare" not in [r.getMessage() for r in caplog.records]
    assert _children() == before


@linux
def test_the_spare_is_dropped_when_the_pairs_are_learnt_here() -> None:
    source, target = load_text(AR), load_text(EN)  # too short for a second process
    before = _children()
    start_learner("yes")
    assert _spare
    align_and_prepare(source, target, second_process="yes")
    assert not _spare  # ended as soon as it was not wanted
    drop_learner()  # and waited for
    assert _children() == before


@linux
def test_a_pair_opened_with_a_second_process_leaves_no_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    from reader.core.align import side_process

    monkeypatch.setattr(learnt_process, "MIN_BEADS", 0)
    monkeypatch.setattr(side_process, "MIN_BYTES", 0)
    before = _children()
    two = open_pair(AR, EN, PairOptions(second_process="yes"))
    assert not _spare and _children() == before
    one = open_pair(AR, EN, PairOptions(second_process="no"))
    assert two.alignment.beads == one.alignment.beads
    assert two.divergences == one.divergences
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n\n")
    with pytest.raises(InputError):  # the spare was forked: it must end all the same
        open_pair(AR, blank, PairOptions(second_process="yes"))
    assert not _spare and _children() == before


def test_no_spare_unasked() -> None:
    start_learner("no")
    assert not _spare
    drop_learner()
