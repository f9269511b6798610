"""Length anomalies, judged against the pair's own ratio."""

from __future__ import annotations

from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.diverge.thresholds import Thresholds
from tests.core.diverge.small_pairs import diagonal, of, texts

K = DivergenceKind


def test_length_anomaly_against_the_pairs_own_ratio() -> None:
    ar = [f"هذه هي الفقرة رقم {i} من النص وفيها كلام كثير عن السياسة والاقتصاد والمجتمع في البلاد "
          "وعن الناس الذين يعيشون فيها." for i in range(10, 22)]
    en = [f"This is paragraph number {i} of the text, about politics, economy and society in the "
          "country and the people who live there." for i in range(10, 22)]
    en[5] = "Paragraph 15."
    source, target = texts(ar, en)
    found = find_divergences(source, target, diagonal(12))
    [anomaly] = of(found, K.LENGTH_ANOMALY)
    assert anomaly.bead == 5 and anomaly.side == "source"
    assert "condensed" in anomaly.detail
    assert not of(find_divergences(source, target, diagonal(12), Thresholds(length_robust_z=50)),
                  K.LENGTH_ANOMALY)
