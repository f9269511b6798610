"""The sentence check in a second process finds what it finds in this one."""

from __future__ import annotations

import logging
import os
import sys
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchors.features import text_anchors
from reader.core.diverge import forked
from reader.core.diverge.context import SOURCE, TARGET, Context, make_side
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.forked import are_checked, are_divergences, child_share, second_core
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.diverge.registry import Detector
from reader.core.diverge.sentences import (
    bead_groups,
    candidate_beads,
    candidate_groups,
    candidates_of,
    check_candidates,
    find_sentence_omissions,
    sentence_candidates,
)
from reader.core.diverge.terms import find_inconsistent_terms
from reader.core.diverge.thresholds import Thresholds
from reader.core.pair import Pair, PairOptions, open_pair
from reader.core.second_process import Child
from reader.core.text import sentences as text_sentences
from reader.resources import CORPUS

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


@linux
@pytest.mark.parametrize(
    ("target", "omits"),
    [("iraq-assad-lesson.en.txt", False), ("iraq-spectator-axis-of-resistance.en.txt", True)],
)
def test_the_forked_sentence_check_finds_the_same(
    target: str, omits: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = open_pair(CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / target, PairOptions())
    assert pair.settings is not None
    monkeypatch.setattr(forked, "MIN_CHARS", 0)  # the built-in pair is short
    assert second_core("yes", pair.source, pair.target)
    settings = pair.settings
    found = [
        [d.to_json() for d in find_divergences(
            pair.source, pair.target, pair.alignment, settings.thresholds,
            glossary=settings.glossary, original=settings.original, second_process=mode)]
        for mode in ("no", "yes")
    ]
    assert found[0] == found[1] == [d.to_json() for d in pair.divergences]
    # the other article leaves sentences out: the child's records took their place
    kinds = {d["kind"] for d in found[1]}
    assert (str(DivergenceKind.SENTENCE_OMISSION) in kinds) == omits


def test_no_second_process_unless_asked_and_for_long_texts() -> None:
    pair = open_pair(CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / "iraq-assad-lesson.en.txt",
                     PairOptions())
    assert not second_core("no", pair.source, pair.target)
    assert not second_core("yes", pair.source, pair.target)  # shorter than MIN_CHARS


def _divergence() -> Divergence:
    return Divergence(kind=DivergenceKind.SENTENCE_OMISSION, severity=Severity.WARNING,
                      side="source", paragraphs=(3,), detail="a sentence", bead=2)


@linux
def test_a_childs_divergences_and_log_records_come_back(caplog: pytest.LogCaptureFixture) -> None:
    def work() -> list[Divergence]:
        logging.getLogger("reader.core.diverge.test").warning("from the child")
        return [_divergence()]

    child = Child.start(work)
    assert child is not None
    with caplog.at_level(logging.WARNING, logger="reader"):
        assert child.result(are_divergences) == [_divergence()]
    assert "from the child" in caplog.text


@linux
@pytest.mark.parametrize("work", [lambda: 1 / 0, lambda: "not divergences", lambda: [1]])
def test_a_failed_child_gives_nothing(work) -> None:
    child = Child.start(work)
    assert child is not None
    assert child.result(are_divergences) is None


@linux
def test_a_child_stopped_before_its_result() -> None:
    import time

    child = Child.start(lambda: time.sleep(30) or [])  # type: ignore[func-returns-value]
    assert child is not None
    child.stop()


@pytest.fixture(scope="module")
def omitting() -> Pair:
    """The built-in article against another translation: seven beads to check, in three of
    the batch's groups."""
    return open_pair(CORPUS / "iraq-assad-lesson.ar.txt",
                     CORPUS / "iraq-spectator-axis-of-resistance.en.txt", PairOptions())


def _context(pair: Pair) -> Context:
    assert pair.settings is not None
    glossary = pair.settings.glossary
    return Context(make_side(SOURCE, pair.source, text_anchors(pair.source, glossary)),
                   make_side(TARGET, pair.target, text_anchors(pair.target, glossary)),
                   pair.alignment, Thresholds(), glossary, "source", (), None)


def test_any_union_of_groups_is_checked_as_in_the_whole_check(omitting: Pair) -> None:
    ctx = _context(omitting)
    candidates = sentence_candidates(ctx)
    groups = candidate_groups(ctx, candidates)
    assert len(set(groups)) >= 3
    whole = check_candidates(ctx, candidates)
    assert [d for found in whole for d in found] == find_sentence_omissions(ctx)
    assert any(whole)
    for r in range(1, len(set(groups)) + 1):
        for chosen in combinations(sorted(set(groups)), r):
            ks = [k for k, g in enumerate(groups) if g in chosen]
            assert check_candidates(ctx, [candidates[k] for k in ks]) == [whole[k] for k in ks]


@linux
def test_the_shared_check_finds_the_same_on_a_pair_with_several_groups(
    omitting: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    ctx = _context(omitting)
    # this process has little else to do, and a share costs it nothing more than its weight
    monkeypatch.setattr(forked, "OTHERS_PER_CHAR", 0.0)
    monkeypatch.setattr(forked, "SHARE_COST", 0.0)
    shared = forked.SharedCheck.start(ctx)
    assert shared is not None
    assert shared.finish(ctx) == find_sentence_omissions(ctx)
    assert shared.away and shared.here  # both processes had a share
    assert sorted(shared.away + shared.here) == list(range(len(sentence_candidates(ctx))))


@pytest.mark.parametrize("places_first", [True, False])
def test_the_candidates_beads_counted_from_places_are_the_candidates(
    omitting: Pair, places_first: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the child counts the candidates' sentences from their places (kept as places, or as
    # sentences made earlier) and makes only its share's: the same beads, groups and weights
    monkeypatch.setattr(text_sentences, "_recent", {})
    ctx = _context(omitting)
    beads = candidate_beads(ctx) if places_first else None
    candidates = sentence_candidates(ctx)
    if beads is None:
        beads = candidate_beads(ctx)
    assert candidates
    assert [(b, len(s), len(t), sum(len(x.sentence.text) for x in (*s, *t)))
            for b, s, t in candidates] == beads
    assert bead_groups(ctx, beads) == candidate_groups(ctx, candidates)


def test_the_candidates_made_again_from_their_beads_are_the_same(omitting: Pair) -> None:
    ctx = _context(omitting)
    candidates = sentence_candidates(ctx)
    assert candidates_of(ctx, [b for b, _, _ in candidates]) == candidates
    assert candidates_of(ctx, [candidates[-1][0]]) == candidates[-1:]


@linux
def test_a_child_failing_before_its_plan_leaves_the_whole_check_here(
    omitting: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    parent = os.getpid()

    def found_here_only(ctx: Context) -> list:
        if os.getpid() != parent:
            os._exit(3)  # the child dies at once
        return candidate_beads(ctx)

    monkeypatch.setattr(forked, "candidate_beads", found_here_only)
    ctx = _context(omitting)
    shared = forked.SharedCheck.start(ctx)
    assert shared is not None
    assert shared.finish(ctx) == find_sentence_omissions(ctx)
    assert not shared.here and not shared.away


@linux
def test_a_failing_child_leaves_its_share_to_this_process(
    omitting: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    parent = os.getpid()

    def check_here_only(ctx: Context, candidates: list) -> list:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return check_candidates(ctx, candidates)

    monkeypatch.setattr(forked, "check_candidates", check_here_only)
    settings = omitting.settings
    assert settings is not None
    found = find_divergences(omitting.source, omitting.target, omitting.alignment,
                             settings.thresholds, glossary=settings.glossary,
                             original=settings.original, second_process="yes")
    assert [d.to_json() for d in found] == [d.to_json() for d in omitting.divergences]


@given(st.lists(st.tuples(st.integers(0, 5), st.floats(0, 1e6)), max_size=40),
       st.floats(0, 1e6), st.floats(0, 1e5))
def test_the_childs_share_is_whole_groups(
    items: list[tuple[int, float]], others: float, finding: float
) -> None:
    groups, weights = [g for g, _ in items], [w for _, w in items]
    share = child_share(groups, weights, others, finding)
    taken = {groups[k] for k in share}
    assert share == [k for k, g in enumerate(groups) if g in taken]  # whole groups, in order
    assert bool(share) == bool(items)
    if not items:
        return
    # no other union of whole groups makes the longer of the two processes shorter
    names = sorted(set(groups))
    load = {g: sum(w for h, w in items if h == g) for g in names}
    total = sum(load.values())

    def longer(chosen: set[int]) -> float:
        mine = sum(load[g] for g in chosen)
        if len(chosen) == len(names):
            return max(finding + total, others)
        return max(finding + mine, others + total - mine + forked.SHARE_COST)

    best = min(longer(set(c)) for r in range(1, len(names) + 1)
               for c in combinations(names, r))
    assert longer(taken) <= best + 1e-9 * max(1.0, total + others)


def test_the_childs_share_on_the_bench_case_large() -> None:
    # the groups' weights and the other work `large` gives (what _child_share weighs there):
    # {4, 16, 32} is nearer half of it all, but the share here costs more than its weight
    groups = [4, 8, 16, 32]
    weights = [108_000.0, 204_000.0, 206_000.0, 63_000.0]
    share = child_share(groups, weights, 198_000.0 + 51_000.0, 71_000.0)
    assert [groups[k] for k in share] == [8, 16]
    # with less to do here, the child takes less
    share = child_share(groups, weights, 100_000.0, 71_000.0)
    assert [groups[k] for k in share] == [4, 16]


def test_many_groups_are_shared_the_quick_way() -> None:
    groups = list(range(forked.MOST_SEARCHED + 3))
    share = child_share(groups, [100_000.0] * len(groups), 0.0)
    assert share and len(share) < len(groups)


def test_what_a_child_sends_back_is_checked() -> None:
    assert are_checked([[_divergence()], []], 2)
    assert not are_checked([[_divergence()]], 2)
    assert not are_checked([[1]], 1)
    assert not are_checked("no", 0)


@linux
@pytest.mark.parametrize("fails_at", [1, 2])  # our own share; the child's, after it failed
def test_a_failure_here_is_raised_as_it_is(
    omitting: Pair, monkeypatch: pytest.MonkeyPatch, fails_at: int
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    parent = os.getpid()
    calls = []

    def failing(ctx: Context, candidates: list) -> list:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        calls.append(len(candidates))
        if len(calls) == fails_at:
            raise KeyError("here")
        return check_candidates(ctx, candidates)

    monkeypatch.setattr(forked, "check_candidates", failing)
    settings = omitting.settings
    assert settings is not None
    with pytest.raises(KeyError, match="here"):  # not an error of stopping the child
        find_divergences(omitting.source, omitting.target, omitting.alignment,
                         settings.thresholds, glossary=settings.glossary,
                         original=settings.original, second_process="yes")
    assert len(calls) == fails_at


def _where_found(ctx: Context) -> list[Divergence]:
    """A detector saying which process ran it."""
    return [Divergence(kind=DivergenceKind.USER_CHECK, severity=Severity.INFO, side="source",
                       paragraphs=(0,), detail=str(os.getpid()))]


@linux
@pytest.mark.parametrize("child_fails", [False, True])
def test_the_taken_detectors_run_in_the_child_or_here_when_it_fails(
    omitting: Pair, child_fails: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    detector = Detector((DivergenceKind.USER_CHECK,), _where_found)
    monkeypatch.setattr(forked, "DETECTORS", (*forked.DETECTORS, detector))
    monkeypatch.setattr(forked, "TAKEN", (*forked.TAKEN, _where_found))
    parent = os.getpid()
    if child_fails:
        def check_here_only(ctx: Context, candidates: list) -> list:
            if os.getpid() != parent:
                raise RuntimeError("the child fails")
            return check_candidates(ctx, candidates)

        monkeypatch.setattr(forked, "check_candidates", check_here_only)
    ctx = _context(omitting)
    taken = forked.taken_detectors(ctx.thresholds)
    assert [d.find for d in taken] == [find_inconsistent_terms, _where_found]
    shared = forked.SharedCheck.start(ctx)
    assert shared is not None
    assert shared.finish(ctx) == find_sentence_omissions(ctx)
    assert shared.taken[0] == find_inconsistent_terms(ctx)
    ran_in = int(shared.taken[1][0].detail)
    assert (ran_in == parent) == child_fails


def test_a_taken_detector_is_left_here_when_the_thresholds_switch_it_off() -> None:
    assert forked.taken_detectors(Thresholds(term_inconsistent=False)) == []
    assert [d.find for d in forked.taken_detectors(Thresholds())] == [find_inconsistent_terms]


def test_what_the_child_sends_back_is_its_share_and_the_taken_detectors_records() -> None:
    assert forked.is_share(([[_divergence()], []], [[_divergence()]]), 2, 1)
    assert forked.is_share(([[]], []), 1, 0)
    assert not forked.is_share(([[_divergence()], []], []), 2, 1)
    assert not forked.is_share(([[_divergence()], []], [[1]]), 2, 1)
    assert not forked.is_share([[_divergence()], []], 2, 0)
