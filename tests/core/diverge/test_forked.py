"""The sentence check in a second process finds what it finds in this one."""

from __future__ import annotations

import logging
import sys

import pytest

from reader.core.diverge import forked
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.forked import are_divergences, second_core
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.pair import PairOptions, open_pair
from reader.core.second_process import Child
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
