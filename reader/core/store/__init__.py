"""The workspace: a pair, its alignment and its annotations in one SQLite file."""
