"""Terminology: user glossary terms left unrendered, and terms rendered in several ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.anchors.glossary import Glossary
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Text
from tests.core.diverge.small_pairs import diagonal, of, texts

AR = [
    "قال النظام العراقي إن الحدود مغلقة.",
    "وأكد النظام العراقي أن الجنود عادوا.",
    "ورفض النظام العراقي الاتهامات كلها.",
    "وقال النظام العراقي إن الأمر انتهى.",
    "وأعلن النظام العراقي الحداد.",
    "وقال المتحدث إن الاجتماع انتهى.",
]
EN = [
    "The Iraqi regime said the border was closed.",
    "The Iraqi regime stressed that the soldiers had returned.",
    "Iraq rejected all the accusations.",
    "Iraq said the matter was over.",
    "Iraq's leadership declared mourning.",
    "The spokesman said the meeting was over.",
]


def test_one_finding_lists_each_rendering_with_its_beads() -> None:
    src, tgt = texts(AR, EN)
    found = of(find_divergences(src, tgt, diagonal(6)), DivergenceKind.TERM_INCONSISTENT)
    assert len(found) == 1
    d = found[0]
    assert d.side == "source" and d.paragraphs == (0, 1, 2, 3, 4)
    assert d.detail == (
        "‘النظام العراقي’ is rendered 2 ways in the English text: ‘Iraq’ 3× (English ¶3, 4, 5); "
        "‘Iraqi regime’ 2× (English ¶1, 2)"
    )
    assert d.values == ("Iraq ×3", "Iraqi regime ×2")
    # each occurrence on the Arabic side, each rendering on the English side
    assert sum(s.side == "source" for s in d.spans) == 5
    assert sum(s.side == "target" for s in d.spans) == 5


def test_one_rendering_throughout_is_no_finding() -> None:
    src, tgt = texts(AR, [e.replace("Iraq's leadership", "The Iraqi regime")
                          .replace("Iraq ", "The Iraqi regime ") for e in EN])
    assert not of(find_divergences(src, tgt, diagonal(6)), DivergenceKind.TERM_INCONSISTENT)


def test_too_few_occurrences_and_switched_off() -> None:
    src, tgt = texts(AR, EN)
    few = Thresholds(term_min_occurrences=6)
    assert not of(find_divergences(src, tgt, diagonal(6), few), DivergenceKind.TERM_INCONSISTENT)
    off = Thresholds(term_inconsistent=False)
    assert not of(find_divergences(src, tgt, diagonal(6), off), DivergenceKind.TERM_INCONSISTENT)


@pytest.fixture
def user_glossary(tmp_path: Path) -> Glossary:
    path = tmp_path / "mine.tsv"
    path.write_text("النظام العراقي\tthe Iraqi regime\nالمتحدث\tspokesperson\n", encoding="utf-8")
    return Glossary.load([path])


def _missing(src: Text, tgt: Text, glossary: Glossary) -> list[tuple[int, str]]:
    found = find_divergences(src, tgt, diagonal(6), glossary=glossary)
    return [(d.paragraphs[0], d.detail) for d in of(found, DivergenceKind.TERM_MISSING)]


def test_a_user_term_without_its_rendering_is_reported(user_glossary: Glossary) -> None:
    src, tgt = texts(AR, EN)
    missing = _missing(src, tgt, user_glossary)
    assert [p for p, _ in missing] == [2, 3, 4, 5]
    assert missing[0][1] == ("‘النظام العراقي’: the glossary's ‘the Iraqi regime’ is not in "
                             "the English paragraph")
    assert missing[3][1] == ("‘المتحدث’: the glossary's ‘spokesperson’ is not in the English "
                             "paragraph")


def test_only_from_the_original_and_not_for_builtin_terms(user_glossary: Glossary) -> None:
    # the English uses the user's term where the Arabic says it another way: no rule broken
    src_ar = [a.replace("المتحدث", "الرجل") for a in [AR[5]] * 6]
    src, tgt = texts(src_ar, ["The spokesperson said the meeting was over."] * 6)
    found = find_divergences(src, tgt, diagonal(6), glossary=user_glossary)
    assert not of(found, DivergenceKind.TERM_MISSING)
    # with the built-in glossary only, no term is required
    src, tgt = texts(AR, EN)
    assert not of(find_divergences(src, tgt, diagonal(6)), DivergenceKind.TERM_MISSING)
