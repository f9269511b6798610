"""Embedded posts: reported whole unless the other side carries most of their lines."""

from __future__ import annotations

from reader.core.align.beads import Alignment, Bead
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from tests.core.diverge.small_pairs import AR_BODY, EN_BODY, of, texts


def test_a_post_line_aligned_by_chance_does_not_hide_the_post() -> None:
    ar = [AR_BODY[0], "هذا منشور قصير عن المدارس pic.twitter.com/AbCdEfGhIj",
          "— وزارة التربية (@moe_iq) May 8, 2024", AR_BODY[1]]
    en = [EN_BODY[0], "Ministry of Education", EN_BODY[1]]
    source, target = texts(ar, en)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,))]
    [post] = of(find_divergences(source, target, Alignment(beads, 4, 3)),
                DivergenceKind.EMBEDDED_POST)
    assert post.paragraphs == (1, 2) and post.values == ("@moe_iq", "May 8, 2024")
    carried = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2,))]
    assert not of(find_divergences(source, target, Alignment(carried, 4, 3)),
                  DivergenceKind.EMBEDDED_POST)
