"""A curator's decision as an undoable command: the decision and its curated record, together."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.annotate.annotations import Annotation
from reader.core.annotate.conflicts import Decision
from reader.core.errors import ReaderError
from reader.core.store.workspace import Workspace

# told after each step: the curated record now stored (redo) or gone (undo: None), and its id
Changed = Callable[[str | None, Annotation | None], None]
Failed = Callable[[str], None]


class DecisionCommand(QUndoCommand):
    """Redo stores the decision with its record (Workspace.record_decision); undo removes both.

    A first redo that fails marks the command obsolete, so the stack never holds a decision
    that was not stored; `error` says why."""

    def __init__(
        self, workspace: Workspace, decision: Decision, result: Annotation | None, text: str,
        changed: Changed, failed: Failed,
    ) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.decision = decision
        self.result = result
        self.changed = changed
        self.failed = failed
        self.error: str | None = None
        self._done_once = False

    def _run(self, step: Callable[[], None], record: Annotation | None) -> None:
        try:
            step()
        except ReaderError as exc:
            self.error = str(exc)
            if not self._done_once:
                self.setObsolete(True)
            self.failed(self.error)
            return
        self._done_once = True
        self.error = None
        self.changed(self.decision.result, record)

    def redo(self) -> None:  # Qt override
        self._run(lambda: self.workspace.record_decision(self.decision, self.result), self.result)

    def undo(self) -> None:  # Qt override
        self._run(lambda: self.workspace.undo_decision(self.decision.id), None)
