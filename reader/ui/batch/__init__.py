"""File ▸ Open Batch Results…: a `reader batch` summary, whose pairs open in the window."""
