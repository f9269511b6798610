"""The annotations of an open workspace: adding, changing, deleting, finding and checking them."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from reader.core.annotate.annotations import (
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
from reader.core.errors import InputError
from reader.core.store.rows import ANNOTATION_COLUMNS, annotation_from_row, insert_annotation
from reader.core.store.schema import (
    AnnotationNotFoundError,
    WorkspaceError,
    WorkspaceReadOnlyError,
    translate_error,
)
from reader.core.text.document import Text


class AnnotationStore:
    """The connection of an open workspace, its transactions, and the annotations it holds.

    Workspace is the class to use: it opens the file and supplies each side's stored `text`,
    against which a record is checked before it is stored."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        # one connection, shared with the thread pool (re-anchoring runs there)
        self._lock = threading.RLock()

    def text(self, side: str) -> Text:
        """The stored text of a side."""
        raise NotImplementedError

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
