"""The SQLite workspace: creating, persistence, bad files, a killed writer, re-anchoring."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.align.beads import Alignment, AlignmentError, Bead
from reader.core.annotate.annotations import Status, TagRef
from reader.core.errors import InputError
from reader.core.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    WorkspaceCorruptError,
    WorkspaceExistsError,
    WorkspaceLockedError,
    WorkspaceNotFoundError,
    WorkspaceReadOnlyError,
    WorkspaceVersionError,
)
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text, text_from_string
from tests.core.workspace_helpers import (
    SOURCE_LINES,
    small_pair,
    small_workspace,
    span_of,
    write_pair,
)

SHIFT = TagRef("translation-shifts", "label_substitution")
LOADED = TagRef("semeval2020-propaganda", "Loaded_Language")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_stores_documents_alignment_and_settings(tmp_path: Path) -> None:
    source, target, alignment = small_pair(tmp_path)
    with Workspace.create(tmp_path / "w.prw", source, target, alignment) as ws:
        assert ws.document("source").sha256 == source.sha256
        assert ws.document("target").sha256 == target.sha256
        assert ws.document("target").content == target.content  # LF, as decoded
        assert "\r" not in ws.document("target").content
        assert ws.alignment().beads == alignment.beads
        assert ws.text("source").paragraphs == source.paragraphs
        assert ws.side_of(source) == "source"
        mode = ws._conn.execute("PRAGMA journal_mode").fetchone()[0]
        fks = ws._conn.execute("PRAGMA foreign_keys").fetchone()[0]
        version = ws._conn.execute("PRAGMA user_version").fetchone()[0]
    assert (mode, fks, version) == ("wal", 1, SCHEMA_VERSION)


def test_create_refuses_to_overwrite_and_a_mismatched_alignment(tmp_path: Path) -> None:
    source, target, alignment = small_pair(tmp_path)
    small_workspace(tmp_path).close()
    before = digest(tmp_path / "w.prw")
    with pytest.raises(WorkspaceExistsError, match="already exists"):
        Workspace.create(tmp_path / "w.prw", source, target, alignment)
    assert digest(tmp_path / "w.prw") == before
    wrong = Alignment([Bead((0, 1, 2, 3), (0, 1, 2))], 4, 3)
    with pytest.raises(InputError, match="paragraphs"):
        Workspace.create(tmp_path / "x.prw", target, source, wrong)
    assert not (tmp_path / "x.prw").exists()


def test_hand_corrected_beads_and_alignment_replacement(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        # a person merges source 2 and 3 into one bead with target 2
        new = ws.replace_beads(2, 4, [Bead((2, 3), (2,), 1.0, "edited")])
        assert ws.alignment().beads == new.beads
        assert [b.state for b in ws.alignment()] == ["automatic", "automatic", "edited"]
        with pytest.raises(AlignmentError):
            ws.replace_beads(0, 1, [Bead((0,), (), 1.0)])
        assert ws.alignment().beads == new.beads
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.alignment().beads == new.beads


def test_save_as_copies_everything(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        a = ws.annotate("source", 0, 0, 7)
        ws.save_as(tmp_path / "copy.prw")
    with Workspace.open(tmp_path / "copy.prw") as copy:
        assert copy.annotations() == [a]


# ---- files that cannot be opened: a clear error, and nothing changed ----------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFoundError, match="no such workspace"):
        Workspace.open(tmp_path / "nope.prw")
    assert not (tmp_path / "nope.prw").exists()


@pytest.mark.parametrize("garbage", [b"", b"this is not a database\n" * 50, os.urandom(4096)])
def test_corrupt_file(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "bad.prw"
    path.write_bytes(garbage)
    with pytest.raises(WorkspaceCorruptError) as info:
        Workspace.open(path)
    assert "bad.prw" in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.prw"]


def test_damaged_workspace_past_the_header(tmp_path: Path) -> None:
    small_workspace(tmp_path).close()
    path = tmp_path / "w.prw"
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # keep the magic, smash the rest
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceCorruptError):
        Workspace.open(path)
    assert path.read_bytes() == bytes(data)


def test_another_database_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(WorkspaceCorruptError, match="not a Parallel Reader workspace"):
        Workspace.open(path)
    assert digest(path) == before


def test_locked_file(tmp_path: Path) -> None:
    small_workspace(tmp_path).close()
    path = tmp_path / "w.prw"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    try:
        before = digest(path)
        with pytest.raises(WorkspaceLockedError, match="in use by another program"):
            Workspace.open(path)
        assert digest(path) == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    Workspace.open(path).close()  # fine once the other writer is gone


def test_read_only_file(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        a = ws.annotate("source", 0, 0, 7)
    path = tmp_path / "w.prw"
    before = digest(path)
    path.chmod(0o444)
    try:
        with pytest.raises(WorkspaceReadOnlyError, match="read-only"):
            Workspace.open(path)
        assert digest(path) == before
        with Workspace.open(path, read_only=True) as ws:
            assert ws.annotations() == [a]
            with pytest.raises(WorkspaceReadOnlyError):
                ws.annotate("source", 0, 0, 7)
        assert digest(path) == before
    finally:
        path.chmod(0o644)


def test_newer_schema(tmp_path: Path) -> None:
    small_workspace(tmp_path).close()
    path = tmp_path / "w.prw"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(WorkspaceVersionError, match="newer version"):
        Workspace.open(path)
    assert digest(path) == before


def test_unfinished_workspace_is_reported_not_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.prw"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # ours, but schema version 0
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(WorkspaceCorruptError, match="never completed"):
        Workspace.open(path)
    assert digest(path) == before


# ---- a killed writer loses nothing -------------------------------------------------------------


def test_annotation_survives_sigkill(tmp_path: Path) -> None:
    small_workspace(tmp_path).close()
    path = tmp_path / "w.prw"
    script = textwrap.dedent(
        f"""
        import sys, time
        from reader.core.store.workspace import Workspace
        from reader.core.annotate.annotations import TagRef
        ws = Workspace.open({str(path)!r})
        a = ws.annotate("source", 0, 0, 7, tags=[TagRef("translation-shifts", "softening")],
                        comment="kept after kill")
        print(a.id, flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line, proc.stderr.read() if proc.stderr else ""
        proc.kill()  # SIGKILL: no cleanup, no close
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -9
    with Workspace.open(path) as ws:
        found = ws.get_annotation(line)
        assert found.comment == "kept after kill"
        assert found.tags == (TagRef("translation-shifts", "softening"),)


# ---- re-anchoring after the text file changed --------------------------------------------------


def test_reanchor_moves_annotations_and_keeps_orphans(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        src = ws.text("source")
        s1 = span_of(src, 0, "@umtikrit")
        s2 = span_of(src, 3, "النظام العراقي", occurrence=1)
        s3 = span_of(src, 2, "فقرة محذوفة")
        keep = ws.annotate("source", 0, *s1)
        second = ws.annotate("source", 3, *s2)
        doomed = ws.annotate("source", 2, *s3, comment="about a deleted passage")
        other = ws.annotate("target", 0, 0, 4)
        lines = list(SOURCE_LINES)
        lines[0] = "كلمات جديدة في البداية. " + lines[0]
        lines[2] = "جملة أخرى تماما مكان الجملة القديمة."
        src_path, _ = write_pair(tmp_path, lines)
        changed = load_text(src_path)
        result = ws.reanchor(changed)
        assert set(result.moved) == {keep.id, second.id}  # absolute offsets shifted
        assert result.orphaned == [doomed.id]
        after = {a.id: a for a in ws.annotations()}
        assert len(after) == 4  # nothing dropped
        assert after[keep.id].quote == "@umtikrit"
        assert changed.content[after[keep.id].abs_start : after[keep.id].abs_end] == "@umtikrit"
        assert after[keep.id].start == keep.start + len("كلمات جديدة في البداية. ")
        # same place in its paragraph: still the second of two equal quotes
        assert (after[second.id].paragraph, after[second.id].start, after[second.id].quote) == (
            3, second.start, second.quote)
        assert after[doomed.id].status is Status.ORPHAN
        assert after[doomed.id].quote == "فقرة محذوفة"
        assert after[doomed.id].comment == "about a deleted passage"
        assert after[other.id] == other
        assert ws.document("source").sha256 == changed.sha256
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.get_annotation(doomed.id).status is Status.ORPHAN
        # the passage comes back: the orphan is found again
        src_path, _ = write_pair(tmp_path)
        result = ws.reanchor(load_text(src_path), "source")
        assert result.recovered == [doomed.id]
        assert ws.get_annotation(doomed.id).status is Status.ANCHORED


def test_reanchor_with_changed_paragraph_count_needs_a_new_alignment(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        src = ws.text("source")
        a = ws.annotate("source", 3, *span_of(src, 3, "مرة أخرى"))
        changed = text_from_string(
            "فقرة جديدة في الأول.\n" + "\n".join(SOURCE_LINES) + "\n",
            path=tmp_path / "pair.ar.txt",
        )
        with pytest.raises(InputError, match="align the pair again"):
            ws.reanchor(changed, "source")
        assert ws.get_annotation(a.id) == a
        beads = [Bead((0,), ()), Bead((1,), (0,)), Bead((2,), (1,)), Bead((3,), ()),
                 Bead((4,), (2,))]
        ws.reanchor(changed, "source", Alignment(beads, 5, 3))
        moved = ws.get_annotation(a.id)
        assert (moved.paragraph, moved.quote, moved.start) == (4, "مرة أخرى", a.start)
        assert ws.alignment().beads == beads


def test_reanchor_fuzzy_after_a_small_edit_inside_the_quote(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        src = ws.text("source")
        a = ws.annotate("source", 1, *span_of(src, 1, "عدد السوريين اللي طلعوا الليلة"))
        lines = list(SOURCE_LINES)
        lines[1] = lines[1].replace("السوريين", "السوريّين")  # a shadda added
        src_path, _ = write_pair(tmp_path, lines)
        result = ws.reanchor(load_text(src_path))
        assert result.moved == [a.id]
        after = ws.get_annotation(a.id)
        assert after.status is Status.ANCHORED
        assert after.quote == "عدد السوريّين اللي طلعوا الليلة"
