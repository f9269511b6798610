"""File ▸ Export…: the dialog, and the export it runs in the background."""
