"""Numbers and dates of a bead that have no counterpart on its other side."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.anchors.dates import DateMention
from reader.core.anchors.features import Anchors, number_key
from reader.core.anchors.number_compare import numbers_equal
from reader.core.anchors.numbers import NumberMention
from reader.core.diverge.context import (
    COMPARED,
    CONTENT_CHAR,
    Context,
    Side,
    keep,
    same_objects,
    take,
)
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Paragraph, Text

_DIGITS = re.compile(r"[\d٠-٩.,٫٬]")
_NEXT_WORD = re.compile(r"\s*[^\s.,;:!?،؛؟…\"“”«»()]+")


@dataclass(slots=True)
class _Values:
    """What one paragraph can match on the other side: numbers (with years of dates) and dates."""

    numbers: list[tuple[NumberMention, str]]  # reportable numbers outside full dates, keyed
    dates: list[DateMention]  # dates with at least a month
    pool: list[float]  # every value a number elsewhere may match: numbers, years, date parts
    keys: set[str]


def find_numbers_and_dates(ctx: Context) -> list[Divergence]:
    alignment, th = ctx.alignment, ctx.thresholds
    values = {side.name: _side_values(side, th) for side in (ctx.src, ctx.tgt)}
    # the paragraphs with a number or a date to report (most have none): only their beads
    # look across
    asks = {side.name: [v is not _NONE and (bool(v.numbers) or bool(v.dates))
                        and p.kind in COMPARED
                        for v, p in zip(values[side.name], side.text.paragraphs, strict=True)]
            for side in (ctx.src, ctx.tgt)}
    out: list[Divergence] = []
    reach = th.number_neighbour_beads  # never negative: Thresholds refuses it
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        for side, other in ctx.sides():
            mine = [i for i in side.of(bead) if asks[side.name][i]]
            if not mine:
                continue
            theirs = values[other.name]
            here = [theirs[j] for j in other.of(bead)]
            near = [
                theirs[j]
                for k in range(max(0, b - reach), min(len(alignment), b + reach + 1))
                if k != b
                for j in other.of(alignment[k])
            ]
            seen: set[str] = set()
            for i in mine:
                p = side.paragraph(i)
                v = values[side.name][i]
                for n, key in v.numbers:
                    if key in seen or _has_value(n.value, key, here) \
                            or _has_value(n.value, key, near):
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
                    out.append(_date_record(side, other, b, p, d, here))
    return out


def keep_values(text: Text, anchors: Sequence[Anchors], th: Thresholds) -> None:
    """Read the numbers and dates of a text's paragraphs now (diverge.ahead), for the next
    detection on it with these anchors and thresholds."""
    keep("values", text, (th, anchors, [_values(a, th) for a in anchors]))


def _side_values(side: Side, th: Thresholds) -> list[_Values]:
    kept = take("values", side.text)
    if isinstance(kept, tuple) and kept[0] == th and same_objects(kept[1], side.anchors):
        return kept[2]
    return [_values(a, th) for a in side.anchors]


def _values(anchors: Anchors, th: Thresholds) -> _Values:
    if not anchors.numbers and not anchors.dates:
        return _NONE
    dates = [d for d in anchors.dates if d.month]
    spans = [(d.start, d.end) for d in dates]
    numbers = [(n, number_key(n.value)) for n in anchors.numbers
               if all(n.end <= s or n.start >= e for s, e in spans) and not _minor(n, th)]
    pool = [n.value for n in anchors.numbers]
    pool += [float(d.year) for d in anchors.dates if d.year]
    keys = {number_key(v) for v in pool}
    return _Values(numbers, dates, pool, keys)


# what a paragraph without numbers or dates holds (most paragraphs): one record for all
_NONE = _Values([], [], [], set())


def _has_value(value: float, key: str, pools: Iterable[_Values]) -> bool:
    """Whether a pool holds the value (`key`: its number_key) or one `numbers_equal` to it."""
    for pool in pools:
        if key in pool.keys or any(_near(value, v) and numbers_equal(value, v)
                                   for v in pool.pool):
            return True
    return False


def _near(a: float, b: float) -> bool:
    """False only where `numbers_equal(a, b)` is: values neither equal nor within 5 % of the
    larger (with a margin for rounding), the test that rejects most pairs, done inline."""
    gap = abs(a - b)
    return gap <= 1e-12 or gap <= 0.06 * max(abs(a), abs(b))


def _date_compatible(a: DateMention, b: DateMention) -> bool:
    if not a.month or not b.month or a.month != b.month:
        return False
    if a.year and b.year and a.year != b.year:
        return False
    return not (a.day and b.day and a.day != b.day)


def _date_text(d: DateMention) -> str:
    """A date as reported and compared: year-month-day as far as known, else its surface."""
    return "-".join(str(x) for x in (d.year, d.month, d.day) if x) if d.year else d.surface


def _number_shown(n: NumberMention, text: str) -> tuple[str, str]:
    """The number as reported, and its context: the surface plus the word after a bare number."""
    shown = number_key(n.value) if n.surface.strip().isdigit() else n.surface.strip()
    context_end = n.end
    if not CONTENT_CHAR.search(_DIGITS.sub("", n.surface)):
        m = _NEXT_WORD.match(text, n.end)
        if m:
            context_end = m.end()
    return shown, text[n.start : context_end].strip()


def _minor(n: NumberMention, th: Thresholds) -> bool:
    """Small numbers without a unit (one, two sides, the three of them) are not reported."""
    return not n.is_year and n.unit is None and abs(n.value) < th.number_min_value


def _number_record(
    side: Side, other: Side, b: int, p: Paragraph, n: NumberMention
) -> Divergence:
    shown, context = _number_shown(n, p.text)
    where = f"in ‘{context}’ " if context and context != shown else ""
    return Divergence(
        kind=DivergenceKind.NUMBER_MISMATCH,
        severity=Severity.SERIOUS,
        side=side.name,
        paragraphs=(p.index,),
        detail=f"{shown} {where}has no counterpart in {other.the_paragraph()}",
        bead=b,
        spans=(Span(side.name, p.index, n.start, n.end),),
        values=(number_key(n.value),),
    )


def _date_record(
    side: Side, other: Side, b: int, p: Paragraph, d: DateMention, here: list[_Values]
) -> Divergence:
    year_there = d.year is not None and any(
        number_key(float(d.year)) in pool.keys for pool in here
    )
    detail = f"the date ‘{d.surface.strip()}’ has no counterpart in {other.the_paragraph()}"
    if year_there:
        detail += f" (which gives only the year {d.year})"
    return Divergence(
        kind=DivergenceKind.DATE_MISMATCH,
        severity=Severity.WARNING if year_there else Severity.SERIOUS,
        side=side.name,
        paragraphs=(p.index,),
        detail=detail,
        bead=b,
        spans=(Span(side.name, p.index, d.start, d.end),),
        values=(_date_text(d),),
    )
