"""Codebooks: named sets of tags with definitions, as JSON files (resources/codebooks/README.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import InputError
from reader.core.files import atomic_write_text, read_json
from reader.resources import resource_path

FORMAT = "parallel-reader-codebook"
FORMAT_VERSION = 1
BUILTIN_DIR = resource_path("codebooks")
SCHEMA_FILE = BUILTIN_DIR / "codebook.schema.json"

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./+\-]{0,127}$")
COLOUR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
# A codebook file larger than this is not a codebook; refusing it keeps a bad pick harmless.
MAX_CODEBOOK_BYTES = 5 * 1024 * 1024


class CodebookError(InputError):
    """A codebook file that cannot be used: `'<file>: <problem>'`."""


@dataclass(frozen=True, slots=True)
class Tag:
    """One tag of a codebook; `definition` is what the UI shows beside the label."""

    id: str
    label: str
    definition: str
    examples: tuple[str, ...] = ()
    colour: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "label": self.label, "definition": self.definition}
        if self.examples:
            out["examples"] = list(self.examples)
        if self.colour:
            out["colour"] = self.colour
        return out


@dataclass(frozen=True, slots=True)
class Codebook:
    """A codebook; `path` is where it was read from, `builtin` whether the program ships it."""

    id: str
    name: str
    version: str
    tags: tuple[Tag, ...]
    description: str = ""
    source: str = ""
    language: str = "en"
    path: Path | None = field(default=None, compare=False)
    builtin: bool = field(default=False, compare=False)

    def tag(self, tag_id: str) -> Tag | None:
        """The tag with this id, or None."""
        for tag in self.tags:
            if tag.id == tag_id:
                return tag
        return None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "id": self.id,
            "name": self.name,
            "version": self.version,
        }
        if self.description:
            out["description"] = self.description
        if self.source:
            out["source"] = self.source
        out["language"] = self.language
        out["tags"] = [t.to_json() for t in self.tags]
        return out


def validate_codebook(data: object) -> list[str]:
    """Every problem with a parsed codebook document, as readable sentences (empty when valid)."""
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
    _check_id(data, "id", "the codebook", problems)
    for key in ("name", "version"):
        _check_text(data, key, "the codebook", problems, required=True)
    for key in ("description", "source", "language"):
        _check_text(data, key, "the codebook", problems, required=False)
    tags = data.get("tags")
    if not isinstance(tags, list) or not tags:
        problems.append("'tags' must be a non-empty list of tags")
        return problems
    seen: set[str] = set()
    for n, tag in enumerate(tags, 1):
        where = f"tag {n}"
        if not isinstance(tag, Mapping):
            problems.append(f"{where} must be a JSON object")
            continue
        if _check_id(tag, "id", where, problems):
            where = f"tag {n} ({tag['id']})"
            if tag["id"] in seen:
                problems.append(f"{where}: the id is used twice")
            seen.add(tag["id"])
        _check_text(tag, "label", where, problems, required=True)
        _check_text(tag, "definition", where, problems, required=True)
        examples = tag.get("examples", [])
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            problems.append(f"{where}: 'examples' must be a list of strings")
        colour = tag.get("colour")
        if colour is not None and not (isinstance(colour, str) and COLOUR_PATTERN.match(colour)):
            problems.append(f"{where}: 'colour' must look like #1f77b4, not {colour!r}")
    return problems


def _check_id(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> bool:
    value = data.get(key)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        problems.append(
            f"{where}: '{key}' must be letters, digits and _ . / + - (starting with a letter "
            f"or digit), not {value!r}"
        )
        return False
    return True


def _check_text(
    data: Mapping[str, Any], key: str, where: str, problems: list[str], *, required: bool
) -> None:
    value = data.get(key)
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}: '{key}' must be {'a non-empty' if required else 'a'} string")


def codebook_from_json(
    data: object, *, path: Path | None = None, builtin: bool = False
) -> Codebook:
    """Build a Codebook from parsed JSON; raises CodebookError listing every problem."""
    problems = validate_codebook(data)
    if problems:
        raise CodebookError("not a valid codebook: " + "; ".join(problems), path)
    assert isinstance(data, Mapping)
    tags = tuple(
        Tag(
            id=t["id"],
            label=t["label"].strip(),
            definition=t["definition"].strip(),
            examples=tuple(t.get("examples", ())),
            colour=t.get("colour"),
        )
        for t in data["tags"]
    )
    return Codebook(
        id=data["id"],
        name=data["name"].strip(),
        version=data["version"],
        tags=tags,
        description=data.get("description", "") or "",
        source=data.get("source", "") or "",
        language=data.get("language", "en") or "en",
        path=path,
        builtin=builtin,
    )


def load_codebook(path: str | Path, *, builtin: bool = False) -> Codebook:
    """Read and validate a codebook file; raises CodebookError naming the file and the problem."""
    path = Path(path)
    data = read_json(path, what="codebook file", max_bytes=MAX_CODEBOOK_BYTES, error=CodebookError)
    return codebook_from_json(data, path=path, builtin=builtin)


def save_codebook(codebook: Codebook, path: str | Path) -> Path:
    """Write a codebook as JSON atomically (temporary file, then replace); returns the path."""
    path = Path(path)
    problems = validate_codebook(codebook.to_json())
    if problems:
        raise CodebookError("not a valid codebook: " + "; ".join(problems), path)
    text = json.dumps(codebook.to_json(), ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(path, text)
    return path


def user_codebook_dir() -> Path:
    """Where a user's own codebooks live by default (inside the platform's user data folder)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("parallel-reader", appauthor=False)) / "codebooks"


def builtin_codebooks() -> list[Codebook]:
    """The codebooks the program ships, sorted by name."""
    return sorted(
        (load_codebook(p, builtin=True) for p in _codebook_files(BUILTIN_DIR)),
        key=lambda c: c.name.casefold(),
    )


def _codebook_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".schema.json"))


def list_codebooks(
    user_dir: str | Path | None = None, *, errors: list[CodebookError] | None = None
) -> list[Codebook]:
    """Built-in codebooks, then the valid ones in `user_dir` (default: user_codebook_dir()).

    A broken user file does not hide the others: its error is appended to `errors` when given.
    A user codebook with the id of a built-in one replaces it (an edited copy).
    """
    folder = Path(user_dir) if user_dir is not None else user_codebook_dir()
    found: dict[str, Codebook] = {c.id: c for c in builtin_codebooks()}
    for path in _codebook_files(folder):
        try:
            codebook = load_codebook(path)
        except CodebookError as exc:
            if errors is not None:
                errors.append(exc)
            continue
        found[codebook.id] = codebook
    return list(found.values())


def codebook_index(codebooks: Iterable[Codebook]) -> dict[str, Codebook]:
    """Codebooks by id, for looking up tag labels and definitions."""
    return {c.id: c for c in codebooks}


def tag_label(codebooks: Mapping[str, Codebook], codebook_id: str, tag_id: str) -> str:
    """A tag's label when its codebook is known, else its id."""
    codebook = codebooks.get(codebook_id)
    tag = codebook.tag(tag_id) if codebook else None
    return tag.label if tag else tag_id
