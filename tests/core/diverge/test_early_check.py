"""The sentence check started as soon as the beads are final finds what detection finds."""

from __future__ import annotations

import os
import sys

import pytest

from reader.core.align.beads import Alignment, Bead
from reader.core.diverge import finder, forked
from reader.core.diverge.finder import find_divergences, start_check
from reader.core.diverge.sentence_features import prepared_features
from reader.core.diverge.thresholds import Thresholds
from reader.core.pair import Pair, PairOptions, open_pair
from reader.core.second_process import Child
from reader.resources import CORPUS

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
SOURCE = CORPUS / "iraq-assad-lesson.ar.txt"
TARGET = CORPUS / "iraq-spectator-axis-of-resistance.en.txt"


@pytest.fixture(scope="module")
def reference() -> Pair:
    """The pair opened in one process."""
    return open_pair(SOURCE, TARGET, PairOptions(second_process="no"))


def _json(pair: Pair) -> list[dict[str, object]]:
    return [d.to_json() for d in pair.divergences]


@pytest.fixture
def forked_pids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked during the test (second_process.Child)."""
    pids: list[int] = []
    start = Child.start.__func__  # type: ignore[attr-defined]

    def recording(cls, work):  # type: ignore[no-untyped-def]
        child = start(cls, work)
        if child is not None:
            pids.append(child.pid)
        return child

    monkeypatch.setattr(Child, "start", classmethod(recording))
    return pids


def _all_waited_for(pids: list[int]) -> bool:
    """Whether every one of these children was waited for (none left running nor a zombie)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


@linux
def test_the_check_started_early_finds_the_same(
    reference: Pair, monkeypatch: pytest.MonkeyPatch, forked_pids: list[int]
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)  # the built-in pair is short
    started = []
    real = finder.start_check

    def spy(*args, **kwargs):
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(finder, "start_check", spy)
    pair = open_pair(SOURCE, TARGET, PairOptions(second_process="yes"))
    assert started and started[0] is not None  # the check did start early
    assert started[0].shared.read  # and detection read it
    assert _json(pair) == _json(reference)
    assert pair.alignment == reference.alignment
    assert forked_pids and _all_waited_for(forked_pids)


@linux
def test_a_check_started_on_other_beads_is_ended_and_made_again(
    reference: Pair, monkeypatch: pytest.MonkeyPatch, forked_pids: list[int]
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    settings = reference.settings
    assert settings is not None
    beads = list(reference.alignment)
    k = next(k for k, b in enumerate(beads) if len(b.src) + len(b.tgt) >= 3)
    split = beads[:k] + [Bead(b.src, ()) for b in beads[k:k + 1]] + [
        Bead((), beads[k].tgt)] + beads[k + 1:]
    other = Alignment(split, reference.alignment.n_src, reference.alignment.n_tgt)
    started = start_check(reference.source, reference.target, other, settings.thresholds,
                          glossary=settings.glossary, features=None, second_process="yes")
    assert started is not None
    found = find_divergences(reference.source, reference.target, reference.alignment,
                             settings.thresholds, glossary=settings.glossary,
                             original=settings.original, started=started)
    assert [d.to_json() for d in found] == _json(reference)
    assert started.shared.read  # ended
    assert forked_pids and _all_waited_for(forked_pids)


@linux
def test_other_thresholds_end_the_started_check(
    reference: Pair, monkeypatch: pytest.MonkeyPatch, forked_pids: list[int]
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    settings = reference.settings
    assert settings is not None
    started = start_check(reference.source, reference.target, reference.alignment,
                          Thresholds(sentence_min_chars=5), glossary=settings.glossary,
                          features=None, second_process="yes")
    assert started is not None
    found = find_divergences(reference.source, reference.target, reference.alignment,
                             settings.thresholds, glossary=settings.glossary,
                             original=settings.original, started=started)
    assert [d.to_json() for d in found] == _json(reference)
    assert forked_pids and _all_waited_for(forked_pids)


@linux
def test_a_failure_after_the_start_ends_the_child(
    monkeypatch: pytest.MonkeyPatch, forked_pids: list[int]
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    import reader.core.diverge.verdict as verdict

    def fails(*args, **kwargs):
        raise KeyError("judging")

    monkeypatch.setattr(verdict, "judge", fails)
    with pytest.raises(KeyError, match="judging"):
        open_pair(SOURCE, TARGET, PairOptions(second_process="yes"))
    assert forked_pids and _all_waited_for(forked_pids)


def test_no_early_check_in_one_process(reference: Pair) -> None:
    settings = reference.settings
    assert settings is not None
    assert start_check(reference.source, reference.target, reference.alignment,
                       settings.thresholds, glossary=settings.glossary, features=None,
                       second_process="no") is None


@linux
def test_the_child_cuts_sentences_from_the_aligners_features(
    reference: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the prepared pair's features (as pair.align_pair gives them), the same."""
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    pair = open_pair(SOURCE, TARGET, PairOptions(second_process="no"), keep_prepared=True)
    assert pair.prepared is not None and pair.settings is not None
    features = prepared_features(pair.prepared)
    started = start_check(pair.source, pair.target, reference.alignment, None,
                          glossary=pair.settings.glossary, features=features,
                          second_process="yes")
    assert started is not None
    found = find_divergences(pair.source, pair.target, reference.alignment, None,
                             glossary=pair.settings.glossary, original=pair.settings.original,
                             features=features, started=started)
    assert [d.to_json() for d in found] == _json(reference)
