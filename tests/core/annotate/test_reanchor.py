"""Finding a quote again (position, exact quote with context, fuzzy) and snapping to words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotate.annotations import snap_to_words
from reader.core.annotate.reanchor import locate

TEXT = "النظام العراقي قال شيئا. ثم قال النظام العراقي شيئا آخر 🇮🇶 ثم النظام العراقي سكت."
QUOTE = "النظام العراقي"


def occurrences(text: str, quote: str) -> list[int]:
    out, pos = [], text.find(quote)
    while pos != -1:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


def test_exact_at_hint() -> None:
    second = occurrences(TEXT, QUOTE)[1]
    found = locate(TEXT, QUOTE, hint=second)
    assert found is not None and (found.start, found.method) == (second, "position")


def test_context_settles_a_repeated_quote_when_the_hint_is_wrong() -> None:
    starts = occurrences(TEXT, QUOTE)
    third = starts[2]
    prefix, suffix = TEXT[third - 32 : third], TEXT[third + len(QUOTE) : third + len(QUOTE) + 32]
    found = locate(TEXT, QUOTE, prefix, suffix, hint=0 + 3)  # hint near the first, off by 3
    assert found is not None and found.start == third and found.method == "quote"


def test_without_context_the_nearest_to_the_hint_wins() -> None:
    starts = occurrences(TEXT, QUOTE)
    found = locate(TEXT, QUOTE, hint=starts[1] + 5)
    assert found is not None and found.start == starts[1]


def test_fuzzy_match_after_an_edit_and_none_when_gone() -> None:
    edited = TEXT.replace("شيئا آخر", "شيئاً آخر")  # a tanween added inside the quote
    quote = "قال النظام العراقي شيئا آخر"
    found = locate(edited, quote, hint=TEXT.index(quote))
    assert found is not None and found.method == "fuzzy"
    assert edited[found.start : found.end] == "قال النظام العراقي شيئاً آخر"
    assert locate("a text about something else entirely", quote, hint=3) is None
    assert locate(TEXT, "") is None


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(max_size=60),
    quote=st.text(min_size=1, max_size=20),
    after=st.text(max_size=60),
    inserted=st.text(max_size=40),
)
def test_quote_is_found_again_after_text_is_inserted_before_it(
    before: str, quote: str, after: str, inserted: str
) -> None:
    content = before + quote + after
    start = len(before)
    prefix, suffix = before[-32:], after[:32]
    changed = inserted + content
    found = locate(changed, quote, prefix, suffix, hint=start)
    assert found is not None
    assert changed[found.start : found.end] == quote
    if changed.count(quote) == 1:
        assert found.start == start + len(inserted)


def test_snap_widens_to_whole_words_keeping_arabic_marks() -> None:
    text = "قالَ النظامُ العراقيّ 🇮🇶 شيئًا"
    start = text.index("ظام")  # inside النظامُ
    end = text.index("عراق") + 2  # inside العراقيّ
    s, e = snap_to_words(text, start, end)
    assert text[s:e] == "النظامُ العراقيّ"  # the damma and shadda stay with their letters
    s, e = snap_to_words(text, text.index("ش"), text.index("ش") + 2)
    assert text[s:e] == "شيئًا"


def test_snap_trims_space_and_leaves_emoji_whole() -> None:
    text = "Iraq 🇮🇶 backed Assad"
    s, e = snap_to_words(text, 4, 8)  # ' 🇮🇶 '
    assert text[s:e] == "🇮🇶"
    s, e = snap_to_words(text, 9, 11)
    assert text[s:e] == "backed"
    assert snap_to_words(text, 4, 5) == (4, 5)  # only a space: unchanged
    assert snap_to_words(text, -3, 400) == (0, len(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=50), st.integers(-5, 60), st.integers(-5, 60))
def test_snap_never_shrinks_a_selection_of_word_characters(text: str, a: int, b: int) -> None:
    start, end = sorted((a, b))
    s, e = snap_to_words(text, start, end)
    assert 0 <= s <= e <= len(text)
    lo, hi = max(0, min(start, len(text))), max(0, min(end, len(text)))
    inner = text[lo:hi]
    if inner.strip():
        assert inner.strip() in text[s:e]
