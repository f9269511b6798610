"""Merging W3C Web Annotation files into a workspace: placed by quote and position, never lost.

The format is the one `w3c.py` writes (its docstring); files from other tools are read as far as
they follow the Web Annotation model. An annotation whose span cannot be found in the current
text is kept as an orphan with its quote.
"""

from __future__ import annotations

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
from reader.core.files import read_json
from reader.core.store.workspace import StoredDocument, Workspace
from reader.core.text.document import Text

MAX_IMPORT_BYTES = 200 * 1024 * 1024


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


def read_w3c(path: str | Path) -> list[dict[str, Any]]:
    """The annotation objects of a W3C JSON(-LD) file: a collection, a page, a list or one."""
    path = Path(path)
    data = read_json(path, what="annotation file", max_bytes=MAX_IMPORT_BYTES)
    try:
        return list(_items(data))
    except InputError as exc:
        raise InputError(exc.problem, path) from None


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
        return
    if not isinstance(data, dict):
        raise InputError("holds no W3C annotations (expected an object or a list)")
    kind = _types(data)
    if "Annotation" in kind:
        yield data
    elif "AnnotationCollection" in kind:
        page = data.get("first")
        while page is not None:
            if not isinstance(page, dict):
                raise InputError(
                    "names its annotation pages by URL; only embedded pages can be imported"
                )
            yield from _items(page)
            page = page.get("next")
    elif "AnnotationPage" in kind:
        items = data.get("items", [])
        if not isinstance(items, list):
            raise InputError("has an AnnotationPage whose items are not a list")
        yield from (i for i in items if isinstance(i, dict))
    else:
        raise InputError(
            "holds no W3C annotations (no Annotation, AnnotationPage or AnnotationCollection)"
        )


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type", []))
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("#", 1)[-1].rsplit(":", 1)[-1] for v in values}


def import_w3c(workspace: Workspace, path: str | Path) -> ImportReport:
    """Merge the annotations of a W3C file into the workspace (one transaction).

    Each target's document is found by SHA-256, else by file name; its span by the quote
    with prefix and suffix (position as a hint). A quote not found comes in as an orphan. An
    id already present is updated when the file's copy is newer, else left alone."""
    items = read_w3c(path)
    docs = {d.side: d for d in workspace.documents()}
    texts = {side: workspace.text(side) for side in docs}
    report = ImportReport()
    new: list[Annotation] = []
    changed: list[Annotation] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        try:
            record = annotation_from_w3c(item, docs, texts)
        except InputError as exc:
            report.skipped.append(f"annotation {n}: {exc.problem}")
            continue
        if record.id in seen:
            report.skipped.append(f"annotation {n}: id {record.id} occurs twice in the file")
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


def annotation_from_w3c(
    item: Mapping[str, Any], docs: Mapping[str, StoredDocument], texts: Mapping[str, Text]
) -> Annotation:
    """One W3C annotation as a record placed in the workspace's texts; InputError if unusable."""
    raw_targets = item.get("target")
    targets = raw_targets if isinstance(raw_targets, list) else [raw_targets]
    spans: list[tuple[SpanRef, bool]] = []
    for target in targets:
        if target is None:
            continue
        side = _find_side(target, docs)
        spans.append(_place(target, side, texts[side]))
    if not spans:
        raise InputError("has no target")
    primary, found = spans[0]
    link = None
    for span, link_found in spans[1:]:
        if span.side != primary.side and link is None:
            link = span
            found = found and link_found
    tags: list[TagRef] = []
    comment_parts: list[str] = []
    raw_bodies = item.get("body", [])
    for body in raw_bodies if isinstance(raw_bodies, list) else [raw_bodies]:
        if isinstance(body, str):
            comment_parts.append(body)
            continue
        if not isinstance(body, dict):
            continue
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purpose = body.get("purpose")
        if purpose == "tagging" or (
            purpose is None and item.get("motivation") == "tagging" and not comment_parts
        ):
            codebook = body.get("codebook", "")
            tags.append(TagRef(codebook if isinstance(codebook, str) else "", value))
        else:
            comment_parts.append(value)
    creator = item.get("creator")
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    author = creator.get("name", "") if isinstance(creator, dict) else str(creator or "")
    raw_id = str(item.get("id") or item.get("@id") or uuid.uuid4())
    created = str(item.get("created") or now_iso())
    severity = item.get("severity")
    return annotation_on(
        primary,
        id=raw_id.removeprefix("urn:uuid:"),
        tags=tuple(dict.fromkeys(tags)),
        comment="\n\n".join(comment_parts),
        severity=str(severity) if severity else None,
        author=author,
        created=created,
        modified=str(item.get("modified") or created),
        link=link,
        status=Status.ANCHORED if found else Status.ORPHAN,
    )


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


def _place(target: Any, side: str, text: Text) -> tuple[SpanRef, bool]:
    """The span a target selects in `text`, and whether it was found (else an orphan)."""
    selectors = target.get("selector", []) if isinstance(target, dict) else []
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote = position = None
    for sel in selectors if isinstance(selectors, list) else []:
        if not isinstance(sel, dict):
            continue
        kind = _types(sel)
        if "TextQuoteSelector" in kind and quote is None:
            quote = sel
        elif "TextPositionSelector" in kind and position is None:
            position = sel
    hint_start = hint_end = None
    if position is not None:
        try:
            hint_start, hint_end = int(position["start"]), int(position["end"])
        except (KeyError, TypeError, ValueError):
            raise InputError(
                "has a TextPositionSelector without whole-number start and end"
            ) from None
    content = text.content
    if quote is not None:
        exact = quote.get("exact")
        if not isinstance(exact, str) or not exact:
            raise InputError("has a TextQuoteSelector without its exact text")
        prefix, suffix = str(quote.get("prefix") or ""), str(quote.get("suffix") or "")
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
