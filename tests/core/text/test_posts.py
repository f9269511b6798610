"""Pasted embedded posts: X/Twitter (the corpus), Facebook, Instagram, Telegram, YouTube."""

from __future__ import annotations

import pytest

from reader.core.text.document import load_text
from reader.core.text.kinds import Kind
from reader.core.text.posts import find_posts, parse_attribution
from reader.resources import CORPUS

ARTICLE = (
    "This is an article paragraph that is long enough to be prose, and it ends as prose does, "
    "with a full stop after a sentence that no post would hold in a single embedded line. " * 3
)


def test_corpus_posts_are_the_four_x_posts() -> None:
    text = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    posts = find_posts([p.text for p in text.paragraphs])
    assert [(p.handle, p.paragraphs) for p in posts] == [
        ("othmanmhmmadr", (4, 5, 6, 7)),
        ("Bk_Hanasa", (11, 12, 13)),
        ("umtikrit", (15, 16, 17, 18)),
        ("tmrrah9", (36, 37, 38, 39)),
    ]
    assert {p.platform for p in posts} == {"x"}
    assert posts[0].date == "May 8, 2024"
    assert sum(p.kind is Kind.EMBEDDED_POST for p in text.paragraphs) == 15
    english = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    assert find_posts([p.text for p in english.paragraphs]) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("— عثمان المختار (@othmanmhmmadr) May 8, 2024",
         ("x", "عثمان المختار", "othmanmhmmadr", "May 8, 2024")),
        ("Posted by Al Jazeera on Thursday, May 8, 2024",
         ("facebook", "Al Jazeera", None, "Thursday, May 8, 2024")),
        ("— Iraqi News on Facebook", ("facebook", "Iraqi News", None, None)),
        ("A post shared by NatGeo (@natgeo)", ("instagram", "NatGeo", "natgeo", None)),
        ("A post shared by NatGeo (@natgeo) on May 8, 2024 at 3:15pm PDT",
         ("instagram", "NatGeo", "natgeo", "May 8, 2024")),
        ("— Sabereen News (@sabereen) on Telegram",
         ("telegram", "Sabereen News", "sabereen", None)),
        ("https://t.me/alsumaria/12345", ("telegram", "alsumaria", "alsumaria", None)),
        ("— المختار عبر تلغرام ٨ مايو ٢٠٢٤", ("telegram", "المختار", None, "٨ مايو ٢٠٢٤")),
        ("https://www.youtube.com/watch?v=abc123", ("youtube", "", None, None)),
        ("Speech of the minister - YouTube", ("youtube", "Speech of the minister", None, None)),
        ("— قناة العربية على يوتيوب", ("youtube", "قناة العربية", None, None)),
        ("https://www.facebook.com/aljazeera/posts/123",
         ("facebook", "aljazeera", "aljazeera", None)),
        ("instagram.com/p/Cx12/", ("instagram", "", None, None)),
    ],
)
def test_attribution_shapes(line: str, expected: tuple[object, ...]) -> None:
    assert parse_attribution(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "He wrote on Facebook",
        "The minister spoke on Telegram.",
        "Posted by the editors",
        "Watch the full interview on YouTube, where the minister explains his view at length.",
        "See https://t.me/channel/12 for more",
        ARTICLE,
    ],
)
def test_prose_is_not_an_attribution(line: str) -> None:
    assert parse_attribution(line) is None


def test_facebook_post_groups_its_lines() -> None:
    lines = [ARTICLE, "Our statement on today's events.", "Posted by Iraqi News on Monday, "
             "June 3, 2024", ARTICLE]
    posts = find_posts(lines)
    assert [(p.platform, p.paragraphs, p.date) for p in posts] == [
        ("facebook", (1, 2), "Monday, June 3, 2024")
    ]


def test_instagram_post_with_view_line() -> None:
    lines = [ARTICLE, "View this post on Instagram", "Crowds in Umayyad Square tonight 🇸🇾",
             "A post shared by Syria Now (@syrianow)", ARTICLE]
    [post] = find_posts(lines)
    assert post.platform == "instagram" and post.handle == "syrianow"
    assert post.paragraphs == (1, 2, 3)


def test_telegram_and_youtube_link_then_attribution_is_one_post() -> None:
    lines = [ARTICLE, "بيان المقاومة الإسلامية", "https://t.me/sabereen/4512",
             "— صابرين نيوز (@sabereen) on Telegram", ARTICLE,
             "Minister's speech in Baghdad", "https://youtu.be/dQw4w9WgXcQ",
             "— Iraq TV (@iraqtv) on YouTube"]
    posts = find_posts(lines)
    assert [(p.platform, p.paragraphs, p.handle) for p in posts] == [
        ("telegram", (1, 2, 3), "sabereen"),
        ("youtube", (5, 6, 7), "iraqtv"),
    ]


def test_a_bare_link_does_not_swallow_the_prose_above() -> None:
    lines = [ARTICLE, "The minister then spoke at length about the coming elections.",
             "https://youtu.be/dQw4w9WgXcQ", ARTICLE]
    [post] = find_posts(lines)
    assert post.paragraphs == (2,)


def test_empty_and_blank_input() -> None:
    assert find_posts([]) == []
    assert find_posts(["", "   "]) == []


@pytest.mark.parametrize("date", ["٨ جوان ٢٠٢٤", "١٥ جويلية ٢٠٢٣", "3 فيفري 2024", "٢٠ أوت ٢٠٢٤"])
def test_maghrebi_month_names_date_a_post(date: str) -> None:
    # the Maghrebi names (from the French) date a post as the Levantine and Egyptian ones do
    lines = ["بيان قصير من الوزارة", f"— عثمان المختار (@othmanmhmmadr) {date}"]
    posts = find_posts(lines)
    assert [(p.paragraphs, p.handle, p.date) for p in posts] == [((0, 1), "othmanmhmmadr", date)]
    assert parse_attribution(lines[1]) == ("x", "عثمان المختار", "othmanmhmmadr", date)


def test_only_the_attribution_patterns_a_text_needs_are_compiled() -> None:
    from reader.core.text import posts

    posts._attribution_pattern.cache_clear()
    found = find_posts(["نص التغريدة", "— عثمان المختار (@othmanmhmmadr) May 8, 2024"])
    assert [(p.platform, p.handle) for p in found] == [("x", "othmanmhmmadr")]
    assert posts._attribution_pattern.cache_info().currsize == 1  # X's alone
    assert parse_attribution("— Sabereen News (@sabereen) on Telegram") is not None
