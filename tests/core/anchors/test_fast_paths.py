"""The anchors' shortcuts find exactly what the plain ways find: the glossary's English pattern
tried only where a term's first word starts, and sentences' anchors taken from their paragraph's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchors.features import Anchors, find_anchors, known_anchors, text_anchors
from reader.core.anchors.glossary import _EN_FOLD, _EN_FOLDED, Glossary, TermMention
from reader.core.anchors.parts import sentence_anchors
from reader.core.anchors.term_edges import crossing_tails, may_cross
from reader.core.text.document import load_text
from reader.core.text.sentences import split_sentences
from reader.resources import CORPUS

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
GLOSSARY = Glossary.load()


def find_terms_everywhere(glossary: Glossary, text: str) -> list[TermMention]:
    """`Glossary.find_terms` in English as it was: the pattern searched at every character."""
    matcher = glossary._matcher("en")
    assert matcher is not None
    haystack = text.translate(_EN_FOLD) if _EN_FOLDED.search(text) else text
    out = []
    for m in matcher.pattern.finditer(haystack):
        term_id = matcher.ids.get(matcher.key(m["core"]))
        if term_id is not None and term_id not in matcher.ignored:
            out.append(TermMention(term_id, m.start(), m.end(), text[m.start() : m.end()]))
    return out


def _english_forms() -> list[str]:
    return sorted({v for term in GLOSSARY for v in term.en})


# Pieces of English text around the glossary's forms: articles, endings, apostrophes, dashes,
# case, letters beyond ASCII that match ASCII ones when case is ignored (ſ, ı, the Kelvin sign)
_EN_PIECES = st.one_of(
    st.sampled_from(_english_forms()),
    st.sampled_from(_english_forms()).map(str.upper),
    st.sampled_from(_english_forms()).map(str.lower),
    st.sampled_from(["al-", "Al ", "el-", "'s", "s'", "es", "s", "’", "-", "—", " ", "  ", ".",
                     ", ", "the ", "us", "US", "U.S.", "x", "9", "_", "ſ", "ı", "\u212a", "ü",
                     "İ", "é", "\n", "? ", "Shi'a ", "Shia"]),
)
EN_TEXT = st.lists(_EN_PIECES, max_size=10).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EN_TEXT)
def test_english_terms_as_the_pattern_finds_them_everywhere(text: str) -> None:
    assert GLOSSARY.find_terms(text, "en") == find_terms_everywhere(GLOSSARY, text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_english_terms_of_the_documents_as_before(path: Path) -> None:
    # Arabic documents too: their English quotes, and letters the shortcut leaves to the pattern
    for p in load_text(path).paragraphs:
        for text in [p.text, *(s.text for s in split_sentences(p.text, "en"))]:
            assert GLOSSARY.find_terms(text, "en") == find_terms_everywhere(GLOSSARY, text)


def test_a_glossary_term_starting_with_a_sign_is_searched_everywhere(tmp_path: Path) -> None:
    # no first word to look for: the pattern is tried at every character, as before
    path = tmp_path / "g.tsv"
    path.write_text("ar\ten\nقناة\t'Awn Party|.NET\n", encoding="utf-8")
    glossary = Glossary.load([path], include_builtin=False)
    for text in ["the 'Awn party said", "on .NET today", "Awn Party"]:
        assert glossary.find_terms(text, "en") == find_terms_everywhere(glossary, text)
        assert glossary.find_terms(text, "en")


# --- sentences' anchors ------------------------------------------------------------------------

_AR_PIECES = [
    "ثلاثة", "عشر", "عَشَرَ", "عشرة", "ـعشر", "التاسع", "الحادي", "آلاف", "ألف", "مليون", "وخمسمائة",
    "خمس", "كانون الأول", "ديسمبر", "آب", "شهر", "عام", "2014", "١٢", "٣٠٠٠", "بالمئة", "%",
    "دولار", "العراق", "والعراقيين", "الولايات المتحدة", "سوريا", "رئيسي", "ﻋﺸﺮ", "قال", "في",
]
_EN_WORDS = [
    "one", "two", "twenty", "hundred", "a", "and", "thousand", "million", "5", "1,200", "$",
    "US$", "per", "cent", "%", "December", "May", "8", "2024", "2024-12-08", "the", "of",
    "Iraq", "Iraq's", "United", "States", "Donald", "J.", "Trump", "king", "said", "km",
]
_GLUE = [" ", " ", " ", ". ", "! ", "? ", "؟ ", "؛ ", "… ", ".\" ", ".) ", ", ", "-", "\n",
         " @user ", " #tag ", " http://x.com/a. ", " www.example.org ", " pic.twitter.com/x "]
PARAGRAPH = st.lists(
    st.tuples(st.sampled_from(_AR_PIECES + _EN_WORDS), st.sampled_from(_GLUE)), max_size=14
).map(lambda parts: "".join(a + b for a, b in parts))


def check_sentences(text: str, lang: str, anchors: Anchors | None = None) -> None:
    anchors = anchors if anchors is not None else find_anchors(text, lang, GLOSSARY)
    sentences = split_sentences(text, lang)
    assert sentence_anchors(text, anchors, sentences, lang, GLOSSARY) == [
        find_anchors(s.text, lang, GLOSSARY) for s in sentences
    ]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPH, st.sampled_from(["ar", "en"]))
def test_sentence_anchors_as_found_on_each_sentence(text: str, lang: str) -> None:
    check_sentences(text, lang)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_sentence_anchors_of_the_documents_as_found_on_each_sentence(path: Path) -> None:
    text = load_text(path)
    for p, anchors in zip(text.paragraphs, text_anchors(text, GLOSSARY), strict=True):
        check_sentences(p.text, text.language, anchors)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an ordinal ends one sentence and "ten" starts the next: in the paragraph "عشر" is
        # part of "the nineteenth", alone it is ten
        ("جاء التاسع. عشر رجال جاؤوا", "ar"),
        ("جاء التاسع. ـعشر رجال", "ar"),
        # a scale word after the stop: the paragraph reads "5. Million" as one number
        ("It was 5. Million people came.", "en"),
        ("بلغ 5. مليون شخص", "ar"),
        # a month before a stop and a number after it: one match of the date pattern there
        ("They met in December. 45 people came.", "en"),
        # a link hides the number before the next sentence's scale word
        ("It cost 5 http://x.com/a. Million more.", "en"),
        ("Donald J. Trump spoke. The U.S. agreed! Iraq's oil? Yes.", "en"),
    ],
)
def test_sentence_anchors_at_the_edges(text: str, lang: str) -> None:
    check_sentences(text, lang)


def test_known_anchors_are_those_text_anchors_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Two men. In December 2024.\n\nThe king of Iraq.\n", encoding="utf-8")
    text = load_text(path)
    assert known_anchors(text, GLOSSARY) is None or known_anchors(text, GLOSSARY) == text_anchors(
        text, GLOSSARY
    )
    kept = text_anchors(text, GLOSSARY)
    assert known_anchors(text, GLOSSARY) is kept
    assert known_anchors(text, None) is None  # another glossary: not the same anchors


def test_english_first_words_cover_endings_and_apostrophes() -> None:
    matcher = GLOSSARY._matcher("en")
    assert matcher is not None and matcher.firsts is not None
    assert {"iraq", "iraqs", "iraqes", "al", "el", "us", "u"} <= matcher.firsts
    assert re.fullmatch(r"[a-z0-9_]+", "".join(sorted(matcher.firsts)))


def test_a_dropped_term_across_a_sentence_end_hides_none_of_the_next_sentence(
    tmp_path: Path,
) -> None:
    # "Yahoo! Inc" is matched across the end of "I use Yahoo!" and dropped (category ignore):
    # in the paragraph it hides "Inc", which the second sentence alone holds
    path = tmp_path / "g.tsv"
    path.write_text(
        "id\tar\ten\tcategory\nyahoo-inc\tياهو\tYahoo! Inc\tignore\ninc\tشركة\tInc\tterm\n",
        encoding="utf-8",
    )
    glossary = Glossary.load([path], include_builtin=False)
    text = "I use Yahoo! Inc was sold. Then Yahoo! Inc."
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == ["I use Yahoo!", "Inc was sold.", "Then Yahoo!", "Inc."]
    anchors = find_anchors(text, "en", glossary)
    assert anchors.terms == []
    found = sentence_anchors(text, anchors, sentences, "en", glossary)
    assert found == [find_anchors(s.text, "en", glossary) for s in sentences]
    assert [t.term_id for t in found[1].terms] == ["inc"]


def test_sentence_ends_a_term_may_run_across() -> None:
    assert crossing_tails(GLOSSARY, "en") == ("'", "j.", "w.")  # Donald J. Trump, George W. Bush
    assert crossing_tails(GLOSSARY, "ar") == ()
    assert may_cross(GLOSSARY, "By Donald J. Trump", 12, "en")
    assert not may_cross(GLOSSARY, "He came. Then", 8, "en")
    assert may_cross(GLOSSARY, "He came ſj. Then", 11, "en")  # letters beyond ASCII: maybe
