"""Undoable alignment edits: redo makes the edit, undo puts back the beads it replaced."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.align.edits import Edit, inverse
from reader.core.errors import ReaderError

# makes one step: (the edit to make on the alignment shown, the bead to make current after it);
# raises ReaderError when it cannot (the workspace refuses it)
Step = Callable[[Edit, int], None]
# told when a step failed: the message to show
ErrorListener = Callable[[str], None]


class AlignmentEditCommand(QUndoCommand):
    """One hand edit (or one re-alignment). Its beads before and after, with their states and
    confidences, are in the Edit, so undo and redo give back exactly what was shown.

    A failed first step marks the command obsolete, so QUndoStack.push() drops it and the
    stack never holds an edit that did not happen; `error` then says why.
    """

    def __init__(
        self, edit: Edit, text: str, step: Step, failed: ErrorListener, *,
        current_before: int, current_after: int,
    ) -> None:
        super().__init__(text)
        self.edit = edit
        self.step = step
        self.failed = failed
        self.current_before = current_before
        self.current_after = current_after
        self.error: str | None = None
        self._done_once = False

    def redo(self) -> None:  # Qt override
        self._run(self.edit, self.current_after)

    def undo(self) -> None:  # Qt override
        self._run(inverse(self.edit), self.current_before)

    def _run(self, edit: Edit, current: int) -> None:
        try:
            self.step(edit, current)
        except ReaderError as exc:
            self.error = str(exc)
            if not self._done_once:
                self.setObsolete(True)
            self.failed(self.error)
            return
        self._done_once = True
        self.error = None
