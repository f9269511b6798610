"""File ▸ Open Batch Results…: the summary of a `reader batch` run, whose pairs open in the window."""
