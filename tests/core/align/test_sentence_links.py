"""Sentence links inside a bead: every sentence once, in order, and each bead aligned once."""

from __future__ import annotations

from reader.core.align.beads import Bead
from reader.core.align.sentence_links import SentenceLinks, SentenceSpan
from reader.core.text.document import text_from_string

SOURCE = text_from_string(
    "قتل 12 شخصا في دمشق يوم الأحد. وقال الجيش إن 300 جندي انسحبوا من حلب.\n"
    "وأعلنت الأمم المتحدة عن مساعدات بقيمة 460 مليون دولار.\n"
    "فقرة واحدة.\n",
    language="ar",
)
TARGET = text_from_string(
    "12 people were killed in Damascus on Sunday. The army said 300 soldiers withdrew from "
    "Aleppo. The United Nations announced $460 million in aid.\n"
    "One paragraph.\n",
    language="en",
)


def test_every_sentence_of_the_bead_appears_once_in_order() -> None:
    links = SentenceLinks(SOURCE, TARGET).links(Bead((0, 1), (0,)))
    src = [s for link in links for s in link.src]
    tgt = [t for link in links for t in link.tgt]
    assert [s.paragraph for s in src] == [0, 0, 1]
    assert src == sorted(src, key=lambda s: (s.paragraph, s.start))
    assert len(tgt) == 3 and tgt == sorted(tgt, key=lambda s: s.start)
    # numbers that survive translation pair the sentences one to one
    assert [(len(link.src), len(link.tgt)) for link in links] == [(1, 1)] * 3
    first = links[0]
    assert SOURCE.paragraphs[0].text[first.src[0].start:first.src[0].end].startswith("قتل 12")
    assert TARGET.paragraphs[0].text[first.tgt[0].start:first.tgt[0].end].startswith("12 people")


def test_one_sentence_a_side_and_left_out_beads_need_no_aligner() -> None:
    links = SentenceLinks(SOURCE, TARGET)
    [only] = links.links(Bead((2,), (1,)))
    assert only.src == (SentenceSpan(2, 0, len("فقرة واحدة.")),)
    assert only.spans("target") == (SentenceSpan(1, 0, len("One paragraph.")),)
    assert links.links(Bead((2,), ())) == []


def test_each_bead_is_aligned_once() -> None:
    links = SentenceLinks(SOURCE, TARGET)
    bead = Bead((0, 1), (0,))
    assert links.cached(bead) is None
    first = links.links(bead)
    assert links.cached(bead) is first
    assert links.links(Bead((0, 1), (0,), 0.5, "edited")) is first  # the same paragraphs
