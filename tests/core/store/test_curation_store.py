"""Curation decisions stored with their curated record in one transaction, and undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.annotate.agreement import CURATION
from reader.core.annotate.annotations import TagRef
from reader.core.annotate.conflicts import Action, decide, find_conflicts
from reader.core.store.curation_schema import migrate_curation
from reader.core.store.schema import MIGRATIONS, SCHEMA_VERSION, WorkspaceError
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import small_workspace

TAG = TagRef("p", "a")


def test_a_decision_and_its_record_are_stored_and_undone_together(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        ws.annotate("target", 0, 0, 4, tags=(TAG,), author="L")
        ws.annotate("target", 0, 2, 9, tags=(TAG,), author="O")
        conflict = find_conflicts(ws.annotations())[0]
        decision, result = decide(conflict, Action.MERGE, ws.text("target"))
        ws.record_decision(decision, result)
        assert ws.decisions() == [decision]
        assert [a.author for a in ws.annotations()].count(CURATION) == 1
    with Workspace.open(tmp_path / "w.prw") as ws:  # it was committed
        assert ws.decisions() == [decision]
        ws.undo_decision(decision.id)
        assert ws.decisions() == []
        assert CURATION not in {a.author for a in ws.annotations()}
        with pytest.raises(WorkspaceError, match="no curation decision"):
            ws.undo_decision(decision.id)


def test_a_failing_decision_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        ws.annotate("target", 0, 0, 4, tags=(TAG,), author="L")
        conflict = find_conflicts(ws.annotations(), ["L", "O"])[0]
        decision, result = decide(conflict, Action.ACCEPT, ws.text("target"),
                                  conflict.members[0])
        ws.record_decision(decision, result)
        with pytest.raises(WorkspaceError, match="already holds"):
            ws.record_decision(decision, result)
        assert len(ws.decisions()) == 1 and len(ws.annotations()) == 2


def test_the_migration_adds_the_decisions_table_to_an_older_workspace(tmp_path: Path) -> None:
    assert migrate_curation in MIGRATIONS and len(MIGRATIONS) == SCHEMA_VERSION
    small_workspace(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "w.prw")
    conn.execute("DROP TABLE curation_decisions")
    migrate_curation(conn)
    migrate_curation(conn)  # idempotent
    conn.commit()
    conn.close()
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.decisions() == []
