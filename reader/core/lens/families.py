"""Term families: labels for one referent, with their forms, as JSON files (resources/lenses)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.annotate.codebooks import _check_id, _check_text
from reader.core.errors import InputError
from reader.core.files import atomic_write_text, read_json
from reader.resources import resource_path

FORMAT = "parallel-reader-lens"
FORMAT_VERSION = 1
BUILTIN_DIR = resource_path("lenses")
SCHEMA_FILE = BUILTIN_DIR / "lens.schema.json"
LANGUAGES = ("ar", "en")
# A family file larger than this is not a family; refusing it keeps a bad pick harmless.
MAX_FAMILY_BYTES = 5 * 1024 * 1024


class FamilyError(InputError):
    """A term family file that cannot be used: `'<file>: <problem>'`."""


@dataclass(frozen=True, slots=True)
class Label:
    """One way of naming the family's referent; `note` says what choosing it signals."""

    id: str
    name: str
    note: str
    forms_ar: tuple[str, ...] = ()
    forms_en: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return self.forms_ar + self.forms_en

    def to_json(self) -> dict[str, Any]:
        forms = {lang: list(f) for lang, f in (("ar", self.forms_ar), ("en", self.forms_en)) if f}
        return {"id": self.id, "name": self.name, "note": self.note, "forms": forms}


@dataclass(frozen=True, slots=True)
class TermFamily:
    """Labels competing for one referent (who governs, the armed groups, the events …).

    `source` is the file it was read from; `builtin` whether the program ships it.
    """

    id: str
    name: str
    note: str
    labels: tuple[Label, ...]
    source: Path | None = field(default=None, compare=False)
    builtin: bool = field(default=False, compare=False)

    def label(self, label_id: str) -> Label | None:
        """The label with this id, or None."""
        for label in self.labels:
            if label.id == label_id:
                return label
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "id": self.id,
            "name": self.name,
            "note": self.note,
            "labels": [label.to_json() for label in self.labels],
        }


def validate_family(data: object) -> list[str]:
    """Every problem with a parsed family document, as readable sentences (empty when valid)."""
    if not isinstance(data, Mapping):
        return ["the file must hold a JSON object, not " + type(data).__name__]
    problems: list[str] = []
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append(f"'format' is {fmt!r}; expected {FORMAT!r}")
    version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        problems.append(
            f"'format_version' is {version!r}; this program reads format version {FORMAT_VERSION}"
        )
    _check_id(data, "id", "the family", problems)
    _check_text(data, "name", "the family", problems, required=True)
    _check_text(data, "note", "the family", problems, required=False)
    labels = data.get("labels")
    if not isinstance(labels, list) or not labels:
        problems.append("'labels' must be a non-empty list of labels")
        return problems
    seen: set[str] = set()
    forms_seen: dict[str, str] = {}
    for n, label in enumerate(labels, 1):
        where = f"label {n}"
        if not isinstance(label, Mapping):
            problems.append(f"{where} must be a JSON object")
            continue
        if _check_id(label, "id", where, problems):
            where = f"label {n} ({label['id']})"
            if label["id"] in seen:
                problems.append(f"{where}: the id is used twice")
            seen.add(label["id"])
        _check_text(label, "name", where, problems, required=True)
        _check_text(label, "note", where, problems, required=True)
        _check_forms(label.get("forms"), where, forms_seen, problems)
    return problems


def _check_forms(
    forms: object, where: str, seen: dict[str, str], problems: list[str]
) -> None:
    if not isinstance(forms, Mapping) or not forms:
        problems.append(f"{where}: 'forms' must be an object of lists, e.g. "
                        '{"ar": ["النظام"], "en": ["regime"]}')
        return
    unknown = sorted(set(forms) - set(LANGUAGES))
    if unknown:
        problems.append(f"{where}: 'forms' has {', '.join(map(repr, unknown))}; "
                        f"the languages are {', '.join(LANGUAGES)}")
    count = 0
    for lang in LANGUAGES:
        values = forms.get(lang, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(f"{where}: 'forms.{lang}' must be a list of strings")
            continue
        for value in values:
            if not any(c.isalnum() for c in value):
                problems.append(f"{where}: the form {value!r} has no letter or digit")
                continue
            key = " ".join(value.casefold().split())
            if key in seen:
                problems.append(f"{where}: the form {value!r} is also a form of {seen[key]}")
            seen[key] = where
            count += 1
    if count == 0:
        problems.append(f"{where}: give at least one form")


def family_from_json(
    data: object, *, path: Path | None = None, builtin: bool = False
) -> TermFamily:
    """Build a TermFamily from parsed JSON; raises FamilyError listing every problem."""
    problems = validate_family(data)
    if problems:
        raise FamilyError("not a valid term family: " + "; ".join(problems), path)
    assert isinstance(data, Mapping)
    labels = tuple(
        Label(
            id=item["id"],
            name=item["name"].strip(),
            note=item["note"].strip(),
            forms_ar=tuple(" ".join(f.split()) for f in item["forms"].get("ar", ())),
            forms_en=tuple(" ".join(f.split()) for f in item["forms"].get("en", ())),
        )
        for item in data["labels"]
    )
    return TermFamily(
        id=data["id"], name=data["name"].strip(), note=(data.get("note") or "").strip(),
        labels=labels, source=path, builtin=builtin,
    )


def load_family(path: str | Path, *, builtin: bool = False) -> TermFamily:
    """Read and validate a family file; raises FamilyError naming the file and the problem."""
    path = Path(path)
    data = read_json(path, what="term family file", max_bytes=MAX_FAMILY_BYTES,
                     error=FamilyError)
    return family_from_json(data, path=path, builtin=builtin)


def save_family(family: TermFamily, path: str | Path) -> Path:
    """Write a family as JSON atomically (temporary file, then replace); returns the path."""
    path = Path(path)
    problems = validate_family(family.to_json())
    if problems:
        raise FamilyError("not a valid term family: " + "; ".join(problems), path)
    atomic_write_text(path, json.dumps(family.to_json(), ensure_ascii=False, indent=2) + "\n")
    return path


def user_family_dir() -> Path:
    """Where a user's own families live (inside the platform's user data folder)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("parallel-reader", appauthor=False)) / "lenses"


def _family_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".schema.json"))


def builtin_families() -> list[TermFamily]:
    """The families the program ships, in file order (actors, armed groups, events, …)."""
    return [load_family(p, builtin=True) for p in _family_files(BUILTIN_DIR)]


def load_families(
    user_dir: str | Path | None = None,
    *,
    extra: Iterable[str | Path] = (),
    errors: list[FamilyError] | None = None,
) -> list[TermFamily]:
    """Shipped families, then the valid ones in `user_dir` (default: user_family_dir()), then
    the `extra` files (which must all be valid: a file named on purpose fails loudly).

    A broken user file does not hide the others: its error goes to `errors` when given. A
    family with the id of one listed before it replaces it (an edited copy), in its place.
    """
    folder = Path(user_dir) if user_dir is not None else user_family_dir()
    found: dict[str, TermFamily] = {f.id: f for f in builtin_families()}
    for path in _family_files(folder):
        try:
            family = load_family(path)
        except FamilyError as exc:
            if errors is not None:
                errors.append(exc)
            continue
        found[family.id] = family
    for extra_path in extra:
        family = load_family(extra_path)
        found[family.id] = family
    return list(found.values())


def find_family(families: Sequence[TermFamily], name: str) -> TermFamily:
    """The family whose id or name is `name` (case does not matter); InputError naming the
    known ones otherwise."""
    wanted = name.strip().casefold()
    for family in families:
        if wanted in (family.id.casefold(), family.name.casefold()):
            return family
    known = ", ".join(f.id for f in families)
    raise InputError(f"no term family {name!r} (known: {known})")


def find_label(family: TermFamily, name: str) -> Label | None:
    """The label of `family` whose id or name is `name` (case does not matter), or None."""
    wanted = name.strip().casefold()
    for label in family.labels:
        if wanted in (label.id.casefold(), label.name.casefold()):
            return label
    return None


def find_term(
    families: Sequence[TermFamily], term: str, family: TermFamily | None = None
) -> tuple[TermFamily | None, Label | None]:
    """What a concordance's TERM names: (family, None) for a family's id or name, (family,
    label) for a label's, (None, None) for neither: a free term. Inside `family` when given
    (there a TERM naming none of its labels is an error); a label name that several families
    have is an InputError asking which."""
    if family is not None:
        if term.strip().casefold() in (family.id.casefold(), family.name.casefold(), "all"):
            return family, None
        label = find_label(family, term)
        if label is None:
            known = ", ".join(lab.id for lab in family.labels)
            raise InputError(f"family {family.id!r} has no label {term!r} (its labels: {known})")
        return family, label
    wanted = term.strip().casefold()
    for f in families:
        if wanted in (f.id.casefold(), f.name.casefold()):
            return f, None
    hits = [(f, lab) for f in families if (lab := find_label(f, term)) is not None]
    if len(hits) > 1:
        names = ", ".join(f.id for f, _ in hits)
        raise InputError(f"{term!r} is a label of several families ({names}); "
                         "name one with --family, or search the word with --free")
    return hits[0] if hits else (None, None)
