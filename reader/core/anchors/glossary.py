"""Bilingual glossary and lexicon: loading their TSV files and finding glossary terms in text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core import arabic
from reader.core.arabic import fold_for_search, normalize, original_span
from reader.core.errors import InputError
from reader.core.files import read_bytes
from reader.resources import resource_path

BUILTIN_GLOSSARY = resource_path("glossary", "ar-en.tsv")
BUILTIN_LEXICON = resource_path("lexicon", "ar-en.tsv")
# A glossary or lexicon this large is a wrong pick, not a word list.
MAX_FILE_BYTES = 50 * 1024 * 1024

GLOSSARY_COLUMNS = ("id", "ar", "en", "category")
PAIR_COLUMNS = ("ar", "en")
DEFAULT_CATEGORY = "term"
# Entries of this category claim words that look like a term but are not (رئيسي "main" is not
# رئيس "president" + ي): found like any term, then dropped from the results.
IGNORE_CATEGORY = "ignore"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.+\-]*$")

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]")
_SPACES = re.compile(r"\s+")

# Arabic: conjunction, then a preposition and/or the article (ل + ال is written لل).
_AR_CONJ = "[وف]?"
_AR_WITH_ARTICLE = "(?:[بك]?ال|لل)"
# Endings glued to a term that keep it the same term: nisba, plural, dual, feminine, pronouns
# (all after normalize, so ة is ه).  Longest first so the regex prefers them.
_AR_SUFFIXES = (
    "يين", "يون", "يات", "هما", "يه", "ين", "ون", "ان", "ات", "ها", "هم", "كم", "نا", "ي", "ه",
)
_AR_SUFFIX = "(?:" + "|".join(_AR_SUFFIXES) + ")?"
_ARTICLE = "ال"

# English: apostrophes and dashes folded to ASCII one for one, so offsets survive.
_EN_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'",
                          "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})
# Whether a text holds one of those: most paragraphs do not, and looking for one costs far less
# than translating character by character.
_EN_FOLDED = re.compile("[" + re.escape("".join(map(chr, _EN_FOLD))) + "]")
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


# ---------------------------------------------------------------------------------------------
# reading TSV files


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    fields: dict[str, str]


def _decode(path: Path) -> str:
    raw = read_bytes(path, what="TSV word list", max_bytes=MAX_FILE_BYTES)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("line 1: broken UTF-16 text", path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"line {line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", path
        ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(f"line {line}: binary data (NUL byte), not a TSV file", path)
    return text


def _read_rows(path: Path, layouts: Mapping[int, tuple[str, ...]]) -> list[_Row]:
    """Rows of a TSV file as column-name -> value, after checking the column count of each line.

    `layouts` maps an accepted column count to its column names; a header line naming one of the
    layouts is optional, otherwise the first data line's column count picks the layout.
    """
    text = _decode(path)
    columns: tuple[str, ...] | None = None
    rows: list[_Row] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if columns is None:
            lowered = tuple(f.lower() for f in fields)
            if lowered in layouts.values():
                columns = lowered
                continue
            columns = layouts.get(len(fields))
            if columns is None:
                expected = " or ".join(
                    f"{n} ({', '.join(names)})" for n, names in sorted(layouts.items())
                )
                raise InputError(
                    f"line {number}: {len(fields)} tab-separated column(s); expected {expected}",
                    path,
                )
        # a trailing tab is an accident, not a column
        while len(fields) > len(columns) and not fields[-1]:
            fields.pop()
        if len(fields) != len(columns):
            problem = "missing column" if len(fields) < len(columns) else "too many columns"
            raise InputError(
                f"line {number}: {problem}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(fields)}",
                path,
            )
        for name, value in zip(columns, fields, strict=True):
            if not value and name != "category":
                raise InputError(f"line {number}: empty '{name}' column", path)
        rows.append(_Row(number, dict(zip(columns, fields, strict=True))))
    if not rows:
        raise InputError("no entries (the file is empty or holds only comments)", path)
    return rows


def _variants(row: _Row, column: str, path: Path) -> tuple[str, ...]:
    spaced = (_SPACES.sub(" ", v).strip() for v in row.fields[column].split("|"))
    values = tuple(v for v in dict.fromkeys(spaced) if v)
    if not values:
        raise InputError(f"line {row.line}: no variant in the '{column}' column", path)
    check = _ARABIC_LETTER if column == "ar" else _LATIN_WORD
    for value in values:
        if not check.search(normalize(value) if column == "ar" else value):
            script = "Arabic letters" if column == "ar" else "Latin letters or digits"
            raise InputError(f"line {row.line}: '{column}' variant {value!r} has no {script}", path)
    return values


def slug(text: str) -> str:
    """A stable id made from an English name: `Kataib Hezbollah` -> `kataib-hezbollah`."""
    return re.sub(r"[^a-z0-9]+", "-", text.translate(_EN_FOLD).replace("'", "").lower()).strip("-")


def _read_glossary(path: Path) -> list[Term]:
    rows = _read_rows(path, {4: GLOSSARY_COLUMNS, 3: GLOSSARY_COLUMNS[:3], 2: PAIR_COLUMNS})
    terms: dict[str, Term] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        ar = _variants(row, "ar", path)
        en = _variants(row, "en", path)
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


def _read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    entries: dict[str, tuple[str, ...]] = {}
    for row in _read_rows(path, {2: PAIR_COLUMNS}):
        en = _variants(row, "en", path)
        for ar in _variants(row, "ar", path):
            key = _ar_key(ar)
            entries[key] = tuple(dict.fromkeys(entries.get(key, ()) + en))
    return entries


def _path_key(paths: Iterable[Path], include_builtin: bool, builtin: Path) -> tuple[Any, ...]:
    """A cache key that changes when a file is edited, so an edited user file is reread."""
    chosen = ([builtin] if include_builtin else []) + [Path(p) for p in paths]
    key: list[tuple[str, int, int]] = []
    for p in chosen:
        try:
            st = p.stat()
            key.append((str(p.resolve()), st.st_mtime_ns, st.st_size))
        except OSError:
            key.append((str(p), -1, -1))  # reading it will raise the proper InputError
    return tuple(key)


# ---------------------------------------------------------------------------------------------
# building one regular expression per language


def _ar_key(text: str) -> str:
    return _SPACES.sub(" ", normalize(text)).strip()


def _en_key(text: str) -> str:
    folded = text.translate(_EN_FOLD).replace("'", "")
    return _SPACES.sub(" ", folded.replace("-", " ")).strip().lower()


def _trie_regex(sequences: Iterable[list[str]]) -> str:
    """One regex alternation, shaped as a trie, matching any sequence of regex atoms.

    Alternatives at a node share their prefix, so the engine tests each character once instead of
    once per term; an optional tail is greedy, so the longest term wins at a position.
    """
    trie: dict[str, Any] = {}
    for atoms in sequences:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [atom + emit(child) for atom, child in node.items() if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class _Matcher:
    pattern: re.Pattern[str]
    ids: dict[str, str]  # canonical form of the matched core -> term id
    ignored: frozenset[str]  # ids of category "ignore": matched so they block others, not reported
    key: Callable[[str], str]


def _arabic_matcher(terms: Iterable[Term]) -> _Matcher | None:
    ids: dict[str, str] = {}
    with_article: dict[str, bool] = {}
    terms = list(terms)
    for term in terms:
        for variant in term.ar:
            core = _ar_key(variant)
            first, _, rest = core.partition(" ")
            article = first.startswith(_ARTICLE) and len(first) >= 5
            if article:
                core = (first[2:] + " " + rest).strip()
            forms = [core]
            # ة becomes ت before a suffix (حكومته) and gives way to the plural ات (حكومات)
            if arabic.DIACRITICS.sub("", variant).rstrip().endswith("ة"):
                forms += [core[:-1] + "ت", core[:-1] + "ات"]
            for form in forms:
                ids[form] = term.id
                # a core needs its article only if every variant spelling it wrote one
                with_article[form] = with_article.get(form, True) and article
    if not ids:
        return None
    def trie(forms: Iterable[str]) -> str:
        return _trie_regex([r"\s+" if c == " " else re.escape(c) for c in form] for form in forms)

    bare = [form for form, flag in with_article.items() if not flag]
    # with the article any core may follow; without it, only cores the glossary wrote bare
    branches = [rf"{_AR_CONJ}{_AR_WITH_ARTICLE}(?P<core>{trie(ids)})"]
    if bare:
        branches.append(rf"{_AR_CONJ}[بكل]?(?P<bare>{trie(bare)})")
    regex = rf"(?<!\w)(?:{'|'.join(branches)}){_AR_SUFFIX}(?!\w)"
    return _Matcher(re.compile(regex), ids, _ignored(terms), _core_key_ar)


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
        alts.append(f"(?i:{_trie_regex(folded.values())})")
    if exact:
        alts.append(_trie_regex(exact.values()))
    core = "|".join(alts)
    regex = rf"(?<!\w){_EN_PREFIX}(?P<core>{core}){_EN_SUFFIX}(?!\w)"
    return _Matcher(re.compile(regex), ids, _ignored(terms), _core_key_en)


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
        return _load_glossary(_path_key(paths, include_builtin, BUILTIN_GLOSSARY), paths,
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
        index: list[int] | None = None
        if language == "ar":
            haystack, index = fold_for_search(text)
        else:
            haystack = text.translate(_EN_FOLD) if _EN_FOLDED.search(text) else text
        mentions: list[TermMention] = []
        ids, key, ignored = matcher.ids, matcher.key, matcher.ignored
        for m in matcher.pattern.finditer(haystack):
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
            self._matchers[language] = build(self._terms.values())
        return self._matchers[language]


@functools.lru_cache(maxsize=16)
def _load_glossary(
    key: tuple[Any, ...], paths: tuple[Path, ...], include_builtin: bool
) -> Glossary:
    files = ((BUILTIN_GLOSSARY,) if include_builtin else ()) + paths
    merged: dict[str, Term] = {}
    for path in files:
        for term in _read_glossary(path):
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


_PROCLITICS = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
               "وب", "ول", "وك", "فب", "فل", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س")
_ENCLITICS = ("كما", "هما", "كم", "كن", "هم", "هن", "ها", "نا", "ني", "ه", "ي", "ك")
# plural and dual endings, وا of verbs, ه of ة, and the alef that carries tanween (عامًا)
_ENDINGS = ("ات", "ون", "ين", "ان", "وا", "ه", "ا")
# The tails (enclitics, then endings) by their last letter and the proclitics by their first,
# each in its order: a word need only be tested for those that share its last or first letter.
_TAILS_ENDING_IN = {
    letter: tuple(t for t in _ENCLITICS + _ENDINGS if t[-1] == letter)
    for letter in {t[-1] for t in _ENCLITICS + _ENDINGS}
}
_PROCLITICS_STARTING_WITH = {
    letter: tuple(p for p in _PROCLITICS if p[0] == letter)
    for letter in {p[0] for p in _PROCLITICS}
}


# Fewer letters than this left by an ending or a clitic are not a stem: two-letter words are
# too often the accident of a stripped letter (معين is not مع "with" + ين, حياة not حي + ا).
_MIN_STEM = 3
# ... except before a pronoun (يدي, أمي, فمك) or after و ف ب (بكل, ومخ), which leave common
# two-letter words (يد, أم, فم, كل); ه is left out, a ta marbuta as often (مدة is not مد + ه),
# and so are ك ل and the article (كلم is not ك + لم, لكم not ل + كم, والآن not وال + أن).
_TWO_LETTER_TAILS = frozenset(_ENCLITICS) - {"ه"}
_TWO_LETTER_HEADS = frozenset({"و", "ف", "ب", "وب", "فب"})


def _clitic_candidates(token: str) -> list[str]:
    """Stems to try for a token not in the lexicon as is, the likelier readings first.

    Endings alone go first (بيتهم is بيت + هم before it is ب + يتهم), then proclitics alone,
    then both; each leaves at least 3 letters (2 before a pronoun or after و ف ب), a final ا
    goes as the alef that carries tanween (عامًا -> عام), and لل stands for ل + the article
    (للمسيح -> المسيح). It over-generates on purpose: a candidate only counts if the lexicon
    holds it.
    """
    return list(dict.fromkeys(_iter_clitic_candidates(token)))


def _tails(word: str) -> Iterator[str]:
    for tail in _TAILS_ENDING_IN.get(word[-1:], ()):
        stem = word[: -len(tail)]
        if not word.endswith(tail) or len(stem) < (2 if tail in _TWO_LETTER_TAILS else _MIN_STEM):
            continue
        if tail == "ا" and stem.endswith("ا"):
            continue
        yield stem
        if stem.endswith("ت"):
            yield stem[:-1] + "ه"  # مدينتها -> مدينة
        elif tail in ("ات", "ان", "ين"):
            yield stem + "ه"  # حكومات -> حكومة


def _iter_clitic_candidates(token: str) -> Iterator[str]:
    """`_clitic_candidates` one at a time, repeats and all (the lexicon stops at the first
    it holds)."""
    yield from _tails(token)
    heads = [
        token[len(p) :]
        for p in _PROCLITICS_STARTING_WITH.get(token[:1], ())
        if token.startswith(p)
        and len(token) - len(p) >= (2 if p in _TWO_LETTER_HEADS else _MIN_STEM)
    ]
    if token.startswith("لل") and token[2:] in heads:
        heads.insert(heads.index(token[2:]) + 1, "ا" + token[1:])
    yield from heads
    for head in heads:
        yield from _tails(head)


class Lexicon:
    """A general Arabic-English word list keyed on normalised Arabic; build with `Lexicon.load`."""

    def __init__(
        self, entries: Mapping[str, tuple[str, ...]], paths: tuple[Path, ...] = ()
    ) -> None:
        self._entries = dict(entries)
        self.paths = paths
        self._stem_cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(cls, paths: Iterable[Path] = (), include_builtin: bool = True) -> Lexicon:
        """The built-in lexicon (unless excluded) extended by user files; same words merge."""
        paths = tuple(Path(p) for p in paths)
        return _load_lexicon(_path_key(paths, include_builtin, BUILTIN_LEXICON), paths,
                             include_builtin)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, ar: object) -> bool:
        return isinstance(ar, str) and _ar_key(ar) in self._entries

    @property
    def entries(self) -> Mapping[str, tuple[str, ...]]:
        return self._entries

    @functools.cached_property
    def stemmer(self) -> arabic.Stemmer:
        """The light stemmer that reads words by this lexicon's forms (made once, kept)."""
        return arabic.Stemmer(self._entries)

    def translations(self, ar_token: str) -> tuple[str, ...]:
        """English translations of an Arabic word: as written, else with its clitics stripped."""
        key = _ar_key(ar_token)
        found = self._entries.get(key)
        if found is not None:
            return found
        cached = self._stem_cache.get(key)
        if cached is None:
            entries = self._entries
            cached = next((entries[c] for c in _stem_candidates(key) if c in entries), ())
            self._stem_cache[key] = cached
        return cached


def _stem_candidates(key: str) -> Iterator[str]:
    """The stems `Lexicon.translations` tries for a word it does not hold, in turn: the clitic
    candidates, then the shared light stemmer's (it strips a proclitic before an ending:
    بيتهم -> يتهم), last the word with the article, for the names and nouns listed with it
    (المكسيك); the word itself is none of them (nor, so, in the lexicon)."""
    yield from _iter_clitic_candidates(key)
    yield arabic.strip_clitics(key)
    yield "ال" + key


@functools.lru_cache(maxsize=16)
def _load_lexicon(key: tuple[Any, ...], paths: tuple[Path, ...], include_builtin: bool) -> Lexicon:
    files = ((BUILTIN_LEXICON,) if include_builtin else ()) + paths
    merged: dict[str, tuple[str, ...]] = {}
    for path in files:
        for ar, en in _read_lexicon(path).items():
            merged[ar] = tuple(dict.fromkeys(merged.get(ar, ()) + en))
    return Lexicon(merged, files)
