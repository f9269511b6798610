"""The table of curation decisions (schema migration), apart so that schema.py stays a list."""

from __future__ import annotations

import sqlite3

CURATION_TABLE = "curation_decisions"

# `members` is a JSON list of the annotation ids a decision settled (they may be deleted later:
# the decision stays, as history); `result` the curated annotation's id, NULL for a rejection.
CURATION_SQL = f"""
CREATE TABLE IF NOT EXISTS {CURATION_TABLE} (
    id TEXT PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('accept', 'merge', 'reject')),
    members TEXT NOT NULL,
    result TEXT,
    made TEXT NOT NULL
)
"""


def migrate_curation(conn: sqlite3.Connection) -> None:
    """The schema migration that adds the table (idempotent: it may meet one already made)."""
    conn.execute(CURATION_SQL)
