"""Sentences left out inside n:m beads: found, and the same in one batch as bead by bead."""

from __future__ import annotations

import pytest

from reader.core.align.aligner import align_segments, align_texts
from reader.core.align.beads import Alignment, Bead
from reader.core.anchors.features import text_anchors
from reader.core.diverge import sentences
from reader.core.diverge.context import make_side
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.records import DivergenceKind
from reader.core.text.document import Text, load_text
from reader.resources import CORPUS
from tests.core.diverge.small_pairs import of, texts

K = DivergenceKind


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
        sentences, "align_segment_batch",
        # each sentence's anchors found afresh, not taken from its paragraph's
        lambda problems, sl, tl, glossary, anchors=None, features=None: [
            align_segments(s, t, sl, tl, glossary) for s, t in problems
        ],
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
    side = make_side("target", target, text_anchors(target, None))
    members = range(len(target.paragraphs))
    assert sentences.sentence_chars(side, members) == sum(
        seg.length for seg in sentences.segments(side, members))
