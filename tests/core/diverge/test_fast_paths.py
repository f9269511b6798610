"""The fast detectors (issue 13) find what the plain ones before them found, on real pairs under
any alignment and thresholds; and the shortcuts they take hold for every character."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import Alignment, Bead
from reader.core.anchors.features import text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.diverge import verdict
from reader.core.diverge.context import (
    CONTENT_CHAR,
    SOURCE,
    TARGET,
    Context,
    _bmp_alnum,
    make_side,
    median,
)
from reader.core.diverge.names import find_names
from reader.core.diverge.posts import _post_identity
from reader.core.diverge.scan import holding
from reader.core.diverge.terms import find_inconsistent_terms
from reader.core.diverge.thresholds import Thresholds
from reader.core.diverge.values import find_numbers_and_dates
from reader.core.text.document import Text, load_text, text_from_string
from reader.resources import CORPUS
from tests.core.diverge import reference_detectors as plain
from tests.core.diverge import reference_names

REAL = Path(__file__).parents[2] / "data" / "real"
USER_GLOSSARY = Path(__file__).parents[2] / "data" / "iraq-assad-lesson.user-glossary.tsv"
PAIRS = {
    "builtin": (CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / "iraq-assad-lesson.en.txt"),
    "udhr": (REAL / "udhr.ar.txt", REAL / "udhr.en.txt"),
    "react-stale": (REAL / "react-devtools-stale.ar.txt", REAL / "react-devtools-stale.en.txt"),
}
# names and numbers each of the checks' ways tells apart (ordinary words, nationalities,
# rounding, years, dates), one case a line, to be aligned any way with the lines around
CRAFTED = [
    ("تركز المناهج الجديدة على الرياضيات والعلوم واللغة العربية في المرحلة الابتدائية.",
     "The new curricula focus on mathematics, science and Arabic in primary school."),
    ("عقد الاجتماع في الرياض بحضور وزراء الخارجية العرب.",
     "The meeting was attended by the Arab foreign ministers."),
    ("موافقة ولي الأمر مطلوبة لتسجيل القاصرين في المدرسة.",
     "Guardian consent is required to enrol minors at the school."),
    ("موافقة الأسرة مطلوبة لتسجيل القاصرين في المدرسة.",
     "Guardian consent is required to enrol minors at the school."),
    ("أعلن الحرس الثوري الإيراني عن مناورات جديدة.", "The IRGC announced new exercises."),
    ("أعلن الحرس الثوري الإيراني عن مناورات جديدة.", "New exercises were announced."),
    ("زار الوزير لبنان وسوريا.", "The minister visited Beirut and the Syrian capital."),
    ("قال نصر الله إن حزب الله جاهز.", "Nasrallah said Hezbollah was ready."),
    ("بلغ عدد السكان نحو 460 مليون نسمة في 2014.", "The population was 458.7 million in 2014."),
    ("بلغ عدد الطلاب 18 ألف طالب.", "There were 17,950 students."),
    ("في عام 2000 وقعت الاتفاقية الأولى.", "The first agreement was signed in about 2014."),
    ("كلف المشروع 1500 دولار و250 ألف دينار.", "The project cost $1,520 and 250,000 dinars."),
    ("وصل الوفد في 3 آذار 2026 إلى بغداد.", "The delegation reached Baghdad on March 3, 2026."),
    ("وصل الوفد في 3 آذار 2026 إلى بغداد.", "The delegation reached Baghdad in 2026."),
    ("قال الوزير إن 12 مدرسة و7 مستشفيات ستبنى.", "The minister said 12 schools would be built."),
]
_LOADED: dict[str, tuple[Text, Text]] = {}
# bead shapes, 1:1 the most common, as an aligner's output has them
SHAPES = st.sampled_from([(1, 1)] * 6 + [(1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)])


def _texts(name: str) -> tuple[Text, Text]:
    if name not in _LOADED:
        _LOADED[name] = (
            (text_from_string("\n".join(ar for ar, _ in CRAFTED), language="ar"),
             text_from_string("\n".join(en for _, en in CRAFTED), language="en"))
            if name == "crafted" else (load_text(PAIRS[name][0]), load_text(PAIRS[name][1])))
    return _LOADED[name]


def _alignment(shapes: list[tuple[int, int]], n_src: int, n_tgt: int) -> Alignment:
    """Beads of these shapes from the start, then 1:1, 1:0 and 0:1 to the end of both texts."""
    beads, i, j = [], 0, 0
    for s, t in [*shapes, *[(1, 1)] * max(n_src, n_tgt)]:
        s, t = min(s, n_src - i), min(t, n_tgt - j)
        if s or t:
            beads.append(Bead(tuple(range(i, i + s)), tuple(range(j, j + t))))
            i, j = i + s, j + t
    return Alignment(beads, n_src, n_tgt)


def _context(name: str, shapes: list[tuple[int, int]], th: Thresholds,
             glossary: Glossary) -> Context:
    source, target = _texts(name)
    anchors = (text_anchors(source, glossary), text_anchors(target, glossary))
    return Context(make_side(SOURCE, source, anchors[0]), make_side(TARGET, target, anchors[1]),
                   _alignment(shapes, len(source), len(target)), th, glossary)


THRESHOLDS = st.builds(
    lambda reach, chars, similarity, least: replace(
        Thresholds(), number_neighbour_beads=reach, name_min_chars=chars,
        name_similarity=similarity, number_min_value=least),
    st.integers(0, 2), st.integers(0, 5), st.sampled_from([0.0, 0.5, 0.75, 1.0]),
    st.sampled_from([0.0, 10.0, 1000.0]),
)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([*sorted(PAIRS), "crafted", "crafted"]), st.lists(SHAPES, max_size=120),
       THRESHOLDS,
       st.booleans())
def test_fast_detectors_find_what_the_plain_ones_found(
    name: str, shapes: list[tuple[int, int]], th: Thresholds, user: bool
) -> None:
    glossary = Glossary.load([USER_GLOSSARY]) if user else Glossary.load()
    ctx = _context(name, shapes, th, glossary)
    assert find_names(ctx) == reference_names.find_names(ctx)
    assert find_numbers_and_dates(ctx) == plain.find_numbers_and_dates(ctx)
    assert find_inconsistent_terms(ctx) == plain.find_inconsistent_terms(ctx)


def test_names_across_presentation_forms_and_vowels_as_plainly() -> None:
    # presentation forms (ﻟﺒﻨﺎﻥ) are normalised with their neighbours, the others one by one
    ar = ["زار الوزير ﻟﺒﻨﺎﻥ وسوريا الأسبوع الماضي.", "قال إنَّ العِراقَ يدعم الحلّ.", "شكراً."]
    en = ["The minister visited Lebanon and Syria last week.",
          "He said Iraq supports a solution, as Lebanon does.", "Thanks."]
    source, target = (text_from_string("\n".join(ar), language="ar"),
                      text_from_string("\n".join(en), language="en"))
    glossary = Glossary.load()
    anchors = (text_anchors(source, glossary), text_anchors(target, glossary))
    for beads in ([Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,))],
                  [Bead((0,), ()), Bead((1,), (0,)), Bead((2,), (1, 2))],
                  [Bead((0, 1), (0,)), Bead((2,), (1, 2))]):
        ctx = Context(make_side(SOURCE, source, anchors[0]), make_side(TARGET, target, anchors[1]),
                      Alignment(beads, 3, 3), Thresholds(number_neighbour_beads=0), glossary)
        assert find_names(ctx) == reference_names.find_names(ctx)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_lengths_posts_and_residue_as_plainly(name: str) -> None:
    glossary = Glossary.load()
    for text in _texts(name):
        side = make_side(SOURCE, text, text_anchors(text, glossary))
        assert side.lengths == plain.lengths(text)
        assert verdict._residue(text) == plain.residue(text)
        for members, identity in plain.post_identities(side).items():
            assert _post_identity(side, list(members)) == identity


POSTS_AND_LINKS = ["قال الوزير إن المدارس ستفتح.", "هذا منشور قصير pic.twitter.com/AbCdEfGhIj",
                   "— وزارة التربية (@moe_iq) May 8, 2024", "Read more at https://example.org/x",
                   "#hashtag و @handle و www.example.com", "English words in Arabic text here"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(POSTS_AND_LINKS) | st.text(min_size=1), min_size=1,
                max_size=12), st.sampled_from(["ar", "en"]))
def test_residue_and_lengths_of_any_text_as_plainly(lines: list[str], language: str) -> None:
    text = text_from_string("\n".join(lines), language=language)
    if not text.paragraphs:
        return
    assert verdict._residue(text) == plain.residue(text)
    assert make_side(SOURCE, text, text_anchors(text, None)).lengths == plain.lengths(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab@#hw.p:/\n tcx")), max_size=8),
       st.lists(st.sampled_from(["http", "www.", "pic.", "@", "#", "a"]), min_size=1, max_size=4))
def test_texts_holding_a_mark_are_those_that_hold_one(texts: list[str], marks: list[str]) -> None:
    texts = [t.replace("\n", " ") for t in texts]  # paragraphs hold no newline but may; below
    assert holding(texts, marks) == [k for k, t in enumerate(texts) if any(m in t for m in marks)]
    assert holding(["a\nhttp", "x"], ["http"]) == [0]
    with pytest.raises(ValueError):
        holding(texts, ["a\nb"])


def test_shortcuts_hold_for_every_character() -> None:
    plane = [chr(c) for c in range(0x10000)]
    # the alnum table, built by blocks, is str.isalnum of each character
    assert (_bmp_alnum() == np.array([c.isalnum() for c in plane])).all()
    # the pattern's [^\W_] is str.isalnum (the table's blocks are told apart with it)
    assert all(bool(CONTENT_CHAR.match(c)) == c.isalnum() for c in plane)
    # the term phrases' "only white space between" is what the pattern \s* said
    blank = re.compile(r"\s*")
    assert all(bool(blank.fullmatch(c)) == c.isspace() for c in plane)


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=30))
def test_median_is_the_statistics_median(values: list[float]) -> None:
    import statistics

    assert median(values) == statistics.median(values)
