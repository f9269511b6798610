"""Embedded social-media posts pasted into an article as plain lines (X/Twitter and others)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A post's text is at most this long (X allows 280 characters; scrapes add "…" and links).
MAX_POST_LINE = 300
MAX_POST_TEXT = 420

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# "— Name (@handle) May 8, 2024" as pasted from an X/Twitter embed
_X_ATTRIBUTION = re.compile(
    r"^\s*[—–-]{1,2}\s*(?P<name>.*?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>" + _MONTHS + r"\s+\d{1,2},\s+\d{4})\s*$"
)
# Other platforms' attribution lines: "— Name on Facebook", "Posted by Name on Instagram",
# "A post shared by Name (@handle)", "— Name (@handle) on Telegram", YouTube "Name — YouTube"
_OTHER_ATTRIBUTION = re.compile(
    r"^\s*(?:[—–-]{1,2}\s*|posted by\s+|a post shared by\s+)"
    r"(?P<name>[^()\n]{1,80}?)\s*(?:\(@(?P<handle>[\w.]{1,30})\))?\s*"
    r"(?:on|via|على|عبر)\s+(?P<platform>facebook|instagram|telegram|youtube|tiktok|فيسبوك|"
    r"انستغرام|إنستغرام|تلغرام|تيليغرام|يوتيوب)\b.*$",
    re.IGNORECASE,
)
MEDIA_LINK = re.compile(
    r"(?:https?://)?(?:pic\.twitter\.com|t\.co|x\.com|twitter\.com|(?:www\.)?facebook\.com|fb\.watch|"
    r"(?:www\.)?instagram\.com|instagr\.am|t\.me|telegram\.me|(?:www\.)?youtube\.com|youtu\.be)"
    r"/\S+",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.?؟]\W*$")

_PLATFORM_NAMES = {
    "فيسبوك": "facebook",
    "انستغرام": "instagram",
    "إنستغرام": "instagram",
    "تلغرام": "telegram",
    "تيليغرام": "telegram",
    "يوتيوب": "youtube",
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
    """(platform, name, handle, date) when a line is a post's attribution line, else None."""
    m = _X_ATTRIBUTION.match(line)
    if m:
        return "x", m["name"].strip(), m["handle"], m["date"]
    m = _OTHER_ATTRIBUTION.match(line)
    if m:
        platform = m["platform"].lower()
        return _PLATFORM_NAMES.get(platform, platform), m["name"].strip(), m["handle"], None
    return None


def _text_without_links(line: str) -> str:
    return MEDIA_LINK.sub("", line).strip()


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
        platform, name, handle, date = parsed
        members = [k]
        total = 0
        i = k - 1
        while i >= 0 and i not in taken:
            candidate = lines[i].strip()
            if not candidate or parse_attribution(candidate):
                break
            body = _text_without_links(candidate)
            has_link = bool(MEDIA_LINK.search(candidate))
            if len(body) > MAX_POST_LINE or total + len(body) > MAX_POST_TEXT:
                break
            # the line right above the attribution is the post's text; further lines only
            # when they do not read as the end of an article paragraph
            if members != [k] and not has_link and _SENTENCE_END.search(candidate):
                break
            members.append(i)
            total += len(body)
            i -= 1
        taken.update(members)
        posts.append(Post(tuple(sorted(members)), platform, name, handle, date))
    return posts
