"""The lens's collection: the built-in corpus and the files the user added, kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.core.corpus.manifest import Corpus, load_manifest
from reader.core.errors import ReaderError
from reader.core.text.document import Text, load_text
from reader.ui.app.settings import Settings

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Document:
    """One text of the collection: its file, a short name for column heads, and what we know."""

    path: Path
    title: str
    short: str  # the outlet (built-in texts) or the file name: short enough for a column head
    language: str | None = None  # None: told from the text when it is read
    corpus_id: str | None = None  # the manifest id of a built-in text

    @property
    def builtin(self) -> bool:
        return self.corpus_id is not None


def builtin_documents(corpus: Corpus | None = None) -> list[Document]:
    """The corpus's texts, in the manifest's order; none when the manifest cannot be read."""
    try:
        corpus = corpus or load_manifest()
    except ReaderError:
        return []
    return [
        Document(corpus.path_of(e), e.title, _short(e.outlet or e.file, e.language), e.language,
                 e.id)
        for e in corpus.texts
    ]


def _short(name: str, language: str | None) -> str:
    # "Noon Post (نون بوست)" and "Noon Post (English edition)" are both Noon Post: the
    # language tells them apart in a column head
    base = name.split(" (")[0]
    return f"{base} ({language})" if language else base


def load_document(document: Document) -> Text:
    """The text of a document (in a worker: it reads the file)."""
    return load_text(document.path, language=document.language)


class CollectionModel(QAbstractListModel):
    """The documents the lens works on, in order: the built-in texts the user kept, then the
    files they added. Every change is written to the settings at once."""

    PathRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._builtin = builtin_documents()
        self._documents = self._read()

    def _read(self) -> list[Document]:
        removed = set(self.settings.lens_removed)
        kept = [d for d in self._builtin if d.corpus_id not in removed]
        known = {d.path.resolve() for d in kept}
        for raw in self.settings.lens_files:
            if not isinstance(raw, str):
                continue
            path = Path(raw)
            if path.resolve() not in known:
                known.add(path.resolve())
                kept.append(Document(path, path.name, path.stem))
        return kept

    def _write(self) -> None:
        here = {d.corpus_id for d in self._documents if d.corpus_id}
        self.settings.lens_removed = [
            d.corpus_id for d in self._builtin if d.corpus_id and d.corpus_id not in here
        ]
        self.settings.lens_files = [str(d.path) for d in self._documents if not d.builtin]

    # the documents
    def documents(self) -> list[Document]:
        return list(self._documents)

    def document(self, row: int) -> Document:
        return self._documents[row]

    def add_files(self, paths: list[str | Path]) -> list[Document]:
        """Add files not yet in the collection (a built-in one taken out comes back); returns
        those added."""
        known = {d.path.resolve() for d in self._documents}
        added: list[Document] = []
        for raw in paths:
            path = Path(raw)
            if path.resolve() in known or not path.is_file():
                continue
            known.add(path.resolve())
            builtin = next((d for d in self._builtin if d.path.resolve() == path.resolve()), None)
            added.append(builtin or Document(path, path.name, path.stem))
        if added:
            first = len(self._documents)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._documents.extend(added)
            self.endInsertRows()
            self._write()
        return added

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._documents):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._documents[row]
                self.endRemoveRows()
        self._write()

    def reset_to_corpus(self) -> None:
        self.beginResetModel()
        self._documents = list(self._builtin)
        self.endResetModel()
        self._write()

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt override
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # Qt override
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        document = self._documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{document.short}\n{document.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(document.path)
        if role == self.PathRole:
            return str(document.path)
        return None
