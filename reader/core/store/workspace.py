"""The workspace: one SQLite file holding a pair's documents, its alignment and the annotations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from reader import __version__
from reader.core.align.beads import Alignment, AlignmentError, Bead
from reader.core.annotate.annotations import (
    SIDES,
    Annotation,
    SpanRef,
    Status,
    TagRef,
    check_side,
    new_annotation,
    now_iso,
    other_side,
    sort_key,
    span_in,
)
from reader.core.annotate.reanchor import ReanchorResult, reanchor_annotations
from reader.core.errors import InputError
from reader.core.store.rows import (
    ANNOTATION_COLUMNS,
    annotation_from_row,
    insert_annotation,
    insert_beads,
    insert_document,
)
from reader.core.store.schema import (
    APPLICATION_ID,
    BUSY_TIMEOUT_S,
    MIGRATIONS,
    SCHEMA_VERSION,
    AnnotationNotFoundError,
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
    translate_error,
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


class Workspace:
    """An open workspace. Every method that changes it commits before returning.

    Open with `Workspace.open(path)` or make one with `Workspace.create(...)`; use it as a
    context manager or call `close()`. Methods raise WorkspaceError subclasses (ReaderError).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
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
                insert_beads(conn, alignment.beads, set())
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

    # ---- transactions -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction (or none at all, if anything fails)."""
        if self.read_only:
            raise WorkspaceReadOnlyError("was opened read-only", self.path)
        with self._lock, self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock, self._errors():
            return self._conn.execute(sql, params).fetchall()

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

    def fingerprints(self) -> dict[str, str]:
        """SHA-256 of each side's decoded text (UTF-8, LF line ends), by side."""
        return dict(self._query("SELECT side, sha256 FROM documents"))

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
        rows = self._query(
            "SELECT src_start, src_count, tgt_start, tgt_count, confidence FROM beads "
            "ORDER BY position"
        )
        beads = [
            Bead(tuple(range(s, s + sc)), tuple(range(t, t + tc)), c) for s, sc, t, tc, c in rows
        ]
        counts = dict(self._query("SELECT side, paragraphs FROM documents"))
        try:
            return Alignment(beads, counts.get("source", 0), counts.get("target", 0))
        except AlignmentError as exc:
            raise WorkspaceCorruptError(f"holds a broken alignment: {exc}", self.path) from None

    def corrected_beads(self) -> set[int]:
        """Positions of the beads a person corrected by hand."""
        return {r[0] for r in self._query("SELECT position FROM beads WHERE corrected")}

    def set_alignment(self, alignment: Alignment, corrected: Iterable[int] = ()) -> None:
        """Replace the whole alignment; `corrected` are positions of hand-corrected beads."""
        self._check_alignment(alignment)
        with self._tx() as conn:
            conn.execute("DELETE FROM beads")
            insert_beads(conn, alignment.beads, set(corrected))

    def replace_beads(self, first: int, stop: int, beads: Sequence[Bead]) -> Alignment:
        """A person's correction: beads[first:stop] become `beads`, flagged as corrected.

        The result must still cover both texts once, in order (else AlignmentError)."""
        current = self.alignment()
        if not 0 <= first <= stop <= len(current):
            raise InputError(f"no beads {first}–{stop} (there are {len(current)})")
        new = Alignment(
            [*current.beads[:first], *beads, *current.beads[stop:]], current.n_src, current.n_tgt
        )
        shift = len(beads) - (stop - first)
        corrected = {p if p < first else p + shift for p in self.corrected_beads()
                     if p < first or p >= stop}
        corrected.update(range(first, first + len(beads)))
        self.set_alignment(new, corrected)
        return new

    def _check_alignment(self, alignment: Alignment) -> None:
        counts = dict(self._query("SELECT side, paragraphs FROM documents"))
        if (alignment.n_src, alignment.n_tgt) != (counts["source"], counts["target"]):
            raise InputError(
                f"the alignment covers {alignment.n_src}+{alignment.n_tgt} paragraphs but the "
                f"workspace's texts have {counts['source']}+{counts['target']}"
            )

    # ---- annotations ------------------------------------------------------------------------

    def annotate(
        self,
        side: str,
        paragraph: int,
        start: int,
        end: int,
        *,
        tags: Iterable[TagRef] = (),
        comment: str = "",
        severity: str | None = None,
        author: str = "",
        link: tuple[int, int, int] | None = None,
        snap: bool = False,
    ) -> Annotation:
        """Annotate `start:end` (code points) of a paragraph; `link` is (paragraph, start,
        end) on the other side. Returns the stored record."""
        text = self.text(check_side(side))
        link_span = None
        if link is not None:
            other = other_side(side)
            link_span = span_in(self.text(other), other, *link)
        record = new_annotation(
            text, side, paragraph, start, end, tags=tags, comment=comment, severity=severity,
            author=author, link=link_span, snap=snap,
        )
        return self.add_annotation(record)

    def add_annotation(self, record: Annotation) -> Annotation:
        """Store a new record (its id must be new). Returns it."""
        self.add_annotations([record])
        return record

    def add_annotations(self, records: Iterable[Annotation]) -> int:
        """Store many new records in one transaction (all or none). Returns how many."""
        records = list(records)
        for r in records:
            self._validate(r)
        with self._tx() as conn:
            for r in records:
                if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (r.id,)).fetchone():
                    raise WorkspaceError(f"already holds an annotation with id {r.id}", self.path)
                insert_annotation(conn, r)
        return len(records)

    def restore_annotation(self, record: Annotation) -> Annotation:
        """Put a deleted record back exactly as it was, with the same id (for undo)."""
        return self.add_annotation(record)

    def update_annotation(self, record: Annotation, *, touch: bool = True) -> Annotation:
        """Replace the stored record with the same id; with `touch`, `modified` becomes now."""
        if touch:
            record = replace(record, modified=now_iso())
        self._validate(record)
        with self._tx() as conn:
            if not conn.execute("SELECT 1 FROM annotations WHERE id = ?", (record.id,)).fetchone():
                raise AnnotationNotFoundError(f"has no annotation {record.id}", self.path)
            conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (record.id,))
            conn.execute("DELETE FROM annotations WHERE id = ?", (record.id,))
            insert_annotation(conn, record)
        return record

    def update_annotations(self, records: Iterable[Annotation]) -> int:
        """Replace many stored records as they are (no new `modified`), in one transaction."""
        records = list(records)
        for r in records:
            self._validate(r)
        with self._tx() as conn:
            for r in records:
                conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (r.id,))
                if not conn.execute("DELETE FROM annotations WHERE id = ?", (r.id,)).rowcount:
                    raise AnnotationNotFoundError(f"has no annotation {r.id}", self.path)
                insert_annotation(conn, r)
        return len(records)

    def delete_annotation(self, annotation_id: str) -> Annotation:
        """Delete an annotation; returns the record, which restore_annotation() puts back."""
        with self._tx() as conn:
            record = self._get(conn, annotation_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return record

    def get_annotation(self, annotation_id: str) -> Annotation:
        with self._lock, self._errors():
            return self._get(self._conn, annotation_id)

    def has_annotation(self, annotation_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM annotations WHERE id = ?", (annotation_id,)))

    def _get(self, conn: sqlite3.Connection, annotation_id: str) -> Annotation:
        row = conn.execute(
            f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            raise AnnotationNotFoundError(f"has no annotation {annotation_id}", self.path)
        tags = conn.execute(
            "SELECT codebook, tag FROM annotation_tags WHERE annotation_id = ? ORDER BY position",
            (annotation_id,),
        ).fetchall()
        return annotation_from_row(row, tuple(TagRef(c, t) for c, t in tags))

    def count_annotations(self) -> int:
        return int(self._query("SELECT count(*) FROM annotations")[0][0])

    def annotations(
        self,
        *,
        side: str | None = None,
        paragraph: int | None = None,
        tag: TagRef | str | None = None,
        author: str | None = None,
        status: Status | str | None = None,
        text: str | None = None,
    ) -> list[Annotation]:
        """Annotations in text order (source first), matching every filter given.

        `tag` is a TagRef, 'codebook:tag' or a bare tag id (any codebook); `text` searches
        quote and comment, ignoring case."""
        where, params = [], []
        for column, value in (("side", side), ("paragraph", paragraph), ("author", author),
                              ("status", None if status is None else str(status))):
            if value is not None:
                where.append(f"a.{column} = ?")
                params.append(value)
        if tag is not None:
            ref = tag if isinstance(tag, TagRef) else TagRef.parse(tag)
            # IN over an uncorrelated subquery: computed once, not once per annotation.
            if isinstance(tag, str) and ":" not in tag:
                where.append("a.id IN (SELECT annotation_id FROM annotation_tags WHERE tag = ?)")
                params.append(ref.tag)
            else:
                where.append("a.id IN (SELECT annotation_id FROM annotation_tags "
                             "WHERE codebook = ? AND tag = ?)")
                params.extend([ref.codebook, ref.tag])
        sql = f"SELECT {ANNOTATION_COLUMNS.replace('id,', 'a.id,', 1)} FROM annotations a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock, self._errors():
            rows = self._conn.execute(sql, params).fetchall()
            tags: dict[str, list[TagRef]] = {}
            for aid, codebook, tag_id in self._conn.execute(
                "SELECT annotation_id, codebook, tag FROM annotation_tags "
                "ORDER BY annotation_id, position"
            ):
                tags.setdefault(aid, []).append(TagRef(codebook, tag_id))
        records = [annotation_from_row(r, tuple(tags.get(r[0], ()))) for r in rows]
        if text:
            needle = text.casefold()
            records = [
                r for r in records
                if needle in r.quote.casefold() or needle in r.comment.casefold()
            ]
        records.sort(key=sort_key)
        return records

    def authors(self) -> list[str]:
        return [r[0] for r in self._query("SELECT DISTINCT author FROM annotations ORDER BY 1")]

    def _validate(self, r: Annotation) -> None:
        """Refuse a record whose offsets do not fit the stored text (orphans keep old ones)."""
        check_side(r.side)
        if not r.id:
            raise InputError("an annotation needs an id")
        if r.status not in (Status.ANCHORED, Status.ORPHAN):
            raise InputError(f"unknown annotation status {r.status!r}")
        if r.status is Status.ANCHORED:
            self._validate_span(r.span, "the annotation")
            if r.link is not None:
                if r.link.side == r.side:
                    raise InputError("a linked span must be on the other side")
                self._validate_span(r.link, "its linked span")

    def _validate_span(self, span: SpanRef, what: str) -> None:
        text = self.text(check_side(span.side))
        if not 0 <= span.paragraph < len(text.paragraphs):
            raise InputError(
                f"{what}: paragraph {span.paragraph} does not exist in the {span.side}"
            )
        para = text.paragraphs[span.paragraph]
        ok = (
            0 <= span.start < span.end <= len(para.text)
            and span.abs_start == para.start + span.start
            and span.abs_end == para.start + span.end
            and text.content[span.abs_start : span.abs_end] == span.quote
        )
        if not ok:
            raise InputError(
                f"{what}: offsets {span.start}–{span.end} of {span.side} paragraph "
                f"{span.paragraph} do not hold its quote {span.quote[:40]!r}"
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
                insert_beads(conn, alignment.beads, set())
        with self._lock:
            self._texts.pop(side, None)
        return result

