"""The documents a lens looks through: texts with an id, from files or the built-in corpus."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.arabic.normalise import tokens
from reader.core.corpus.manifest import Corpus, load_manifest
from reader.core.text.document import Paragraph, Text, load_text
from reader.core.text.kinds import Kind
from reader.resources import CORPUS

# Paragraphs a scrape repeats and blog furniture would count twice or count what no author
# wrote; headings and embedded posts are part of what a reader of the page reads, so they count.
SKIPPED_KINDS = frozenset({Kind.DUPLICATE, Kind.BOILERPLATE})


@dataclass(frozen=True, slots=True)
class LensDocument:
    """One text of a collection: `id` names it in every table (a corpus id or a file name)."""

    id: str
    text: Text
    title: str = ""
    role: str = ""  # original, translation, comparable (from the corpus manifest), or ""
    outlet: str = ""
    # only these paragraphs (indices) belong to it: a part of a text (linked passages)
    only: frozenset[int] | None = None

    @property
    def language(self) -> str:
        return self.text.language

    def paragraphs(self, *, all_kinds: bool = False) -> Iterator[Paragraph]:
        """The paragraphs counted and searched: not duplicates nor boilerplate (unless
        `all_kinds`), and of a part only its own."""
        return (p for p in self.text.paragraphs
                if (all_kinds or p.kind not in SKIPPED_KINDS)
                and (self.only is None or p.index in self.only))

    def part(self, paragraphs: Collection[int], doc_id: str | None = None) -> LensDocument:
        """The same text, reduced to some paragraphs (e.g. the passages linked to another
        document's), as a document of its own: counts and concordances see only them."""
        return replace(self, id=doc_id or self.id, only=frozenset(paragraphs))

    def words(self) -> int:
        """Words of the counted paragraphs, as the project counts them (normalise.tokens)."""
        return sum(len(tokens(p.text)) for p in self.paragraphs())


def document_from_text(
    text: Text, doc_id: str | None = None, *, title: str = "", role: str = "", outlet: str = ""
) -> LensDocument:
    """A document of an already loaded text (the window's open pair, a test's string)."""
    return LensDocument(doc_id or text.name, text, title=title or text.name, role=role,
                        outlet=outlet)


def load_documents(
    paths: Iterable[str | Path], *, corpus: Corpus | None = None, blocks: bool = False
) -> list[LensDocument]:
    """Documents from files; a name that is no file but an id of `corpus` (default: the
    built-in corpus) is that corpus text. Ids are file names, made unique with the parent
    folder's name when two files share one. Raises InputError naming a bad file."""
    docs: list[LensDocument] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            corpus = corpus or load_manifest(CORPUS / "corpus.toml")
            if any(e.id == str(given) for e in corpus.texts):
                docs.append(corpus_document(corpus, str(given)))
                continue
        text = load_text(path, blocks=blocks)
        docs.append(LensDocument(_unique_id(path, docs), text, title=path.stem))
    return docs


def resolve_path(given: str | Path, corpus: Corpus | None = None) -> Path:
    """`given` as a path, or, when no such file exists, the file of the corpus text with that
    id (default: the built-in corpus); the path as given otherwise (loading it then says)."""
    path = Path(given)
    if path.exists():
        return path
    corpus = corpus or load_manifest(CORPUS / "corpus.toml")
    if any(e.id == str(given) for e in corpus.texts):
        return corpus.path_of(str(given))
    return path


def _unique_id(path: Path, docs: Sequence[LensDocument]) -> str:
    taken = {d.id for d in docs}
    candidate = path.name
    if candidate in taken:
        candidate = f"{path.parent.name}/{path.name}"
    n = 2
    base = candidate
    while candidate in taken:
        candidate = f"{base} ({n})"
        n += 1
    return candidate


def corpus_document(corpus: Corpus, text_id: str) -> LensDocument:
    """One text of a corpus, with its manifest's title, role and outlet."""
    entry = corpus.get(text_id)
    return LensDocument(entry.id, corpus.load(entry), title=entry.title, role=entry.role,
                        outlet=entry.outlet or "")


def corpus_documents(corpus: Corpus | None = None) -> list[LensDocument]:
    """Every text of a corpus (default: the built-in one), in manifest order."""
    corpus = corpus or load_manifest(CORPUS / "corpus.toml")
    return [corpus_document(corpus, e.id) for e in corpus.texts]
