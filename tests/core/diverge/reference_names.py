"""The name check as it was before it was made fast (issue 13): what the fast one must equal."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from reader.core.anchors.glossary import TermMention
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem
from reader.core.arabic.affixes import ARTICLE
from reader.core.arabic.normalise import normalize
from reader.core.arabic.transliterate import name_similarity
from reader.core.diverge.context import COMPARED, Context, builtin_glossary
from reader.core.diverge.names import _NAMED_BODIES, NAME_CATEGORIES
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.thresholds import Thresholds

_LATIN_NAME = re.compile(r"[A-Z][\w’'-]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_ADJACENT = 2
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{3,}")


def find_names(ctx: Context) -> list[Divergence]:
    alignment, th = ctx.alignment, ctx.thresholds
    glossary = ctx.glossary if ctx.glossary is not None else builtin_glossary()
    if glossary is None:
        return []
    terms = glossary.terms
    out: list[Divergence] = []
    reach = th.number_neighbour_beads
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        for side, other in ctx.sides():
            theirs = [
                j
                for k in range(max(0, b - reach), min(len(alignment), b + reach + 1))
                for j in other.of(alignment[k])
            ]
            there = {t.term_id for j in theirs for t in other.anchors[j].terms}
            counterpart: _Counterpart | None = None
            reported: set[str] = set()
            for i in side.of(bead):
                p = side.paragraph(i)
                if p.kind not in COMPARED:
                    continue
                mentions = side.anchors[i].terms
                named_there = [
                    m for m in mentions
                    if m.term_id in there and m.term_id in terms
                    and terms[m.term_id].category.lower() in _NAMED_BODIES
                ]
                for mention in mentions:
                    term = terms.get(mention.term_id)
                    if (
                        term is None
                        or term.category.lower() not in NAME_CATEGORIES
                        or mention.term_id in there
                        or mention.term_id in reported
                        or len(mention.surface.strip()) < th.name_min_chars
                    ):
                        continue
                    variants = term.en if other.lang == "en" else term.ar
                    if counterpart is None:
                        counterpart = _Counterpart([other.paragraph(j).text for j in theirs])
                    if (
                        _named_anyway(mention, side.lang, variants, counterpart, th)
                        or _qualifies(mention, term.category, named_there)
                        or _ordinary_word_there(mention, side.lang, counterpart)
                    ):
                        continue
                    reported.add(mention.term_id)
                    out.append(
                        Divergence(
                            kind=DivergenceKind.NAME_MISMATCH,
                            severity=Severity.INFO,
                            side=side.name,
                            paragraphs=(p.index,),
                            detail=(
                                f"‘{mention.surface.strip()}’ ({term.category}) is named here "
                                f"but not in {other.the_paragraph()}"
                            ),
                            bead=b,
                            spans=(Span(side.name, p.index, mention.start, mention.end),),
                            values=(mention.term_id,),
                        )
                    )
    return out


class _Counterpart:
    def __init__(self, texts: Sequence[str]) -> None:
        self.joined = "\n".join(texts)

    @functools.cached_property
    def folded(self) -> str:
        return self.joined.casefold()

    @functools.cached_property
    def normalized(self) -> str:
        return normalize(self.joined)

    @functools.cached_property
    def latin_names(self) -> list[str]:
        return list(dict.fromkeys(_LATIN_NAME.findall(self.joined)))

    @functools.cached_property
    def english_stems(self) -> frozenset[str]:
        return frozenset(english_stem(w) for w in _LATIN_WORD.findall(self.joined))

    @functools.cached_property
    def arabic_words(self) -> list[str]:
        return list(dict.fromkeys(_ARABIC_WORD.findall(self.joined)))


def _named_anyway(
    mention: TermMention, lang: str, variants: Sequence[str], there: _Counterpart,
    th: Thresholds,
) -> bool:
    if lang == "ar":
        for variant in variants:
            for word in re.findall(r"[\w’'-]{4,}", variant):
                stem = word.casefold()[: max(4, len(word) - 2)]
                if stem in there.folded:
                    return True
        return any(
            name_similarity(mention.surface, w) >= th.name_similarity for w in there.latin_names
        )
    for variant in variants:
        for word in _ARABIC_WORD.findall(normalize(variant)):
            if len(word) >= 4 and word.removeprefix(ARTICLE) in there.normalized:
                return True
    return any(
        name_similarity(w, mention.surface) >= th.name_similarity for w in there.arabic_words
    )


def _qualifies(mention: TermMention, category: str, named_there: Sequence[TermMention]) -> bool:
    if category.lower() != "country":
        return False
    return any(
        0 <= mention.start - other.end <= _ADJACENT or 0 <= other.start - mention.end <= _ADJACENT
        for other in named_there
    )


def _ordinary_word_there(mention: TermMention, lang: str, there: _Counterpart) -> bool:
    lexicon = Lexicon.load()
    surface = mention.surface.strip()
    if lang == "ar":
        if " " in surface:
            return False
        for translation in lexicon.translations(surface):
            stems = [english_stem(w) for w in _LATIN_WORD.findall(translation)]
            if stems and all(stem in there.english_stems for stem in stems):
                return True
        return False
    words = {w.casefold() for w in _LATIN_WORD.findall(surface)}
    if len(words) != 1 or surface.isupper():
        return False
    return any(
        words & {t.casefold() for t in lexicon.translations(word)} for word in there.arabic_words
    )
