"""Detection again after edits, with the pair's memo: what a run from scratch finds."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align import edits
from reader.core.align.beads import Alignment
from reader.core.align.edits import EditError
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.memo import DetectionMemo
from reader.core.pair import Pair, align_pair
from reader.core.text.document import Text, load_text
from reader.resources import CORPUS

BATCH = re.compile(r"segment batch \((\d+) problems\)")


@pytest.fixture(scope="module")
def opened() -> Pair:
    """The built-in pair, opened as the window opens it."""
    return align_pair(load_text(CORPUS / "iraq-assad-lesson.ar.txt"),
                      load_text(CORPUS / "iraq-assad-lesson.en.txt"), keep_prepared=True)


def _batched(caplog: pytest.LogCaptureFixture) -> int:
    """Beads aligned sentence by sentence, as the aligner's debug log counts them."""
    return sum(int(m.group(1)) for r in caplog.records if (m := BATCH.search(r.getMessage())))


def test_opening_for_the_window_fills_the_memo_and_the_command_line_keeps_none(opened) -> None:
    assert opened.detection is not None and len(opened.detection) >= 2
    source, target = opened.source, opened.target
    assert align_pair(source, target).detection is None


def test_after_a_merge_only_the_new_bead_is_aligned_again(opened, caplog) -> None:
    memo = opened.detection
    assert memo is not None
    glossary = Glossary.load()
    caplog.set_level(logging.DEBUG, logger="reader.core.align")
    k = next(k for k, b in enumerate(opened.alignment) if len(b.tgt) > 2)  # (2,), (3, 4, 5)
    merged = edits.apply_edit(opened.alignment, edits.merge_next(opened.alignment, k))
    found = find_divergences(opened.source, opened.target, merged, glossary=glossary, memo=memo)
    assert _batched(caplog) <= 1
    caplog.clear()
    assert found == find_divergences(opened.source, opened.target, merged, glossary=glossary)
    assert _batched(caplog) >= 2  # without the memo every candidate bead is aligned


def test_a_memo_of_other_texts_is_not_used(opened) -> None:
    other = DetectionMemo(Text("x", [], "ar"), Text("y", [], "en"), Glossary.load())
    assert not other.fits(opened.source, opened.target, Glossary.load())
    assert find_divergences(opened.source, opened.target, opened.alignment,
                            glossary=Glossary.load(), memo=other) == find_divergences(
        opened.source, opened.target, opened.alignment, glossary=Glossary.load())
    assert len(other) == 0


EDITS = st.lists(st.tuples(st.sampled_from(["merge_next", "merge_previous", "split"]),
                           st.integers(0, 10_000), st.integers(0, 3), st.integers(0, 3)),
                 min_size=1, max_size=4)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(EDITS)
def test_random_edits_find_what_a_run_from_scratch_finds(opened, sequence) -> None:
    glossary = Glossary.load()
    memo = DetectionMemo(opened.source, opened.target, glossary)
    alignment: Alignment = opened.alignment
    find_divergences(opened.source, opened.target, alignment, glossary=glossary, memo=memo)
    for name, at, s, t in sequence:
        k = at % len(alignment)
        try:
            edit = (edits.split(alignment, k, s, t) if name == "split"
                    else getattr(edits, name)(alignment, k))
        except EditError:
            continue
        alignment = edits.apply_edit(alignment, edit)
        with_memo = find_divergences(opened.source, opened.target, alignment,
                                     glossary=glossary, memo=memo)
        assert with_memo == find_divergences(opened.source, opened.target, alignment,
                                             glossary=glossary)
