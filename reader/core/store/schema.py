"""The workspace's SQLite file: schema and migrations, opening it safely, errors in words."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote as url_quote

from reader.core.annotate.annotations import SIDES
from reader.core.errors import ReaderError
from reader.core.files import not_regular
from reader.core.store.bead_states import add_bead_states
from reader.core.store.curation_schema import CURATION_TABLE, migrate_curation
from reader.core.store.review_schema import REVIEW_TABLES, add_review_tables

SCHEMA_VERSION = 4
# 'PRdr' in the SQLite header, so that another program's database is told apart from ours.
APPLICATION_ID = 0x50526472
# Short, so that a workspace another process is writing gives a message instead of a hang.
BUSY_TIMEOUT_S = 0.5
SUFFIX = ".prw"
_SQLITE_MAGIC = b"SQLite format 3\x00"


class WorkspaceError(ReaderError):
    """A workspace problem: `'<file>: <problem>'`."""

    def __init__(self, problem: str, path: str | Path | None = None) -> None:
        self.problem = problem
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class WorkspaceNotFoundError(WorkspaceError):
    """No workspace file at the path given."""


class WorkspaceExistsError(WorkspaceError):
    """A workspace would overwrite an existing file."""


class WorkspaceCorruptError(WorkspaceError):
    """Not a readable Parallel Reader workspace (garbage, truncated, or another database)."""


class WorkspaceLockedError(WorkspaceError):
    """Another program is writing the workspace right now."""


class WorkspaceReadOnlyError(WorkspaceError):
    """The file (or its folder) cannot be written."""


class WorkspaceVersionError(WorkspaceError):
    """Written by a newer version of the program, with a schema this one does not know."""


class AnnotationNotFoundError(WorkspaceError):
    """No annotation with the id given."""


_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    side TEXT PRIMARY KEY CHECK (side IN ('source', 'target')),
    path TEXT,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    language TEXT NOT NULL,
    encoding TEXT NOT NULL,
    blocks INTEGER NOT NULL DEFAULT 0,
    paragraphs INTEGER NOT NULL,
    content TEXT NOT NULL
);
CREATE TABLE beads (
    position INTEGER PRIMARY KEY,
    src_start INTEGER NOT NULL,
    src_count INTEGER NOT NULL,
    tgt_start INTEGER NOT NULL,
    tgt_count INTEGER NOT NULL,
    confidence REAL NOT NULL,
    corrected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    side TEXT NOT NULL REFERENCES documents(side),
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    abs_start INTEGER NOT NULL,
    abs_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    comment TEXT NOT NULL,
    severity TEXT,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
    link TEXT
);
CREATE INDEX annotations_by_position ON annotations (side, abs_start);
CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    codebook TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (annotation_id, position)
);
CREATE INDEX annotation_tags_by_tag ON annotation_tags (codebook, tag);
"""

# MIGRATIONS[v] takes a workspace from schema version v to v + 1; append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    lambda conn: _run_script(conn, _SCHEMA_1),
    migrate_curation,
    add_bead_states,
    add_review_tables,
]
assert len(MIGRATIONS) == SCHEMA_VERSION


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the caller's transaction; run statement by statement instead.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def check_file(path: Path, read_only: bool) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise WorkspaceNotFoundError("no such workspace file", path) from None
    except OSError as exc:
        raise WorkspaceError(f"cannot be read: {exc.strerror or exc}", path) from None
    kind = not_regular(st.st_mode)  # a FIFO would block the read of the header below
    if kind:
        raise WorkspaceError(f"is {kind}, not a workspace file", path)
    if not os.access(path, os.R_OK):
        raise WorkspaceError("cannot be read (permission denied)", path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise WorkspaceError(f"cannot be read: {exc.strerror or exc}", path) from None
    if head != _SQLITE_MAGIC:
        what = "is empty" if st.st_size == 0 else "is not a workspace (not an SQLite file)"
        raise WorkspaceCorruptError(f"{what}; it may be damaged", path)
    if read_only:
        return
    # No write bit means the user marked it read-only; honour that even where access() would
    # not (for root).
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
        raise WorkspaceReadOnlyError(
            "is read-only; copy it or change its permissions to annotate", path
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise WorkspaceReadOnlyError(
            "is in a folder that cannot be written (the workspace needs to write beside it)", path
        )


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = f"file:{url_quote(str(path.resolve()))}?mode={'ro' if read_only else 'rw'}"
    try:
        conn = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    return conn


def check_header(conn: sqlite3.Connection, path: Path) -> int:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    if app_id != APPLICATION_ID:
        raise WorkspaceCorruptError(
            "is an SQLite database but not a Parallel Reader workspace", path
        )
    return version


def upgrade(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Take the write lock once (so that a busy workspace is reported now, not at the first
    annotation) and run any migrations inside it."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for migration in MIGRATIONS[version:]:
                migration(conn)
            if version < SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        if version < SCHEMA_VERSION:
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None


def check_tables(conn: sqlite3.Connection, path: Path) -> None:
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = dict(conn.execute("SELECT side, paragraphs FROM documents").fetchall())
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from None
    missing = {"meta", "documents", "beads", "annotations", "annotation_tags",
               CURATION_TABLE, *REVIEW_TABLES} - names
    if missing or set(counts) != set(SIDES):
        raise WorkspaceCorruptError("is damaged (tables or documents are missing)", path)


def translate_error(exc: sqlite3.Error, path: Path) -> WorkspaceError:
    message = str(exc)
    lower = message.lower()
    if "locked" in lower or "busy" in lower:
        return WorkspaceLockedError(
            "is in use by another program that is writing it; close it there or try again", path
        )
    if "readonly" in lower or "read-only" in lower:
        return WorkspaceReadOnlyError("cannot be written (read-only)", path)
    if isinstance(exc, sqlite3.IntegrityError):
        return WorkspaceError(f"refused a change: {message}", path)
    if "unable to open" in lower:
        return WorkspaceError(f"cannot be opened: {message}", path)
    if isinstance(exc, sqlite3.DatabaseError | sqlite3.OperationalError):
        return WorkspaceCorruptError(f"is damaged or not a workspace ({message})", path)
    return WorkspaceError(message, path)


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
