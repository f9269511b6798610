"""Undoable annotation edits: each command calls the workspace's public methods, nothing else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.annotate.annotations import Annotation
from reader.core.errors import ReaderError
from reader.core.store.workspace import Workspace

# told of every stored change: (annotation id, the record now stored or None when deleted)
ChangeListener = Callable[[str, Annotation | None], None]
# told when the workspace refused a change (locked, read-only…): the message to show
ErrorListener = Callable[[str], None]


class AnnotationCommand(QUndoCommand):
    """Base: runs one workspace call per step and reports the outcome.

    A failed first step marks the command obsolete, so QUndoStack.push() drops it and the
    stack never holds an edit that did not happen; `error` then says why.
    """

    def __init__(
        self, workspace: Workspace, text: str, changed: ChangeListener, failed: ErrorListener
    ) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.changed = changed
        self.failed = failed
        self.error: str | None = None
        self._done_once = False

    def _run(self, step: Callable[[], tuple[str, Annotation | None]]) -> None:
        try:
            annotation_id, record = step()
        except ReaderError as exc:
            self.error = str(exc)
            if not self._done_once:
                self.setObsolete(True)
            self.failed(self.error)
            return
        self._done_once = True
        self.error = None
        self.changed(annotation_id, record)


class AddAnnotationCommand(AnnotationCommand):
    def __init__(
        self, workspace: Workspace, record: Annotation, changed: ChangeListener,
        failed: ErrorListener,
    ) -> None:
        super().__init__(workspace, "Annotate", changed, failed)
        self.record = record

    def redo(self) -> None:  # Qt override
        self._run(lambda: (self.record.id, self.workspace.restore_annotation(self.record)))

    def undo(self) -> None:  # Qt override
        self._run(lambda: (self.workspace.delete_annotation(self.record.id).id, None))


class EditAnnotationCommand(AnnotationCommand):
    """Replace a record by an edited one; `after` carries its own `modified` stamp."""

    def __init__(
        self, workspace: Workspace, before: Annotation, after: Annotation,
        changed: ChangeListener, failed: ErrorListener,
    ) -> None:
        super().__init__(workspace, "Edit annotation", changed, failed)
        self.before = before
        self.after = after

    def redo(self) -> None:  # Qt override
        self._run(
            lambda: (self.after.id, self.workspace.update_annotation(self.after, touch=False))
        )

    def undo(self) -> None:  # Qt override
        self._run(
            lambda: (self.before.id, self.workspace.update_annotation(self.before, touch=False))
        )


class DeleteAnnotationCommand(AnnotationCommand):
    def __init__(
        self, workspace: Workspace, record: Annotation, changed: ChangeListener,
        failed: ErrorListener,
    ) -> None:
        super().__init__(workspace, "Delete annotation", changed, failed)
        self.record = record

    def redo(self) -> None:  # Qt override
        def step() -> tuple[str, Annotation | None]:
            # keep what was stored (it may be newer than the record this command was made with)
            self.record = self.workspace.delete_annotation(self.record.id)
            return self.record.id, None

        self._run(step)

    def undo(self) -> None:  # Qt override
        self._run(lambda: (self.record.id, self.workspace.restore_annotation(self.record)))
