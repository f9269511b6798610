"""Terminology: user glossary terms a bead does not render, and terms rendered in several ways."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.align.beads import Bead
from reader.core.anchors.glossary import BUILTIN_GLOSSARY, Glossary, TermMention
from reader.core.anchors.words import english_stem
from reader.core.arabic.normalise import normalize
from reader.core.diverge.context import COMPARED, Context, Side, clip
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span

# Two glossary mentions with only white space between them are one phrase (النظام العراقي:
# regime + Iraq); on the rendering side, up to two short words may stand between ("regime in
# Iraq").
_NEAR = re.compile(r"^\W*(?:\w{1,4}\W+){0,2}$")
_UNCLEAR = "?"


def find_missing_terms(ctx: Context) -> list[Divergence]:
    """A term of the user's glossaries in the original (the source) whose rendering (any of
    the term's variants in the other language) the translation's side of the bead lacks.
    Not the other way round: a rendering the translation uses where the original words it
    otherwise is no broken rule (a glossary says how to translate, not what to write)."""
    glossary = ctx.glossary
    if glossary is None:
        return []
    user = _user_ids(tuple(p for p in glossary.paths if p != BUILTIN_GLOSSARY))
    if not user:
        return []
    out: list[Divergence] = []
    for b, bead in enumerate(ctx.alignment):
        if bead.is_null:
            continue
        for side, other in ctx.sides()[:1]:
            there = {t.term_id for j in other.of(bead) for t in other.anchors[j].terms}
            reported: set[str] = set()
            for i in side.of(bead):
                if side.paragraph(i).kind not in COMPARED:
                    continue
                for m in side.anchors[i].terms:
                    if m.term_id not in user or m.term_id in there or m.term_id in reported:
                        continue
                    reported.add(m.term_id)
                    term = glossary.terms[m.term_id]
                    wanted = term.ar if other.lang == "ar" else term.en
                    out.append(
                        Divergence(
                            kind=DivergenceKind.TERM_MISSING,
                            severity=Severity.WARNING,
                            side=side.name,
                            paragraphs=(i,),
                            detail=(
                                f"‘{m.surface.strip()}’: the glossary's "
                                f"{' / '.join(f'‘{w}’' for w in wanted[:3])} is not in "
                                f"{other.the_paragraph()}"
                            ),
                            bead=b,
                            spans=(Span(side.name, i, m.start, m.end),),
                            values=(m.term_id,),
                        )
                    )
    return out


@functools.lru_cache(maxsize=8)
def _user_ids(paths: tuple[Path, ...]) -> frozenset[str]:
    """The ids of the terms the user's glossary files define (merged ones included)."""
    if not paths:
        return frozenset()
    return frozenset(Glossary.load(paths, include_builtin=False).terms)


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """A source term in one bead, and how the other side of the bead renders it."""

    bead: int
    span: Span
    surface: str
    rendering: str  # as written on the other side ("" when not found)
    key: str  # what renderings are compared by
    rendered: Span | None


def find_inconsistent_terms(ctx: Context) -> list[Divergence]:
    """A term of the original (a phrase of adjacent glossary terms, such as النظام العراقي,
    or a term of the user's glossaries) that the other side renders
    in different ways across the text: one finding per term, listing each rendering with its
    beads."""
    if ctx.glossary is None:
        return []
    side, other = ctx.src, ctx.tgt
    user = _user_ids(tuple(p for p in ctx.glossary.paths if p != BUILTIN_GLOSSARY))
    found: dict[tuple[str, ...], list[_Occurrence]] = {}
    for b, bead in enumerate(ctx.alignment):
        if bead.is_null:
            continue
        # a phrase of several terms needs several mentions (most paragraphs have one or none)
        wanted = [
            (i, ids, start, end)
            for i in side.of(bead)
            if (user or len(side.anchors[i].terms) > 1) and side.paragraph(i).kind in COMPARED
            for ids, start, end in _phrases(side, i, user)
            if len(ids) >= 2 or ids[0] in user
        ]
        if not wanted:
            continue  # most beads: the other side is not read
        theirs = _Theirs(other, bead, user)
        for i, ids, start, end in wanted:
            text = side.paragraph(i).text[start:end]
            found.setdefault(ids, []).append(
                _render(b, Span(side.name, i, start, end), text, ids, theirs)
            )
    out: list[Divergence] = []
    min_count = ctx.thresholds.term_min_occurrences
    for ids, occurrences in found.items():
        occurrences = [o for o in occurrences if o.key != _UNCLEAR]
        rendered = [o for o in occurrences if o.key]
        ways = Counter(o.key for o in rendered)
        if len(rendered) < min_count or len(ways) < 2:
            continue
        out.append(_finding(ids, occurrences, ways, side, other))
    return out


def _phrases(side: Side, i: int, user: frozenset[str]) -> list[tuple[tuple[str, ...], int, int]]:
    """The paragraph's glossary mentions with adjacent ones joined: (term ids, start, end)."""
    mentions: Sequence[TermMention] = side.anchors[i].terms
    if len(mentions) < 2:
        return [((m.term_id,), m.start, m.end) for m in mentions]
    text = side.paragraph(i).text
    out: list[tuple[tuple[str, ...], int, int]] = []
    for m in mentions:
        # only white space between (str.isspace is what a pattern's \s matches)
        if out and (out[-1][2] >= m.start or text[out[-1][2] : m.start].isspace()) \
                and m.term_id not in user and not set(out[-1][0]) & user:
            ids, start, _ = out[-1]
            out[-1] = ((*ids, m.term_id), start, m.end)
        else:
            out.append(((m.term_id,), m.start, m.end))
    return out


@dataclass(slots=True)
class _Theirs:
    """The other side of a bead as renderings are looked for in it: its phrases in order
    (paragraph, term ids, start, end), and each paragraph's (term ids, start, end)."""

    other: Side
    phrases: list[tuple[int, frozenset[str], int, int]]
    within: dict[int, list[tuple[frozenset[str], int, int]]]
    named: frozenset[str]  # every term id the phrases hold

    def __init__(self, other: Side, bead: Bead, user: frozenset[str]) -> None:
        self.other = other
        self.phrases, self.within = [], {}
        for j in other.of(bead):
            if other.paragraph(j).kind in COMPARED:
                for ids, start, end in _phrases(other, j, user):
                    self.phrases.append((j, frozenset(ids), start, end))
                    self.within.setdefault(j, []).append((frozenset(ids), start, end))
        self.named = frozenset().union(*[ids for _, ids, _, _ in self.phrases])


def _render(b: int, span: Span, surface: str, ids: tuple[str, ...], theirs: _Theirs
            ) -> _Occurrence:
    """How the other side of the bead renders a term: its first phrase (mentions of the
    term's ids, with a near one joined) that holds the most of the term's ids."""
    other = theirs.other
    best: tuple[int, int, int, int, set[str]] | None = None
    want = set(ids)
    for j, their_ids, start, end in theirs.phrases:
        if their_ids.isdisjoint(want):
            continue
        held = set(their_ids)
        # two mentions apart (Iraqi ... regime, Syria's new government) may render one term
        missing = want - held
        for near_ids, s2, e2 in theirs.within[j] if missing else ():
            if (s2, e2) != (start, end) and not missing.isdisjoint(near_ids):
                between = other.paragraph(j).text[min(end, e2) : max(start, s2)]
                if _NEAR.match(between):
                    held |= near_ids
                    start, end = min(start, s2), max(end, e2)
                    break
        if best is None or len(held & want) > best[0]:
            best = (len(held & want), j, start, end, held)
    if best is None:
        return _Occurrence(b, span, surface, "", "", None)
    _, j, start, end, held = best
    rendering = other.paragraph(j).text[start:end]
    # a phrase of several terms is rendered another way when the rendering loses one of them
    # (Iraq for the Iraqi regime), not when it adds words or changes their form (Iraqi
    # border, Iraq border); a single term by its words
    # (when the bead names what the rendering lacks elsewhere, "young Iraqis ... these
    # militias", whether it was lost cannot be told: such an occurrence is left out)
    if len(ids) == 1:
        key = _key(rendering, other.lang)
    else:
        lacking = want - held
        key = _UNCLEAR if lacking and lacking <= theirs.named else " + ".join(sorted(held & want))
    return _Occurrence(b, span, surface, rendering, key, Span(other.name, j, start, end))


def _key(rendering: str, lang: str) -> str:
    """A single term's rendering as compared: its words, stemmed (Iraq's = Iraq)."""
    if lang != "en":
        return " ".join(re.findall(r"\w+", normalize(rendering)))
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", rendering))
    return " ".join(english_stem(w) for w in words)


def _finding(
    ids: tuple[str, ...], occurrences: list[_Occurrence], ways: Counter[str], side: Side,
    other: Side,
) -> Divergence:
    shown = Counter(o.surface.strip() for o in occurrences).most_common(1)[0][0]
    parts = []
    values = []
    # where each way is, as people number paragraphs (the exports' ¶, from 1): the
    # renderings on the translation's side, the occurrences rendered in other words on the
    # original's
    for key, n in ways.most_common():
        mine = [o for o in occurrences if o.key == key]
        written = Counter(o.rendering.strip() for o in mine).most_common(1)[0][0]
        where = sorted({o.rendered.paragraph + 1 for o in mine if o.rendered})
        parts.append(f"‘{clip(written, 40)}’ {n}× ({other.language} ¶{_numbers(where)})")
        values.append(f"{written} ×{n}")
    missing = [o for o in occurrences if not o.key]
    if missing:
        where = sorted({o.span.paragraph + 1 for o in missing})
        parts.append(f"other words {len(missing)}× ({side.language} ¶{_numbers(where)})")
    spans = list(dict.fromkeys(
        [o.span for o in occurrences] + [o.rendered for o in occurrences if o.rendered]))
    return Divergence(
        kind=DivergenceKind.TERM_INCONSISTENT,
        severity=Severity.INFO,
        side=side.name,
        paragraphs=tuple(sorted({o.span.paragraph for o in occurrences})),
        detail=f"‘{shown}’ is rendered {len(ways)} ways in {other.the_text()}: " + "; ".join(parts),
        bead=occurrences[0].bead,
        spans=tuple(spans),
        values=tuple(values),
    )


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))
