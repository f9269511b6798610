"""The main window and what hangs on it: menus, recent pairs, drops, the workspace session."""
