"""The workspace: one SQLite file holding a pair's documents, its alignment and the annotations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from reader import __version__
from reader.core.align.beads import Alignment, AlignmentError, Bead
from reader.core.annotate.annotations import (
    SIDES,
    check_side,
    now_iso,
    other_side,
)
from reader.core.annotate.reanchor import ReanchorResult, reanchor_annotations
from reader.core.errors import InputError
from reader.core.store.annotation_store import AnnotationStore
from reader.core.store.rows import (
    bead_from_row,
    insert_annotation,
    insert_beads,
    insert_document,
)
from reader.core.store.schema import (
    APPLICATION_ID,
    BUSY_TIMEOUT_S,
    MIGRATIONS,
    SCHEMA_VERSION,
    WorkspaceCorruptError,
    WorkspaceError,
    WorkspaceExistsError,
    WorkspaceReadOnlyError,
    WorkspaceVersionError,
    check_file,
    check_header,
    check_tables,
    connect,
    remove_database,
    upgrade,
)
from reader.core.text.document import Text, text_from_string


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as the workspace holds it: its decoded content (LF line ends) and fingerprint."""

    side: str
    path: str | None
    name: str
    sha256: str
    language: str
    encoding: str
    blocks: bool
    paragraphs: int
    content: str

    def text(self) -> Text:
        """The document as a Text, split as when it was stored."""
        return text_from_string(
            self.content,
            path=Path(self.path) if self.path else None,
            encoding=self.encoding,
            blocks=self.blocks,
            language=self.language,
        )


class Workspace(AnnotationStore):
    """An open workspace. Every method that changes it commits before returning.

    Open with `Workspace.open(path)` or make one with `Workspace.create(...)`; use it as a
    context manager or call `close()`. Methods raise WorkspaceError subclasses (ReaderError).
    Its annotation methods come from AnnotationStore.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        super().__init__(conn, path, read_only)
        self._texts: dict[str, Text] = {}

    # ---- opening and creating -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Workspace:
        """Open an existing workspace; raise a WorkspaceError subclass, changing nothing, if
        the file is missing, corrupt, locked by another writer, read-only or too new."""
        path = Path(path)
        check_file(path, read_only)
        conn = connect(path, read_only)
        try:
            version = check_header(conn, path)
            if version < 1:
                raise WorkspaceCorruptError("was never completed (it has no schema)", path)
            if version > SCHEMA_VERSION:
                raise WorkspaceVersionError(
                    f"was written by a newer version of Parallel Reader (workspace schema "
                    f"{version}; this version reads up to {SCHEMA_VERSION}); update the program",
                    path,
                )
            if read_only:
                if version < SCHEMA_VERSION:
                    raise WorkspaceReadOnlyError(
                        f"uses an older schema ({version}) and must be opened writable once "
                        "to be upgraded",
                        path,
                    )
            else:
                upgrade(conn, path, version)
            check_tables(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, read_only)

    @classmethod
    def create(
        cls,
        path: str | Path,
        source: Text,
        target: Text,
        alignment: Alignment,
        *,
        overwrite: bool = False,
    ) -> Workspace:
        """Make a workspace for a pair and open it. It is built beside `path` and moved into
        place when complete, so a failure leaves no half-made file."""
        path = Path(path)
        if (alignment.n_src, alignment.n_tgt) != (len(source), len(target)):
            raise InputError(
                f"the alignment covers {alignment.n_src}+{alignment.n_tgt} paragraphs but the "
                f"texts have {len(source)}+{len(target)}"
            )
        if path.exists() and not overwrite:
            raise WorkspaceExistsError("already exists (choose another name)", path)
        if path.is_dir():
            raise WorkspaceError("is a directory", path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceReadOnlyError(
                f"its folder cannot be made: {exc.strerror or exc}", path
            ) from None
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        remove_database(tmp)
        try:
            conn = sqlite3.connect(tmp, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("BEGIN IMMEDIATE")
                for migration in MIGRATIONS:
                    migration(conn)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("created", now_iso()), ("created_by", f"Parallel Reader {__version__}")],
                )
                for side, text in (("source", source), ("target", target)):
                    insert_document(conn, side, text)
                insert_beads(conn, alignment.beads)
                conn.execute("COMMIT")
            finally:
                conn.close()
            os.replace(tmp, path)
        except sqlite3.Error as exc:
            raise WorkspaceError(f"cannot be created: {exc}", path) from None
        except OSError as exc:
            raise WorkspaceReadOnlyError(
                f"cannot be created: {exc.strerror or exc}", path
            ) from None
        finally:
            remove_database(tmp)
        return cls.open(path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def save_as(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Copy the whole workspace to `path` (a consistent snapshot), e.g. to share it."""
        path = Path(path)
        if path.exists() and not overwrite:
            raise WorkspaceExistsError("already exists (choose another name)", path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        remove_database(tmp)
        try:
            dest = sqlite3.connect(tmp)
            try:
                with self._lock:
                    self._conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, path)
        except sqlite3.Error as exc:
            raise WorkspaceError(f"cannot be written: {exc}", path) from None
        except OSError as exc:
            raise WorkspaceReadOnlyError(
                f"cannot be written: {exc.strerror or exc}", path
            ) from None
        finally:
            remove_database(tmp)
        return path

    # ---- documents --------------------------------------------------------------------------

    def document(self, side: str) -> StoredDocument:
        check_side(side)
        rows = self._query(
            "SELECT side, path, name, sha256, language, encoding, blocks, paragraphs, content "
            "FROM documents WHERE side = ?",
            (side,),
        )
        if not rows:
            raise WorkspaceCorruptError(f"has no {side} document", self.path)
        r = rows[0]
        return StoredDocument(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8])

    def documents(self) -> list[StoredDocument]:
        return [self.document(side) for side in SIDES]

    def text(self, side: str) -> Text:
        """The stored text of a side (cached)."""
        check_side(side)
        with self._lock:
            if side not in self._texts:
                self._texts[side] = self.document(side).text()
            return self._texts[side]

    def side_of(self, text: Text) -> str | None:
        """Which side a text is: by its SHA-256, else by its file name; None if neither."""
        docs = self.documents()
        for doc in docs:
            if doc.sha256 == text.sha256:
                return doc.side
        names = [doc.side for doc in docs if text.path is not None and doc.name == text.path.name]
        return names[0] if len(names) == 1 else None

    # ---- alignment --------------------------------------------------------------------------

    def alignment(self) -> Alignment:
        """The stored alignment, each bead with its state (automatic, edited, confirmed)."""
        with self._lock:
            return self._alignment()

    def _alignment(self) -> Alignment:
        rows = self._query(
            "SELECT src_start, src_count, tgt_start, tgt_count, confidence, state FROM beads "
            "ORDER BY position"
        )
        counts = dict(self._query("SELECT side, paragraphs FROM documents"))
        try:
            beads = [bead_from_row(r) for r in rows]
            return Alignment(beads, counts.get("source", 0), counts.get("target", 0))
        except AlignmentError as exc:
            raise WorkspaceCorruptError(f"holds a broken alignment: {exc}", self.path) from None

    def set_alignment(self, alignment: Alignment) -> None:
        """Replace the whole alignment, each bead's state with it, in one transaction."""
        self._check_alignment(alignment)
        with self._tx() as conn:
            conn.execute("DELETE FROM beads")
            insert_beads(conn, alignment.beads)

    def replace_beads(self, first: int, stop: int, beads: Sequence[Bead]) -> Alignment:
        """A person's correction: beads[first:stop] become `beads`, with the states they carry
        (the caller marks them 'edited' or 'confirmed'); one transaction.

        The result must still cover both texts once, in order (else AlignmentError)."""
        with self._tx() as conn:
            current = self._alignment()
            if not 0 <= first <= stop <= len(current):
                raise InputError(f"no beads {first}–{stop} (there are {len(current)})")
            new = Alignment(
                [*current.beads[:first], *beads, *current.beads[stop:]],
                current.n_src,
                current.n_tgt,
            )
            # the beads before `first` keep their rows; only the rest move
            conn.execute("DELETE FROM beads WHERE position >= ?", (first,))
            insert_beads(conn, new.beads, first)
        return new

    def _check_alignment(self, alignment: Alignment) -> None:
        counts = dict(self._query("SELECT side, paragraphs FROM documents"))
        if (alignment.n_src, alignment.n_tgt) != (counts["source"], counts["target"]):
            raise InputError(
                f"the alignment covers {alignment.n_src}+{alignment.n_tgt} paragraphs but the "
                f"workspace's texts have {counts['source']}+{counts['target']}"
            )

    # ---- re-anchoring -----------------------------------------------------------------------

    def reanchor(
        self, text: Text, side: str | None = None, alignment: Alignment | None = None
    ) -> ReanchorResult:
        """Bring the workspace up to date with a changed text of one side.

        Each annotation on that side is found again by quote and context (its old position a
        hint); those that cannot be found become orphans, never deleted. The stored text is
        replaced. If the number of paragraphs changed, give the new `alignment` too."""
        if side is None:
            side = self.side_of(text)
            if side is None:
                raise InputError(
                    f"{text.name} is neither document of this workspace (give the side)"
                )
        check_side(side)
        stored = self.document(side)
        touching = [
            a for a in self.annotations()
            if a.side == side or (a.link is not None and a.link.side == side)
        ]
        if stored.sha256 == text.sha256 and alignment is None:
            return ReanchorResult(annotations=touching, unchanged=len(touching))
        if alignment is None and len(text) != stored.paragraphs:
            raise InputError(
                f"{text.name} now has {len(text)} paragraphs instead of {stored.paragraphs}: "
                "align the pair again and pass the new alignment"
            )
        if alignment is not None:
            other = self.document(other_side(side))
            n_src, n_tgt = (len(text), other.paragraphs) if side == "source" else (
                other.paragraphs, len(text))
            if (alignment.n_src, alignment.n_tgt) != (n_src, n_tgt):
                raise InputError("the new alignment does not fit the texts")
        result = reanchor_annotations(touching, text, side)
        with self._tx() as conn:
            insert_document(conn, side, text, replace=True)
            for r in result.annotations:
                conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (r.id,))
                conn.execute("DELETE FROM annotations WHERE id = ?", (r.id,))
                insert_annotation(conn, r)
            if alignment is not None:
                conn.execute("DELETE FROM beads")
                insert_beads(conn, alignment.beads)
        with self._lock:
            self._texts.pop(side, None)
        return result

