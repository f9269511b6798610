"""Finding a pair's divergences again (after an edit) uses what the pair was opened with."""

from __future__ import annotations

from pathlib import Path

from reader.core.align.edits import apply_edit, merge_next
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
