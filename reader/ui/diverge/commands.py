"""An undoable review step: two calls, one to do and one to undo, and what to say if one fails."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.errors import ReaderError


class CallCommand(QUndoCommand):
    """An undoable step made of two calls; a failed first run drops it from the stack."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                 failed: Callable[[str], None]) -> None:
        super().__init__(text)
        self._do, self._undo, self._failed = do, undo, failed
        self._done_once = False

    def _run(self, call: Callable[[], None]) -> None:
        try:
            call()
        except ReaderError as exc:
            if not self._done_once:
                self.setObsolete(True)
            self._failed(str(exc))
            return
        self._done_once = True

    def redo(self) -> None:  # Qt override
        self._run(self._do)

    def undo(self) -> None:  # Qt override
        self._run(self._undo)
