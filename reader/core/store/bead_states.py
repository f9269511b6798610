"""The migration that gives each stored bead its state (automatic, edited, confirmed)."""

from __future__ import annotations

import sqlite3

from reader.core.align.beads import BEAD_STATES

_STATES_SQL = ", ".join(f"'{s}'" for s in BEAD_STATES)


def add_bead_states(conn: sqlite3.Connection) -> None:
    """Add `beads.state`; the old `corrected` flag becomes 'edited' and the column goes, so that
    nothing reads a second, stale record of who touched a bead. A workspace that already has
    the column (written by a build whose migrations ran in another order) keeps it."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(beads)")}
    if "state" not in columns:
        conn.execute(
            "ALTER TABLE beads ADD COLUMN state TEXT NOT NULL DEFAULT 'automatic' "
            f"CHECK (state IN ({_STATES_SQL}))"
        )
    if "corrected" in columns:
        conn.execute("UPDATE beads SET state = 'edited' WHERE corrected")
        # DROP COLUMN came with SQLite 3.35; an older library keeps the column, unread
        if sqlite3.sqlite_version_info >= (3, 35):
            conn.execute("ALTER TABLE beads DROP COLUMN corrected")
