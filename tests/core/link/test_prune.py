"""The bound that spares weighing hopeless pairs never drops a link weighing would keep."""

from __future__ import annotations

import pytest

from reader.core.link.linker import candidate_links
from reader.core.link.records import LinkParams
from reader.core.text.document import load_text
from reader.resources import CORPUS

AR = CORPUS / "iraq-assad-lesson.ar.txt"
OTHERS = ["iraq-adapts-to-new-syria.en.txt", "iraq-spectator-axis-of-resistance.en.txt"]


@pytest.mark.parametrize("params", [LinkParams(), LinkParams(rarity=1.5, damping=1.0)])
@pytest.mark.parametrize("other", OTHERS)
def test_pruned_links_are_the_same(other: str, params: LinkParams) -> None:
    a, b = load_text(AR), load_text(CORPUS / other)
    every = candidate_links(a, b, params=params)
    for threshold in (0.01, 0.1, 0.4, 0.8):
        kept = {(k.a, k.b, k.score) for k in every if k.score >= threshold}
        pruned = candidate_links(a, b, params=params, min_score=threshold)
        assert {(k.a, k.b, k.score) for k in pruned if k.score >= threshold} == kept
        assert threshold < 0.1 or len(pruned) < len(every)


def test_english_pair_pruned_the_same() -> None:
    a = load_text(CORPUS / OTHERS[0])
    b = load_text(CORPUS / "iraq-resistance-and-fall-of-assad.en.txt")
    every = candidate_links(a, b)
    kept = {(k.a, k.b, k.score) for k in every if k.score >= 0.05}
    assert kept and {(k.a, k.b, k.score) for k in candidate_links(a, b, min_score=0.05)
                     if k.score >= 0.05} == kept
