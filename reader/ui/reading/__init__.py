"""The reading view: two panes, the link gutter, the overview strip, the find bar."""
