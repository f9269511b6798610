"""Undoable alignment edits: redo makes the edit, undo puts back the beads it replaced."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

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
    stack never holds an edit that did not happen; `error` then says why. A later undo or redo
    that fails (the workspace is locked) leaves the alignment as it was, so the stack is moved
    back to match it, and the step that moves it back does nothing.
    """

    def __init__(
        self, edit: Edit, text: str, step: Step, failed: ErrorListener, *,
        current_before: int, current_after: int, stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(text)
        self.edit = edit
        self.step = step
        self.failed = failed
        self.current_before = current_before
        self.current_after = current_after
        self.stack = stack
        self.error: str | None = None
        self._done_once = False
        self._skip = False

    def redo(self) -> None:  # Qt override
        self._run(self.edit, self.current_after, undoing=False)

    def undo(self) -> None:  # Qt override
        self._run(inverse(self.edit), self.current_before, undoing=True)

    def _run(self, edit: Edit, current: int, undoing: bool) -> None:
        if self._skip:  # the stack coming back to where the alignment stayed
            self._skip = False
            return
        try:
            self.step(edit, current)
        except ReaderError as exc:
            self.error = str(exc)
            if not self._done_once:
                self.setObsolete(True)
            elif self.stack is not None:
                self._skip = True
                QTimer.singleShot(0, self.stack.redo if undoing else self.stack.undo)
            self.failed(self.error)
            return
        self._done_once = True
        self.error = None
