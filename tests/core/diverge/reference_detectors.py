"""Numbers, terms, posts, lengths and the verdict's residue as they were before they were
made fast (issue 13): what the fast ones must equal."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.anchors.dates import DateMention
from reader.core.anchors.features import Anchors, number_key
from reader.core.anchors.glossary import BUILTIN_GLOSSARY, TermMention
from reader.core.anchors.number_compare import numbers_equal
from reader.core.anchors.numbers import NumberMention
from reader.core.diverge.context import COMPARED, SOURCE, TARGET, Context, Side, content_length
from reader.core.diverge.records import Divergence, Span
from reader.core.diverge.terms import (
    _NEAR,
    _UNCLEAR,
    _finding,
    _key,
    _Occurrence,
    _user_ids,
)
from reader.core.diverge.values import (
    _date_compatible,
    _date_record,
    _date_text,
    _minor,
    _number_record,
)
from reader.core.text.document import Text
from reader.core.text.kinds import Kind
from reader.core.text.posts import find_posts, parse_attribution

# --- numbers and dates ------------------------------------------------------------------------


@dataclass(slots=True)
class _Values:
    numbers: list[NumberMention]
    dates: list[DateMention]
    pool: list[float]
    keys: set[str]


def find_numbers_and_dates(ctx: Context) -> list[Divergence]:
    src, tgt, alignment, th = ctx.src, ctx.tgt, ctx.alignment, ctx.thresholds
    values = {SOURCE: [_values(a) for a in src.anchors], TARGET: [_values(a) for a in tgt.anchors]}
    out: list[Divergence] = []
    reach = th.number_neighbour_beads
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        for side, other in ctx.sides():
            here = [values[other.name][j] for j in other.of(bead)]
            near = [
                values[other.name][j]
                for k in range(max(0, b - reach), min(len(alignment), b + reach + 1))
                if k != b
                for j in other.of(alignment[k])
            ]
            seen: set[str] = set()
            for i in side.of(bead):
                p = side.paragraph(i)
                if p.kind not in COMPARED:
                    continue
                v = values[side.name][i]
                for n in v.numbers:
                    if _minor(n, th):
                        continue
                    key = number_key(n.value)
                    if key in seen or _has_value(n.value, here) or _has_value(n.value, near):
                        continue
                    seen.add(key)
                    out.append(_number_record(side, other, b, p, n))
                for d in v.dates:
                    key = "d:" + _date_text(d)
                    if key in seen:
                        continue
                    if any(_date_compatible(d, e) for pool in here + near for e in pool.dates):
                        continue
                    seen.add(key)
                    out.append(_date_record(side, other, b, p, d, here))  # type: ignore[arg-type]
    return out


def _values(anchors: Anchors) -> _Values:
    dates = [d for d in anchors.dates if d.month]
    spans = [(d.start, d.end) for d in dates]
    numbers = [n for n in anchors.numbers if all(n.end <= s or n.start >= e for s, e in spans)]
    pool = [n.value for n in anchors.numbers]
    pool += [float(d.year) for d in anchors.dates if d.year]
    return _Values(numbers, dates, pool, {number_key(v) for v in pool})


def _has_value(value: float, pools: Iterable[_Values]) -> bool:
    key = number_key(value)
    return any(key in pool.keys or any(numbers_equal(value, v) for v in pool.pool)
               for pool in pools)


# --- terms rendered in several ways -----------------------------------------------------------

_JOINED = re.compile(r"\s*")
Phrase = tuple[tuple[str, ...], int, int]


def find_inconsistent_terms(ctx: Context) -> list[Divergence]:
    if ctx.glossary is None:
        return []
    side, other = ctx.src, ctx.tgt
    user = _user_ids(tuple(p for p in ctx.glossary.paths if p != BUILTIN_GLOSSARY))
    found: dict[tuple[str, ...], list[_Occurrence]] = {}
    for b, bead in enumerate(ctx.alignment):
        if bead.is_null:
            continue
        theirs = [(j, t) for j in other.of(bead) if other.paragraph(j).kind in COMPARED
                  for t in _phrases(other, j, user)]
        for i in side.of(bead):
            if side.paragraph(i).kind not in COMPARED:
                continue
            for ids, start, end in _phrases(side, i, user):
                if len(ids) < 2 and ids[0] not in user:
                    continue
                text = side.paragraph(i).text[start:end]
                found.setdefault(ids, []).append(
                    _render(b, Span(side.name, i, start, end), text, ids, theirs, other))
    out: list[Divergence] = []
    for ids, occurrences in found.items():
        occurrences = [o for o in occurrences if o.key != _UNCLEAR]
        rendered = [o for o in occurrences if o.key]
        ways = Counter(o.key for o in rendered)
        if len(rendered) < ctx.thresholds.term_min_occurrences or len(ways) < 2:
            continue
        out.append(_finding(ids, occurrences, ways, side, other))
    return out


def _phrases(side: Side, i: int, user: frozenset[str]) -> list[Phrase]:
    text = side.paragraph(i).text
    out: list[Phrase] = []
    mentions: Sequence[TermMention] = side.anchors[i].terms
    for m in mentions:
        if out and _JOINED.fullmatch(text[out[-1][2] : m.start]) and m.term_id not in user \
                and not set(out[-1][0]) & user:
            ids, start, _ = out[-1]
            out[-1] = ((*ids, m.term_id), start, m.end)
        else:
            out.append(((m.term_id,), m.start, m.end))
    return out


def _render(b: int, span: Span, surface: str, ids: tuple[str, ...],
            theirs: list[tuple[int, Phrase]], other: Side) -> _Occurrence:
    best: tuple[int, int, int, int, set[str]] | None = None
    for j, (their_ids, start, end) in theirs:
        held = set(their_ids)
        if not held & set(ids):
            continue
        for k, (near_ids, s2, e2) in theirs:
            if k == j and (s2, e2) != (start, end) and set(near_ids) & set(ids) - held:
                between = other.paragraph(j).text[min(end, e2) : max(start, s2)]
                if _NEAR.match(between):
                    held |= set(near_ids)
                    start, end = min(start, s2), max(end, e2)
                    break
        if best is None or len(held & set(ids)) > best[0]:
            best = (len(held & set(ids)), j, start, end, held)
    if best is None:
        return _Occurrence(b, span, surface, "", "", None)
    _, j, start, end, held = best
    rendering = other.paragraph(j).text[start:end]
    if len(ids) == 1:
        key = _key(rendering, other.lang)
    else:
        named = {t for _, (their_ids, _, _) in theirs for t in their_ids}
        lacking = set(ids) - held
        key = _UNCLEAR if lacking and lacking <= named else " + ".join(sorted(held & set(ids)))
    return _Occurrence(b, span, surface, rendering, key, Span(other.name, j, start, end))


# --- posts, lengths, residue ------------------------------------------------------------------


def post_identities(side: Side) -> dict[tuple[int, ...], tuple[str, str, str | None, str | None]]:
    """Each post's identity as the post check read it: from a second run of find_posts over
    the whole text, else from its last line."""
    groups: dict[int, list[int]] = {}
    for p in side.text.paragraphs:
        if p.kind is Kind.EMBEDDED_POST:
            groups.setdefault(p.post if p.post is not None else -1 - p.index, []).append(p.index)
    by_members = {post.paragraphs: post for post in find_posts([p.text for p in
                                                                side.text.paragraphs])}
    out = {}
    for members in groups.values():
        post = by_members.get(tuple(members))
        if post is not None:
            out[tuple(members)] = (post.platform, post.name, post.handle, post.date)
        else:
            parsed = parse_attribution(side.paragraph(members[-1]).text)
            out[tuple(members)] = parsed if parsed is not None else ("", "", None, None)
    return out


def lengths(text: Text) -> list[int]:
    return [content_length(p.text) for p in text.paragraphs]


_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_NOT_PROSE = re.compile(r"\S*(?:https?://|www\.|pic\.)\S*|[@#]\w+")


def residue(text: Text) -> float:
    prose = " ".join(
        _NOT_PROSE.sub(" ", p.text) for p in text.paragraphs if p.kind in (Kind.BODY, Kind.HEADING)
    )
    latin, arabic = len(_LATIN.findall(prose)), len(_ARABIC.findall(prose))
    foreign = latin if text.language == "ar" else arabic
    return foreign / max(1, latin + arabic) if foreign >= 20 else 0.0
