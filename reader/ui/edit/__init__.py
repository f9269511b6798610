"""The alignment editor: hand edits of the beads, undoable, checked and re-aligned."""
