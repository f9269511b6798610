"""User checks run over both texts: every match reported on its side, in its bead."""

from __future__ import annotations

from pathlib import Path

from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.diverge.rules import load_checks
from tests.core.diverge.small_pairs import AR_BODY, EN_BODY, diagonal, of, texts


def test_every_match_is_reported_with_its_span_and_message(tmp_path: Path) -> None:
    rules = tmp_path / "checks.tsv"
    rules.write_text("\\bbudget\\b\ttarget\tsay “funds”\n[ ]{2,}\tboth\tdouble space\n"
                     "الوزير\tar\tname the minister\n", encoding="utf-8")
    en = list(EN_BODY)
    en[2] = en[2].replace("the ministry", "the  ministry")
    src, tgt = texts(AR_BODY, en)
    found = of(find_divergences(src, tgt, diagonal(3), checks=load_checks(rules)),
               DivergenceKind.USER_CHECK)
    by_detail = {(d.side, d.paragraphs, d.detail) for d in found}
    assert ("target", (1,), "say “funds”: ‘budget’") in by_detail
    assert ("target", (2,), "double space: ‘'  '’") in by_detail
    assert ("source", (0,), "name the minister: ‘الوزير’") in by_detail
    assert len(found) == 3
    budget = next(d for d in found if d.values == ("budget",))
    span = budget.spans[0]
    assert en[1][span.start:span.end] == "budget"
    assert budget.bead == 1


def test_no_checks_no_findings() -> None:
    src, tgt = texts(AR_BODY, EN_BODY)
    assert not of(find_divergences(src, tgt, diagonal(3)), DivergenceKind.USER_CHECK)
