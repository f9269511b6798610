"""The concordance: every occurrence, its context, sorting by left and right context."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.lens.concord import concordance, kwic_line, sort_lines, term_concordance
from reader.core.lens.matching import Matcher
from tests.core.lens.helpers import ACTORS, document


def test_lines_give_left_match_right_in_logical_order() -> None:
    doc = document("ar", "قال الوزير إن وللنظام العراقي موقفا واضحا من ذلك")
    (line,) = concordance([doc], Matcher([ACTORS]), family="actors", label="regime")
    assert (line.left, line.match, line.right) == ("قال الوزير إن", "وللنظام العراقي",
                                                   "موقفا واضحا من ذلك")
    assert (line.document, line.paragraph, line.start, line.end) == ("ar", 0, 14, 29)


def test_context_is_cut_at_a_word() -> None:
    doc = document("en", "one two three four five the regime six seven eight nine ten")
    (line,) = concordance([doc], Matcher([ACTORS]), context=12)
    assert line.left == "five the" and line.right == "six seven"


def test_sorting_left_reads_backwards_from_the_match() -> None:
    doc = document("en", "zeta alpha regime. beta beta regime. alpha zeta regime. "
                         "the regime b. the regime a.")
    lines = concordance([doc], Matcher([ACTORS]), family="actors")
    left = [ln.left.split()[-1] if ln.left else "" for ln in sort_lines(lines, "left")]
    assert left[:3] == ["alpha", "beta", "the"] and left[-1] == "zeta"
    # ties on the nearest word go to the next one back: zeta alpha < beta beta … alpha zeta
    assert sort_lines(lines, "left")[0].left == "zeta alpha"
    # punctuation is no word: ". alpha zeta" sorts under alpha
    right = [ln.right.strip(". ").split()[0].strip(".") for ln in sort_lines(lines, "right")]
    assert right == ["a", "alpha", "b", "beta", "the"]
    assert [ln.start for ln in sort_lines(lines, "doc")] == sorted(ln.start for ln in lines)


def test_a_free_term_matches_as_a_form() -> None:
    doc = document("d", "الحشد الشعبي وبالحشد الشعبي والحشود; PMF and the PMF's men")
    assert [ln.match for ln in term_concordance([doc], "الحشد")] == ["الحشد", "وبالحشد"]
    assert [ln.match for ln in term_concordance([doc], "pmf")] == ["PMF", "PMF's"]


FORMS = [("وللنظام", "regime"), ("النظام العراقي", "regime"), ("regimes", "regime"),
         ("Iraqi regime's", "regime"), ("Government", "government"), ("بحكومة", "government"),
         ("وبغداد", "state"), ("Iraq", "state"), ("العراق", "state"), ("حكومته", "government")]
_MATCHER = Matcher([ACTORS])


@functools.cache
def _inert(word: str) -> bool:
    """A filler word that neither is a form nor changes a form beside it (Iraqi + regime)."""
    if _MATCHER.find(word):
        return False
    for form, _ in FORMS:
        alone = [(m.end - m.start, m.label) for m in _MATCHER.find(form)]
        for text in (f"{word} {form}", f"{form} {word}"):
            if [(m.end - m.start, m.label) for m in _MATCHER.find(text)] != alone:
                return False
    return True


# random words of Arabic (with marks and tatweel) and Latin letters, and near misses
LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى" + "\u064e\u0650\u0651\u0640" + "abegimnqrstIR"
WORD = st.one_of(
    st.text(LETTERS, min_size=1, max_size=7),
    st.sampled_from(["Iraqis", "regimen", "الرياضيات", "حكومي", "عراقي", "نظامي", "الحكومي"]),
).filter(_inert)
FILLER = st.lists(WORD, max_size=8)
# at least one word before each planted form: two forms side by side may be one longer form
# (بحكومة + العراق is حكومة العراق), which the longest match rightly takes as one
LEAD = st.lists(WORD, min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LEAD, st.sampled_from(FORMS)), min_size=1, max_size=6), FILLER)
def test_the_concordance_finds_every_planted_form_exactly(
    chunks: list[tuple[list[str], tuple[str, str]]], tail: list[str]
) -> None:
    text = ""
    planted: list[tuple[int, str, str]] = []
    for filler, (form, label) in chunks:
        text += "".join(w + " " for w in filler)
        planted.append((len(text), form, label))
        text += form + " "
    text += " ".join(tail)
    lines = concordance([document("d", text)], Matcher([ACTORS]))
    assert [(ln.start, ln.match, ln.label) for ln in lines] == planted
    for ln in lines:
        assert kwic_line(text, ln.occurrence, 30).match == text[ln.start:ln.end]
