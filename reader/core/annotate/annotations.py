"""Annotation records: a tagged, commented span of one text, maybe linked to a span of the other."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from reader.core.errors import InputError
from reader.core.text.document import Text

SIDES = ("source", "target")
# Characters of context kept either side of a quote, for finding it again in a changed text.
CONTEXT_CHARS = 32


class Status(StrEnum):
    ANCHORED = "anchored"
    ORPHAN = "orphan"  # the quote could not be found in the current text; kept, never dropped


@dataclass(frozen=True, slots=True, order=True)
class TagRef:
    """A tag, named by its codebook id and its id inside the codebook."""

    codebook: str
    tag: str

    def __str__(self) -> str:
        return f"{self.codebook}:{self.tag}" if self.codebook else self.tag

    @classmethod
    def parse(cls, text: str) -> TagRef:
        """'codebook:tag' (or a bare tag with no codebook); tag ids may hold '/' but not ':'."""
        codebook, sep, tag = text.strip().rpartition(":")
        if not tag:
            raise InputError(f"not a tag: {text!r} (expected CODEBOOK:TAG)")
        return cls(codebook if sep else "", tag)


@dataclass(frozen=True, slots=True)
class SpanRef:
    """A span of one text: paragraph-relative and absolute offsets (code points), quote, context."""

    side: str
    paragraph: int
    start: int  # in the paragraph's text
    end: int
    abs_start: int  # in the whole decoded text (Text.content)
    abs_end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotation. Offsets are code points; `link` is an optional span on the other side."""

    id: str
    side: str
    paragraph: int
    start: int
    end: int
    abs_start: int
    abs_end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    tags: tuple[TagRef, ...] = ()
    comment: str = ""
    severity: str | None = None
    author: str = ""
    created: str = ""
    modified: str = ""
    link: SpanRef | None = None
    status: Status = Status.ANCHORED

    @property
    def span(self) -> SpanRef:
        return SpanRef(
            self.side, self.paragraph, self.start, self.end, self.abs_start, self.abs_end,
            self.quote, self.prefix, self.suffix,
        )

    def with_span(self, span: SpanRef, status: Status = Status.ANCHORED) -> Annotation:
        return replace(
            self, side=span.side, paragraph=span.paragraph, start=span.start, end=span.end,
            abs_start=span.abs_start, abs_end=span.abs_end, quote=span.quote,
            prefix=span.prefix, suffix=span.suffix, status=status,
        )

    def has_tag(self, tag: TagRef | str) -> bool:
        """Whether it carries `tag`: a TagRef, 'codebook:tag', or a bare tag id in any codebook."""
        if isinstance(tag, TagRef):
            return tag in self.tags
        if ":" in tag:
            return TagRef.parse(tag) in self.tags
        return any(t.tag == tag for t in self.tags)


def now_iso() -> str:
    """The current time as ISO 8601 UTC with a Z, to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


def check_side(side: str) -> str:
    if side not in SIDES:
        raise InputError(f"side must be 'source' or 'target', not {side!r}")
    return side


def other_side(side: str) -> str:
    return "target" if check_side(side) == "source" else "source"


def span_in(text: Text, side: str, paragraph: int, start: int, end: int) -> SpanRef:
    """A SpanRef for `start:end` of a paragraph of `text`, with its quote and context."""
    check_side(side)
    if not 0 <= paragraph < len(text.paragraphs):
        raise InputError(
            f"paragraph {paragraph} does not exist ({text.name} has {len(text.paragraphs)})"
        )
    para = text.paragraphs[paragraph]
    if not 0 <= start < end <= len(para.text):
        raise InputError(
            f"span {start}–{end} is not inside paragraph {paragraph} "
            f"(0–{len(para.text)}, and it must not be empty)"
        )
    return span_at(text, side, para.start + start, para.start + end)


def span_at(text: Text, side: str, abs_start: int, abs_end: int) -> SpanRef:
    """A SpanRef for absolute offsets of `text`, which must lie inside one paragraph."""
    paragraph = paragraph_at(text, abs_start)
    if paragraph is None:
        raise InputError(f"offset {abs_start} is not inside a paragraph of {text.name}")
    para = text.paragraphs[paragraph]
    if not abs_start < abs_end <= para.end:
        raise InputError(
            f"span {abs_start}–{abs_end} does not lie inside paragraph {paragraph} of {text.name}"
        )
    content = text.content
    return SpanRef(
        side=side,
        paragraph=paragraph,
        start=abs_start - para.start,
        end=abs_end - para.start,
        abs_start=abs_start,
        abs_end=abs_end,
        quote=content[abs_start:abs_end],
        prefix=content[max(0, abs_start - CONTEXT_CHARS) : abs_start],
        suffix=content[abs_end : abs_end + CONTEXT_CHARS],
    )


def paragraph_at(text: Text, offset: int) -> int | None:
    """Index of the paragraph holding absolute `offset` (start inclusive, end exclusive)."""
    paras = text.paragraphs
    lo, hi = 0, len(paras)
    while lo < hi:
        mid = (lo + hi) // 2
        if paras[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(paras) and paras[lo].start <= offset < paras[lo].end:
        return lo
    return None


def new_annotation(
    text: Text,
    side: str,
    paragraph: int,
    start: int,
    end: int,
    *,
    tags: Iterable[TagRef] = (),
    comment: str = "",
    severity: str | None = None,
    author: str = "",
    link: SpanRef | None = None,
    snap: bool = False,
) -> Annotation:
    """A fresh annotation of `start:end` (code points of the paragraph's text), stamped now.

    With `snap`, the span is widened to whole words first (see snap_to_words).
    """
    if snap:
        para_text = text.paragraphs[paragraph].text if 0 <= paragraph < len(text) else ""
        start, end = snap_to_words(para_text, start, end)
    span = span_in(text, side, paragraph, start, end)
    if link is not None and link.side == side:
        raise InputError("a linked span must be on the other side")
    stamp = now_iso()
    return annotation_on(
        span, id=new_id(), tags=_unique(tags), comment=comment, severity=severity,
        author=author, created=stamp, modified=stamp, link=link,
    )


def annotation_on(span: SpanRef, **fields: Any) -> Annotation:
    """An Annotation placed on `span` (side, offsets, quote and context), with the other fields."""
    return Annotation(
        side=span.side, paragraph=span.paragraph, start=span.start, end=span.end,
        abs_start=span.abs_start, abs_end=span.abs_end, quote=span.quote, prefix=span.prefix,
        suffix=span.suffix, **fields,
    )


def _unique(tags: Iterable[TagRef]) -> tuple[TagRef, ...]:
    return tuple(dict.fromkeys(tags))


def is_word_char(ch: str) -> bool:
    """Letters, digits, combining marks (Arabic harakat), tatweel and joiners belong to words."""
    if ch.isalnum() or ch in "\u0640\u200c\u200d_":
        return True
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `start:end` of `text` to whole words, and trim white space at both ends.

    A span that starts or ends inside a word takes the whole word; Arabic diacritics and
    tatweel count as part of their word, so a highlight never splits a letter from its marks.
    An empty or all-space selection comes back unchanged in length (clamped to the text).
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s == e:
        return start, end
    while s > 0 and is_word_char(text[s - 1]) and is_word_char(text[s]):
        s -= 1
    while e < len(text) and is_word_char(text[e]) and is_word_char(text[e - 1]):
        e += 1
    return s, e


def sort_key(annotation: Annotation) -> tuple[int, int, int, str]:
    return (SIDES.index(annotation.side), annotation.abs_start, annotation.abs_end, annotation.id)


def filter_annotations(
    annotations: Sequence[Annotation],
    *,
    side: str | None = None,
    paragraph: int | None = None,
    tag: TagRef | str | None = None,
    author: str | None = None,
    status: Status | str | None = None,
    text: str | None = None,
) -> list[Annotation]:
    """The annotations that match every filter given; `text` searches quote and comment."""
    needle = text.casefold() if text else None
    out = []
    for a in annotations:
        if side is not None and a.side != side:
            continue
        if paragraph is not None and a.paragraph != paragraph:
            continue
        if tag is not None and not a.has_tag(tag):
            continue
        if author is not None and a.author != author:
            continue
        if status is not None and a.status != status:
            continue
        if needle is not None and needle not in a.quote.casefold() and (
            needle not in a.comment.casefold()
        ):
            continue
        out.append(a)
    return out
