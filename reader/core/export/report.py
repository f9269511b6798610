"""The report: one value holding what every export format renders (pair, beads, notes, labels)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.align.beads import Alignment
from reader.core.annotate.annotations import Annotation, TagRef, now_iso
from reader.core.annotate.codebooks import Codebook, builtin_codebooks, codebook_index
from reader.core.diverge.labels import kind_label
from reader.core.diverge.records import Divergence, DivergenceKind
from reader.core.diverge.review import IgnoreRule, bead_numbers, review_states
from reader.core.diverge.verdict import PairVerdict
from reader.core.pair import Pair
from reader.core.text.document import Paragraph, Text
from reader.core.text.language import RTL_LANGUAGES

if TYPE_CHECKING:
    # only named in annotations: `reader align` renders its report without the workspace
    from reader.core.store.workspace import StoredDocument, Workspace


@dataclass(frozen=True, slots=True)
class Document:
    """One side of the pair: `path` as it was given or stored (None when unknown)."""

    side: str
    name: str
    path: str | None
    language: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    def __len__(self) -> int:
        return len(self.paragraphs)


@dataclass(frozen=True, slots=True)
class ReportBead:
    """A bead with its confidence and how it came to be: automatic, edited or confirmed."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float
    state: str = "automatic"

    @property
    def is_null(self) -> bool:
        return not self.src or not self.tgt

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "src": list(self.src), "tgt": list(self.tgt), "confidence": round(self.confidence, 4)
        }
        if self.state != "automatic":  # DESIGN.md: a bead *may* carry its state
            out["state"] = self.state
        return out


@dataclass(frozen=True, slots=True)
class ReportDivergence:
    """A divergence and where its review stands (open until someone accepts or dismisses it)."""

    divergence: Divergence
    state: str = "open"
    comment: str = ""  # the reviewer's


@dataclass(frozen=True, slots=True)
class Labels:
    """What people read for each divergence kind and each tag (by TagRef)."""

    kinds: Mapping[str, str]
    tags: Mapping[TagRef, str]

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind) or kind_label(kind)

    def tag(self, tag: TagRef) -> str:
        return self.tags.get(tag, tag.tag)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything an export shows. `generated` and `ident` name this export (a time, a URN)."""

    source: Document
    target: Document
    beads: tuple[ReportBead, ...]
    divergences: tuple[ReportDivergence, ...]
    annotations: tuple[Annotation, ...]
    labels: Labels
    generated: str
    ident: str
    pair: PairVerdict | None = None  # is it a translation, which side is the original
    _bead_of: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, list[int]] = {"source": [], "target": []}
        for k, bead in enumerate(self.beads):
            lookup["source"] += [k] * len(bead.src)
            lookup["target"] += [k] * len(bead.tgt)
        object.__setattr__(self, "_bead_of", {s: tuple(v) for s, v in lookup.items()})

    def document(self, side: str) -> Document:
        return self.source if side == "source" else self.target

    def bead_of(self, side: str, paragraph: int) -> int | None:
        """The index of the bead holding a paragraph, None if no bead holds it."""
        beads = self._bead_of[side]
        return beads[paragraph] if 0 <= paragraph < len(beads) else None

    def divergence_bead(self, d: Divergence) -> int | None:
        """The bead a divergence sits in: its own, else that of its first paragraph."""
        if d.bead is not None:
            return d.bead
        return self.bead_of(d.side, d.paragraphs[0]) if d.paragraphs else None


def make_labels(codebooks: Iterable[Codebook], divergences: Sequence[Divergence] = ()) -> Labels:
    """Labels for every kind and every tag of the codebooks; a tag no codebook knows is shown
    by its id (Labels.tag)."""
    kinds = {str(k): kind_label(k) for k in (*DivergenceKind, *(d.kind for d in divergences))}
    tags = {TagRef(book.id, tag.id): tag.label for book in codebooks for tag in book.tags}
    return Labels(kinds, tags)


def _stored(doc: StoredDocument, text: Text) -> Document:
    return Document(doc.side, doc.name, doc.path, doc.language, doc.sha256,
                    tuple(text.paragraphs))


def _loaded(side: str, text: Text) -> Document:
    return Document(side, text.name, str(text.path) if text.path else None, text.language,
                    text.sha256, tuple(text.paragraphs))


def _beads(alignment: Alignment) -> tuple[ReportBead, ...]:
    return tuple(ReportBead(b.src, b.tgt, b.confidence, b.state) for b in alignment)


def report_from_workspace(
    workspace: Workspace,
    codebooks: Mapping[str, Codebook] | None = None,
    divergences: Sequence[Divergence] = (),
    *,
    generated: str | None = None,
    ident: str | None = None,
    rules: Sequence[IgnoreRule] = (),
) -> Report:
    """A workspace's report: its pair, alignment (each bead with its state), notes, and
    the divergences given (the workspace does not store them) with their reviews there and
    the workspace's ignore rules (and `rules`, e.g. the user's own). Codebooks default to the
    built-in ones."""
    books = codebooks if codebooks is not None else codebook_index(builtin_codebooks())
    docs = {d.side: d for d in workspace.documents()}
    annotations = tuple(workspace.annotations())
    alignment = workspace.alignment()
    states = review_states(divergences, workspace.reviews(), [*workspace.ignore_rules(), *rules],
                           bead_numbers(divergences, alignment.bead_of))
    return Report(
        source=_stored(docs["source"], workspace.text("source")),
        target=_stored(docs["target"], workspace.text("target")),
        beads=_beads(alignment),
        divergences=tuple(ReportDivergence(d, str(s.status), s.comment)
                          for d, s in zip(divergences, states, strict=True)),
        annotations=annotations,
        labels=make_labels(books.values(), divergences),
        generated=generated or now_iso(),
        ident=ident or f"urn:uuid:{uuid.uuid4()}",
    )


def report_from_pair(
    pair: Pair, *, generated: str | None = None, ident: str | None = None
) -> Report:
    """An aligned pair's report: beads and divergences, no notes."""
    return Report(
        source=_loaded("source", pair.source),
        target=_loaded("target", pair.target),
        beads=_beads(pair.alignment),
        divergences=tuple(ReportDivergence(d) for d in pair.divergences),
        annotations=(),
        labels=make_labels((), pair.divergences),
        generated=generated or now_iso(),
        ident=ident or f"urn:uuid:{uuid.uuid4()}",
        pair=pair.verdict,
    )
