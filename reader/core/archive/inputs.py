"""The pairs of a batch: from a folder matched by name, or from a CSV or TOML manifest."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import files
from reader.core.errors import InputError

# Options a pair may carry, as `reader align` takes them: --original, --glossary, --blocks
OPTION_KEYS = ("original", "glossary", "blocks")
ORIGINALS = ("source", "target")
# Several glossaries of one pair are kept in one string, one path a line (no path has one)
GLOSSARY_SEPARATOR = "\n"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_LANGUAGE_SUFFIX = re.compile(r"\.[A-Za-z]{2,3}$")
_FOLDER_NAME = re.compile(r"(?P<name>.+)\.(?P<lang>ar|en)\.txt")
_TRUE, _FALSE = ("1", "true", "yes"), ("", "0", "false", "no")
_MAX_ID = 200


@dataclass(frozen=True, slots=True)
class PairJob:
    """One pair to align: `source` and `target` as given (a path, or a URL a Dask worker
    reaches), its `id` (the output is `<id>.json`) and `reader align`'s options (OPTION_KEYS)."""

    id: str
    source: str
    target: str
    options: dict[str, str] = field(default_factory=dict)

    @property
    def glossaries(self) -> list[str]:
        value = self.options.get("glossary", "")
        return value.split(GLOSSARY_SEPARATOR) if value else []


@dataclass(frozen=True, slots=True)
class Discovery:
    """The pairs found, and the files that had no counterpart (reported, not fatal)."""

    jobs: list[PairJob]
    unmatched: list[str]


def discover_jobs(input: Path) -> list[PairJob]:
    """The pairs of a folder or manifest (see `discover`)."""
    return discover(input).jobs


def discover(input: str | Path) -> Discovery:
    """A folder (NAME.ar.txt + NAME.en.txt, or ar/NAME.txt + en/NAME.txt) or a manifest
    (.csv or .toml: source, target, id, options; paths relative to the manifest). Raises
    InputError (one line, naming INPUT) for a bad manifest, a duplicate id or no pair."""
    path = Path(input)
    if path.is_dir():
        found = _from_folder(path)
    elif path.suffix.lower() == ".csv":
        found = Discovery(_from_csv(path), [])
    elif path.suffix.lower() == ".toml":
        found = Discovery(_from_toml(path), [])
    elif not path.exists():
        raise InputError("no such file or folder", path)
    else:
        raise InputError("is neither a folder nor a manifest (.csv or .toml)", path)
    if not found.jobs:
        raise InputError(
            "holds no pair (NAME.ar.txt with NAME.en.txt, or ar/NAME.txt with en/NAME.txt)"
            if path.is_dir() else "lists no pair", path,
        )
    _refuse_duplicates(found.jobs, path)
    return found


def is_url(location: str) -> bool:
    return _URL.match(location) is not None


def check_id(ident: str, where: str, manifest: Path) -> str:
    """An id usable as a file name in OUTDIR, or InputError naming where it was given."""
    problem = None
    if not ident:
        problem = "an empty id"
    elif ident in (".", "..") or ident.startswith("."):
        problem = f"the id {ident!r} starts with a dot"
    elif any(c in ident for c in "/\\") or any(ord(c) < 32 or ord(c) == 127 for c in ident):
        problem = f"the id {ident!r} holds a slash or a control character"
    elif len(ident.encode("utf-8")) > _MAX_ID:
        problem = f"the id {ident[:40]!r}… is longer than {_MAX_ID} bytes"
    if problem:
        raise InputError(f"{where}: {problem} (an id names the output file)", manifest)
    return ident


def id_from_path(location: str) -> str:
    """A pair's id when the manifest gives none: the source's file name without `.txt` and
    its language suffix (`2019/article-7.ar.txt` → `article-7`)."""
    name = location.rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".txt", ".TXT"):
        name = name.removesuffix(suffix)
    return _LANGUAGE_SUFFIX.sub("", name) or name


def _refuse_duplicates(jobs: list[PairJob], where: Path) -> None:
    seen: set[str] = set()
    for job in jobs:
        # case-folded: on a case-insensitive disk A.json and a.json are one file
        key = job.id.casefold()
        if key in seen:
            raise InputError(f"the id {job.id!r} is given to two pairs", where)
        seen.add(key)


def _from_folder(folder: Path) -> Discovery:
    sides: dict[str, dict[str, str]] = {}  # id -> {"ar": path, "en": path}
    layout: dict[str, str] = {}
    unmatched: list[str] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or not entry.is_file():
            continue
        match = _FOLDER_NAME.fullmatch(entry.name)
        if match:
            sides.setdefault(match["name"], {})[match["lang"]] = str(entry)
            layout[match["name"]] = "NAME.ar.txt"
        elif entry.suffix.lower() == ".txt":
            unmatched.append(str(entry))
    for lang in ("ar", "en"):
        sub = folder / lang
        if not sub.is_dir():
            continue
        for entry in sorted(sub.iterdir()):
            if entry.name.startswith(".") or not entry.is_file():
                continue
            if entry.suffix.lower() != ".txt":
                continue
            name = entry.name[: -len(entry.suffix)]
            if layout.get(name) == "NAME.ar.txt":
                raise InputError(
                    f"the pair {name!r} is there twice ({name}.ar.txt and {lang}/{entry.name})",
                    folder,
                )
            sides.setdefault(name, {})[lang] = str(entry)
    jobs = []
    for name in sorted(sides):
        pair = sides[name]
        if "ar" in pair and "en" in pair:
            jobs.append(PairJob(check_id(name, "file name", folder), pair["ar"], pair["en"]))
        else:
            unmatched.extend(pair.values())
    return Discovery(jobs, sorted(unmatched))


def _manifest_text(path: Path) -> str:
    raw = files.read_bytes(path, what="manifest", max_bytes=MAX_MANIFEST_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", path) from None


def _from_csv(path: Path) -> list[PairJob]:
    reader = csv.DictReader(io.StringIO(_manifest_text(path), newline=""))
    try:
        columns = [c.strip() for c in reader.fieldnames or []]
    except csv.Error as exc:
        raise InputError(f"is not valid CSV: {exc}", path) from None
    missing = [c for c in ("source", "target") if c not in columns]
    if missing:
        raise InputError(
            f"has no {' or '.join(missing)} column (the header row names the columns: "
            f"source, target, id, {', '.join(OPTION_KEYS)})", path,
        )
    unknown = [c for c in columns if c not in ("id", "source", "target", *OPTION_KEYS)]
    if unknown:
        raise InputError(f"has an unknown column {unknown[0]!r}", path)
    reader.fieldnames = columns
    jobs = []
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise InputError(f"line {line}: more cells than columns", path)
            cells = {k: (v or "").strip() for k, v in row.items()}
            if not any(cells.values()):
                continue
            glossaries = [g.strip() for g in cells.pop("glossary", "").split(";") if g.strip()]
            jobs.append(_job(cells, glossaries, f"line {line}", path))
    except csv.Error as exc:
        raise InputError(f"is not valid CSV (line {reader.line_num}: {exc})", path) from None
    return jobs


def _from_toml(path: Path) -> list[PairJob]:
    try:
        data = tomllib.loads(_manifest_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"is not valid TOML ({exc})", path) from None
    unknown = [k for k in data if k != "pair"]
    if unknown:
        raise InputError(f"has an unknown key {unknown[0]!r} (pairs are [[pair]] tables)", path)
    pairs = data.get("pair", [])
    if not isinstance(pairs, list):
        raise InputError("pair must be an array of tables ([[pair]])", path)
    jobs = []
    for n, entry in enumerate(pairs, 1):
        where = f"pair {n}"
        if not isinstance(entry, dict):
            raise InputError(f"{where} is not a table", path)
        cells: dict[str, str] = {}
        glossaries: list[str] = []
        for key, value in entry.items():
            if key == "glossary" and isinstance(value, list | str):
                items = [value] if isinstance(value, str) else value
                if not all(isinstance(g, str) for g in items):
                    raise InputError(f"{where}: glossary must be a path or a list of paths", path)
                glossaries = [g for g in items if g.strip()]
            elif key == "blocks" and isinstance(value, bool):
                cells[key] = "true" if value else "false"
            elif isinstance(value, str):
                cells[key] = value.strip()
            else:
                raise InputError(f"{where}: {key} must be a string", path)
        jobs.append(_job(cells, glossaries, where, path))
    return jobs


def _job(cells: dict[str, str], glossaries: list[str], where: str, manifest: Path) -> PairJob:
    """A manifest entry as a job: paths relative to the manifest, options checked."""
    unknown = [k for k in cells if k not in ("id", "source", "target", *OPTION_KEYS)]
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r}", manifest)
    for side in ("source", "target"):
        if not cells.get(side):
            raise InputError(f"{where}: no {side}", manifest)
    source = _located(cells["source"], manifest)
    target = _located(cells["target"], manifest)
    ident = check_id(cells.get("id") or id_from_path(source), where, manifest)
    options: dict[str, str] = {}
    original = cells.get("original", "")
    if original:
        if original not in ORIGINALS:
            raise InputError(f"{where}: original must be source or target, not {original!r}",
                             manifest)
        options["original"] = original
    blocks = cells.get("blocks", "").lower()
    if blocks not in _TRUE + _FALSE:
        raise InputError(f"{where}: blocks must be true or false, not {blocks!r}", manifest)
    if blocks in _TRUE:
        options["blocks"] = "true"
    if glossaries:
        options["glossary"] = GLOSSARY_SEPARATOR.join(_located(g, manifest) for g in glossaries)
    return PairJob(ident, source, target, options)


def _located(location: str, manifest: Path) -> str:
    """A manifest's path as the batch opens it: relative to the manifest's folder; URLs and
    absolute paths as written."""
    if is_url(location) or Path(location).is_absolute():
        return location
    return str(manifest.parent / location)
