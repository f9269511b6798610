"""The reviews of an open workspace: verdicts on divergences and the workspace's ignore rules."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.annotate.annotations import now_iso
from reader.core.diverge.review import (
    REVIEW_STATUSES,
    IgnoreRule,
    Review,
    ReviewKey,
    ReviewStatus,
)
from reader.core.errors import InputError


def _values(raw: str) -> tuple[str, ...]:
    try:
        values = json.loads(raw)
    except ValueError:
        return ()
    return tuple(v for v in values if isinstance(v, str)) if isinstance(values, list) else ()


def _dump(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


class ReviewStore:
    """Mixed into Workspace, whose connection and transactions it uses. Every method that
    changes the workspace commits before returning."""

    if TYPE_CHECKING:
        path: Path

        def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

        def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]: ...

    # ---- verdicts on divergences --------------------------------------------------------------

    def reviews(self) -> dict[ReviewKey, Review]:
        """Every review row, by key; rows of divergences no longer found are kept, unused."""
        rows = self._query(
            "SELECT kind, side, place, status, comment, detail, modified FROM divergence_reviews"
        )
        return {
            ReviewKey(k, s, p): Review(ReviewKey(k, s, p), ReviewStatus(st), c, d, m)
            for k, s, p, st, c, d, m in rows
        }

    def set_review(self, review: Review) -> Review:
        """Store a verdict (replacing the one of the same key); an open one without a comment
        is removed, since it says nothing that the lack of a row does not."""
        if review.status not in REVIEW_STATUSES:
            raise InputError(f"a review cannot be {review.status!r} (ignore rules do that)")
        key = review.key
        stored = Review(key, review.status, review.comment, review.detail,
                        review.modified or now_iso())
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM divergence_reviews WHERE kind = ? AND side = ? AND place = ?",
                (key.kind, key.side, key.place),
            )
            if stored.status is not ReviewStatus.OPEN or stored.comment:
                conn.execute(
                    "INSERT INTO divergence_reviews (kind, side, place, status, comment, "
                    "detail, modified) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key.kind, key.side, key.place, str(stored.status), stored.comment,
                     stored.detail, stored.modified),
                )
        return stored

    def remove_review(self, key: ReviewKey) -> None:
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM divergence_reviews WHERE kind = ? AND side = ? AND place = ?",
                (key.kind, key.side, key.place),
            )

    # ---- ignore rules ------------------------------------------------------------------------

    def ignore_rules(self) -> list[IgnoreRule]:
        """The workspace's rules, oldest first."""
        rows = self._query(
            "SELECT kind, source, target, label, comment FROM ignore_rules ORDER BY created, rowid"
        )
        out = []
        for kind, source, target, label, comment in rows:
            src, tgt = _values(source), _values(target)
            if src or tgt:
                out.append(IgnoreRule(kind, src, tgt, label, comment, "workspace"))
        return out

    def add_ignore_rule(self, rule: IgnoreRule) -> None:
        """Add a rule (or replace the one with the same kind and values)."""
        with self._tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO ignore_rules (kind, source, target, label, comment, "
                "created) VALUES (?, ?, ?, ?, ?, ?)",
                (rule.kind, _dump(rule.source), _dump(rule.target), rule.label, rule.comment,
                 now_iso()),
            )

    def remove_ignore_rule(self, rule: IgnoreRule) -> None:
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM ignore_rules WHERE kind = ? AND source = ? AND target = ?",
                (rule.kind, _dump(rule.source), _dump(rule.target)),
            )
