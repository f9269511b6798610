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


# An English original expanded in its Arabic translation is "expanded", whichever file is SRC.
_AR = [f"هذه هي الفقرة رقم {i} من النص وفيها كلام كثير عن السياسة والاقتصاد والمجتمع في البلاد "
       "وعن الناس الذين يعيشون فيها." for i in range(10, 22)]
_EN = [f"This is paragraph number {i} of the text, about politics, economy and society in the "
       "country and the people who live there." for i in range(10, 22)]


def _anomaly(ar: list[str], en: list[str], original: str) -> tuple[str, str]:
    source, target = texts(ar, en)
    [anomaly] = of(find_divergences(source, target, diagonal(12), original=original),
                   K.LENGTH_ANOMALY)
    return anomaly.side, anomaly.detail


def test_an_english_original_expanded_in_arabic_is_expanded() -> None:
    en = list(_EN)
    en[5] = "Paragraph 15."  # the English (target) original is short: the Arabic source expanded
    side, detail = _anomaly(_AR, en, "target")
    assert side == "source" and detail.startswith("the source is ") and detail.endswith("expanded")
    # the same bead with the Arabic as the original: its English translation condensed it
    side, detail = _anomaly(_AR, en, "source")
    assert side == "source" and detail.startswith("the target is ") and "condensed" in detail


def test_an_english_original_condensed_in_arabic_is_condensed() -> None:
    ar = list(_AR)
    ar[5] = "الفقرة 15."  # the Arabic (source) translation is short: the English original condensed
    side, detail = _anomaly(ar, _EN, "target")
    assert side == "target" and detail.startswith("the source is ") and detail.endswith("condensed")
    assert "(" in detail and "characters for" in detail
    side, detail = _anomaly(ar, _EN, "source")
    assert side == "target" and detail.endswith("expanded")
