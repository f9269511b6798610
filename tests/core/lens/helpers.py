"""Small families and documents made by hand for the lens tests."""

from __future__ import annotations

from reader.core.lens.documents import LensDocument
from reader.core.lens.families import Label, TermFamily
from reader.core.text.document import text_from_string


def family(family_id: str, *labels: tuple[str, list[str], list[str]]) -> TermFamily:
    """A family from (label id, Arabic forms, English forms) triples."""
    return TermFamily(family_id, family_id, "", tuple(
        Label(lid, lid, f"what {lid} signals", tuple(ar), tuple(en)) for lid, ar, en in labels))


def document(doc_id: str, content: str, language: str | None = None) -> LensDocument:
    return LensDocument(doc_id, text_from_string(content, language=language))


ACTORS = family(
    "actors",
    ("regime", ["النظام", "النظام العراقي", "الأنظمة"], ["regime", "Iraqi regime"]),
    ("government", ["حكومة", "حكومة العراق"], ["government"]),
    ("state", ["العراق", "بغداد"], ["Iraq", "Baghdad"]),
)
