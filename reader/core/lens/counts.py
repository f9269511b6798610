"""How often each label occurs in each document: counts and rates per 1,000 words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.lens.documents import LensDocument
from reader.core.lens.families import TermFamily
from reader.core.lens.matching import Matcher, Occurrence, find_occurrences


@dataclass(frozen=True, slots=True)
class CountRow:
    """One cell of the table: a label's (or with `label` None, a family's) count in a document."""

    document: str
    family: str
    label: str | None  # None: every label of the family together
    count: int
    words: int  # the document's words (LensDocument.words)
    per_thousand: float  # count per 1,000 of those words


@dataclass(frozen=True, slots=True)
class LensCounts:
    """Counts of some families' labels over some documents, with the occurrences counted."""

    documents: tuple[LensDocument, ...]
    families: tuple[TermFamily, ...]
    words: dict[str, int]  # document id -> words
    occurrences: tuple[Occurrence, ...]
    rows: tuple[CountRow, ...]  # per document, per family: each label, then the family total
    _index: dict[tuple[str, str, str | None], CountRow] = field(
        default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update(((r.document, r.family, r.label), r) for r in self.rows)

    def row(self, document: str, family: str, label: str | None = None) -> CountRow:
        """The row of a label (or, with None, of the family) in a document; KeyError if none."""
        return self._index[(document, family, label)]

    def count(self, document: str, family: str, label: str | None = None) -> int:
        return self.row(document, family, label).count

    def occurrences_of(
        self, document: str | None, family: str, label: str | None = None
    ) -> list[Occurrence]:
        """The occurrences behind a cell (every document's with `document` None)."""
        return [o for o in self.occurrences
                if (document is None or o.document == document) and o.family == family
                and (label is None or o.label == label)]


def per_thousand(count: int, words: int) -> float:
    """A rate per 1,000 words (0 for a document with no words)."""
    return 1000.0 * count / words if words else 0.0


def count_labels(
    documents: Sequence[LensDocument],
    families: Sequence[TermFamily],
    *,
    matcher: Matcher | None = None,
) -> LensCounts:
    """Count `families`' labels in each document (counted paragraphs: LensDocument.paragraphs).

    `matcher` may hold more families than are counted (the CLI's --family): overlaps are then
    settled among all of them, so what another family names with a longer form is not counted.
    """
    matcher = matcher or Matcher(families)
    wanted = {f.id for f in families}
    occurrences = find_occurrences(documents, matcher, families=wanted)
    by_label = Counter((o.document, o.family, o.label) for o in occurrences)
    words = {d.id: d.words() for d in documents}
    rows: list[CountRow] = []
    for doc in documents:
        n = words[doc.id]
        for family in families:
            total = 0
            for label in family.labels:
                count = by_label[(doc.id, family.id, label.id)]
                total += count
                rows.append(CountRow(doc.id, family.id, label.id, count, n, per_thousand(count, n)))
            rows.append(CountRow(doc.id, family.id, None, total, n, per_thousand(total, n)))
    return LensCounts(tuple(documents), tuple(families), words, tuple(occurrences), tuple(rows))
