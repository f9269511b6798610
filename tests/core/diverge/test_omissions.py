"""Omissions and additions from null beads; what is not one (emoji, links, boilerplate)."""

from __future__ import annotations

from reader.core.align.beads import Alignment, Bead
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind, Severity
from reader.core.diverge.thresholds import Thresholds
from tests.core.diverge.small_pairs import AR_BODY, EN_BODY, of, texts

K = DivergenceKind


def test_omission_and_addition_from_null_beads() -> None:
    extra = "وهذه فقرة إضافية طويلة في الأصل العربي لا يقابلها شيء في الترجمة الإنجليزية أبدا."
    ar = [AR_BODY[0], extra, AR_BODY[1], AR_BODY[2]]
    en = [*EN_BODY, "An English closing line that the Arabic original does not have at all."]
    source, target = texts(ar, en)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,)), Bead((), (3,))]
    found = find_divergences(source, target, Alignment(beads, 4, 4), Thresholds(addition=True))
    [omission] = of(found, K.OMISSION)
    assert omission.side == "source" and omission.paragraphs == (1,) and omission.bead == 1
    assert omission.severity is Severity.WARNING
    [addition] = of(found, K.ADDITION)
    assert addition.side == "target" and addition.paragraphs == (3,)
    # additions are off by default (their precision on the bench is below 0.85)
    by_default = find_divergences(source, target, Alignment(beads, 4, 4))
    assert of(by_default, K.OMISSION) == [omission] and not of(by_default, K.ADDITION)


def test_emoji_url_and_boilerplate_paragraphs_are_not_omissions() -> None:
    ar = [AR_BODY[0], "🇸🇾🤯🤯", "https://t.me/some_channel/123", "شارك:", AR_BODY[1]]
    source, target = texts(ar, EN_BODY[:2])
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), ()), Bead((3,), ()), Bead((4,), (1,))]
    found = find_divergences(source, target, Alignment(beads, 5, 2))
    assert not of(found, K.OMISSION)


def test_with_the_target_the_original_a_source_only_paragraph_is_an_addition() -> None:
    source, target = texts(AR_BODY, [EN_BODY[0], EN_BODY[2]])
    alignment = Alignment([Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,))], 3, 2)
    [as_source] = [d for d in find_divergences(source, target, alignment) if d.bead == 1]
    with_additions = Thresholds(addition=True)  # additions are reported only when asked for
    [as_target] = [d for d in find_divergences(source, target, alignment, with_additions,
                                               original="target") if d.bead == 1]
    assert not [d for d in find_divergences(source, target, alignment, original="target")
                if d.bead == 1]
    assert as_source.kind is DivergenceKind.OMISSION and "left out of" in as_source.detail
    assert as_target.kind is DivergenceKind.ADDITION and as_target.side == "source"
    assert "has no counterpart in the English text" in as_target.detail
