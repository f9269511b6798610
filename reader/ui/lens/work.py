"""The lens's long work, run in the pool: reading the collection and counting, concordance, links.

Each function takes plain data and returns plain data; none touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.core.errors import Cancelled, ReaderError
from reader.core.lens.concord import KwicLine, concordance, term_concordance
from reader.core.lens.counts import LensCounts, count_labels
from reader.core.lens.documents import LensDocument, document_from_text
from reader.core.lens.families import TermFamily
from reader.core.lens.matching import Matcher
from reader.core.link.linker import link_documents
from reader.core.link.records import PassageLink
from reader.core.text.document import text_from_string
from reader.ui.lens.collection import Document, load_document
from reader.ui.lens.counts_model import CountRow

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]


@dataclass(slots=True)
class CollectionCounts:
    """The collection read and counted: documents (the lens's), their Document, the counts."""

    documents: list[LensDocument]
    sources: list[Document]
    counts: LensCounts
    problems: list[str] = field(default_factory=list)  # files that could not be read


def document_id(document: Document, taken: set[str]) -> str:
    """A short unique id: the corpus id, else the file name (with its folder when taken)."""
    base = document.corpus_id or document.path.name
    candidate = base if base not in taken else f"{document.path.parent.name}/{base}"
    n = 2
    while candidate in taken:
        candidate, n = f"{base} ({n})", n + 1
    taken.add(candidate)
    return candidate


def read_collection(
    documents: Sequence[Document], families: Sequence[TermFamily],
    progress: Progress | None = None, cancelled: IsCancelled | None = None,
) -> CollectionCounts:
    """Read every document (a bad file is reported and left out; the others are counted)
    and count the families' labels in them."""
    lens_docs: list[LensDocument] = []
    kept: list[Document] = []
    problems: list[str] = []
    taken: set[str] = set()
    for n, document in enumerate(documents):
        if cancelled is not None and cancelled():
            raise Cancelled()
        try:
            text = load_document(document)
        except ReaderError as exc:
            problems.append(str(exc))
            continue
        lens_docs.append(document_from_text(text, document_id(document, taken),
                                            title=document.title))
        kept.append(document)
        if progress is not None:
            progress(0.8 * (n + 1) / max(len(documents), 1))
    counts = count_labels(lens_docs, families)
    if progress is not None:
        progress(1.0)
    return CollectionCounts(lens_docs, kept, counts, problems)


def count_rows(counts: LensCounts) -> list[CountRow]:
    """The core's cells as the table's rows: a row per label, a rate and a count per document."""
    rows: list[CountRow] = []
    for family in counts.families:
        for label in family.labels:
            cells = [counts.row(d.id, family.id, label.id) for d in counts.documents]
            rows.append(CountRow(family.id, family.name, label.id, label.name, label.note,
                                 tuple(c.per_thousand for c in cells),
                                 tuple(c.count for c in cells)))
    return rows


def find_lines(
    documents: Sequence[LensDocument], families: Sequence[TermFamily], *,
    family: str | None = None, label: str | None = None, term: str | None = None,
) -> list[KwicLine]:
    """The concordance of a free term, or of a family's label (every label with None)."""
    if term:
        return term_concordance(documents, term)
    return concordance(documents, Matcher(families), family=family, label=label)


def link(a: LensDocument, b: LensDocument) -> list[PassageLink]:
    """Passages of two documents that report the same event (reader.core.link)."""
    return link_documents(a.text, b.text)


def passage_document(document: LensDocument, paragraph: int, doc_id: str) -> LensDocument:
    """One paragraph of a document as a document of its own, for counting it alone."""
    text = document.text.paragraphs[paragraph].text
    return document_from_text(text_from_string(text + "\n", language=document.language), doc_id,
                              title=document.title)


def passage_counts(a: LensDocument, pa: int, b: LensDocument, pb: int,
                   families: Sequence[TermFamily]) -> LensCounts:
    """Counts of the families' labels in paragraph `pa` of `a` and `pb` of `b`."""
    docs = [passage_document(a, pa, "A"), passage_document(b, pb, "B")]
    return count_labels(docs, families)

