"""Arabic for terminals: visual order with shaping, or logical order kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.text.bidi_display import display_lines, display_width, has_rtl, to_display, wrap

ARABIC = "نشرت مليشيا"


def test_logical_keeps_the_text() -> None:
    assert to_display(ARABIC, logical=True) == ARABIC
    assert to_display("plain English") == "plain English"


def test_visual_order_is_reversed_and_shaped() -> None:
    shown = to_display(ARABIC)
    assert shown != ARABIC
    # shaped: presentation forms, no base letters left
    assert all("\ufb50" <= c <= "\ufeff" or c == " " for c in shown)
    # reversed: the last word of the logical text comes first on screen
    assert len(shown.split()[0]) == len("مليشيا")


def test_numbers_keep_their_digit_order_inside_arabic() -> None:
    shown = to_display("انقلب 180 درجة")
    assert "180" in shown


def test_english_base_direction_for_explanations() -> None:
    shown = to_display("‘لبنان’ is named here", base_dir="L")
    assert shown.endswith("is named here")


def test_width_and_wrap() -> None:
    assert display_width("ab") == 2
    assert display_width("🤯") == 2
    assert display_width("e\u0301") == 1
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("https://example.com/a/very/long/link", 10)[0] == "https://ex"
    assert has_rtl(ARABIC) and not has_rtl("abc 123")


def test_display_lines_wraps_in_logical_order() -> None:
    text = "يوم تحرير سوريا في 8 كانون الأول عام 2024"
    logical = display_lines(text, 12, logical=True)
    assert " ".join(logical) == text
    visual = display_lines(text, 12)
    assert len(visual) == len(logical)


@given(st.text(alphabet=st.sampled_from(list("ab سلام 12 🤯\u0301-")), max_size=60),
       st.integers(min_value=1, max_value=20))
def test_wrapped_lines_fit(text: str, width: int) -> None:
    for line in wrap(text, width):
        assert display_width(line) <= max(width, 2)
