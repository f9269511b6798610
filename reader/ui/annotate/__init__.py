"""Annotating in the window: controller, dialog, table, panel, codebooks, undo commands."""
