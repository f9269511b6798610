"""Divergence detection: the built-in pair, each kind on small texts, thresholds, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_segments, align_texts
from reader.core.align.beads import Alignment, AlignmentError, Bead
from reader.core.anchors.features import text_anchors
from reader.core.diverge import finder as divergences
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.thresholds import Thresholds, load_thresholds
from reader.core.errors import InputError
from reader.core.text.document import Text, load_text, text_from_string
from reader.resources import CORPUS
from tests.paths import DATA

K = DivergenceKind


@pytest.fixture(scope="module")
def pair() -> tuple[Text, Text]:
    return (load_text(CORPUS / "iraq-assad-lesson.ar.txt"),
            load_text(CORPUS / "iraq-assad-lesson.en.txt"))


@pytest.fixture(scope="module")
def aligned(pair: tuple[Text, Text]) -> list[Divergence]:
    source, target = pair
    return find_divergences(source, target, align_texts(source, target))


@pytest.fixture(scope="module")
def gold_aligned(pair: tuple[Text, Text]) -> list[Divergence]:
    source, target = pair
    beads = json.loads((DATA / "iraq-assad-lesson.gold.json").read_text())
    return find_divergences(source, target, Alignment.from_pairs(beads, len(source), len(target)))


def of(found: list[Divergence], kind: DivergenceKind) -> list[Divergence]:
    return [d for d in found if d.kind is kind]


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


# --- small made-up pairs -----------------------------------------------------------------------

AR_BODY = [
    "قال الوزير إن الحكومة ستبني مدارس جديدة في كل المحافظات خلال السنوات القادمة.",
    "وأضاف أن عدد الطلاب بلغ 250 ألف طالب في العام الماضي وأن الميزانية تكفي.",
    "وختم بالقول إن المشروع سيكتمل في 3 آذار 2026 كما هو مخطط له من قبل الوزارة.",
]
EN_BODY = [
    "The minister said the government would build new schools in every province in the coming "
    "years.",
    "He added that there were 250,000 students last year and that the budget was sufficient.",
    "He concluded that the project would be completed on March 3, 2026 as the ministry planned.",
]


def texts(ar: list[str], en: list[str]) -> tuple[Text, Text]:
    return (text_from_string("\n".join(ar), language="ar"),
            text_from_string("\n".join(en), language="en"))


def diagonal(n: int) -> Alignment:
    return Alignment([Bead((i,), (i,)) for i in range(n)], n, n)


def test_matching_pair_has_no_divergence() -> None:
    source, target = texts(AR_BODY, EN_BODY)
    assert find_divergences(source, target, diagonal(3)) == []


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


def test_omission_and_addition_from_null_beads() -> None:
    extra = "وهذه فقرة إضافية طويلة في الأصل العربي لا يقابلها شيء في الترجمة الإنجليزية أبدا."
    ar = [AR_BODY[0], extra, AR_BODY[1], AR_BODY[2]]
    en = [*EN_BODY, "An English closing line that the Arabic original does not have at all."]
    source, target = texts(ar, en)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,)), Bead((), (3,))]
    found = find_divergences(source, target, Alignment(beads, 4, 4))
    [omission] = of(found, K.OMISSION)
    assert omission.side == "source" and omission.paragraphs == (1,) and omission.bead == 1
    assert omission.severity is Severity.WARNING
    [addition] = of(found, K.ADDITION)
    assert addition.side == "target" and addition.paragraphs == (3,)


def test_emoji_url_and_boilerplate_paragraphs_are_not_omissions() -> None:
    ar = [AR_BODY[0], "🇸🇾🤯🤯", "https://t.me/some_channel/123", "شارك:", AR_BODY[1]]
    source, target = texts(ar, EN_BODY[:2])
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), ()), Bead((3,), ()), Bead((4,), (1,))]
    found = find_divergences(source, target, Alignment(beads, 5, 2))
    assert not of(found, K.OMISSION)


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


def test_sentence_omission_inside_a_one_to_two_bead() -> None:
    ar = ["قال الوزير إن عدد الطلاب بلغ 250 ألف طالب. وأضاف أن الحكومة ستبني 40 مدرسة جديدة. "
          "وأكد أن الميزانية الكاملة للمشروع تبلغ 460 مليون دولار وأنها ستصرف على ثلاث سنوات "
          "بإشراف لجنة من البرلمان ووزارة المالية."]
    en = ["The minister said there were 250,000 students.",
          "He added that the government would build 40 new schools."]
    source, target = texts(ar, en)
    found = find_divergences(source, target, Alignment([Bead((0,), (0, 1))], 1, 2))
    [omitted] = of(found, K.SENTENCE_OMISSION)
    assert omitted.side == "source"
    [span] = omitted.spans
    assert source.paragraphs[0].text[span.start : span.end].startswith("وأكد أن الميزانية")


@pytest.mark.parametrize(
    ("english", "omits"),
    [("iraq-assad-lesson.en.txt", False), ("iraq-spectator-axis-of-resistance.en.txt", True)],
)
def test_sentences_aligned_in_one_batch_as_bead_by_bead(
    pair: tuple[Text, Text], english: str, omits: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the Arabic against its translation, and against an article that is not one: many n:m
    # beads, sentences left out of them
    arabic, target = pair[0], load_text(CORPUS / english)
    alignment = align_texts(arabic, target)
    batched = find_divergences(arabic, target, alignment)
    monkeypatch.setattr(
        divergences, "align_segment_batch",
        lambda problems, sl, tl, glossary: [align_segments(s, t, sl, tl, glossary)
                                            for s, t in problems],
    )
    assert find_divergences(arabic, target, alignment) == batched
    # the other article leaves sentences out of its beads: the two paths were compared on them
    kinds = [d.kind for d in batched]
    assert (K.SENTENCE_OMISSION in kinds) == omits


def test_a_beads_sentence_length_is_counted_without_cutting_its_sentences() -> None:
    # the candidate beads are chosen on their sentences' total length, counted per paragraph
    # unless a link may count otherwise in the paragraph than in its sentences
    en = ["See https://example.com/a.b. Then www.example.org/x? And pic.twitter.com/abc. End.",
          "A plain paragraph. With two sentences!", "   ", "One more line without a stop"]
    _, target = texts(["عربي"], en)
    side = divergences._Side("target", target, text_anchors(target, None),
                             divergences._lengths(target))
    members = range(len(target.paragraphs))
    assert divergences._sentence_chars(side, members) == sum(
        seg.length for seg in divergences._segments(side, members))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(codec=None, exclude_categories=())), max_size=12),
       st.integers(1, 40))
def test_letters_and_digits_counted_at_once_as_one_by_one(texts: list[str], chunk: int) -> None:
    assert divergences._alnum_counts(texts, chunk) == [sum(map(str.isalnum, t)) for t in texts]


def test_letters_and_digits_of_every_plane() -> None:
    texts = ["", "abc ١٢٣ قال", "\U0001d400\U0001f600\U00020000 x", "\ud800 \udfff", "é" * 5]
    assert divergences._alnum_counts(texts) == [0, 9, 3, 0, 5]
    assert divergences._alnum_counts(texts, chunk=1) == [0, 9, 3, 0, 5]


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


# --- thresholds ------------------------------------------------------------------------------


def test_thresholds_from_toml_and_command_line(tmp_path: Path) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_text("[divergences]\nlength_robust_z = 4.5\nname_mismatch = false\n")
    th = load_thresholds(path)
    assert th.length_robust_z == 4.5 and th.name_mismatch is False
    th = th.with_overrides(["number_neighbour_beads=0", "name_mismatch=yes"])
    assert th.number_neighbour_beads == 0 and th.name_mismatch is True


@pytest.mark.parametrize(
    ("content", "message"),
    [("nonsense = 1\n", "unknown threshold 'nonsense'"),
     ("length_robust_z = 'high'\n", "must be a float"),
     ("number_neighbour_beads = 1.5\n", "must be a int"),
     ("length_robust_z = \n", "not valid TOML")],
)
def test_bad_thresholds_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        load_thresholds(path)
    assert str(path) in str(info.value)


def test_bad_override_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="NAME=VALUE"):
        Thresholds().with_overrides(["length_robust_z"])
    with pytest.raises(InputError, match="no such file"):
        load_thresholds(tmp_path / "absent.toml")


def test_to_json_keeps_its_shape() -> None:
    d = Divergence(K.NUMBER_MISMATCH, Severity.SERIOUS, "source", (14,), "180 …", bead=13,
                   spans=(Span("source", 14, 192, 195),), values=("180",))
    assert d.to_json() == {
        "kind": "number_mismatch", "severity": "serious", "side": "source", "paragraphs": [14],
        "detail": "180 …", "bead": 13, "values": ["180"],
        "spans": [{"side": "source", "paragraph": 14, "start": 192, "end": 195}],
    }


def test_a_post_line_aligned_by_chance_does_not_hide_the_post() -> None:
    ar = [AR_BODY[0], "هذا منشور قصير عن المدارس pic.twitter.com/AbCdEfGhIj",
          "— وزارة التربية (@moe_iq) May 8, 2024", AR_BODY[1]]
    en = [EN_BODY[0], "Ministry of Education", EN_BODY[1]]
    source, target = texts(ar, en)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,))]
    [post] = of(find_divergences(source, target, Alignment(beads, 4, 3)), K.EMBEDDED_POST)
    assert post.paragraphs == (1, 2) and post.values == ("@moe_iq", "May 8, 2024")
    carried = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2,))]
    assert not of(find_divergences(source, target, Alignment(carried, 4, 3)), K.EMBEDDED_POST)
