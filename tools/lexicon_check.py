"""Check the shipped (or your own) lexicon, glossary and stopword files; exit 1 on errors.

    python tools/lexicon_check.py                      # the files under resources/
    python tools/lexicon_check.py --lexicon my.tsv --glossary terms.tsv

Errors (exit status 1): a line with the wrong number of tab-separated columns, a file that is not
UTF-8, an empty column or variant, an Arabic form with letters that are not Arabic (or, in the
lexicon, with a space), an English variant with no Latin letter (or, in the lexicon, with a
capital), a glossary id that is not a slug or is used twice, an Arabic or English glossary form
claimed by two ids, a lexicon line repeated (same forms, same translations), a stopword list
with a word of the wrong script. Notes (printed, not errors): lexicon forms listed on several
lines whose translations share no word (the lines are merged, so check they are meant), and
translations that are all English stopwords (they match nothing; see the lexicon's README).

The checker reads the files with its own small parser and folds Arabic as the program does
(`reader.core.arabic.normalise.normalize`: diacritics and tatweel dropped, alef and hamza
forms, ى, ة);
it imports nothing from `reader`, so it runs on a bare Python and survives moves of the code.
A test (tests/tools/test_lexicon_check.py) runs it on the shipped files and checks that its
folding agrees with the program's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
LEXICON = RESOURCES / "lexicon" / "ar-en.tsv"
GLOSSARY = RESOURCES / "glossary" / "ar-en.tsv"
STOPWORDS = {"ar": RESOURCES / "lexicon" / "stopwords-ar.txt",
             "en": RESOURCES / "lexicon" / "stopwords-en.txt"}

GLOSSARY_LAYOUTS: dict[int, tuple[str, ...]] = {
    4: ("id", "ar", "en", "category"), 3: ("id", "ar", "en"), 2: ("ar", "en"),
}
LEXICON_LAYOUTS: dict[int, tuple[str, ...]] = {2: ("ar", "en")}

# what reader.core.arabic.normalise.normalize folds (the digits aside: forms hold none)
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۀ": "ه", "ہ": "ه",
    "ؤ": "و", "ئ": "ي", "ک": "ك", "گ": "ك", "\u0640": None,
})
ARABIC_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]+$")
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_.+\-]*$")
SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """An Arabic form as the program looks it up."""
    return SPACES.sub(" ", DIACRITICS.sub("", text).translate(FOLD)).strip()


@dataclass
class Report:
    """Problems and notes found in the files, and what they hold."""

    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: list[str] = field(default_factory=list)

    def error(self, path: Path, line: int, message: str) -> None:
        self.errors.append(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class Row:
    line: int
    fields: dict[str, str]


def read_rows(path: Path, layouts: dict[int, tuple[str, ...]], report: Report) -> list[Row]:
    """The data lines of a TSV file (comments, blank lines and a header skipped)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report.error(path, 0, f"not UTF-8 ({exc.reason} at byte {exc.start})")
        return []
    except OSError as exc:
        report.error(path, 0, f"cannot read: {exc.strerror}")
        return []
    columns: tuple[str, ...] | None = None
    rows: list[Row] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        # a trailing tab is an accident, not a column
        while len(fields) > (len(columns) if columns else 1) and not fields[-1]:
            fields.pop()
        if columns is None:
            if tuple(f.lower() for f in fields) in layouts.values():
                columns = tuple(f.lower() for f in fields)
                continue
            columns = layouts.get(len(fields))
            if columns is None:
                report.error(path, number, f"{len(fields)} columns; expected {sorted(layouts)}")
                return rows
        if len(fields) != len(columns):
            report.error(path, number, f"{len(fields)} columns, expected {len(columns)}")
            continue
        row = dict(zip(columns, fields, strict=True))
        empty = [name for name, value in row.items() if not value and name != "category"]
        if empty:
            report.error(path, number, f"empty column {', '.join(empty)}")
            continue
        rows.append(Row(number, row))
    if not rows:
        report.error(path, 0, "no entries")
    return rows


def variants(row: Row, column: str, path: Path, report: Report) -> list[str]:
    values = [SPACES.sub(" ", v).strip() for v in row.fields[column].split("|")]
    if any(not v for v in values):
        report.error(path, row.line, f"empty variant in '{column}' ({row.fields[column]!r})")
    return [v for v in values if v]


def check_arabic(form: str, row: Row, path: Path, report: Report, one_word: bool) -> None:
    """A lexicon form is one word of Arabic letters; a glossary form may hold several words,
    digits and punctuation (`كردستان 24`, `العربية.نت`) but no Latin letter."""
    folded = fold(form)
    if one_word and " " in folded:
        report.error(path, row.line, f"Arabic form {form!r} has a space (never found in text)")
        return
    if one_word:
        arabic = ARABIC_WORD.match(folded) is not None
    else:
        arabic = ARABIC_LETTER.search(folded) is not None and LATIN.search(folded) is None
    if not arabic:
        report.error(path, row.line, f"Arabic form {form!r} is not Arabic script")


def check_english(value: str, row: Row, path: Path, report: Report, lower: bool) -> None:
    if not LATIN.search(value):
        report.error(path, row.line, f"English variant {value!r} has no Latin letter")
    elif lower and value != value.lower():
        report.error(path, row.line, f"English variant {value!r} is not lower case")


def stopwords(lang: str) -> set[str]:
    path = STOPWORDS[lang]
    return set(path.read_text(encoding="utf-8").split()) if path.exists() else set()


def check_lexicon(path: Path, report: Report) -> None:
    rows = read_rows(path, LEXICON_LAYOUTS, report)
    stops = stopwords("en")
    seen: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    by_form: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    variant_count = 0
    all_stop = 0
    for row in rows:
        ar = variants(row, "ar", path, report)
        en = variants(row, "en", path, report)
        for form in ar:
            check_arabic(form, row, path, report, one_word=True)
        for value in en:
            check_english(value, row, path, report, lower=True)
        variant_count += len(en)
        keys = tuple(sorted({fold(form) for form in ar}))
        key = (keys, tuple(sorted(en)))
        if key in seen:
            report.error(path, row.line, f"repeats line {seen[key]}")
        seen.setdefault(key, row.line)
        words = frozenset(w for v in en for w in re.findall(r"[a-z']+", v.lower()))
        if words and words <= stops:
            all_stop += 1
        for form_key in keys:
            by_form[form_key].append((row.line, words))
    for form_key, uses in sorted(by_form.items()):
        if len(uses) > 1 and not frozenset.intersection(*(w for _, w in uses)):
            lines = ", ".join(str(line) for line, _ in uses)
            report.notes.append(f"{path}: {form_key} on lines {lines} with no word in common")
    report.counts.append(
        f"{path}: {len(rows)} lines, {sum(len(u) for u in by_form.values())} Arabic forms "
        f"({len(by_form)} distinct after folding), {variant_count} English variants; "
        f"{all_stop} lines whose English is all stopwords"
    )


def check_glossary(path: Path, report: Report) -> None:
    rows = read_rows(path, GLOSSARY_LAYOUTS, report)
    ids: dict[str, int] = {}
    owner_ar: dict[str, str] = {}
    owner_en: dict[str, str] = {}
    categories: Counter[str] = Counter()
    forms = 0
    for row in rows:
        ar = variants(row, "ar", path, report)
        en = variants(row, "en", path, report)
        term = row.fields.get("id") or re.sub(r"[^a-z0-9]+", "-", en[0].lower()).strip("-")
        if "id" in row.fields:
            if not SLUG.match(term):
                report.error(path, row.line, f"id {term!r} is not a slug")
            if term in ids:
                report.error(path, row.line, f"id {term!r} already used on line {ids[term]}")
        ids.setdefault(term, row.line)
        categories[row.fields.get("category") or "term"] += 1
        forms += len(ar) + len(en)
        for form in ar:
            check_arabic(form, row, path, report, one_word=False)
            other = owner_ar.setdefault(fold(form), term)
            if other != term:
                report.error(path, row.line, f"Arabic form {form!r} also belongs to {other!r}")
        for value in en:
            check_english(value, row, path, report, lower=False)
            key = re.sub(r"[\s-]+", " ", value.lower().replace("'", "").replace("’", ""))
            other = owner_en.setdefault(key, term)
            if other != term:
                report.error(path, row.line, f"English form {value!r} also belongs to {other!r}")
    by_category = ", ".join(f"{name} {n}" for name, n in categories.most_common())
    report.counts.append(f"{path}: {len(ids)} entries, {forms} variants ({by_category})")


def check_stopwords(report: Report) -> None:
    for lang, path in STOPWORDS.items():
        words = path.read_text(encoding="utf-8").split()
        for word, n in Counter(words).items():
            if n > 1:
                report.error(path, 0, f"{word!r} listed {n} times")
        script = ARABIC_WORD if lang == "ar" else re.compile(r"^[a-z']+$")
        for word in words:
            if not script.match(fold(word) if lang == "ar" else word):
                report.error(path, 0, f"{word!r} is not a {lang} word")
        report.counts.append(f"{path}: {len(set(words))} words")


def run(lexicons: list[Path], glossaries: list[Path], shipped_stopwords: bool) -> Report:
    report = Report()
    for path in lexicons:
        check_lexicon(path, report)
    for path in glossaries:
        check_glossary(path, report)
    if shipped_stopwords:
        check_stopwords(report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, action="append", default=[],
                        help="a lexicon TSV (ar, en); default: the shipped one")
    parser.add_argument("--glossary", type=Path, action="append", default=[],
                        help="a glossary TSV (id, ar, en, category); default: the shipped one")
    parser.add_argument("--quiet", action="store_true", help="print only errors")
    args = parser.parse_args(argv)
    shipped = not args.lexicon and not args.glossary
    report = run(args.lexicon or ([LEXICON] if shipped else []),
                 args.glossary or ([GLOSSARY] if shipped else []), shipped)
    if not args.quiet:
        for line in report.counts + [f"note: {n}" for n in report.notes]:
            print(line)
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    print(f"{len(report.errors)} error(s), {len(report.notes)} note(s)",
          file=sys.stderr if report.errors else sys.stdout)
    return 1 if report.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
