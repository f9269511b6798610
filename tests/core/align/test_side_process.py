"""One side prepared in a second process: the same pair, texts and result as in one process."""

from __future__ import annotations

import logging
import os
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.core.align.prepared import PreparedPair
from reader.core.align.side_process import (
    MIN_BYTES,
    _looks_arabic,
    _side_of,
    _Theirs,
    prepare_in_two,
    second_process_pays,
)
from reader.core.anchors.features import text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.errors import InputError
from reader.core.pair import PairOptions, align_pair, open_pair
from reader.core.second_process import Child
from reader.core.text.document import load_text
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")


def _same_sides(a: PreparedPair, b: PreparedPair) -> None:
    assert (a.swapped, a.lexicon is None) == (b.swapped, b.lexicon is None)
    for x, y in ((a.src, b.src), (a.tgt, b.tgt)):
        assert x.features == y.features
        assert np.array_equal(x.null_bonus, y.null_bonus)
        assert list(x.texts) == list(y.texts)
        assert (x.lang, list(x.kinds)) == (y.lang, list(y.kinds))
        # what was made with each side: the source's readings (in whichever process made
        # it), both sides' sentences
        assert x.readings == y.readings
        assert x.cuts is not None and y.cuts is not None
        for field in ("first", "start", "end", "length", "split"):
            assert np.array_equal(getattr(x.cuts, field), getattr(y.cuts, field))
    assert a.src.readings is not None


@pytest.mark.parametrize("order", [(AR, EN), (EN, AR)])
def test_two_processes_prepare_what_one_prepares(order: tuple[Path, Path]) -> None:
    src_path, tgt_path = order
    source, target, prepared = prepare_in_two(src_path, tgt_path)
    alone = PreparedPair.of_texts(load_text(src_path), load_text(tgt_path))
    _same_sides(prepared, alone)
    assert source == load_text(src_path) and target == load_text(tgt_path)
    # the target's anchors came back with it: detection finds them without parsing again
    assert text_anchors(target, Glossary.load()) is text_anchors(target, Glossary.load())


@pytest.mark.parametrize("order", [(AR, EN), (EN, AR)])
def test_the_pair_is_the_one_of_one_process(order: tuple[Path, Path]) -> None:
    source, target, prepared = prepare_in_two(*order)
    two = align_pair(source, target, prepared=prepared)
    one = open_pair(*order)
    assert two.alignment.beads == one.alignment.beads
    assert two.divergences == one.divergences
    assert two.verdict == one.verdict


def test_after_fork_runs_once_in_this_process_past_the_childs_fork() -> None:
    # open_pair forks Model 1's spare there (align.learnt_process): past the side's child, and
    # with what that child never reads imported, so neither process pays for the other's
    seen: list[tuple[int, bool]] = []
    prepare_in_two(AR, EN, after_fork=lambda: seen.append(
        (os.getpid(), "rapidfuzz.process" in sys.modules)))
    assert seen == [(os.getpid(), True)]


def test_the_childs_stages_are_logged_here(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reader")
    prepare_in_two(AR, EN)
    stages = [r.getMessage().split(":")[0] for r in caplog.records]
    assert stages[:2] == ["glossary", "lexicon"]
    # the child's records are logged once it is done: after the source's, always in that order
    assert stages.index("anchors source") < stages.index("anchors target")
    assert stages.index("features source (46 paragraphs)") < stages.index("load target " + str(EN))
    assert "target from the second process" in stages


def test_a_bad_target_fails_as_in_one_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError) as one:
        open_pair(AR, bad)
    with pytest.raises(InputError) as two:
        prepare_in_two(AR, bad)
    assert str(two.value) == str(one.value)
    with pytest.raises(InputError, match="no such file"):
        prepare_in_two(AR, tmp_path / "missing.txt")


def _children() -> set[int]:
    """This process's child processes, zombies included (from /proc: other tests of the run
    may have children of their own, so "no child at all" cannot be asked of waitpid)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
            found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="no /proc here")
def test_a_bad_source_fails_and_leaves_no_child(tmp_path: Path) -> None:
    before = _children()
    with pytest.raises(InputError, match="no such file"):
        prepare_in_two(tmp_path / "missing.txt", EN)
    assert _children() <= before  # the child was reaped: no zombie, nothing left running


def test_a_second_process_pays_only_for_long_texts(tmp_path: Path) -> None:
    assert not second_process_pays(AR, EN)  # an article: ~30 ms of preparing
    long_ar, long_en = tmp_path / "ar.txt", tmp_path / "en.txt"
    long_ar.write_text(AR.read_text(encoding="utf-8") * 4, encoding="utf-8")
    long_en.write_text(EN.read_text(encoding="utf-8") * 7, encoding="utf-8")
    assert min(long_ar.stat().st_size, long_en.stat().st_size) >= MIN_BYTES
    assert second_process_pays(long_ar, long_en, idle_core=False) == (
        sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1)
    assert not second_process_pays(long_ar, tmp_path / "missing.txt", idle_core=False)


def test_options_without_a_second_process_by_default() -> None:
    assert PairOptions().second_process == "no"  # batch workers and the window


def test_this_process_makes_the_arabic_side(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reader")
    source, target, prepared = prepare_in_two(EN, AR)
    stages = [r.getMessage().split(":")[0] for r in caplog.records]
    assert "source from the second process" in stages  # the English source came from the child
    # the child's records come once it is done: after those of the Arabic side made here
    assert stages.index("stem forms target") < stages.index("load source " + str(EN))
    # the Arabic side's stems read here from the first, then the child's records: its words
    # read ahead, its stems read from the last
    assert stages.index("readings target") < stages.index("words of the target read ahead")
    assert (stages.index("words of the target read ahead")
            < stages.index("readings target from the last stem"))
    assert (source.language, target.language) == ("en", "ar") and prepared.swapped
    assert _looks_arabic(AR) and not _looks_arabic(EN)


def test_a_bad_source_fails_first_whichever_process_reads_it(tmp_path: Path) -> None:
    bad_en = tmp_path / "bad.txt"
    bad_en.write_bytes(b"\x00\x01binary")
    bad_ar = tmp_path / "bad-ar.txt"  # Arabic at its start, not UTF-8 further on
    bad_ar.write_bytes(AR.read_bytes()[:20_000] + b"\xff\xfe\x00")
    assert _looks_arabic(bad_ar)
    with pytest.raises(InputError) as one:
        open_pair(bad_en, bad_ar)
    with pytest.raises(InputError) as two:
        prepare_in_two(bad_en, bad_ar)
    assert str(two.value) == str(one.value) and "bad.txt" in str(one.value)


@pytest.mark.parametrize("sent", [b"not a pickle", pickle.dumps("not a side")])
def test_what_a_child_sends_back_is_checked(sent: bytes) -> None:
    # the side made here instead (prepare_in_two), as one process makes it
    assert _side_of(sent, Glossary.load()) is None
    child = Child.start(lambda: "not what it sends")
    assert child is not None and child.result(lambda x: isinstance(x, _Theirs)) is None


@pytest.mark.parametrize(("ar_copies", "en_copies", "early"), [(8, 1, True), (1, 12, False)])
def test_the_childs_side_is_read_from_shared_memory_early_or_late(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, ar_copies: int, en_copies: int,
        early: bool) -> None:
    # a long Arabic side here and a short English one there: the child's side is in shared
    # memory before this process offers its stems, and is read first; the other way round,
    # once the child is done
    ar, en = tmp_path / "ar.txt", tmp_path / "en.txt"
    ar.write_text(AR.read_text(encoding="utf-8") * ar_copies, encoding="utf-8")
    en.write_text(EN.read_text(encoding="utf-8") * en_copies, encoding="utf-8")
    caplog.set_level(logging.INFO, logger="reader")
    _, target, prepared = prepare_in_two(ar, en)
    stages = [r.getMessage().split(":")[0] for r in caplog.records]
    assert ("the rest from the second process" in stages) == early
    assert stages.index("target from the second process") < stages.index("readings source") \
        if early else "readings source from the last stem" in stages
    _same_sides(prepared, PreparedPair.of_texts(load_text(ar), load_text(en)))
    assert text_anchors(target, Glossary.load()) is text_anchors(target, Glossary.load())
