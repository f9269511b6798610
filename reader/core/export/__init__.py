"""Writing a pair and its notes out: one report value, many formats."""
