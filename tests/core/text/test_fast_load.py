"""The fast paths of loading a text give exactly what the original code gave (kept here)."""

from __future__ import annotations

import hashlib
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import InputError
from reader.core.text import kinds, language, posts
from reader.core.text.document import load_text, split_paragraphs
from reader.core.text.kinds import _fold_for_duplicates, find_duplicates
from reader.core.text.posts import parse_attribution
from tests.core.arabic.mixed_text import mixed_text, sample_lines, sample_texts

# --- the original implementations -------------------------------------------------------------


def _old_is_blank(line: str) -> bool:
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in line)


def _old_strip_span(content: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _old_is_blank(content[start]):
        start += 1
    while end > start and _old_is_blank(content[end - 1]):
        end -= 1
    return start, end


def old_split_paragraphs(content: str, *, blocks: bool = False) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    block_start: int | None = None
    block_end = 0
    for line in content.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if _old_is_blank(line):
            if blocks and block_start is not None:
                spans.append(_old_strip_span(content, block_start, block_end))
                block_start = None
            continue
        if blocks:
            if block_start is None:
                block_start = line_start
            block_end = line_end
        else:
            spans.append(_old_strip_span(content, line_start, line_end))
    if blocks and block_start is not None:
        spans.append(_old_strip_span(content, block_start, block_end))
    return spans


def old_find_duplicates(paragraph_texts: list[str], min_chars: int = 40) -> set[int]:
    folded = [_fold_for_duplicates(t.strip().rstrip(".…").strip()) for t in paragraph_texts]
    buckets: dict[str, list[int]] = {}
    for i, f in enumerate(folded):
        if len(f) >= min_chars:
            buckets.setdefault(f[:min_chars], []).append(i)
    duplicates: set[int] = set()
    for members in buckets.values():
        for i in members:
            for j in members:
                if i == j or not folded[j].startswith(folded[i]):
                    continue
                if len(folded[i]) < len(folded[j]) or (folded[i] == folded[j] and i > j):
                    duplicates.add(i)
    return duplicates


_OLD_PATTERNS = (
    re.compile(posts._X_ATTRIBUTION),
    re.compile(posts._FACEBOOK_ATTRIBUTION, re.IGNORECASE),
    re.compile(posts._INSTAGRAM_ATTRIBUTION, re.IGNORECASE),
    re.compile(posts._PLATFORM_ATTRIBUTION, re.IGNORECASE),
    posts._YOUTUBE_TITLE,
    posts._LINK_ONLY,
)


def old_parse_attribution(line: str) -> tuple[str, str, str | None, str | None] | None:
    if len(line) > posts.MAX_POST_LINE:
        return None
    x_attribution, facebook, instagram, platform_attribution, youtube, _ = _OLD_PATTERNS
    m = x_attribution.match(line)
    if m:
        return "x", m["name"].strip(), m["handle"], m["date"]
    m = facebook.match(line)
    if m and not re.search(r"\bon\s+" + posts._PLATFORM, line, re.IGNORECASE):
        return "facebook", m["name"].strip(), None, m["date"]
    m = instagram.match(line)
    if m and (m["name"] or m["handle"]):
        return "instagram", m["name"].strip(), m["handle"], m["date"]
    m = platform_attribution.match(line)
    if m and (m["lead"] or m["handle"]):
        platform = m["platform"].lower()
        return (posts._PLATFORM_NAMES.get(platform, platform), m["name"].strip(), m["handle"],
                m["date"])
    m = youtube.match(line)
    if m:
        return "youtube", m["name"].strip(), None, None
    return posts._parse_link_only(line)


# --- the comparisons --------------------------------------------------------------------------

_LINES = sample_lines()
_TEXTS = sample_texts()


def _paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in old_split_paragraphs(text)]


def test_split_paragraphs_as_before_on_the_real_texts() -> None:
    for text in _TEXTS:
        for blocks in (False, True):
            old = old_split_paragraphs(text, blocks=blocks)
            assert split_paragraphs(text, blocks=blocks) == old


@settings(max_examples=120)
@given(st.lists(mixed_text, max_size=8).map("\n".join), st.booleans())
def test_split_paragraphs_as_before(content: str, blocks: bool) -> None:
    assert split_paragraphs(content, blocks=blocks) == old_split_paragraphs(content, blocks=blocks)


def test_format_characters_around_a_line_are_stripped_as_before() -> None:
    for content in ["\u200f\u200e", " \u200fنص\u200e ", "\ufeff\u00adx\u2066", "\u200d \n\u200cب"]:
        assert split_paragraphs(content) == old_split_paragraphs(content)


def test_duplicates_as_before_on_the_real_texts() -> None:
    for text in _TEXTS:
        paragraphs = _paragraphs(text)
        assert find_duplicates(paragraphs) == old_find_duplicates(paragraphs)
    # the real lines again, with truncated and repeated copies planted among them
    planted = _LINES + [line[: len(line) // 2] + " …" for line in _LINES[::7]] + _LINES[::11]
    assert find_duplicates(planted) == old_find_duplicates(planted)


_lead = st.sampled_from(["", " ", "\u200f", "..", "«", "— "])
_long_text = st.lists(mixed_text, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=120)
@given(st.lists(_long_text, min_size=1, max_size=6), st.lists(st.tuples(
    st.integers(0, 5), _lead, st.integers(0, 200), st.sampled_from(["", ".", "…", " ..."])
), max_size=6), st.integers(1, 60))
def test_duplicates_as_before(
    texts: list[str], copies: list[tuple[int, str, int, str]], min_chars: int
) -> None:
    # copies of other paragraphs, cut anywhere and dressed differently, share their fold's start
    paragraphs = list(texts)
    for which, lead, cut, tail in copies:
        source = texts[which % len(texts)]
        paragraphs.append(lead + source[: cut or None] + tail)
    assert find_duplicates(paragraphs, min_chars) == old_find_duplicates(paragraphs, min_chars)


# characters whose case fold is longer (ß, ŉ, ﬁ), others matching \\w or not beyond the
# Basic Multilingual Plane, line breaks, a lone surrogate, and marks that cut Arabic words
_fold_piece = st.sampled_from(["ß", "ŉ", "ﬁ", "İ", "\U0001d400", "\U0001f600", "\n", "\ud800",
                               "\u064e", "_", "٣", "\u200f", " ", "ـ", "Σ"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(mixed_text, _fold_piece), max_size=3).map("".join),
                min_size=64, max_size=80))
def test_prefix_folds_by_numpy_as_one_by_one(texts: list[str]) -> None:
    import numpy  # noqa: F401  (the folds of many texts are made by it when it is loaded)

    expected = [_fold_for_duplicates(t[: kinds._PREFIX]) for t in texts]
    assert kinds._prefix_folds(texts) == expected


def test_duplicates_by_numpy_as_before_on_the_real_texts() -> None:
    import numpy  # noqa: F401

    lines = [line for line in _LINES if line.strip()]
    planted = lines + [line[: len(line) // 2] + " …" for line in lines[::5]] + lines[::9]
    assert len(planted) >= 64
    assert find_duplicates(planted) == old_find_duplicates(planted)


def test_attributions_as_before_on_the_real_lines() -> None:
    for line in _LINES:
        assert parse_attribution(line) == old_parse_attribution(line)


_attribution_piece = st.sampled_from([
    "— Name (@handle) May 8, 2024", "Posted by Name on Thursday, May 8, 2024",
    "A post shared by Name (@handle)", "— Name on Facebook", "نشره فلان على فيسبوك",
    "Name (@handle) via YouTube · May 8, 2024", "Title - YouTube", "t.me/channel/12",
    "https://youtu.be/abc", "facebook.com/page/posts/1", "instagram.com/p/xyz",
    "ON THREADS", "on tiktok", "(@", "POSTED BY", "A POST SHARED BY", "YOUTUBE",
    "on Facebook", "posted by", "on telegram", "on instagram", "fb.watch/x", "instagr.am/p/x",
])
_exotic = st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a", "K", "S", "I", "\u00e9"])


@settings(max_examples=200)
@given(st.lists(st.one_of(mixed_text, _attribution_piece, _exotic), max_size=6).map("".join))
def test_attributions_as_before(line: str) -> None:
    assert parse_attribution(line) == old_parse_attribution(line)


def test_exotic_letters_replaced_in_words_still_parse() -> None:
    # "ſ" matches "s" and "ı" matches "i" under IGNORECASE: the pre-check must not reject them
    for line in ["— Name on Inſtagram", "— Name on Facebook", "poſted by Name on May 8, 2024",
                 "— Name on Telegram", "— Name on \u212a", "A POST SHARED BY Name (@h)"]:
        assert parse_attribution(line) == old_parse_attribution(line)


def test_only_four_characters_outside_ascii_match_ascii_letters_ignoring_case() -> None:
    # what the ASCII-only pre-check of posts.py relies on (see _NEEDLES)
    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.match(chr(c))}
    assert odd == {"\u0130", "\u0131", "\u017f", "\u212a"}



def old_letters(text: str) -> tuple[int, int]:
    """What `detect_language` counted, as it counted it before (markup always taken out)."""
    sample = language._MARKUP.sub(" ", text[:200_000])
    return (len(language._ARABIC_LETTERS.findall(sample)),
            len(language._LATIN_LETTERS.findall(sample)))


def _counted(text: str) -> tuple[int, int]:
    sample = text[:200_000]
    if any(mark in sample for mark in language._MARKUP_STARTS):
        sample = language._MARKUP.sub(" ", sample)
    return language._letters(sample)


_markup_piece = st.sampled_from(["`", "```", "```\ncode\n```", "<a href='x'>", "](x)", "http",
                                 "https://x.org/a", "www.", "\ud800", "\U0001d400", "ÿ", "×",
                                 "ɏ", "ɐ", "ٮ", "ۿ", "ݐ", "ݿ", "\u06fa", "\u08a0"])


@settings(max_examples=150)
@given(st.lists(st.one_of(mixed_text, _markup_piece), max_size=60).map("".join),
       st.integers(1, 40))
def test_letters_counted_as_before(text: str, copies: int) -> None:
    long = text * copies  # over a thousand characters too: counted by numpy
    for sample in (text, long):
        assert _counted(sample) == old_letters(sample)
        arabic, latin = old_letters(sample)
        assert language.detect_language(sample) == ("ar" if arabic > latin else "en")


def test_letters_of_every_code_point_counted_as_before() -> None:
    every = "".join(map(chr, range(0x3000))) + "".join(map(chr, range(0x10000, 0x10400)))
    assert language._letters(every) == (
        len(language._ARABIC_LETTERS.findall(every)), len(language._LATIN_LETTERS.findall(every)))


@settings(max_examples=100, deadline=None)
@given(st.lists(mixed_text, min_size=1, max_size=5).map("\r\n".join),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "crlf", "cr"]))
def test_digest_of_a_loaded_file_as_before(content: str, how: str) -> None:
    if not content.strip():
        content += "x"
    if how == "cr":
        content = content.replace("\r\n", "\r")
    elif how != "crlf":
        content = content.replace("\r\n", "\n")
    data = content.encode("utf-8" if how in ("crlf", "cr") else how, "surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "text.txt"
        path.write_bytes(data)
        try:
            text = load_text(path)
        except InputError:
            return  # (blank lines only, or a NUL: refused as before)
    assert text.sha256 == hashlib.sha256(text.content.encode("utf-8")).hexdigest()
