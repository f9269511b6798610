"""W3C Web Annotation JSON-LD: a report's annotations as an AnnotationCollection.

Each annotation targets one document (two when it links a span on the other side). The
target's `source` is an object whose `id` is the file's `file:` URI (or its bare name when the
path is unknown) and whose `sha256` is the SHA-256 of the decoded text as UTF-8 with LF line
ends. Selectors: `TextQuoteSelector` (exact, prefix, suffix) and `TextPositionSelector`, whose
`start`/`end` count Unicode code points of the decoded text with line ends normalised to LF.
Tags are `TextualBody` bodies with purpose `tagging`, `value` the tag id and `codebook` the
codebook id; the comment is a `TextualBody` with purpose `commenting`. `severity` and `status`
(`orphan` when the span could not be found in the current text) are extensions, like `sha256`,
`codebook` and `side`, defined in the second `@context` entry.

Every `id` is an IRI: `urn:uuid:…` for our own annotations, the id itself when it already is an
absolute IRI, and otherwise (an id like `note-3` imported from another tool) a name-based
`urn:uuid:` made from it, the id as it was kept in `importedId`. With `offsets="utf16"` the
positions count UTF-16 code units instead (what browser tools such as Hypothesis count), and
the collection's `positionUnit` and `offsets` say so.
"""

from __future__ import annotations

import bisect
import json
import re
import uuid
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.annotate.annotations import (
    Annotation,
    SpanRef,
    Status,
)
from reader.core.export.report import Document, Report

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:x-parallel-reader:ns#"
CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "pr": NAMESPACE,
        "sha256": "pr:sha256",
        "side": "pr:side",
        "codebook": "pr:codebook",
        "severity": "pr:severity",
        "status": "pr:status",
        "offsets": "pr:offsets",
        "positionUnit": "pr:positionUnit",
        "importedId": "pr:importedId",
    },
]
OFFSET_UNITS = {"codepoint": "Unicode code points", "utf16": "UTF-16 code units"}
OFFSETS_NOTE = (
    "TextPositionSelector start and end count {unit} of the document's decoded "
    "text, with line ends normalised to LF (\\n); sha256 is the SHA-256 of that text as UTF-8."
)
# Names the ids made for imported ids that are no IRI (uuid5 of this prefix and the id).
IMPORTED_ID_NAMESPACE = uuid.UUID("5b0c4c2e-8a51-4f0e-9d0f-7a1d3c6b2e10")
_IRI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")



def _source_object(doc: Document) -> dict[str, Any]:
    ident = Path(doc.path).as_uri() if doc.path and Path(doc.path).is_absolute() else doc.name
    return {
        "id": ident,
        "type": "Text",
        "format": "text/plain",
        "language": doc.language,
        "sha256": doc.sha256,
    }


def annotation_iri(ident: str) -> str:
    """The IRI an annotation id is exported as (see the module docstring)."""
    if _is_uuid(ident):
        return f"urn:uuid:{ident}"
    if _IRI_SCHEME.fullmatch(ident) and not any(c in ident for c in '<>"{}|\\^`'):
        return ident
    return f"urn:uuid:{uuid.uuid5(IMPORTED_ID_NAMESPACE, ident)}"


class Utf16Positions:
    """Code-point offsets of a document's text as UTF-16 code units: each character beyond
    the Basic Multilingual Plane (emoji, some CJK) counts twice."""

    def __init__(self, doc: Document) -> None:
        self._astral = [
            p.start + k for p in doc.paragraphs for k, ch in enumerate(p.text) if ord(ch) > 0xFFFF
        ]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)


def _target(
    span: SpanRef, doc: Document, utf16: Utf16Positions | None = None
) -> dict[str, Any]:
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": span.quote}
    if span.prefix:
        quote["prefix"] = span.prefix
    if span.suffix:
        quote["suffix"] = span.suffix
    return {
        "type": "SpecificResource",
        "source": _source_object(doc),
        "side": span.side,
        "selector": [
            quote,
            {"type": "TextPositionSelector",
             "start": utf16(span.abs_start) if utf16 else span.abs_start,
             "end": utf16(span.abs_end) if utf16 else span.abs_end},
        ],
    }


def annotation_to_w3c(
    a: Annotation, report: Report, utf16: dict[str, Utf16Positions] | None = None
) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation object (without @context); `utf16`, the
    position maps of both sides, when positions count UTF-16 units."""
    bodies: list[dict[str, Any]] = []
    if a.comment:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": a.comment,
             "format": "text/plain"}
        )
    for t in a.tags:
        body: dict[str, Any] = {"type": "TextualBody", "purpose": "tagging", "value": t.tag}
        if t.codebook:
            body["codebook"] = t.codebook
            body["label"] = report.labels.tag(t)
        bodies.append(body)
    targets = [_target(a.span, report.document(a.side), utf16[a.side] if utf16 else None)]
    if a.link is not None:
        link_map = utf16[a.link.side] if utf16 else None
        targets.append(_target(a.link, report.document(a.link.side), link_map))
    iri = annotation_iri(a.id)
    out: dict[str, Any] = {
        "id": iri,
        "type": "Annotation",
        "motivation": "commenting" if a.comment else "tagging" if a.tags else "highlighting",
        "created": a.created,
        "modified": a.modified,
    }
    if iri not in (a.id, f"urn:uuid:{a.id}"):
        out["importedId"] = a.id
    if a.author:
        out["creator"] = {"type": "Person", "name": a.author}
    if bodies:
        out["body"] = bodies
    out["target"] = targets[0] if len(targets) == 1 else targets
    if a.severity:
        out["severity"] = a.severity
    if a.status is Status.ORPHAN:
        out["status"] = str(a.status)
    return out


def to_w3c(report: Report, offsets: str = "codepoint") -> dict[str, Any]:
    """The report's annotations as an AnnotationCollection with one embedded page;
    `offsets` is "codepoint" (the default) or "utf16" (OFFSET_UNITS)."""
    if offsets not in OFFSET_UNITS:
        raise ValueError(f"unknown position unit {offsets!r}")
    utf16 = None
    if offsets == "utf16":
        utf16 = {side: Utf16Positions(report.document(side)) for side in ("source", "target")}
    items = [annotation_to_w3c(a, report, utf16) for a in report.annotations]
    return {
        "@context": CONTEXT,
        "id": report.ident,
        "type": "AnnotationCollection",
        "label": f"Annotations of {report.source.name} and {report.target.name}",
        "generator": {"type": "Software", "name": f"Parallel Reader {__version__}"},
        "generated": report.generated,
        "offsets": OFFSETS_NOTE.format(unit=OFFSET_UNITS[offsets]),
        "positionUnit": offsets,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_w3c(report: Report, offsets: str = "codepoint") -> str:
    return json.dumps(to_w3c(report, offsets), ensure_ascii=False, indent=2) + "\n"


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
