"""Curation decisions in the workspace: each stored or undone with its curated record at once."""

from __future__ import annotations

import json

from reader.core.annotate.annotations import Annotation
from reader.core.annotate.conflicts import Action, Decision
from reader.core.store.annotation_store import AnnotationStore
from reader.core.store.curation_schema import CURATION_TABLE
from reader.core.store.rows import insert_annotation
from reader.core.store.schema import WorkspaceError


class CurationStore(AnnotationStore):
    """The decisions of a workspace; Workspace inherits them."""

    def decisions(self) -> list[Decision]:
        rows = self._query(
            f"SELECT id, action, members, result, made FROM {CURATION_TABLE} ORDER BY made, id"
        )
        return [Decision(r[0], Action(r[1]), tuple(json.loads(r[2])), r[3], r[4]) for r in rows]

    def record_decision(self, decision: Decision, result: Annotation | None) -> None:
        """Store a decision and its curated record (if any) in one transaction."""
        if (result is None) != (decision.result is None) or (
            result is not None and result.id != decision.result
        ):
            raise WorkspaceError("a decision must name the curated record stored with it",
                                 self.path)
        if result is not None:
            self._validate(result)
        with self._tx() as conn:
            if result is not None:
                if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (result.id,)).fetchone():
                    raise WorkspaceError(f"already holds an annotation with id {result.id}",
                                         self.path)
                insert_annotation(conn, result)
            conn.execute(
                f"INSERT INTO {CURATION_TABLE} (id, action, members, result, made) "
                "VALUES (?, ?, ?, ?, ?)",
                (decision.id, str(decision.action), json.dumps(list(decision.members)),
                 decision.result, decision.made),
            )

    def undo_decision(self, decision_id: str) -> None:
        """Forget a decision and delete its curated record, in one transaction."""
        with self._tx() as conn:
            row = conn.execute(
                f"SELECT result FROM {CURATION_TABLE} WHERE id = ?", (decision_id,)
            ).fetchone()
            if row is None:
                raise WorkspaceError(f"has no curation decision {decision_id}", self.path)
            if row[0] is not None:
                conn.execute("DELETE FROM annotations WHERE id = ?", (row[0],))
            conn.execute(f"DELETE FROM {CURATION_TABLE} WHERE id = ?", (decision_id,))
