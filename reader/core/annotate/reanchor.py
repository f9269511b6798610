"""Finding a quoted span again in a changed text: by position, exact quote and context, fuzzily."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from reader.core.annotate.annotations import Annotation, SpanRef, Status, paragraph_at, span_at
from reader.core.errors import InputError
from reader.core.text.document import Text

# Hypothesis-style weights: the quote's own match counts most, then its context, then position.
_CONTEXT_WEIGHT = 20.0
_POSITION_WEIGHT = 2.0
# How far around the hint a fuzzy search looks (characters either side, at least).
FUZZY_WINDOW = 4000
FUZZY_MIN_SCORE = 80.0
# Quotes shorter than this are too ambiguous to place fuzzily.
FUZZY_MIN_QUOTE = 5
_MAX_OCCURRENCES = 5000


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    method: str  # "position", "quote" or "fuzzy"
    score: float = 100.0


def _common_suffix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def context_agreement(content: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """0..1: how much of the stored prefix and suffix the text around start:end still has."""
    parts = []
    if prefix:
        before = content[max(0, start - len(prefix)) : start]
        parts.append(_common_suffix_len(prefix, before) / len(prefix))
    if suffix:
        after = content[end : end + len(suffix)]
        parts.append(_common_prefix_len(suffix, after) / len(suffix))
    return sum(parts) / len(parts) if parts else 0.0


def locate(
    content: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> Match | None:
    """Where `quote` is in `content` now, or None.

    In order, as the Hypothesis client does: the quote exactly at the hint; else the exact
    occurrence with the best context agreement (nearest the hint among equals); else the best
    fuzzy match (rapidfuzz) within a window around the hint, if good enough.
    """
    if not quote:
        return None
    n = len(quote)
    if hint is not None and hint >= 0 and content[hint : hint + n] == quote:
        return Match(hint, hint + n, "position")
    exact = _best_exact(content, quote, prefix, suffix, hint)
    if exact is not None:
        return exact
    if n < FUZZY_MIN_QUOTE:
        return None
    return _best_fuzzy(content, quote, prefix, suffix, hint)


def _best_exact(
    content: str, quote: str, prefix: str, suffix: str, hint: int | None
) -> Match | None:
    positions: list[int] = []
    pos = content.find(quote)
    while pos != -1 and len(positions) < _MAX_OCCURRENCES:
        positions.append(pos)
        pos = content.find(quote, pos + 1)
    if not positions:
        return None
    if len(positions) == 1:
        return Match(positions[0], positions[0] + len(quote), "quote")
    size = max(len(content), 1)
    centre = hint if hint is not None else 0

    def score(p: int) -> float:
        agreement = context_agreement(content, p, p + len(quote), prefix, suffix)
        nearness = 1.0 - abs(p - centre) / size if hint is not None else 0.0
        return _CONTEXT_WEIGHT * agreement + _POSITION_WEIGHT * nearness

    best = max(positions, key=score)
    return Match(best, best + len(quote), "quote")


def _best_fuzzy(
    content: str, quote: str, prefix: str, suffix: str, hint: int | None
) -> Match | None:
    n = len(quote)
    reach = max(FUZZY_WINDOW, 8 * n)
    centre = hint if hint is not None else len(content) // 2
    lo = max(0, centre - reach)
    hi = min(len(content), centre + n + reach)
    if hint is None:
        lo, hi = 0, len(content)
    window = content[lo:hi]
    if not window:
        return None
    found = fuzz.partial_ratio_alignment(quote, window, score_cutoff=FUZZY_MIN_SCORE)
    if found is None:
        return None
    start, end = _refine(content, quote, lo + found.dest_start, lo + found.dest_end)
    score = fuzz.ratio(quote, content[start:end])
    if score < FUZZY_MIN_SCORE:
        return None
    return Match(start, end, "fuzzy", score)


def _refine(content: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """Nudge a fuzzy match's ends to where the whole quote matches best (partial_ratio's
    window has the quote's length, so an insertion or deletion leaves an end off)."""
    k = min(8, max(2, len(quote) // 10))
    best = (fuzz.ratio(quote, content[start:end]), start, end)
    for s in range(max(0, start - k), min(len(content), start + k) + 1):
        for e in range(max(s + 1, end - k), min(len(content), end + k) + 1):
            r = fuzz.ratio(quote, content[s:e])
            if r > best[0]:
                best = (r, s, e)
    return best[1], best[2]


def anchor_span(span: SpanRef, text: Text) -> SpanRef | None:
    """The span found again in `text` (offsets, quote and context from the current text)."""
    found = locate(text.content, span.quote, span.prefix, span.suffix, span.abs_start)
    if found is None:
        return None
    paragraph = paragraph_at(text, found.start)
    if paragraph is None:
        return None
    # A fuzzy match may run past its paragraph; an annotation lives inside one.
    end = min(found.end, text.paragraphs[paragraph].end)
    try:
        return span_at(text, span.side, found.start, end)
    except InputError:
        return None


@dataclass(slots=True)
class ReanchorResult:
    """What re-anchoring did: every annotation given comes back in `annotations`."""

    annotations: list[Annotation] = field(default_factory=list)
    unchanged: int = 0
    moved: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)


def reanchor_annotations(
    annotations: Iterable[Annotation], text: Text, side: str
) -> ReanchorResult:
    """Place each annotation's span on `side` (and a linked span on `side`) in `text` again.

    An annotation whose span cannot be found keeps its last offsets and becomes an orphan; so
    does one whose linked span is lost, since the note is about both. None is dropped.
    """
    result = ReanchorResult()
    for ann in annotations:
        updated = ann
        lost = False
        if ann.side == side:
            span = anchor_span(ann.span, text)
            if span is None:
                lost = True
            else:
                updated = updated.with_span(span, updated.status)
        if ann.link is not None and ann.link.side == side:
            link = anchor_span(ann.link, text)
            if link is None:
                lost = True
            else:
                updated = replace(updated, link=link)
        if ann.side != side and (ann.link is None or ann.link.side != side):
            result.annotations.append(ann)
            continue
        status = Status.ORPHAN if lost else Status.ANCHORED
        final = replace(updated, status=status)
        if status is Status.ORPHAN:
            result.orphaned.append(ann.id)
        elif ann.status is Status.ORPHAN:
            result.recovered.append(ann.id)
        if final == ann:
            result.unchanged += 1
        elif status is Status.ANCHORED:
            result.moved.append(ann.id)
        result.annotations.append(final)
    return result

