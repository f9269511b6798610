"""Divergence detection: the built-in pair, the registry of detectors, bad input, any alignment."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.beads import Alignment, AlignmentError, Bead
from reader.core.anchors.features import text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.context import SOURCE, TARGET, Context, make_side
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.diverge.registry import DETECTORS
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Text, load_text
from reader.resources import CORPUS
from tests.core.diverge.small_pairs import AR_BODY, EN_BODY, diagonal, of, texts
from tests.paths import DATA

K = DivergenceKind


@pytest.fixture(scope="module")
def aligned(pair: tuple[Text, Text]) -> list[Divergence]:
    source, target = pair
    return find_divergences(source, target, align_texts(source, target))


@pytest.fixture(scope="module")
def gold_aligned(pair: tuple[Text, Text]) -> list[Divergence]:
    source, target = pair
    beads = json.loads((DATA / "iraq-assad-lesson.gold.json").read_text())
    return find_divergences(source, target, Alignment.from_pairs(beads, len(source), len(target)))


@pytest.mark.parametrize("which", ["aligned", "gold_aligned"])
def test_four_embedded_posts_cover_the_fifteen_lines(which: str, request: pytest.FixtureRequest,
                                                     pair: tuple[Text, Text]) -> None:
    found: list[Divergence] = request.getfixturevalue(which)
    posts = of(found, K.EMBEDDED_POST)
    assert len(posts) == 4
    assert [p.values[0] for p in posts] == ["@othmanmhmmadr", "@Bk_Hanasa", "@umtikrit", "@tmrrah9"]
    lines = [i for p in posts for i in p.paragraphs]
    assert lines == [4, 5, 6, 7, 11, 12, 13, 15, 16, 17, 18, 36, 37, 38, 39]
    assert all(p.side == "source" for p in posts)
    assert posts[0].detail == "post by @othmanmhmmadr, May 8, 2024, not in the target"
    source = pair[0]
    assert all(s.end == len(source.paragraphs[s.paragraph].text) for p in posts for s in p.spans)
    # no post line is also reported as an omission
    omitted = {i for d in of(found, K.OMISSION) for i in d.paragraphs}
    assert not omitted & set(lines)


@pytest.mark.parametrize("which", ["aligned", "gold_aligned"])
def test_equal_numbers_and_dates_are_not_flagged_and_180_is(
    which: str, request: pytest.FixtureRequest, pair: tuple[Text, Text]
) -> None:
    found: list[Divergence] = request.getfixturevalue(which)
    numbers = of(found, K.NUMBER_MISMATCH)
    dates = of(found, K.DATE_MISMATCH)
    flagged = {v for d in numbers + dates for v in d.values}
    # 8 كانون الأول 2024 = December 8, 2024; 18 ألف = 18,000; 460 مليون دولار = $460 million;
    # 2012 و2014 = 2012 and 2014; 279; 2011; ثلاثة عشر = 13
    for value in ["2024-12-8", "2024", "18000", "460000000", "2012", "2014", "279", "2011",
                  "13", "8"]:
        assert value not in flagged
    [n180] = [d for d in numbers if d.values == ("180",)]
    assert n180.side == "source" and n180.paragraphs == (14,)
    assert n180.severity is Severity.SERIOUS
    [span] = n180.spans
    assert pair[0].paragraphs[14].text[span.start : span.end] == "180"
    assert n180.detail == "180 in ‘180 درجة’ has no counterpart in the English paragraph"
    assert not dates


def test_records_serialise_as_the_design_says(aligned: list[Divergence]) -> None:
    for d in aligned:
        out = d.to_json()
        assert out["kind"] in {k.value for k in DivergenceKind}
        assert out["side"] in ("source", "target")
        assert out["detail"]
        json.dumps(out, ensure_ascii=False)


def test_matching_pair_has_no_divergence() -> None:
    source, target = texts(AR_BODY, EN_BODY)
    assert find_divergences(source, target, diagonal(3)) == []


# --- the registry ----------------------------------------------------------------------------


def test_every_kind_has_one_detector() -> None:
    declared = [k for d in DETECTORS for k in d.kinds]
    assert sorted(declared) == sorted(DivergenceKind)


@pytest.mark.parametrize(
    "english", ["iraq-assad-lesson.en.txt", "iraq-spectator-axis-of-resistance.en.txt"]
)
def test_detectors_report_the_kinds_they_declare_and_find_divergences_runs_them_all(
    pair: tuple[Text, Text], english: str
) -> None:
    # the translation, and an article that is not one (more kinds, sentences left out)
    source, target = pair[0], load_text(CORPUS / english)
    alignment = align_texts(source, target)
    glossary = Glossary.load()
    anchors = (text_anchors(source, glossary), text_anchors(target, glossary))
    ctx = Context(make_side(SOURCE, source, anchors[0]), make_side(TARGET, target, anchors[1]),
                  alignment, Thresholds(), glossary)
    found: list[Divergence] = []
    for detector in DETECTORS:
        if not detector.enabled(ctx.thresholds):
            continue  # a kind off by default: find_divergences does not run it either
        mine = detector.find(ctx)
        assert {d.kind for d in mine} <= set(detector.kinds)
        found += mine
    together = find_divergences(source, target, alignment, glossary=glossary, anchors=anchors)
    assert sorted(together, key=repr) == sorted(found, key=repr)


def test_a_detector_switched_off_by_its_threshold() -> None:
    [names] = [d for d in DETECTORS if K.NAME_MISMATCH in d.kinds]
    assert names.enabled(Thresholds()) and not names.enabled(Thresholds(name_mismatch=False))
    phrases = next(d for d in DETECTORS if K.PHRASE_OMISSION in d.kinds)
    assert all(d.enabled(Thresholds(name_mismatch=False)) for d in DETECTORS
               if d is not names and d is not phrases)
    # the kinds below 0.85 precision are off unless asked for (docs/benchmarks.md)
    assert not phrases.enabled(Thresholds()) and phrases.enabled(Thresholds(phrase_omission=True))


# --- bad input -------------------------------------------------------------------------------


def test_alignment_that_does_not_cover_the_texts_is_a_clear_error() -> None:
    source, target = texts(AR_BODY, EN_BODY)
    with pytest.raises(AlignmentError, match="2 source and 2 target"):
        find_divergences(source, target, diagonal(2))
    broken = diagonal(3)
    broken.beads[1] = Bead((2,), (1,))
    with pytest.raises(AlignmentError):
        find_divergences(source, target, broken)


def test_paragraphs_without_sentences_or_words() -> None:
    ar = ["...", "🇸🇾🤯", "https://x.com/a/status/1"]
    en = ["…", "🙂", "https://x.com/a/status/1"]
    source, target = texts(ar, en)
    assert find_divergences(source, target, Alignment([Bead((0, 1, 2), (0, 1, 2))], 3, 3)) == []
    assert find_divergences(source, target, diagonal(3)) == []


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["1:1", "1:0", "0:1", "2:1", "1:2"]), min_size=1, max_size=12),
       st.data())
def test_any_valid_alignment_gives_records_inside_the_texts(
    types: list[str], data: st.DataObject
) -> None:
    pool_ar = [*AR_BODY, "🇸🇾", "شارك:", "يوم 8 كانون الأول 2024 قتل 180 شخصا."]
    pool_en = [*EN_BODY, "🙂", "Share this:", "On December 8, 2024, 18,000 people."]
    beads, ar, en = [], [], []
    for t in types:
        a, b = (int(x) for x in t.split(":"))
        src = tuple(range(len(ar), len(ar) + a))
        tgt = tuple(range(len(en), len(en) + b))
        ar += [data.draw(st.sampled_from(pool_ar)) for _ in range(a)]
        en += [data.draw(st.sampled_from(pool_en)) for _ in range(b)]
        beads.append(Bead(src, tgt))
    source, target = texts(ar, en)
    if len(source) != len(ar) or len(target) != len(en):
        return
    for d in find_divergences(source, target, Alignment(beads, len(ar), len(en))):
        side = source if d.side == "source" else target
        assert all(0 <= i < len(side) for i in d.paragraphs)
        for s in d.spans:
            text = (source if s.side == "source" else target).paragraphs[s.paragraph].text
            assert 0 <= s.start < s.end <= len(text)
