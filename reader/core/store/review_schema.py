"""The workspace tables of divergence reviews and ignore rules, and the migration adding them."""

from __future__ import annotations

import sqlite3

REVIEW_TABLES = ("divergence_reviews", "ignore_rules")

_SQL = (
    # one row per reviewed divergence, keyed as reader.core.diverge.review.review_key
    """CREATE TABLE IF NOT EXISTS divergence_reviews (
        kind TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('source', 'target')),
        place TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
        comment TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        modified TEXT NOT NULL,
        PRIMARY KEY (kind, side, place)
    )""",
    # values as JSON lists of strings; the pair (kind, source, target) names a rule
    """CREATE TABLE IF NOT EXISTS ignore_rules (
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        PRIMARY KEY (kind, source, target)
    )""",
)


def add_review_tables(conn: sqlite3.Connection) -> None:
    """Migration: the two tables (IF NOT EXISTS: whatever other migrations ran before)."""
    for statement in _SQL:
        conn.execute(statement)
