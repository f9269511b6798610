"""Numbers and dates: changed ones flagged on both sides, a neighbouring bead tolerated."""

from __future__ import annotations

from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.diverge.thresholds import Thresholds
from tests.core.diverge.small_pairs import AR_BODY, EN_BODY, diagonal, of, texts

K = DivergenceKind


def test_changed_number_and_date_are_flagged_on_both_sides() -> None:
    en = [EN_BODY[0], EN_BODY[1].replace("250,000", "205,000"),
          EN_BODY[2].replace("March 3", "May 3")]
    source, target = texts(AR_BODY, en)
    found = find_divergences(source, target, diagonal(3), Thresholds(number_neighbour_beads=0))
    numbers = {(d.side, d.values) for d in of(found, K.NUMBER_MISMATCH)}
    assert numbers == {("source", ("250000",)), ("target", ("205000",))}
    dates = of(found, K.DATE_MISMATCH)
    assert {d.side for d in dates} == {"source", "target"}
    assert all(d.bead == 2 for d in dates)


def test_neighbour_bead_tolerance() -> None:
    # the number sits one bead off in the translation: tolerated by default, flagged without
    en = [EN_BODY[0] + " There were 250,000 students.", "He added that the budget was enough.",
          EN_BODY[2]]
    source, target = texts(AR_BODY, en)
    assert not of(find_divergences(source, target, diagonal(3)), K.NUMBER_MISMATCH)
    strict = Thresholds(number_neighbour_beads=0)
    assert of(find_divergences(source, target, diagonal(3), strict), K.NUMBER_MISMATCH)
