"""PairOptions.checks: the user's check files go through `open_pair` like `--checks`."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.diverge.records import DivergenceKind
from reader.core.errors import InputError
from reader.core.pair import PairOptions, open_pair
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"


def test_checks_of_the_options_are_reported(tmp_path: Path) -> None:
    rules = tmp_path / "checks.tsv"
    rules.write_text("\\bAssad\\b\ten\tname check\n", encoding="utf-8")
    pair = open_pair(AR, EN, PairOptions(checks=[rules]))
    found = [d for d in pair.divergences if d.kind is DivergenceKind.USER_CHECK]
    assert found and all(d.side == "target" and d.values == ("Assad",) for d in found)
    text = pair.target.paragraphs[found[0].paragraphs[0]].text
    assert text[found[0].spans[0].start:found[0].spans[0].end] == "Assad"


def test_a_bad_check_file_fails_before_aligning(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_pair(AR, EN, PairOptions(checks=[tmp_path / "missing.tsv"]))
