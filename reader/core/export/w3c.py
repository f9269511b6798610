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
"""

from __future__ import annotations

import json
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
    },
]
OFFSETS_NOTE = (
    "TextPositionSelector start and end count Unicode code points of the document's decoded "
    "text, with line ends normalised to LF (\\n); sha256 is the SHA-256 of that text as UTF-8."
)



def _source_object(doc: Document) -> dict[str, Any]:
    ident = Path(doc.path).as_uri() if doc.path and Path(doc.path).is_absolute() else doc.name
    return {
        "id": ident,
        "type": "Text",
        "format": "text/plain",
        "language": doc.language,
        "sha256": doc.sha256,
    }


def _target(span: SpanRef, doc: Document) -> dict[str, Any]:
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
            {"type": "TextPositionSelector", "start": span.abs_start, "end": span.abs_end},
        ],
    }


def annotation_to_w3c(a: Annotation, report: Report) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation object (without @context)."""
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
    targets = [_target(a.span, report.document(a.side))]
    if a.link is not None:
        targets.append(_target(a.link, report.document(a.link.side)))
    out: dict[str, Any] = {
        "id": f"urn:uuid:{a.id}" if _is_uuid(a.id) else a.id,
        "type": "Annotation",
        "motivation": "commenting" if a.comment else "tagging" if a.tags else "highlighting",
        "created": a.created,
        "modified": a.modified,
    }
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


def to_w3c(report: Report) -> dict[str, Any]:
    """The report's annotations as an AnnotationCollection with one embedded page."""
    items = [annotation_to_w3c(a, report) for a in report.annotations]
    return {
        "@context": CONTEXT,
        "id": report.ident,
        "type": "AnnotationCollection",
        "label": f"Annotations of {report.source.name} and {report.target.name}",
        "generator": {"type": "Software", "name": f"Parallel Reader {__version__}"},
        "generated": report.generated,
        "offsets": OFFSETS_NOTE,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_w3c(report: Report) -> str:
    return json.dumps(to_w3c(report), ensure_ascii=False, indent=2) + "\n"


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
