"""Finding a pair's divergences again (after an edit) uses what the pair was opened with."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reader.core.align.edits import apply_edit, merge_next
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.records import DivergenceKind
from reader.core.pair import PairOptions, find_again, open_pair
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"


def test_the_options_the_pair_was_opened_with_are_used_again(tmp_path: Path) -> None:
    rules = tmp_path / "checks.tsv"
    rules.write_text("\\bAssad\\b\ten\tname check\n", encoding="utf-8")
    pair = open_pair(AR, EN, PairOptions(checks=[rules], original="target"),
                     keep_prepared=True)
    assert any(d.kind is DivergenceKind.USER_CHECK for d in pair.divergences)
    # the same alignment gives the same findings: checks and the original's side kept
    assert find_again(pair, pair.alignment) == pair.divergences
    # and after an edit, the user's checks are still looked for
    edited = apply_edit(pair.alignment, merge_next(pair.alignment, 0))
    assert any(d.kind is DivergenceKind.USER_CHECK for d in find_again(pair, edited))



def test_a_pair_opened_with_a_glossary_keeps_a_memo_detection_uses(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The memo kept for finding divergences again after an edit is the one for the glossary
    the pair was opened with: one for the built-in glossary would never be used, and every bead
    would be aligned sentence by sentence again after each edit."""
    extra = tmp_path / "extra.tsv"
    extra.write_text("id\tar\ten\ncapital\tدمشق\tDamascus\n", encoding="utf-8")
    pair = open_pair(AR, EN, PairOptions(glossaries=[extra]), keep_prepared=True)
    memo = pair.detection
    assert memo is not None and pair.settings is not None
    assert pair.settings.glossary is not Glossary.load()
    pair.keep_detection_memo()
    assert pair.detection is memo  # it fits: kept, with what opening found
    edited = apply_edit(pair.alignment, merge_next(pair.alignment, 0))
    caplog.set_level(logging.DEBUG, logger="reader.core.align")
    again = find_again(pair, edited)
    batched = [r.getMessage() for r in caplog.records if "segment batch" in r.getMessage()]
    # the merged bead at most is aligned sentence by sentence: the others come from the memo
    assert all(m.startswith("segment batch (1 problems)") for m in batched), batched
    pair.detection = None
    assert again == find_again(pair, edited)  # the memo changes nothing found
    pair.keep_detection_memo()  # none (a pair shown from a workspace): one for its glossary
    assert pair.detection is not None
    assert pair.detection.fits(pair.source, pair.target, pair.settings.glossary)
