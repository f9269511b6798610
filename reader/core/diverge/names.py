"""Names (glossary people, places, organisations) of a bead that its other side does not name."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

from reader.core.anchors.features import Anchors
from reader.core.anchors.glossary import Term, TermMention
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem
from reader.core.arabic.affixes import ARTICLE
from reader.core.arabic.normalise import normalize
from reader.core.arabic.transliterate import name_similarity
from reader.core.diverge.context import (
    COMPARED,
    Context,
    Side,
    builtin_glossary,
    keep,
    same_objects,
    take,
)
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Text

# Glossary categories that name a person, place or organisation.
NAME_CATEGORIES = frozenset(
    {
        "person", "people", "place", "country", "city", "region", "province", "governorate",
        "organisation", "organization", "party", "militia", "group", "movement", "institution",
        "media", "agency", "army",
    }
)
_LATIN_NAME = re.compile(r"[A-Z][\w’'-]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_VARIANT_WORD = re.compile(r"[\w’'-]{4,}")
# a name mention this close to another (a space, a hyphen) is read as one phrase with it
_ADJACENT = 2
# categories of organisations known by a proper name (the IRGC, the Quds Force, Hezbollah): a
# nationality beside one is part of its name; beside generic "forces" or another country it
# is a name of its own (القوات الأميركية, عراقي وأفغاني)
_NAMED_BODIES = frozenset(
    {"force", "militia", "militant", "party", "body", "media", "organisation", "organization",
     "movement", "institution", "agency", "group"}
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{3,}")
_PRESENTATION = re.compile("[\ufb50-\ufeff]")  # normalize's NFKC step: see _Counterpart

Candidate = tuple[TermMention, Term, bool]  # a name mention, its term, whether a country
_T = TypeVar("_T")


class _once(Generic[_T]):
    """`functools.cached_property` without its lock (Python 3.11 takes one on each first
    read, and the name check makes ~5,000 first reads on `large`: ~3 ms): the value is
    computed on the first read and kept in the instance, where later reads find it first."""

    def __init__(self, make: Callable[[Any], _T]) -> None:
        self.make = make
        self.name = make.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _once[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> _T | _once[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.make(obj)
        return value


def find_names(ctx: Context) -> list[Divergence]:
    th = ctx.thresholds
    glossary = ctx.glossary if ctx.glossary is not None else builtin_glossary()
    if glossary is None:
        return []
    reading = {side.name: _Reading(side, glossary.terms, th) for side in (ctx.src, ctx.tgt)}
    # first the names the other side's terms do not account for, bead by bead; then the
    # Arabic that English names are looked up in, normalised in one go; then the lookups
    pending = _unmatched(ctx, reading)
    for side, other in ctx.sides():
        if side.lang != "ar":
            reading[other.name].normalize(
                [j for _, mine, _, theirs, _ in pending if mine is side for j in theirs])
    check = _Check(th)
    out: list[Divergence] = []
    for b, side, other, theirs, names in pending:
        counterpart = _Counterpart(reading[other.name], theirs)
        reported: set[str] = set()
        for i, mention, term in names:
            if mention.term_id in reported:
                continue
            variants = term.en if other.lang == "en" else term.ar
            if check.named_anyway(mention, side.lang, variants, counterpart) \
                    or check.ordinary_word_there(mention, side.lang, counterpart):
                continue
            reported.add(mention.term_id)
            out.append(
                Divergence(
                    kind=DivergenceKind.NAME_MISMATCH,
                    severity=Severity.INFO,
                    side=side.name,
                    paragraphs=(i,),
                    detail=(
                        f"‘{mention.surface.strip()}’ ({term.category}) is named here "
                        f"but not in {other.the_paragraph()}"
                    ),
                    bead=b,
                    spans=(Span(side.name, i, mention.start, mention.end),),
                    values=(mention.term_id,),
                )
            )
    return out


Pending = tuple[int, Side, Side, list[int], list[tuple[int, TermMention, Term]]]


def _unmatched(ctx: Context, reading: dict[str, _Reading]) -> list[Pending]:
    """In reading order, each bead side's name mentions whose term the other side does not
    hold within `number_neighbour_beads` beads (nor, for a country, the body it qualifies):
    (bead, side, other side, the other side's paragraphs there, [(paragraph, mention,
    term)])."""
    alignment = ctx.alignment
    reach = ctx.thresholds.number_neighbour_beads  # never negative: Thresholds refuses it
    out: list[Pending] = []
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        for side, other in ctx.sides():
            mine, yours = reading[side.name], reading[other.name]
            # most of a bead's paragraphs name nobody: nothing to look up across from them
            members = [i for i in side.of(bead) if mine.names[i]]
            if not members:
                continue
            theirs = [
                j
                for k in range(max(0, b - reach), min(len(alignment), b + reach + 1))
                for j in other.of(alignment[k])
            ]
            there = set().union(*[yours.ids[j] for j in theirs])
            left = []
            for i in members:
                named_there: list[TermMention] | None = None  # read for a country's name
                for mention, term, country in mine.names[i]:
                    if mention.term_id in there:
                        continue
                    if country:
                        if named_there is None:
                            named_there = [m for m in mine.bodies(i) if m.term_id in there]
                        if _qualifies(mention, named_there):
                            continue
                    left.append((i, mention, term))
            if left:
                out.append((b, side, other, theirs, left))
    return out


def keep_names(text: Text, anchors: Sequence[Anchors], terms: Mapping[str, Term],
               th: Thresholds) -> None:
    """Read the names of a text's paragraphs now (diverge.ahead), for the next detection on
    it with these anchors, terms and thresholds."""
    least = th.name_min_chars
    keep("names", text, (terms, least, anchors, *_names(text, anchors, terms, least)))


def _names(text: Text, anchors: Sequence[Anchors], terms: Mapping[str, Term], least: int
           ) -> tuple[list[set[str]], list[list[Candidate]]]:
    """Each paragraph's term ids, and its mentions that may be reported: of a name's
    category, long enough, compared."""
    ids = [{t.term_id for t in a.terms} for a in anchors]
    names: list[list[Candidate]] = []
    kinds: dict[str, tuple[Term, bool] | None] = {}  # term id -> a name's term, a country
    for p, a in zip(text.paragraphs, anchors, strict=True):
        found: list[Candidate] = []
        if a.terms and p.kind in COMPARED:
            for m in a.terms:
                if m.term_id not in kinds:
                    kinds[m.term_id] = _name_term(terms.get(m.term_id))
                known = kinds[m.term_id]
                if known is not None and len(m.surface.strip()) >= least:
                    found.append((m, *known))
        names.append(found)
    return ids, names


class _Reading:
    """One side as the name check reads it, paragraph by paragraph, each read once however
    many beads look at it: its names, the terms it holds, and its words."""

    def __init__(self, side: Side, terms: Mapping[str, Term], th: Thresholds) -> None:
        self.side = side
        self.terms = terms
        kept = take("names", side.text)
        if (isinstance(kept, tuple) and kept[0] is terms and kept[1] == th.name_min_chars
                and same_objects(kept[2], side.anchors)):
            self.ids, self.names = kept[3], kept[4]
        else:
            self.ids, self.names = _names(side.text, side.anchors, terms, th.name_min_chars)
        self._texts: dict[int, _Words] = {}

    def bodies(self, i: int) -> list[TermMention]:
        """The paragraph's mentions of organisations known by a proper name."""
        terms = self.terms
        return [m for m in self.side.anchors[i].terms
                if m.term_id in terms and terms[m.term_id].category.lower() in _NAMED_BODIES]

    def words(self, j: int) -> _Words:
        found = self._texts.get(j)
        if found is None:
            found = self._texts[j] = _Words(self.side.paragraph(j).text)
        return found

    def normalize(self, paragraphs: Sequence[int]) -> None:
        """Normalise these paragraphs in one call: normalize goes character by character
        (but for presentation forms, left to their own paragraphs), and a fully vowelled
        paragraph costs four times as much alone as in a long text."""
        words = [w for w in dict.fromkeys(self.words(j) for j in paragraphs)
                 if w.normal is None and not w.presentation and "\n" not in w.text]
        if len(words) > 1:
            joined = normalize("\n".join(w.text for w in words)).split("\n")
            for w, normal in zip(words, joined, strict=True):
                w.normal = normal


class _Words:
    """One paragraph's text in the forms the name check searches."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normal: str | None = None  # normalize(text), when asked

    @_once
    def presentation(self) -> bool:
        """Whether it holds presentation forms, which normalize expands with their
        neighbours: a text joined with it is then normalised whole."""
        return _PRESENTATION.search(self.text) is not None

    @property
    def normalized(self) -> str:
        if self.normal is None:
            self.normal = normalize(self.text)
        return self.normal

    @_once
    def folded(self) -> str:
        return self.text.casefold()

    @_once
    def latin_names(self) -> list[str]:
        return _LATIN_NAME.findall(self.text)

    @_once
    def english_stems(self) -> set[str]:
        return {english_stem(w) for w in _LATIN_WORD.findall(self.text)}

    @_once
    def arabic_words(self) -> list[str]:
        return _ARABIC_WORD.findall(self.text)


class _Counterpart:
    """The other side's paragraphs around a bead, as the name check reads them: read once,
    however many names of the bead are looked up in them.

    Each form is that of the paragraphs joined by newlines, put together from the forms of
    each paragraph (kept by the `_Reading`): no word, name or search string holds a newline,
    and casefolding and normalising go character by character, except normalize's NFKC step
    for presentation forms, which then reads the joined text as it always did."""

    def __init__(self, reading: _Reading, paragraphs: Sequence[int]) -> None:
        self._parts = [reading.words(j) for j in paragraphs]
        self.translations: frozenset[str] | None = None  # of its Arabic words (_Check)

    @_once
    def folded(self) -> str:
        return "\n".join(w.folded for w in self._parts)

    @_once
    def normalized(self) -> str:
        if any(w.presentation for w in self._parts):
            return normalize("\n".join(w.text for w in self._parts))
        return "\n".join(w.normalized for w in self._parts)

    @_once
    def latin_names(self) -> list[str]:
        """Capitalised words, each once, in order."""
        return list(dict.fromkeys(n for w in self._parts for n in w.latin_names))

    @_once
    def english_stems(self) -> frozenset[str]:
        return frozenset().union(*[w.english_stems for w in self._parts])

    @_once
    def arabic_words(self) -> list[str]:
        """Arabic words of three letters or more, each once, in order."""
        return list(dict.fromkeys(a for w in self._parts for a in w.arabic_words))


class _Check:
    """The tests a name must fail to be reported, with what they look up kept for the run."""

    def __init__(self, th: Thresholds) -> None:
        self.th = th
        self._lexicon: Lexicon | None = None
        self._similar: dict[tuple[str, str], bool] = {}

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon.load()
        return self._lexicon

    def named_anyway(
        self, mention: TermMention, lang: str, variants: Sequence[str], there: _Counterpart
    ) -> bool:
        """Whether the other side names the same entity in a form the glossary did not
        catch: one of the term's words, or a word whose consonant skeleton matches the
        name's."""
        if lang == "ar":
            # a stem, so that "Lebanese" and "Iranian" count for Lebanon and Iran
            if any(stem in there.folded for stem in _variant_stems(tuple(variants))):
                return True
            return self._sounds_like(mention.surface, "ar", there.latin_names)
        if any(word in there.normalized for word in _variant_words(tuple(variants))):
            return True
        return self._sounds_like(mention.surface, "en", there.arabic_words)

    def _sounds_like(self, surface: str, lang: str, words: Sequence[str]) -> bool:
        """Whether one of `words` (of the other language) is at least `name_similarity`
        like the name (`name_similarity` of each pair asked once a run)."""
        memo, least = self._similar, self.th.name_similarity
        for w in words:
            key = (surface, w)
            found = memo.get(key)
            if found is None:
                score = name_similarity(surface, w) if lang == "ar" else name_similarity(w, surface)
                found = memo[key] = score >= least
            if found:
                return True
        return False

    def ordinary_word_there(self, mention: TermMention, lang: str, there: _Counterpart) -> bool:
        """Whether the mention is a common word whose ordinary translation the other side
        has: الرياضيات is mathematics, not Riyadh, when the English says "mathematics"."""
        surface = mention.surface.strip()
        if lang == "ar":
            if " " in surface:
                return False  # a name of several words is no common word
            return any(
                all(stem in there.english_stems for stem in stems)
                for stems in _translation_stems(surface, self.lexicon)
            )
        words = {w.casefold() for w in _LATIN_WORD.findall(surface)}
        if len(words) != 1 or surface.isupper():
            return False  # several words, or an acronym ("US" is no "us"): a name
        return not words.isdisjoint(self._translations(there))

    def _translations(self, there: _Counterpart) -> frozenset[str]:
        """Every translation (casefolded) of the Arabic words around the bead."""
        if there.translations is None:
            lexicon = self.lexicon
            there.translations = frozenset().union(
                *[_casefolded(lexicon.translations(w)) for w in there.arabic_words]
            )
        return there.translations


def _name_term(term: Term | None) -> tuple[Term, bool] | None:
    """The term and whether it is a country, when it names a person, place or body."""
    if term is None:
        return None
    category = term.category.lower()
    return (term, category == "country") if category in NAME_CATEGORIES else None


def _qualifies(mention: TermMention, named_there: Sequence[TermMention]) -> bool:
    """Whether a country mention is the nationality adjective of a named body right beside it
    that the other side names: الحرس الثوري الإيراني is the IRGC, "Iranian" and all."""
    return any(
        0 <= mention.start - other.end <= _ADJACENT or 0 <= other.start - mention.end <= _ADJACENT
        for other in named_there
    )


@functools.lru_cache(maxsize=4096)
def _variant_stems(variants: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of an English term's words that an Arabic name's counterpart may hold."""
    return tuple(
        word.casefold()[: max(4, len(word) - 2)]
        for variant in variants for word in _VARIANT_WORD.findall(variant)
    )


@functools.lru_cache(maxsize=4096)
def _variant_words(variants: tuple[str, ...]) -> tuple[str, ...]:
    """An Arabic term's words (four letters or more, the article dropped)."""
    return tuple(
        word.removeprefix(ARTICLE)
        for variant in variants for word in _ARABIC_WORD.findall(normalize(variant))
        if len(word) >= 4
    )


@functools.lru_cache(maxsize=16384)
def _translation_stems(surface: str, lexicon: Lexicon) -> tuple[tuple[str, ...], ...]:
    """The English stems of each translation of an Arabic word (those that have words)."""
    out = []
    for translation in lexicon.translations(surface):
        stems = tuple(english_stem(w) for w in _LATIN_WORD.findall(translation))
        if stems:
            out.append(stems)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _casefolded(translations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t.casefold() for t in translations)
