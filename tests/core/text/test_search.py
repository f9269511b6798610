"""Search in a text: blind to diacritics, tatweel, letter forms and case; spans map back exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.arabic.normalise import normalize
from reader.core.text.document import load_text, text_from_string
from reader.core.text.search import SearchIndex, find_all
from reader.resources import CORPUS


def spans(text_content: str, query: str) -> list[str]:
    text = text_from_string(text_content)
    return [text.paragraphs[p].text[s:e] for p, s, e in find_all(text, query)]


def test_bare_query_finds_hamza_form() -> None:
    assert spans("قال إن الأسد سقط", "الاسد") == ["الأسد"]


def test_bare_query_finds_fully_vowelled_word_with_its_marks() -> None:
    # the trailing damma belongs to the word: the highlight must cover it
    assert spans("سقط الْأَسَدُ أمس", "الاسد") == ["الْأَسَدُ"]


def test_query_with_diacritics_finds_bare_text() -> None:
    assert spans("سقط الأسد أمس", "الْأَسَد") == ["الأسد"]


def test_tatweel_alef_maqsura_and_ta_marbuta_are_ignored() -> None:
    assert spans("المـــدينة الكبرى", "المدينه الكبري") == ["المـــدينة الكبرى"]


def test_a_space_in_the_query_matches_any_run_of_white_space() -> None:
    assert spans("سقط  نظام\u00a0الأسد", "نظام   الاسد") == ["نظام\u00a0الأسد"]
    assert spans("سقط  نظام الأسد", "سقط نظام") == ["سقط  نظام"]


def test_latin_case_is_ignored() -> None:
    assert spans("The fall of ASSAD and of Assad's army", "assad") == ["ASSAD", "Assad"]


def test_spans_are_exact_with_emoji_around() -> None:
    # emoji are two UTF-16 units but one code point: offsets here are code points
    content = "😀🇮🇶 الأسد 😀\nلا شيء هنا\n🔥الْأَسَد🔥"
    text = text_from_string(content)
    hits = find_all(text, "الاسد")
    assert [(p, text.paragraphs[p].text[s:e]) for p, s, e in hits] == [
        (0, "الأسد"),
        (2, "الْأَسَد"),
    ]
    assert hits[0][1] == 4  # after 😀 (one code point), the flag (two) and a space
    assert hits[1][1] == 1


def test_every_occurrence_in_order_without_overlap() -> None:
    text = text_from_string("aaaa\nb aa b")
    assert find_all(text, "aa") == [(0, 0, 2), (0, 2, 4), (1, 2, 4)]


def test_empty_or_blank_query_finds_nothing() -> None:
    text = text_from_string("الأسد")
    assert find_all(text, "") == []
    assert find_all(text, "   ") == []
    assert find_all(text, "\u064e") == []  # a lone fatha folds to nothing


def test_white_space_in_query_collapses() -> None:
    assert spans("بشار الأسد", "بشار   الاسد") == ["بشار الأسد"]


def test_no_hit() -> None:
    assert spans("الأسد", "بغداد") == []


def test_built_in_article_finds_assad() -> None:
    text = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    hits = find_all(text, "الاسد")
    assert len(hits) >= 3
    for p, s, e in hits:
        assert normalize(text.paragraphs[p].text[s:e]) == "الاسد"


def test_index_is_reused_and_matches_fresh_index() -> None:
    text = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    assert find_all(text, "iraq") == SearchIndex(text).find("IRAQ")


arabic_letters = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىئؤء "))
marks = st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640"])


@given(
    words=st.lists(st.text(arabic_letters, min_size=1, max_size=8), min_size=1, max_size=6),
    pick=st.integers(min_value=0),
    marked=st.lists(st.tuples(st.integers(min_value=0), marks), max_size=6),
)
def test_a_word_is_found_whatever_its_marks(
    words: list[str], pick: int, marked: list[tuple[int, str]]
) -> None:
    """Insert marks and tatweel anywhere after a letter: the bare word is still found, and
    every hit's span, normalised, is the query."""
    word = words[pick % len(words)].strip() or "ب"
    plain = " ".join(words) + " " + word
    chars = list(plain)
    for at, mark in sorted(marked, reverse=True):
        i = at % len(chars)
        if chars[i].strip():  # a mark follows a letter, never a space
            chars.insert(i + 1, mark)
    content = "".join(chars)
    text = text_from_string(content)
    hits = find_all(text, normalize(word))
    assert hits
    for p, s, e in hits:
        found = text.paragraphs[p].text[s:e]
        assert normalize(found).replace(" ", "") == normalize(word).replace(" ", "")
        assert found[0] not in "\u064e\u064f\u0650\u0651\u0652\u064b\u0640"
