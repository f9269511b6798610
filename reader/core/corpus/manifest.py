"""The corpus manifest (corpus/corpus.toml): what each built-in text is, and the default pair."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import InputError
from reader.core.files import read_bytes
from reader.core.text.document import Text, load_text
from reader.core.text.language import RTL_LANGUAGES
from reader.resources import CORPUS

MANIFEST_NAME = "corpus.toml"
MANIFEST_VERSION = 1
ROLES = ("original", "translation", "comparable")
DIRECTIONS = ("rtl", "ltr")

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_REQUIRED = ("id", "file", "title", "language", "role")
# Optional string fields of a [[text]] table; "<key>_basis" may say where <key> came from.
_OPTIONAL = ("direction", "translates", "outlet", "source", "date", "kind", "notes")
_PAIR_KEYS = frozenset({"id", "source", "target", "default"})


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """One text of the corpus, as the manifest describes it."""

    id: str
    file: str
    title: str
    language: str
    direction: str
    role: str
    translates: str | None = None
    outlet: str | None = None
    source: str | None = None
    date: str | None = None
    kind: str | None = None
    notes: str | None = None
    # "<field>_basis" notes: where a title or date came from when the file does not print it
    basis: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "file": self.file,
            "title": self.title,
            "language": self.language,
            "direction": self.direction,
            "role": self.role,
        }
        for key in ("translates", "outlet", "source", "date", "kind", "notes"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        for key, value in self.basis.items():
            out[f"{key}_basis"] = value
        return out


@dataclass(frozen=True, slots=True)
class CorpusPair:
    """A source text and its target, by id; `default` marks the pair the program opens first."""

    id: str
    source: str
    target: str
    default: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "default": self.default,
        }


@dataclass(slots=True)
class Corpus:
    """The texts and pairs of a manifest; files are found beside the manifest."""

    manifest: Path
    texts: list[CorpusEntry]
    pairs: list[CorpusPair]

    @property
    def root(self) -> Path:
        return self.manifest.parent

    def get(self, text_id: str) -> CorpusEntry:
        """The entry with this id; InputError if the manifest has none."""
        for entry in self.texts:
            if entry.id == text_id:
                return entry
        known = ", ".join(e.id for e in self.texts)
        raise InputError(f"no text with id '{text_id}' (known: {known})", self.manifest)

    def path_of(self, entry: CorpusEntry | str) -> Path:
        """The file of an entry (or of an id), beside the manifest."""
        if isinstance(entry, str):
            entry = self.get(entry)
        return self.root / entry.file

    def load(self, entry: CorpusEntry | str) -> Text:
        """Read an entry's file as a Text, with the manifest's language."""
        if isinstance(entry, str):
            entry = self.get(entry)
        return load_text(self.path_of(entry), language=entry.language)

    def default_pair(self) -> tuple[CorpusEntry, CorpusEntry]:
        """(source, target) of the pair marked default, else of the first pair."""
        if not self.pairs:
            raise InputError("names no [[pair]] of texts", self.manifest)
        pair = next((p for p in self.pairs if p.default), self.pairs[0])
        return self.get(pair.source), self.get(pair.target)

    def to_json(self) -> dict[str, object]:
        default: dict[str, str] | None = None
        if self.pairs:
            source, target = self.default_pair()
            default = {"source": source.id, "target": target.id}
        return {
            "manifest": str(self.manifest),
            "texts": [e.to_json() for e in self.texts],
            "pairs": [p.to_json() for p in self.pairs],
            "default_pair": default,
        }


def load_manifest(path: str | Path = CORPUS / MANIFEST_NAME) -> Corpus:
    """Read and check a corpus manifest. Raises InputError naming the manifest and the problem."""
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST_NAME
    raw = read_bytes(path, what="corpus manifest")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"is not valid TOML: {exc}", path) from None
    return parse_manifest(data, path)


def parse_manifest(data: dict[str, Any], path: Path) -> Corpus:
    """Build a Corpus from parsed TOML; `path` is the manifest (its folder holds the files)."""
    version = data.get("version", MANIFEST_VERSION)
    if version != MANIFEST_VERSION:
        raise InputError(
            f"has manifest version {version!r}; this program reads version {MANIFEST_VERSION}", path
        )
    unknown = set(data) - {"version", "text", "pair"}
    if unknown:
        raise InputError(f"has unknown top-level keys: {', '.join(sorted(unknown))}", path)
    tables = data.get("text")
    if not isinstance(tables, list) or not tables:
        raise InputError("lists no texts (expected one [[text]] table per file)", path)
    texts: list[CorpusEntry] = []
    for number, table in enumerate(tables, 1):
        entry = _entry(table, number, path)
        if any(e.id == entry.id for e in texts):
            raise InputError(f"text {number}: id '{entry.id}' is used twice", path)
        texts.append(entry)
    by_id = {e.id: e for e in texts}
    for entry in texts:
        _check_translation(entry, by_id, path)
    pair_tables = data.get("pair", [])
    if not isinstance(pair_tables, list):
        raise InputError("'pair' must be a list of [[pair]] tables", path)
    pairs = [_pair(table, number, by_id, path) for number, table in enumerate(pair_tables, 1)]
    if sum(p.default for p in pairs) > 1:
        raise InputError("marks more than one pair as default", path)
    return Corpus(path, texts, pairs)


def _string(table: dict[str, Any], key: str, where: str, path: Path) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if key == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: '{key}' must be a non-empty string", path)
    return value.strip()


def _entry(table: object, number: int, path: Path) -> CorpusEntry:
    if not isinstance(table, dict):
        raise InputError(f"text {number} is not a table", path)
    label = f"text {number}" + (f" ('{table['id']}')" if isinstance(table.get("id"), str) else "")
    for key in _REQUIRED:
        if key not in table:
            raise InputError(f"{label}: missing '{key}'", path)
    basis_keys = {k for k in table if isinstance(k, str) and k.endswith("_basis")}
    unknown = set(table) - set(_REQUIRED) - set(_OPTIONAL) - basis_keys
    if unknown:
        raise InputError(f"{label}: unknown keys: {', '.join(sorted(unknown))}", path)
    fields = {key: _string(table, key, label, path) for key in (*_REQUIRED, *_OPTIONAL)}
    text_id, file, language, role = fields["id"], fields["file"], fields["language"], fields["role"]
    assert text_id and file and language and role  # required, checked above
    if not _ID.match(text_id):
        raise InputError(f"{label}: id must be lower-case letters, digits, '.', '_' or '-'", path)
    if not _LANGUAGE.match(language):
        raise InputError(f"{label}: language '{language}' is not a two- or three-letter code", path)
    if role not in ROLES:
        raise InputError(
            f"{label}: bad role '{role}' (expected original, translation or comparable)", path
        )
    expected = "rtl" if language in RTL_LANGUAGES else "ltr"
    direction = fields["direction"] or expected
    if direction not in DIRECTIONS:
        raise InputError(f"{label}: bad direction '{direction}' (expected rtl or ltr)", path)
    if direction != expected:
        raise InputError(
            f"{label}: direction '{direction}' does not fit language '{language}'", path
        )
    if fields["date"] is not None and not _DATE.match(fields["date"]):
        raise InputError(
            f"{label}: date '{fields['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD", path
        )
    relative = Path(file)
    if relative.is_absolute() or ".." in relative.parts:
        raise InputError(f"{label}: file '{file}' must be a path inside {path.parent}", path)
    if not (path.parent / relative).is_file():
        raise InputError(f"{label}: file '{file}' not found in {path.parent}", path)
    basis = {}
    for key in sorted(basis_keys):
        value = _string(table, key, label, path)
        if value is not None:
            basis[key.removesuffix("_basis")] = value
    return CorpusEntry(
        id=text_id,
        file=file,
        title=fields["title"] or "",
        language=language,
        direction=direction,
        role=role,
        translates=fields["translates"],
        outlet=fields["outlet"],
        source=fields["source"],
        date=fields["date"],
        kind=fields["kind"],
        notes=fields["notes"],
        basis=basis,
    )


def _check_translation(entry: CorpusEntry, by_id: dict[str, CorpusEntry], path: Path) -> None:
    label = f"text '{entry.id}'"
    if entry.role != "translation":
        if entry.translates is not None:
            raise InputError(f"{label}: only a translation names what it 'translates'", path)
        return
    if entry.translates is None:
        raise InputError(f"{label}: a translation must name the id it 'translates'", path)
    original = by_id.get(entry.translates)
    if original is None:
        raise InputError(f"{label}: translates unknown id '{entry.translates}'", path)
    if original.role != "original":
        raise InputError(
            f"{label}: translates '{original.id}', whose role is {original.role}, not original",
            path,
        )


def _pair(table: object, number: int, by_id: dict[str, CorpusEntry], path: Path) -> CorpusPair:
    if not isinstance(table, dict):
        raise InputError(f"pair {number} is not a table", path)
    label = f"pair {number}"
    unknown = set(table) - _PAIR_KEYS
    if unknown:
        raise InputError(f"{label}: unknown keys: {', '.join(sorted(unknown))}", path)
    ids: dict[str, str] = {}
    for key in ("source", "target"):
        value = _string(table, key, label, path)
        if value is None:
            raise InputError(f"{label}: missing '{key}'", path)
        if value not in by_id:
            raise InputError(f"{label}: {key} is unknown id '{value}'", path)
        ids[key] = value
    if ids["source"] == ids["target"]:
        raise InputError(f"{label}: source and target are the same text", path)
    default = table.get("default", False)
    if not isinstance(default, bool):
        raise InputError(f"{label}: 'default' must be true or false", path)
    pair_id = _string(table, "id", label, path) or f"{ids['source']}--{ids['target']}"
    return CorpusPair(pair_id, ids["source"], ids["target"], default)
