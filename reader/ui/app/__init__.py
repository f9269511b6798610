"""Starting the application: the Qt check, settings, theme, fonts, background work."""
