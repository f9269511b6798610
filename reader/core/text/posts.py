"""Embedded social-media posts pasted into an article as plain lines (X/Twitter and others)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.core.text.months import AR_MONTHS, EN_ABBREVIATIONS, EN_MONTHS, written_pattern

# A post's text is at most this long (X allows 280 characters; scrapes add "…" and links).
MAX_POST_LINE = 300
MAX_POST_TEXT = 420

_MONTHS = "(?:" + "|".join([*EN_MONTHS, *EN_ABBREVIATIONS]) + r")\.?"
# Every Arabic system's names (Syriac, European, Maghrebi), as they may be written.
_AR_MONTHS = "(?:" + written_pattern(list(AR_MONTHS)) + ")"
_DIGIT = r"[0-9٠-٩]"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "May 8, 2024", "8 May 2024", "٨ مايو ٢٠٢٤"
_DATE = (
    r"(?:" + _WEEKDAY + _MONTHS + r"\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+" + _MONTHS + r",?\s+\d{4}"
    r"|" + _DIGIT + r"{1,2}\s+" + _AR_MONTHS + r"،?\s+" + _DIGIT + r"{4})"
)
_PLATFORM_NAMES_AR = (
    "فيسبوك", "فيس بوك", "انستغرام", "إنستغرام", "انستقرام", "إنستقرام", "تلغرام", "تيليغرام",
    "تليجرام", "يوتيوب", "تيك توك",
)
_PLATFORM = (
    r"(?P<platform>facebook|instagram|telegram|youtube|tiktok|threads|"
    + "|".join(_PLATFORM_NAMES_AR) + ")"
)
_HANDLE = r"\(@(?P<handle>[\w.]{1,30})\)"
# The four attribution patterns that hold a date take tens of milliseconds to compile, and
# nearly every text has no line they could match: each is compiled when a line that passes
# `_MAYBE_ATTRIBUTION` first needs it (see `_attribution_pattern`).
# "— Name (@handle) May 8, 2024" as pasted from an X/Twitter embed
_X_ATTRIBUTION = (
    r"^\s*[—–-]{1,2}\s*(?P<name>.*?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>" + _DATE + r")\s*$"
)
# Other platforms' attribution lines: "— Name on Facebook", "Posted by Name on Instagram",
# "— Name (@handle) on Telegram", "Name (@handle) via YouTube · May 8, 2024". Without a
# leading dash or "posted/shared by", a handle is required: "He wrote on Facebook" is prose.
_PLATFORM_ATTRIBUTION = (
    r"^\s*(?:(?P<lead>[—–-]{1,2}\s*|posted by\s+|a post shared by\s+|shared by\s+"
    r"|نشر(?:ه|ها)?\s+))?"
    r"(?P<name>[^()\n]{1,80}?)\s*(?:" + _HANDLE + r")?\s*"
    r"(?:on|via|على|عبر)\s+" + _PLATFORM + r"\b"
    r"\s*(?:[,·•|—–-]\s*|on\s+|في\s+)?(?P<date>" + _DATE + r")?(?:\s+at\s+[\w:. ]{1,20})?\s*$"
)
# Facebook's embed fallback: "Posted by Name on Thursday, May 8, 2024"
_FACEBOOK_ATTRIBUTION = (
    r"^\s*posted by\s+(?P<name>.{1,80}?)\s+on\s+(?P<date>" + _DATE + r")\s*$"
)
# Instagram's: "A post shared by Name (@handle)" with an optional "on May 8, 2024 at 3:15pm PDT"
_INSTAGRAM_ATTRIBUTION = (
    r"^\s*a post shared by\s+(?P<name>[^()\n]{0,80}?)\s*(?:" + _HANDLE + r")?"
    r"(?:\s+on\s+(?P<date>" + _DATE + r")(?:\s+at\s+[\w:. ]{1,20})?)?\s*$"
)
# A page title pasted with a video: "Title - YouTube"
_YOUTUBE_TITLE = re.compile(r"^\s*(?P<name>\S.{0,150}?)\s+[—–-]\s+YouTube\s*$", re.IGNORECASE)
# A line that is only a post's link: the embed's fallback for Telegram and YouTube (and
# sometimes Facebook and Instagram).
_LINK_ONLY = re.compile(
    r"^\s*(?:https?://)?(?:www\.|m\.|mobile\.)?"
    r"(?:(?P<telegram>t\.me|telegram\.me)/(?:s/)?(?P<channel>\w{3,40})(?:/\d+)?"
    r"|(?P<youtube>youtube\.com/(?:watch\?\S+|shorts/\S+|live/\S+|@(?P<ytchannel>[\w.-]{1,40})\S*)"
    r"|youtu\.be/\S+)"
    r"|(?P<facebook>facebook\.com|fb\.watch)/(?P<fbpage>[\w.-]{1,60})(?:/\S*)?"
    r"|(?P<instagram>instagram\.com|instagr\.am)/(?:p|reel|tv)/\S+)"
    r"[/?#]?\S*\s*$",
    re.IGNORECASE,
)
MEDIA_LINK = re.compile(
    r"(?:https?://)?(?:pic\.twitter\.com|t\.co|x\.com|(?:www\.|mobile\.)?twitter\.com|"
    r"(?:www\.|m\.)?facebook\.com|fb\.watch|(?:www\.)?instagram\.com|instagr\.am|t\.me|"
    r"telegram\.me|(?:www\.|m\.)?youtube\.com|youtu\.be)"
    r"/\S+",
    re.IGNORECASE,
)
# What every attribution pattern above needs somewhere in the line (each alternative is a piece
# of one of them, as it stands there): a line without any of these is no attribution, and one
# search of it costs less than trying the patterns in turn.
# (The look-ahead names the characters a match can start with: the engine then skips to them.)
_MAYBE_ATTRIBUTION = re.compile(
    r"(?=[(paovعytfi])(?:\(@|posted by|a post shared by"
    r"|(?:on|via|على|عبر)\s+" + _PLATFORM + r"\b|youtube"
    r"|t\.me/|telegram\.me/|youtu\.be/|facebook\.com/|fb\.watch/|instagram\.com/|instagr\.am/)",
    re.IGNORECASE,
)
# Pieces of text every alternative of `_MAYBE_ATTRIBUTION` that can match ASCII holds: in an
# ASCII line, lower-cased, `in` finds them faster than that search, which (English letters
# being common) stops at nearly every position. Outside ASCII, IGNORECASE also matches ı and İ
# with i, ſ with s and the Kelvin sign with k, so such lines take the search.
_NEEDLES = (
    "(@", "posted by", "a post shared by", "t.me/", "youtu.be/", "fb.watch/", "instagr.am/",
    "facebook", "instagram", "telegram", "youtube", "tiktok", "threads",
)
_SENTENCE_END = re.compile(r"[.?؟]\W*$")

_PLATFORM_NAMES = {
    "فيسبوك": "facebook",
    "فيس بوك": "facebook",
    "انستغرام": "instagram",
    "إنستغرام": "instagram",
    "انستقرام": "instagram",
    "إنستقرام": "instagram",
    "تلغرام": "telegram",
    "تيليغرام": "telegram",
    "تليجرام": "telegram",
    "يوتيوب": "youtube",
    "تيك توك": "tiktok",
}

@dataclass(frozen=True, slots=True)
class Post:
    """An embedded post: its paragraph indices (text lines, then attribution) and who/when."""

    paragraphs: tuple[int, ...]
    platform: str
    name: str
    handle: str | None
    date: str | None

    @property
    def attribution(self) -> int:
        return self.paragraphs[-1]


def parse_attribution(line: str) -> tuple[str, str, str | None, str | None] | None:
    """(platform, name, handle, date) when a line is a post's attribution line, else None.

    A line that is only a post's link (t.me/…, youtu.be/…) counts too; `find_posts` skips it
    when a proper attribution line follows.
    """
    if len(line) > MAX_POST_LINE or not _may_be_attribution(line):
        return None
    m = _attribution_pattern(0).match(line)
    if m:
        return "x", m["name"].strip(), m["handle"], m["date"]
    m = _attribution_pattern(1).match(line)
    if m and not re.search(r"\bon\s+" + _PLATFORM, line, re.IGNORECASE):
        return "facebook", m["name"].strip(), None, m["date"]
    m = _attribution_pattern(2).match(line)
    if m and (m["name"] or m["handle"]):
        return "instagram", m["name"].strip(), m["handle"], m["date"]
    m = _attribution_pattern(3).match(line)
    if m and (m["lead"] or m["handle"]):
        platform = m["platform"].lower()
        return _PLATFORM_NAMES.get(platform, platform), m["name"].strip(), m["handle"], m["date"]
    m = _YOUTUBE_TITLE.match(line)
    if m:
        return "youtube", m["name"].strip(), None, None
    return _parse_link_only(line)


def _may_be_attribution(line: str) -> bool:
    """Whether one of the attribution patterns could match `line` (cheap checks first)."""
    if line.isascii():
        lowered = line.lower()
        if not any(needle in lowered for needle in _NEEDLES):
            return False
    return _MAYBE_ATTRIBUTION.search(line) is not None


@cache
def _attribution_pattern(which: int) -> re.Pattern[str]:
    """The X (0), Facebook (1), Instagram (2) or other platforms' (3) attribution pattern,
    compiled when first needed, each apart (~7 ms each: a text's posts are often of one kind,
    and the others are never tried)."""
    source, flags = _ATTRIBUTIONS[which]
    return re.compile(source, flags)


_ATTRIBUTIONS = (
    (_X_ATTRIBUTION, 0),
    (_FACEBOOK_ATTRIBUTION, re.IGNORECASE),
    (_INSTAGRAM_ATTRIBUTION, re.IGNORECASE),
    (_PLATFORM_ATTRIBUTION, re.IGNORECASE),
)


def _parse_link_only(line: str) -> tuple[str, str, str | None, str | None] | None:
    m = _LINK_ONLY.match(line)
    if m is None:
        return None
    if m["telegram"]:
        return "telegram", m["channel"], m["channel"], None
    if m["youtube"]:
        return "youtube", m["ytchannel"] or "", m["ytchannel"], None
    if m["facebook"]:
        page = m["fbpage"]
        handle = None if page in {"watch", "photo", "permalink.php", "story.php", "share"} else page
        return "facebook", handle or "", handle, None
    return "instagram", "", None, None


def _text_without_links(line: str) -> str:
    # every link holds a slash: a line without one is searched no further (the pattern, which
    # ignores case, costs a third of a millisecond on an Arabic line)
    return MEDIA_LINK.sub("", line).strip() if "/" in line else line.strip()


def find_posts(lines: list[str]) -> list[Post]:
    """Find embedded posts: an attribution line and the post's text lines just before it.

    Walking back from the attribution line, a line belongs to the post while it is short
    enough for a post, the post's text stays within a post's length, and it is not an article
    paragraph's end (a long line, or one finishing a sentence before a line that links media).
    """
    posts: list[Post] = []
    taken: set[int] = set()
    for k, line in enumerate(lines):
        parsed = parse_attribution(line)
        if parsed is None:
            continue
        if (
            _LINK_ONLY.match(line)
            and k + 1 < len(lines)
            and parse_attribution(lines[k + 1]) is not None
        ):
            continue  # the post's link; the attribution line below closes the post
        platform, name, handle, date = parsed
        # a bare link is a weaker signal than an attribution line: every text line above it
        # must read as a post's, not as the end of an article paragraph
        bare_link = bool(_LINK_ONLY.match(line))
        members = [k]
        text_lines = 0
        total = 0
        i = k - 1
        while i >= 0 and i not in taken:
            candidate = lines[i].strip()
            if not candidate:
                break
            link_only = bool(_LINK_ONLY.match(candidate))
            if parse_attribution(candidate) and not (i == k - 1 and link_only):
                break
            body = _text_without_links(candidate)
            has_link = "/" in candidate and MEDIA_LINK.search(candidate) is not None
            if len(body) > MAX_POST_LINE or total + len(body) > MAX_POST_TEXT:
                break
            # the line right above the attribution is the post's text; further lines only
            # when they do not read as the end of an article paragraph
            if (
                (text_lines or bare_link)
                and not has_link
                and _SENTENCE_END.search(candidate)
            ):
                break
            members.append(i)
            if not link_only:
                text_lines += 1
            total += len(body)
            i -= 1
        taken.update(members)
        posts.append(Post(tuple(sorted(members)), platform, name, handle, date))
    return posts
