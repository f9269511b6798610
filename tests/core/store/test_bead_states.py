"""Bead states in the workspace: stored per bead, migrated from the old flag, annotations kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import BEAD_STATES, Alignment, Bead
from reader.core.annotate.annotations import span_in
from reader.core.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    WorkspaceError,
    WorkspaceReadOnlyError,
)
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import small_pair, small_workspace, span_of

# The workspace schema as version 1 of the program wrote it, kept here word for word so that
# the migration is tested against the real old file, not against whatever MIGRATIONS[0] becomes.
SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    side TEXT PRIMARY KEY CHECK (side IN ('source', 'target')),
    path TEXT, name TEXT NOT NULL, sha256 TEXT NOT NULL, language TEXT NOT NULL,
    encoding TEXT NOT NULL, blocks INTEGER NOT NULL DEFAULT 0, paragraphs INTEGER NOT NULL,
    content TEXT NOT NULL
);
CREATE TABLE beads (
    position INTEGER PRIMARY KEY, src_start INTEGER NOT NULL, src_count INTEGER NOT NULL,
    tgt_start INTEGER NOT NULL, tgt_count INTEGER NOT NULL, confidence REAL NOT NULL,
    corrected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY, side TEXT NOT NULL REFERENCES documents(side),
    paragraph INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    abs_start INTEGER NOT NULL, abs_end INTEGER NOT NULL, quote TEXT NOT NULL,
    prefix TEXT NOT NULL, suffix TEXT NOT NULL, comment TEXT NOT NULL, severity TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')), link TEXT
);
CREATE INDEX annotations_by_position ON annotations (side, abs_start);
CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, codebook TEXT NOT NULL, tag TEXT NOT NULL,
    PRIMARY KEY (annotation_id, position)
);
CREATE INDEX annotation_tags_by_tag ON annotation_tags (codebook, tag);
"""


def states(ws: Workspace) -> list[str]:
    return [b.state for b in ws.alignment()]


def test_states_survive_close_and_reopen(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        beads = ws.alignment().beads
        marked = [
            Bead(b.src, b.tgt, b.confidence, state)
            for b, state in zip(beads, ["confirmed", "edited", "automatic", "confirmed"],
                                strict=True)
        ]
        ws.set_alignment(Alignment(marked, ws.alignment().n_src, ws.alignment().n_tgt))
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.alignment().beads == marked
        # a merge keeps the states it is given, and those of every bead around it
        ws.replace_beads(1, 3, [Bead((1, 2), (1,), 0.5, "edited")])
    with Workspace.open(tmp_path / "w.prw", read_only=True) as ws:
        assert states(ws) == ["confirmed", "edited", "confirmed"]
        assert ws.alignment()[1] == Bead((1, 2), (1,), 0.5, "edited")


def test_create_stores_the_states_it_is_given(tmp_path: Path) -> None:
    source, target, alignment = small_pair(tmp_path)
    beads = [Bead(b.src, b.tgt, b.confidence, "confirmed") for b in alignment]
    with Workspace.create(tmp_path / "w.prw", source, target,
                          Alignment(beads, alignment.n_src, alignment.n_tgt)) as ws:
        assert states(ws) == ["confirmed"] * 4


def test_a_failed_change_leaves_the_alignment_as_it_was(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        before = ws.alignment().beads
        # a state the table refuses: the transaction is rolled back, no bead half-written
        bad = [Bead(b.src, b.tgt, b.confidence, "bogus") for b in before]  # type: ignore[arg-type]
        with pytest.raises(WorkspaceError, match="refused"):
            ws.set_alignment(Alignment(bad, 4, 3))
        with pytest.raises(WorkspaceError, match="refused"):
            ws.replace_beads(2, 4, [Bead((2, 3), (2,), 1.0, "bogus")])  # type: ignore[arg-type]
        assert ws.alignment().beads == before
    with Workspace.open(tmp_path / "w.prw", read_only=True) as ws:
        assert ws.alignment().beads == before
        with pytest.raises(WorkspaceReadOnlyError):
            ws.set_alignment(Alignment(before, 4, 3))


def write_version_1(path: Path, source_path: Path) -> None:
    """A workspace exactly as version 1 wrote it: bead 1 flagged `corrected`, one annotation."""
    source, target, _ = small_pair(source_path)
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_1)
    for side, text in (("source", source), ("target", target)):
        conn.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (side, str(text.path), text.path.name if text.path else side, text.sha256,
             text.language, text.encoding, len(text), text.content),
        )
    rows = [(0, 0, 1, 0, 1, 0.9, 0), (1, 1, 1, 1, 1, 0.8, 1), (2, 2, 1, 2, 0, 0.7, 0),
            (3, 3, 1, 2, 1, 0.6, 0)]
    conn.executemany("INSERT INTO beads VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute(
        "INSERT INTO annotations VALUES ('a1', 'source', 0, 0, 7, 0, 7, 'النظام', '', ' العراق',"
        " 'a note', 'high', 'me', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z',"
        " 'anchored', NULL)"
    )
    conn.execute("INSERT INTO annotation_tags VALUES ('a1', 0, 'translation-shifts', 'omission')")
    conn.execute("INSERT INTO meta VALUES ('created', '2025-01-01T00:00:00.000Z')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_version_1_workspace_migrates_corrected_to_edited(tmp_path: Path) -> None:
    path = tmp_path / "old.prw"
    write_version_1(path, tmp_path)
    with Workspace.open(path) as ws:
        assert ws.alignment().beads == [
            Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8, "edited"), Bead((2,), (), 0.7),
            Bead((3,), (2,), 0.6),
        ]
        [note] = ws.annotations()
        assert (note.id, note.quote, note.comment, note.severity) == (
            "a1", "النظام", "a note", "high")
        assert [t.tag for t in note.tags] == ["omission"]
        assert ws.document("source").paragraphs == 4
        version = ws._conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {r[1] for r in ws._conn.execute("PRAGMA table_info(beads)")}
        meta = dict(ws._conn.execute("SELECT key, value FROM meta"))
    assert version == SCHEMA_VERSION
    assert "state" in columns
    if sqlite3.sqlite_version_info >= (3, 35):
        assert "corrected" not in columns
    assert meta["created"] == "2025-01-01T00:00:00.000Z"
    # and it stays migrated: opened again, read-only, nothing to do
    with Workspace.open(path, read_only=True) as ws:
        assert states(ws) == ["automatic", "edited", "automatic", "automatic"]


def test_annotations_keep_their_spans_whatever_bead_their_paragraph_moves_to(
    tmp_path: Path,
) -> None:
    """Annotations point at (side, paragraph, offsets), their links too, never at a bead: an
    edit of the alignment changes none of them."""
    with small_workspace(tmp_path) as ws:
        source, target = ws.text("source"), ws.text("target")
        start, end = span_of(target, 2, "Iraqi regime")
        link_at = (3, *span_of(source, 3, "النظام العراقي"))
        linked = ws.annotate("target", 2, start, end, comment="linked", link=link_at)
        link = span_in(source, "source", *link_at)
        plain = ws.annotate("source", 2, 0, 4, comment="left out")
        before = ws.annotations()
        # source 2 (left out) and 3 join target 2 in one bead; then everything in one 4:3 bead
        ws.replace_beads(2, 4, [Bead((2, 3), (2,), 1.0, "edited")])
        assert ws.annotations() == before
        ws.set_alignment(Alignment([Bead((0, 1, 2, 3), (0, 1, 2), 1.0, "confirmed")], 4, 3))
        assert ws.annotations() == before
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.annotations() == before
        assert {a.id for a in ws.annotations()} == {linked.id, plain.id}
        got = {a.id: a for a in ws.annotations()}[linked.id]
        assert got.link == link and (got.paragraph, got.start, got.end) == (2, start, end)


@st.composite
def alignments(draw: st.DrawFn) -> Alignment:
    """A random alignment of 4 source and 3 target paragraphs, each bead with a random state."""
    beads: list[Bead] = []
    i = j = 0
    while i < 4 or j < 3:
        take_src = draw(st.integers(0 if j < 3 else 1, min(3, 4 - i)))
        take_tgt = draw(st.integers(1 if take_src == 0 else 0, min(3, 3 - j)))
        if take_src == take_tgt == 0:
            continue
        state = draw(st.sampled_from(BEAD_STATES))
        conf = draw(st.floats(0, 1, allow_nan=False))
        beads.append(Bead(tuple(range(i, i + take_src)), tuple(range(j, j + take_tgt)), conf,
                          state))
        i += take_src
        j += take_tgt
    return Alignment(beads, 4, 3)


@settings(max_examples=25, deadline=None)
@given(alignments(), alignments())
def test_any_alignment_is_stored_as_given(
    tmp_path_factory: pytest.TempPathFactory, first: Alignment, second: Alignment
) -> None:
    folder = tmp_path_factory.mktemp("ws")
    with small_workspace(folder) as ws:
        ws.set_alignment(first)
        assert ws.alignment().beads == first.beads
        ws.replace_beads(0, len(first), second.beads)
    with Workspace.open(folder / "w.prw", read_only=True) as ws:
        assert ws.alignment().beads == second.beads


def test_a_workspace_that_already_has_the_state_column_migrates(tmp_path: Path) -> None:
    """A file a build with another migration order wrote: the column is there, user_version
    says the migration has not run; opening it must not fail with 'duplicate column'."""
    path = tmp_path / "other-order.prw"
    write_version_1(path, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE beads ADD COLUMN state TEXT NOT NULL DEFAULT 'automatic'")
    conn.execute("UPDATE beads SET state = 'confirmed' WHERE position = 0")
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws:
        assert states(ws) == ["confirmed", "edited", "automatic", "automatic"]
