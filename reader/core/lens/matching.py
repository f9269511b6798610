"""Where the forms of term families occur in a text: whole words, Arabic-blind, longest first."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from reader.core.arabic.affixes import (
    ARTICLE,
    CONJUNCTIONS,
    DUAL,
    PLURALS,
    PREPOSITIONS,
    PRONOUNS,
    TA_MARBUTA,
)
from reader.core.arabic.normalise import fold_for_search, original_span
from reader.core.lens.documents import LensDocument
from reader.core.lens.families import Label, TermFamily

# What a form matches (README.md in resources/lenses says the same for family authors):
# - both scripts go through the search fold (diacritics, tatweel, hamza and alef forms, alef
#   maqsura, ta marbuta, Latin case), so النظام finds النِّظام, and Regime finds regime;
# - a match is whole words: the text's word must be the form's word, give or take the affixes
#   below; never a piece of a longer word (الرياض is not found in الرياضيات);
# - Arabic: the first word may carry و ف, then ب ك ل, then the article (ل + ال is written لل),
#   where a form without the article finds it with the article too (نظام finds النظام, but
#   النظام does not find نظام: إدارة is management, الإدارة the administration); the last may
#   carry an attached pronoun, the dual or a sound plural (نظامه, النظامين, جهاديون), and a
#   word ending in ة may take ات or ت + those endings (حكومات, حكومته);
# - English: the last word may take a plural (s, es, y -> ies) and a possessive ('s, ’s);
#   other words match exactly; words are separated in the text by spaces or hyphens only;
# - where matches overlap, the longest wins (هيئة تحرير الشام is HTS, not a liberation), so
#   every stretch of text is counted once; on a tie the earlier family and label win.

_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_GAP = re.compile(r"[\s\-‐‑]+")
_ARABIC = re.compile("[\u0621-\u064a]")

# Proclitics of a form's first word: a conjunction, then a preposition, then the article,
# with ل + ال written لل (affixes.py is the one table of them).
PROCLITICS: tuple[str, ...] = tuple(sorted(
    {c + ("لل" if p == "ل" and a else p + a)
     for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS) for a in ("", ARTICLE)},
    key=lambda s: (-len(s), s),
))
# Endings of a form's last word: attached pronouns, less the one-letter ي ك and the ني كن
# that end many words (ي is also the nisba: الرياضي is not الرياض + my), the dual and the
# masculine sound plurals (not ات: الرياضات is sports, not Riyadh).
SUFFIXES: tuple[str, ...] = tuple(sorted(
    (set(PRONOUNS) - {"ي", "ك", "ني", "كن"}) | (set(PLURALS) - {"ات"}) | {DUAL},
    key=lambda s: (-len(s), s),
))
# After a word ending in ة (folded to ه): ات replaces it, and before the endings above it is
# written ت (حكومات, حكومته, حكومتان).
TA_SUFFIXES: tuple[str, ...] = ("ات", *("ت" + s for s in SUFFIXES))
_MIN_CORE = 2
_MAX_WORDS_KEPT = 200_000


@dataclass(frozen=True, slots=True)
class FormEntry:
    """One form of one label, as the matcher reads it: its words folded, in order."""

    family: str
    label: str
    form: str  # as written in the family file
    words: tuple[str, ...]
    definite: bool  # an Arabic form written with the article: the text's word must have it
    order: int  # families' and labels' order: the tie-breaker between equal matches
    rank: int  # the form's place among all forms: the last tie-breaker, so results never vary


@dataclass(frozen=True, slots=True)
class Match:
    """A form found in a text: `start:end` in code points of that text."""

    start: int
    end: int
    family: str
    label: str
    form: str


def fold_word(word: str) -> str:
    """A word as the matcher compares it: folded, apostrophes as '."""
    return word.translate(_APOSTROPHES)


def is_arabic(word: str) -> bool:
    return _ARABIC.search(word) is not None


def form_words(form: str) -> tuple[tuple[str, ...], bool]:
    """The folded words of a form, an Arabic first word without its article; whether it had
    one."""
    folded = fold_for_search(" ".join(form.split()))[0]
    words = [fold_word(m.group()) for m in _WORD.finditer(folded)]
    if words and _definite(words[0]):
        words[0] = words[0][len(ARTICLE):]
        return tuple(words), True
    return tuple(words), False


def _definite(word: str) -> bool:
    return is_arabic(word) and word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= _MIN_CORE


def _arabic_cores(word: str, *, prefixes: bool, suffixes: bool) -> dict[str, bool]:
    """Every word a text word may be once its allowed proclitics and endings are taken off,
    and whether the article was among what came off."""
    stems = {word: False}
    if prefixes:
        for p in PROCLITICS:
            if p and word.startswith(p) and len(word) - len(p) >= _MIN_CORE:
                stem = word[len(p):]
                stems[stem] = stems.get(stem, False) or p.endswith(("ال", "لل"))
    if not suffixes:
        return stems
    cores = dict(stems)
    for stem, definite in stems.items():
        for s in SUFFIXES:
            if stem.endswith(s) and len(stem) - len(s) >= _MIN_CORE:
                core = stem[: -len(s)]
                cores[core] = cores.get(core, False) or definite
        for s in TA_SUFFIXES:
            if stem.endswith(s) and len(stem) - len(s) >= _MIN_CORE - 1:
                core = stem[: -len(s)] + TA_MARBUTA
                cores[core] = cores.get(core, False) or definite
    return cores


def _english_cores(word: str) -> set[str]:
    """A last word without its possessive and plural endings (militias' → militia)."""
    bases = {word}
    if word.endswith("'s"):
        bases.add(word[:-2])
    cores = set(bases)
    for base in bases:
        if base.endswith("ies") and len(base) > 4:
            cores.add(base[:-3] + "y")
        if base.endswith("es") and len(base) > 3:
            cores.add(base[:-2])
        if base.endswith("s") and len(base) > 2:
            cores.add(base[:-1])
    return cores


def _first_cores(word: str, *, last: bool) -> dict[str, bool]:
    if is_arabic(word):
        return _arabic_cores(word, prefixes=True, suffixes=last)
    return dict.fromkeys(_english_cores(word) if last else (word,), False)


def _last_cores(word: str) -> Collection[str]:
    if is_arabic(word):
        return _arabic_cores(word, prefixes=False, suffixes=True).keys()
    return _english_cores(word)


class Matcher:
    """The forms of some term families, indexed by their first word; made once, used often."""

    def __init__(self, families: Sequence[TermFamily]) -> None:
        self.families = tuple(families)
        self._single: dict[str, list[FormEntry]] = {}
        self._multi: dict[str, list[FormEntry]] = {}
        seen: set[tuple[tuple[str, ...], bool]] = set()
        order = rank = 0
        for family in self.families:
            for label in family.labels:
                for form in label.forms:
                    words, definite = form_words(form)
                    if not words or (words, definite) in seen:
                        continue  # the same words under two labels: the first keeps them
                    seen.add((words, definite))
                    entry = FormEntry(family.id, label.id, form, words, definite, order, rank)
                    rank += 1
                    index = self._single if len(words) == 1 else self._multi
                    index.setdefault(words[0], []).append(entry)
                order += 1
        # what each word of a text may start: most words start nothing, and words come back
        # often, so each is worked out once (bounded: a book has some 10^5 distinct words)
        self._starts: dict[str, tuple[tuple[FormEntry, int], ...]] = {}

    def _starting(self, word: str) -> tuple[tuple[FormEntry, int], ...]:
        """The forms a text word may start, each with 0 when the form's article fits the
        word's (1 when the form has none and the word has one)."""
        hit = self._starts.get(word)
        if hit is not None:
            return hit
        found: list[tuple[FormEntry, int]] = []
        for core, definite in _first_cores(word, last=True).items():
            found.extend((entry, int(definite != entry.definite))
                         for entry in self._single.get(core, ())
                         if definite or not entry.definite)
        if self._multi:
            for core, definite in _first_cores(word, last=False).items():
                found.extend((entry, int(definite != entry.definite))
                             for entry in self._multi.get(core, ())
                             if definite or not entry.definite)
        if len(self._starts) >= _MAX_WORDS_KEPT:
            self._starts.clear()
        hit = self._starts[word] = tuple(found)
        return hit

    def find(self, text: str) -> list[Match]:
        """Every occurrence of a form in `text`, in reading order, none overlapping."""
        folded, index = fold_for_search(text)
        folded = folded.translate(_APOSTROPHES)  # one character for one: offsets hold
        words = [(*m.span(), m.group()) for m in _WORD.finditer(folded)]
        # (start, end, first word, last word, form, 0 when the form's article fits the text's)
        candidates: set[tuple[int, int, int, int, FormEntry, int]] = set()
        for i, (start, end, word) in enumerate(words):
            for entry, fit in self._starting(word):
                if len(entry.words) == 1:
                    candidates.add((start, end, i, i, entry, fit))
                    continue
                j = self._rest(folded, words, i, entry.words)
                if j is not None:
                    candidates.add((start, words[j][1], i, j, entry, fit))
        # longest first; then the earlier start; then the earlier family and label
        taken: set[int] = set()
        kept: list[tuple[int, int, FormEntry]] = []
        for start, end, i, j, entry, _ in sorted(
            candidates, key=lambda c: (c[0] - c[1], c[0], c[4].order, c[5], c[4].rank)
        ):
            span = range(i, j + 1)
            if any(k in taken for k in span):
                continue
            taken.update(span)
            kept.append((start, end, entry))
        kept.sort(key=lambda c: c[0])
        out = []
        for start, end, entry in kept:
            a, b = original_span(index, start, end, len(text))
            out.append(Match(a, b, entry.family, entry.label, entry.form))
        return out

    @staticmethod
    def _rest(
        folded: str, words: list[tuple[int, int, str]], i: int, form: tuple[str, ...]
    ) -> int | None:
        """The index of the text word ending a multi-word form that starts at word i."""
        j = i + len(form) - 1
        if j >= len(words):
            return None
        for k in range(1, len(form)):
            if not _GAP.fullmatch(folded, words[i + k - 1][1], words[i + k][0]):
                return None
            word = words[i + k][2]
            if k < len(form) - 1:
                if word != form[k]:
                    return None
            elif form[k] not in _last_cores(word):
                return None
        return j

    def label(self, family_id: str, label_id: str) -> Label | None:
        for family in self.families:
            if family.id == family_id:
                return family.label(label_id)
        return None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A label's form found in a document: `start:end` in code points of the paragraph's text."""

    document: str  # LensDocument.id
    paragraph: int  # index in the document's text (0-based)
    start: int
    end: int
    family: str
    label: str
    form: str  # the family's form that matched, as written in the family file
    text: str  # the text matched, as written in the document (proclitics and endings included)


def find_occurrences(
    documents: Iterable[LensDocument],
    matcher: Matcher,
    *,
    families: Collection[str] | None = None,
    all_paragraphs: bool = False,
) -> list[Occurrence]:
    """Every occurrence in the documents' counted paragraphs (duplicates and boilerplate too
    with `all_paragraphs`), in document and reading order; `families` (ids) keeps only theirs.

    Overlaps are settled among all the matcher's families before `families` filters, so a
    span another family claims with a longer form is never counted for a shorter one.
    """
    out: list[Occurrence] = []
    for doc in documents:
        for para in doc.paragraphs(all_kinds=all_paragraphs):
            for m in matcher.find(para.text):
                if families is None or m.family in families:
                    out.append(Occurrence(doc.id, para.index, m.start, m.end, m.family,
                                          m.label, m.form, para.text[m.start:m.end]))
    return out
