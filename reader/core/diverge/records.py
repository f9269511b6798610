"""Divergence records: one place where the translation departs from the original."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DivergenceKind(StrEnum):
    """Kinds, as in DESIGN.md; more may be added, none renamed."""

    OMISSION = "omission"
    ADDITION = "addition"
    EMBEDDED_POST = "embedded_post"
    NUMBER_MISMATCH = "number_mismatch"
    DATE_MISMATCH = "date_mismatch"
    NAME_MISMATCH = "name_mismatch"
    LENGTH_ANOMALY = "length_anomaly"
    SENTENCE_OMISSION = "sentence_omission"
    PHRASE_OMISSION = "phrase_omission"
    TERM_MISSING = "term_missing"
    TERM_INCONSISTENT = "term_inconsistent"
    USER_CHECK = "user_check"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    SERIOUS = "serious"


@dataclass(frozen=True, slots=True)
class Span:
    """A character span inside one paragraph: offsets in code points of the paragraph text."""

    side: str  # "source" or "target"
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Divergence:
    """One divergence, located and explained in a sentence a person can read."""

    kind: DivergenceKind
    severity: Severity
    side: str  # "source" or "target": the side that holds what the other lacks
    paragraphs: tuple[int, ...]
    detail: str
    bead: int | None = None
    spans: tuple[Span, ...] = field(default=())
    values: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": str(self.kind),
            "severity": str(self.severity),
            "side": self.side,
            "paragraphs": list(self.paragraphs),
            "detail": self.detail,
        }
        if self.bead is not None:
            out["bead"] = self.bead
        if self.values:
            out["values"] = list(self.values)
        if self.spans:
            out["spans"] = [
                {"side": s.side, "paragraph": s.paragraph, "start": s.start, "end": s.end}
                for s in self.spans
            ]
        return out
