"""Merging W3C Web Annotation files into a workspace: placed by quote and position, never lost.

The format is the one `w3c.py` writes (its docstring); files from other tools, and the same
data in any other JSON-LD shape, are brought to it first (w3c_jsonld.canonical) and read as far
as they follow the Web Annotation model. An annotation whose span cannot be found in the
current text is kept as an orphan with its quote. An annotation that cannot be read (a wrong
JSON type, a time that is no ISO 8601 time, a target in neither document) is skipped with one
line naming its index and id; the rest of the file still comes in.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from reader.core.annotate.annotations import (
    Annotation,
    SpanRef,
    Status,
    TagRef,
    annotation_on,
    now_iso,
    paragraph_at,
    span_at,
)
from reader.core.annotate.reanchor import locate
from reader.core.errors import InputError
from reader.core.export.w3c import IMPORTED_ID_NAMESPACE
from reader.core.export.w3c_jsonld import canonical
from reader.core.export.w3c_values import (
    code_points,
    iso_time,
    kind_of,
    position,
    shown,
    string,
)
from reader.core.files import read_json
from reader.core.store.workspace import StoredDocument, Workspace
from reader.core.text.document import Text

MAX_IMPORT_BYTES = 200 * 1024 * 1024
# An id kept as it is: it starts with a letter or digit and holds no blank or control
# character (so no spreadsheet or terminal ever sees it as more than a name); any other id
# becomes a name-based UUID (w3c.annotation_iri makes the same one on export).
_PLAIN_ID = re.compile(r"[A-Za-z0-9][^\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]{0,255}")
_UUID_URN = re.compile(r"urn:uuid:([0-9a-fA-F-]{36})")


@dataclass(slots=True)
class ImportReport:
    """What an import did. `skipped` explains, one line each, what could not be imported."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the workspace's copy was newer
    orphans: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} already present")
        if self.kept:
            parts.append(f"{len(self.kept)} kept (the workspace's copy is newer)")
        if self.orphans:
            parts.append(f"{len(self.orphans)} imported as orphans (quote not found)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class W3CFile:
    """The annotation objects of a file, and how its positions count ("codepoint", "utf16")."""

    items: list[Any]
    position_unit: str = "codepoint"


def read_w3c(path: str | Path) -> list[Any]:
    """The annotation objects of a W3C JSON(-LD) file: a collection, a page, a list or one."""
    return read_w3c_file(path).items


def read_w3c_file(path: str | Path) -> W3CFile:
    """The file read strictly (files.read_json), brought to our JSON-LD shape, its annotations
    listed; InputError naming the file if it holds none or is not JSON-LD."""
    path = Path(path)
    data = read_json(path, what="annotation file", max_bytes=MAX_IMPORT_BYTES)
    try:
        data = canonical(data)
        unit = _position_unit(data)
        return W3CFile(list(_items(data)), unit)
    except InputError as exc:
        raise InputError(exc.problem, path) from None


def _position_unit(data: Any) -> str:
    unit = data.get("positionUnit", "codepoint") if isinstance(data, dict) else "codepoint"
    if unit not in ("codepoint", "utf16"):
        raise InputError(
            f"gives positionUnit {shown(unit)}; expected \"codepoint\" or \"utf16\""
        )
    return str(unit)


def _items(data: Any) -> Iterator[Any]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
        return
    if not isinstance(data, dict):
        raise InputError("holds no W3C annotations (expected an object or a list)")
    if "@graph" in data and isinstance(data["@graph"], list):
        yield from _items(data["@graph"])
        return
    kind = _types(data)
    if "Annotation" in kind:
        yield data
    elif "AnnotationCollection" in kind:
        page = data.get("first")
        pages = 0
        while page is not None:
            if not isinstance(page, dict):
                raise InputError(
                    "names its annotation pages by URL; only embedded pages can be imported"
                )
            pages += 1
            if pages > 100_000:
                raise InputError("has more annotation pages than can be followed")
            yield from _page_items(page)
            page = page.get("next")
    elif "AnnotationPage" in kind:
        yield from _page_items(data)
    else:
        raise InputError(
            "holds no W3C annotations (no Annotation, AnnotationPage or AnnotationCollection)"
        )


def _page_items(page: dict[str, Any]) -> Iterator[Any]:
    items = page.get("items", [])
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise InputError(f"has an AnnotationPage whose items are {kind_of(items)}, not a list")
    # an item that is not an object is kept, to be reported with its index and skipped
    yield from items


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type", []))
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("#", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)}


def import_w3c(workspace: Workspace, path: str | Path) -> ImportReport:
    """Merge the annotations of a W3C file into the workspace (one transaction).

    Each target's document is found by SHA-256, else by file name; its span by the quote
    with prefix and suffix (position as a hint). A quote not found comes in as an orphan. An
    id already present is updated when the file's copy is newer, else left alone."""
    w3c = read_w3c_file(path)
    docs = {d.side: d for d in workspace.documents()}
    texts = {side: workspace.text(side) for side in docs}
    report = ImportReport()
    new: list[Annotation] = []
    changed: list[Annotation] = []
    seen: set[str] = set()
    for n, item in enumerate(w3c.items, 1):
        try:
            record = annotation_from_w3c(item, docs, texts, w3c.position_unit)
        except InputError as exc:
            report.skipped.append(f"annotation {n}{_id_note(item)}: {exc.problem}")
            continue
        if record.id in seen:
            report.skipped.append(
                f"annotation {n} (id {shown(record.id)}): the id occurs twice in the file"
            )
            continue
        seen.add(record.id)
        if record.status is Status.ORPHAN:
            report.orphans.append(record.id)
        if not workspace.has_annotation(record.id):
            new.append(record)
            report.added.append(record.id)
            continue
        existing = workspace.get_annotation(record.id)
        if existing == record:
            report.unchanged.append(record.id)
        elif record.modified > existing.modified:
            changed.append(record)
            report.updated.append(record.id)
        else:
            report.kept.append(record.id)
    if new:
        workspace.add_annotations(new)
    if changed:
        workspace.update_annotations(changed)
    return report


def _id_note(item: Any) -> str:
    ident = item.get("id", item.get("@id")) if isinstance(item, dict) else None
    return f" (id {shown(ident)})" if isinstance(ident, str) and ident else ""


def _annotation_id(item: Mapping[str, Any]) -> str:
    """The id the record gets: the `importedId` our export kept, else the file's id with a
    `urn:uuid:` prefix taken off, else a new UUID; an id that is not plain becomes a
    name-based UUID (see _PLAIN_ID)."""
    raw = string(item, "importedId", "importedId") or string(item, "id", "id")
    if not raw:
        return str(uuid.uuid4())
    match = _UUID_URN.fullmatch(raw)
    if match:
        return match.group(1).lower()
    if _PLAIN_ID.fullmatch(raw):
        return raw
    return str(uuid.uuid5(IMPORTED_ID_NAMESPACE, raw))


def annotation_from_w3c(
    item: Any, docs: Mapping[str, StoredDocument], texts: Mapping[str, Text],
    position_unit: str = "codepoint",
) -> Annotation:
    """One W3C annotation as a record placed in the workspace's texts; InputError if unusable."""
    if not isinstance(item, dict):
        raise InputError(f"is {kind_of(item)}, not an annotation object")
    ident = _annotation_id(item)
    raw_targets = item.get("target")
    targets = raw_targets if isinstance(raw_targets, list) else [raw_targets]
    spans: list[tuple[SpanRef, bool]] = []
    for target in targets:
        if target is None:
            continue
        side = _find_side(target, docs)
        spans.append(_place(target, side, texts[side], position_unit))
    if not spans:
        raise InputError("has no target")
    primary, found = spans[0]
    link = None
    for span, link_found in spans[1:]:
        if span.side != primary.side and link is None:
            link = span
            found = found and link_found
    tags, comment = _bodies(item)
    author = _creator(item.get("creator"))
    created = iso_time(item, "created", now_iso())
    severity = string(item, "severity", "severity")
    return annotation_on(
        primary,
        id=ident,
        tags=tuple(dict.fromkeys(tags)),
        comment=comment,
        severity=severity or None,
        author=author,
        created=created,
        modified=iso_time(item, "modified", created),
        link=link,
        status=Status.ANCHORED if found else Status.ORPHAN,
    )


def _bodies(item: Mapping[str, Any]) -> tuple[list[TagRef], str]:
    """The tags and the comment of an annotation's bodies (a string body is a comment)."""
    tags: list[TagRef] = []
    comment_parts: list[str] = []
    raw_bodies = item.get("body", [])
    motivation = item.get("motivation")
    for body in raw_bodies if isinstance(raw_bodies, list) else [raw_bodies]:
        if isinstance(body, str):
            comment_parts.append(body)
            continue
        if not isinstance(body, dict):
            raise InputError(f"has a body that is {kind_of(body)}, not an object or a string")
        if body.get("value") is None:
            continue  # a body by reference (an IRI): nothing of ours to read in it
        value = string(body, "value", "body value")
        purpose = body.get("purpose")
        if purpose == "tagging" or (
            purpose is None and motivation == "tagging" and not comment_parts
        ):
            tags.append(TagRef(string(body, "codebook", "codebook"), value))
        else:
            comment_parts.append(value)
    return tags, "\n\n".join(comment_parts)


def _creator(creator: Any) -> str:
    """The creator's name (the first creator's, when there are several)."""
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if creator is None:
        return ""
    if isinstance(creator, str):
        return creator
    if not isinstance(creator, dict):
        raise InputError(f"has a creator that is {kind_of(creator)}, not an object or a string")
    return string(creator, "name", "creator name") or string(creator, "nickname", "nickname")


def _find_side(target: Any, docs: Mapping[str, StoredDocument]) -> str:
    if isinstance(target, str):
        source: Any = target
    elif isinstance(target, dict):
        source = target.get("source", target.get("id"))
    else:
        raise InputError("has a target that is neither an object nor a URI")
    sha = ""
    ident = source
    if isinstance(source, dict):
        sha = str(source.get("sha256") or "")
        ident_obj = source.get("dc:identifier") or ""
        if isinstance(ident_obj, str) and ident_obj.startswith("urn:sha256:"):
            sha = sha or ident_obj.removeprefix("urn:sha256:")
        ident = source.get("id", source.get("@id", ""))
    for side, doc in docs.items():
        if sha and sha.lower() == doc.sha256:
            return side
    name = _file_name(str(ident or ""))
    matches = [side for side, doc in docs.items() if name and doc.name == name]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InputError(f"names {name!r}, which both documents are called")
    raise InputError(
        f"targets {str(ident or sha)!r}, which is not a document of this workspace "
        f"({docs['source'].name}, {docs['target'].name})"
    )


def _file_name(ident: str) -> str:
    parsed = urlparse(ident)
    path = unquote(parsed.path) if parsed.scheme else ident
    return PurePosixPath(path.replace("\\", "/")).name


def _place(
    target: Any, side: str, text: Text, position_unit: str = "codepoint"
) -> tuple[SpanRef, bool]:
    """The span a target selects in `text`, and whether it was found (else an orphan);
    positions counted in `position_unit` are brought to code points."""
    selectors = target.get("selector", []) if isinstance(target, dict) else []
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote = position_sel = None
    for sel in selectors if isinstance(selectors, list) else []:
        if not isinstance(sel, dict):
            continue
        kind = _types(sel)
        if "TextQuoteSelector" in kind and quote is None:
            quote = sel
        elif "TextPositionSelector" in kind and position_sel is None:
            position_sel = sel
    hint_start = hint_end = None
    if position_sel is not None:
        hint_start = position(position_sel, "start")
        hint_end = position(position_sel, "end")
        if position_unit == "utf16":
            hint_start, hint_end = code_points(text, hint_start), code_points(text, hint_end)
    content = text.content
    if quote is not None:
        exact = quote.get("exact")
        if not isinstance(exact, str) or not exact:
            raise InputError("has a TextQuoteSelector without its exact text")
        prefix = string(quote, "prefix", "quote prefix")
        suffix = string(quote, "suffix", "quote suffix")
        match = locate(content, exact, prefix, suffix, hint_start)
        if match is not None:
            span = _span_or_none(text, side, match.start, match.end)
            if span is not None:
                return span, True
        return _orphan(text, side, exact, prefix, suffix, hint_start, hint_end), False
    if hint_start is None or hint_end is None:
        raise InputError("has neither a TextQuoteSelector nor a TextPositionSelector")
    span = _span_or_none(text, side, hint_start, hint_end)
    if span is None:
        raise InputError(
            f"has a TextPositionSelector ({hint_start}–{hint_end}) that is not inside "
            f"one paragraph of {text.name}, and no quote"
        )
    return span, True


def _span_or_none(text: Text, side: str, start: int, end: int) -> SpanRef | None:
    try:
        return span_at(text, side, start, end)
    except InputError:
        return None


def _orphan(
    text: Text, side: str, quote: str, prefix: str, suffix: str,
    start: int | None, end: int | None,
) -> SpanRef:
    """A span for a quote not found: kept at its stated position (clamped), never dropped."""
    size = len(text.content)
    abs_start = min(max(start or 0, 0), size)
    abs_end = min(max(end if end is not None else abs_start + len(quote), abs_start), size)
    paragraph = paragraph_at(text, abs_start)
    if paragraph is None:
        before = [p.index for p in text.paragraphs if p.start <= abs_start]
        paragraph = before[-1] if before else 0
    para_start = text.paragraphs[paragraph].start if text.paragraphs else 0
    return SpanRef(
        side, paragraph, max(0, abs_start - para_start), max(0, abs_end - para_start),
        abs_start, abs_end, quote, prefix, suffix,
    )
