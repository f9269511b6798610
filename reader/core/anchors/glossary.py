"""The bilingual glossary: its terms, read from TSV files, and finding them in text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.anchors.glossary_cache import cached_matcher, cached_terms
from reader.core.anchors.term_starts import (
    HeadWords,
    arabic_matches,
    english_hits,
    first_words,
    is_word,
    matches_at,
    places,
)
from reader.core.anchors.trie import trie_regex
from reader.core.anchors.tsv import PAIR_COLUMNS, ar_key, path_key, read_rows, variants
from reader.core.arabic.affixes import (
    ARTICLE,
    ARTICLE_FORMS,
    CONJUNCTIONS,
    GLOSSARY_SUFFIXES,
    PREPOSITIONS,
)
from reader.core.arabic.normalise import DIACRITICS, fold_for_search, letter_runs, original_span
from reader.core.errors import InputError
from reader.resources import resource_path

BUILTIN_GLOSSARY = resource_path("glossary", "ar-en.tsv")
GLOSSARY_COLUMNS = ("id", "ar", "en", "category")
DEFAULT_CATEGORY = "term"
# Entries of this category claim words that look like a term but are not (رئيسي "main" is not
# رئيس "president" + ي): found like any term, then dropped from the results.
IGNORE_CATEGORY = "ignore"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.+\-]*$")
_SPACES = re.compile(r"\s+")


# Arabic: a conjunction, then the article alone or after a preposition (ل + ال is written لل),
# or, before a core the glossary wrote without the article, a preposition alone.
_AR_CONJ = "[" + "".join(CONJUNCTIONS) + "]?"
_AR_WITH_ARTICLE = "(?:" + "|".join(f for f in ARTICLE_FORMS if f[0] not in CONJUNCTIONS) + ")"
_AR_PREPOSITION = "[" + "".join(PREPOSITIONS) + "]?"
# Endings glued to a term that keep it the same term: nisba, plural, dual, feminine, pronouns.
_AR_SUFFIX = "(?:" + "|".join(GLOSSARY_SUFFIXES) + ")?"
_AR_PIECES = (*CONJUNCTIONS, *ARTICLE_FORMS, *PREPOSITIONS, *GLOSSARY_SUFFIXES)

# English: apostrophes and dashes folded to ASCII one for one, so offsets survive.
_EN_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'",
                          "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})
# Whether a text holds one of those: most paragraphs do not, and looking for one costs far less
# than translating character by character.
_EN_FOLDED = re.compile("[" + re.escape("".join(map(chr, _EN_FOLD))) + "]")
_EN_FOLD_PAIRS = tuple((chr(c), str(r)) for c, r in _EN_FOLD.items())


def _en_fold(text: str) -> str:
    """`text.translate(_EN_FOLD)`: one replace per character there (translating with a table
    costs about 50 ns a character; a paragraph holds one or two of these)."""
    for c, r in _EN_FOLD_PAIRS:
        if c in text:
            text = text.replace(c, r)
    return text


_EN_ARTICLE = re.compile(r"^(?:al|el)[\s-]+(?=\S{3})", re.IGNORECASE)
_EN_PREFIX = r"(?:(?i:al|el)[\s-]+)?"
_EN_SUFFIX = r"(?:'s|s'|es|s)?"
# All-capital variants up to this length are acronyms, matched case-sensitively (US is not us).
_ACRONYM = re.compile(r"^[A-Z][A-Z.]{1,7}$")


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a stable id, its Arabic and English variants, a category."""

    id: str
    ar: tuple[str, ...]
    en: tuple[str, ...]
    category: str = DEFAULT_CATEGORY


@dataclass(frozen=True)
class TermMention:
    """A glossary term found in a text; offsets are code points of the original text."""

    term_id: str
    start: int
    end: int
    surface: str


def slug(text: str) -> str:
    """A stable id made from an English name: `Kataib Hezbollah` -> `kataib-hezbollah`."""
    return re.sub(r"[^a-z0-9]+", "-", text.translate(_EN_FOLD).replace("'", "").lower()).strip("-")


def _read_glossary(path: Path) -> list[Term]:
    rows = read_rows(path, {4: GLOSSARY_COLUMNS, 3: GLOSSARY_COLUMNS[:3], 2: PAIR_COLUMNS})
    terms: dict[str, Term] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        ar = variants(row, "ar", path)
        en = variants(row, "en", path)
        if "id" in row.fields:
            term_id = row.fields["id"]
            if not ID_PATTERN.match(term_id):
                raise InputError(
                    f"line {row.line}: id {term_id!r} is not a slug (lower-case a-z, 0-9, -)", path
                )
            if term_id in terms:
                raise InputError(
                    f"line {row.line}: id {term_id!r} already used on line {first_line[term_id]}",
                    path,
                )
        else:
            # two-column user files: the id comes from the English name, so rows naming the same
            # thing merge with each other and with the built-in entry
            term_id = slug(en[0])
            if not term_id:
                raise InputError(f"line {row.line}: cannot make an id from {en[0]!r}", path)
        category = row.fields.get("category") or DEFAULT_CATEGORY
        old = terms.get(term_id)
        if old is not None:
            ar = tuple(dict.fromkeys(old.ar + ar))
            en = tuple(dict.fromkeys(old.en + en))
        terms[term_id] = Term(term_id, ar, en, category)
        first_line.setdefault(term_id, row.line)
    return list(terms.values())


# ---------------------------------------------------------------------------------------------
# building one regular expression per language


def _en_key(text: str) -> str:
    folded = text.translate(_EN_FOLD).replace("'", "")
    return _SPACES.sub(" ", folded.replace("-", " ")).strip().lower()


@dataclass(frozen=True, slots=True)
class _Matcher:
    pattern: re.Pattern[str]
    ids: dict[str, str]  # canonical form of the matched core -> term id
    ignored: frozenset[str]  # ids of category "ignore": matched so they block others, not reported
    key: Callable[[str], str]
    # every word a match can start with, lower case (and al, el), when each match starts a
    # word; None when some term starts otherwise (then the pattern searches every position)
    firsts: frozenset[str] | None = None
    # for a first word all of whose terms go on past it: pieces of text (lower case) one of
    # which each of those terms holds further on ("the" -> "prophet", "guardian", ...)
    further: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Arabic: a pattern whose match of a word tells whether a term may start at it (clitics,
    # then the leading letters of a core); None when some core starts with no word character
    heads: re.Pattern[str] | None = None
    # made of the above: the first words as bytes, and the Arabic words known to start a term
    first_bytes: frozenset[bytes] | None = field(init=False, compare=False)
    head_words: HeadWords | None = field(init=False, compare=False)

    def __post_init__(self) -> None:
        firsts = None if self.firsts is None else frozenset(w.encode() for w in self.firsts)
        object.__setattr__(self, "first_bytes", firsts)
        words = None if self.heads is None else HeadWords(self.heads, self.ids, _AR_PIECES)
        object.__setattr__(self, "head_words", words)


def _arabic_matcher(terms: Iterable[Term]) -> _Matcher | None:
    ids: dict[str, str] = {}
    with_article: dict[str, bool] = {}
    terms = list(terms)
    for term in terms:
        for variant in term.ar:
            core = ar_key(variant)
            first, _, rest = core.partition(" ")
            article = first.startswith(ARTICLE) and len(first) >= 5
            if article:
                core = (first[2:] + " " + rest).strip()
            forms = [core]
            # ة becomes ت before a suffix (حكومته) and gives way to the plural ات (حكومات)
            if DIACRITICS.sub("", variant).rstrip().endswith("ة"):
                forms += [core[:-1] + "ت", core[:-1] + "ات"]
            for form in forms:
                ids[form] = term.id
                # a core needs its article only if every variant spelling it wrote one
                with_article[form] = with_article.get(form, True) and article
    if not ids:
        return None
    def trie(forms: Iterable[str]) -> str:
        return trie_regex([r"\s+" if c == " " else re.escape(c) for c in form] for form in forms)

    bare = [form for form, flag in with_article.items() if not flag]
    # with the article any core may follow; without it, only cores the glossary wrote bare
    branches = [rf"{_AR_CONJ}{_AR_WITH_ARTICLE}(?P<core>{trie(ids)})"]
    if bare:
        branches.append(rf"{_AR_CONJ}{_AR_PREPOSITION}(?P<bare>{trie(bare)})")
    regex = rf"(?<!\w)(?:{'|'.join(branches)}){_AR_SUFFIX}(?!\w)"
    heads = first_words(ids, _AR_PIECES, rf"{_AR_CONJ}(?:{_AR_WITH_ARTICLE}|{_AR_PREPOSITION})",
                        _AR_SUFFIX)
    return _Matcher(re.compile(regex), ids, _ignored(terms), _core_key_ar, heads=heads)


def _ignored(terms: Iterable[Term]) -> frozenset[str]:
    return frozenset(t.id for t in terms if t.category == IGNORE_CATEGORY)


def _english_atoms(text: str) -> list[str]:
    atoms = []
    for c in text:
        if c.isspace() or c == "-":
            atoms.append(r"[\s-]+")
        elif c == "'":
            atoms.append("'?")
        else:
            atoms.append(re.escape(c))
    return atoms


def _english_matcher(terms: Iterable[Term]) -> _Matcher | None:
    terms = list(terms)
    ids: dict[str, str] = {}
    exact: dict[str, list[str]] = {}
    folded: dict[str, list[str]] = {}
    for term in terms:
        for variant in term.en:
            text = _SPACES.sub(" ", variant.translate(_EN_FOLD)).strip()
            text = _EN_ARTICLE.sub("", text)
            if _ACRONYM.match(text):
                exact[text] = _english_atoms(text)
            else:
                folded[text.lower()] = _english_atoms(text.lower())
            ids[_en_key(text)] = term.id
    if not ids:
        return None
    alts = []
    if folded:
        alts.append(f"(?i:{trie_regex(folded.values())})")
    if exact:
        alts.append(trie_regex(exact.values()))
    core = "|".join(alts)
    regex = rf"(?<!\w){_EN_PREFIX}(?P<core>{core}){_EN_SUFFIX}(?!\w)"
    sequences = [*folded.values(), *(_english_atoms(t.lower()) for t in exact)]
    firsts = _first_words(sequences)
    further = _further_pieces(sequences) if firsts is not None else {}
    return _Matcher(re.compile(regex), ids, _ignored(terms), _core_key_en, firsts, further)


def _further_pieces(sequences: Iterable[list[str]]) -> dict[str, tuple[str, ...]]:
    """For each first word whose terms all hold a second word, those words (as far as they
    are plain letters): a text holding none of them is not tried where the first word stands.
    "The", which begins a few names, is in nearly every English paragraph several times."""
    pieces: dict[str, set[str]] = {}
    open_ended = {"al", "el"}  # the article before a name: any term may follow
    for atoms in sequences:
        piece = _second_word(atoms)
        for first in _first_words([atoms]) or ():
            if piece is None:
                open_ended.add(first)
            else:
                pieces.setdefault(first, set()).add(piece)
    return {w: tuple(sorted(p)) for w, p in pieces.items() if w not in open_ended}


def _second_word(atoms: list[str]) -> str | None:
    """The plain letters (ASCII word characters, lower case) that start the term's second
    word, after the first run of white space or dashes; None when the term has none."""
    if r"[\s-]+" not in atoms:
        return None
    letters = []
    for atom in atoms[atoms.index(r"[\s-]+") + 1 :]:
        if len(atom) != 1 or not atom.isascii() or not is_word(atom):
            break
        letters.append(atom.lower())
    return "".join(letters) or None


def _first_words(sequences: Iterable[list[str]]) -> frozenset[str] | None:
    """The words (runs of \\w) an English match may start with, from its terms' atoms: up to
    the first separator, with an optional apostrophe there or not, and with the plural and
    possessive endings when the term ends there. None when a term may start with no word."""
    out = {"al", "el"}  # the optional article before a name
    for atoms in sequences:
        runs = [""]
        done = []
        for atom in atoms:
            if atom == "'?":  # the apostrophe ends the word, or is left out and the word goes on
                done += runs
            elif len(atom) == 1 and is_word(atom):  # re.escape leaves \\w characters alone
                runs = [r + atom for r in runs]
                continue
            else:  # a separator or a sign: the word ends before it
                done += runs
                runs = []
                break
        for r in runs:  # the whole term is one word: its endings may follow
            done += [r, r + "s", r + "es"]
        if "" in done or any(map(_may_fold_to_ascii, "".join(done))):
            return None
        # a word with other letters matches only a text with such letters, which is searched
        # everywhere
        out.update(d.lower() for d in done if d.isascii())
    return frozenset(out)


def _may_fold_to_ascii(c: str) -> bool:
    """Whether a letter beyond ASCII may match an ASCII one when case is ignored (ſ matches s,
    the Kelvin sign k, ı i)."""
    return not c.isascii() and any(
        any(map(str.isascii, x)) for x in (c.lower(), c.upper(), c.casefold())
    )


def _core_key_ar(core: str) -> str:
    return " ".join(core.split())


def _core_key_en(core: str) -> str:
    return " ".join(core.replace("'", "").replace("-", " ").split()).lower()


# ---------------------------------------------------------------------------------------------
# public API


class Glossary:
    """Glossary terms and a matcher per language; build with `Glossary.load`."""

    def __init__(self, terms: Iterable[Term], paths: tuple[Path, ...] = ()) -> None:
        self._terms: dict[str, Term] = {t.id: t for t in terms}
        self.paths = paths
        self._matchers: dict[str, _Matcher | None] = {}

    @classmethod
    def load(cls, paths: Iterable[Path] = (), include_builtin: bool = True) -> Glossary:
        """The built-in glossary (unless excluded) extended by user files; same ids merge."""
        paths = tuple(Path(p) for p in paths)
        return _load_glossary(path_key(paths, include_builtin, BUILTIN_GLOSSARY), paths,
                              include_builtin)

    @property
    def terms(self) -> Mapping[str, Term]:
        return self._terms

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._terms

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def find_terms(self, text: str, lang: str) -> list[TermMention]:
        """Glossary terms in `text`, leftmost-longest and non-overlapping, in text order.

        An Arabic mention spans the whole word(s) with their clitics (`والعراق`); an English one
        includes an `al-` before the name and a plural or possessive ending (`Iraq's`).
        """
        language = lang.split("-")[0].lower()
        if language not in ("ar", "en"):
            raise ValueError(f"glossary languages are 'ar' and 'en', not {lang!r}")
        matcher = self._matcher(language)
        if matcher is None or not text:
            return []
        index: Sequence[int] | None = None
        if language == "ar":
            haystack, index = fold_for_search(text)
        else:
            # (in ASCII text only the backquote folds: a substring test, not the pattern)
            folds = "`" in text if text.isascii() else _EN_FOLDED.search(text) is not None
            haystack = _en_fold(text) if folds else text
        mentions: list[TermMention] = []
        ids, key, ignored = matcher.ids, matcher.key, matcher.ignored
        for m in _matches(matcher, haystack):
            groups = m.groupdict()
            core = groups["core"] or groups.get("bare") or ""
            term_id = ids.get(key(core))
            if term_id is None or term_id in ignored:
                continue
            start, end = m.span()
            if index is not None:
                start, end = original_span(index, start, end, len(text))
            mentions.append(TermMention(term_id, start, end, text[start:end]))
        return mentions

    def _matcher(self, language: str) -> _Matcher | None:
        if language not in self._matchers:
            build = _arabic_matcher if language == "ar" else _english_matcher
            key = _core_key_ar if language == "ar" else _core_key_en
            self._matchers[language] = cached_matcher(  # the regex's compile is kept
                language, list(self._terms.values()), lambda: build(self._terms.values()),
                lambda pattern, ids, ignored, firsts, further, heads: _Matcher(
                    pattern, ids, ignored, key, firsts, further, heads))
        return self._matchers[language]


def _matches(matcher: _Matcher, haystack: str) -> Iterable[re.Match[str]]:
    """`matcher.pattern.finditer(haystack)`, tried only where a word a term may start with
    starts when that is known (most words start no term, and the pattern tries every place).

    English words are compared in lower case, which is what the pattern's case folding does on
    ASCII letters; a text with other letters is searched everywhere. Arabic words are tried
    by the heads pattern once each (`term_starts.HeadWords`).
    """
    if matcher.head_words is not None:
        return arabic_matches(matcher.pattern, matcher.head_words, haystack, letter_runs)
    if matcher.first_bytes is None:
        return matcher.pattern.finditer(haystack)
    hits = english_hits(matcher.first_bytes, haystack)
    if hits is None:
        return matcher.pattern.finditer(haystack)
    if not hits:
        return []
    return matches_at(matcher.pattern, haystack, places(haystack.lower(), hits, matcher.further))


@functools.lru_cache(maxsize=16)
def _load_glossary(
    key: tuple[Any, ...], paths: tuple[Path, ...], include_builtin: bool
) -> Glossary:
    files = ((BUILTIN_GLOSSARY,) if include_builtin else ()) + paths
    merged: dict[str, Term] = {}
    for path in files:
        for term in cached_terms(path, _read_glossary, Term):  # parsed once per file
            old = merged.get(term.id)
            if old is not None:
                term = Term(
                    term.id,
                    tuple(dict.fromkeys(old.ar + term.ar)),
                    tuple(dict.fromkeys(old.en + term.en)),
                    term.category if term.category != DEFAULT_CATEGORY else old.category,
                )
            merged[term.id] = term
    return Glossary(merged.values(), files)

