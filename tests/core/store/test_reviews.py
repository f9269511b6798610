"""Reviews kept in the workspace: verdicts, comments, ignore rules, re-alignment, upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.align.beads import Alignment, Bead
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.review import (
    IgnoreRule,
    Review,
    ReviewKey,
    ReviewStatus,
    review_key,
    review_states,
    rule_for,
)
from reader.core.errors import InputError
from reader.core.store.schema import SCHEMA_VERSION, WorkspaceReadOnlyError
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import corpus_workspace, small_workspace


def _divergences(ws: Workspace, alignment: Alignment | None = None) -> list:
    return find_divergences(ws.text("source"), ws.text("target"), alignment or ws.alignment())


def test_verdicts_and_comments_persist_and_open_ones_leave_no_row(tmp_path: Path) -> None:
    key = ReviewKey("number_mismatch", "source", "3|s3:0-4")
    with small_workspace(tmp_path) as ws:
        assert ws.reviews() == {}
        stored = ws.set_review(Review(key, ReviewStatus.CONFIRMED, "the year is wrong", "2012"))
        assert stored.modified
        ws.set_review(Review(ReviewKey("omission", "source", "2"), ReviewStatus.OPEN))
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert list(ws.reviews()) == [key]
        assert ws.reviews()[key].comment == "the year is wrong"
        ws.set_review(Review(key, ReviewStatus.OPEN, "still a comment"))
        assert ws.reviews()[key].status is ReviewStatus.OPEN
        ws.set_review(Review(key, ReviewStatus.OPEN))
        assert ws.reviews() == {}
        with pytest.raises(InputError):
            ws.set_review(Review(key, ReviewStatus.IGNORED))


def test_ignore_rules_persist_replace_and_go(tmp_path: Path) -> None:
    rule = IgnoreRule("name_mismatch", ("lebanon",), ("beirut",), "لبنان ↔ Beirut")
    with small_workspace(tmp_path) as ws:
        ws.add_ignore_rule(rule)
        ws.add_ignore_rule(IgnoreRule("name_mismatch", ("lebanon",), ("beirut",), "again", "c"))
        ws.add_ignore_rule(IgnoreRule("number_mismatch", ("180",), ()))
    with Workspace.open(tmp_path / "w.prw") as ws:
        rules = ws.ignore_rules()
        assert [r.ident for r in rules] == [
            ("name_mismatch", ("lebanon",), ("beirut",)), ("number_mismatch", ("180",), ())]
        assert rules[0].comment == "c" and rules[0].scope == "workspace"
        ws.remove_ignore_rule(rule)
        assert [r.kind for r in ws.ignore_rules()] == ["number_mismatch"]


def test_reviews_come_back_after_a_re_alignment(tmp_path: Path) -> None:
    with corpus_workspace(tmp_path / "c.prw") as ws:
        before = _divergences(ws)
        names = [n for n, d in enumerate(before) if d.kind == "name_mismatch"]
        posts = [n for n, d in enumerate(before) if d.kind == "embedded_post"]
        assert names and posts
        confirmed, dismissed = before[posts[-1]], before[names[-1]]
        ws.set_review(Review(review_key(confirmed), ReviewStatus.CONFIRMED, "a real cut"))
        ws.set_review(Review(review_key(dismissed), ReviewStatus.DISMISSED))
        ws.add_ignore_rule(rule_for(before, names[0]))
        gone = ReviewKey("omission", "source", "0")  # a divergence this pair never had
        ws.set_review(Review(gone, ReviewStatus.CONFIRMED))
        # a person joins the first two beads: every later bead moves up by one
        first = ws.alignment().beads
        joined = Bead(first[0].src + first[1].src, first[0].tgt + first[1].tgt, 1.0)
        realigned = ws.replace_beads(0, 2, [joined])
    with Workspace.open(tmp_path / "c.prw") as ws:
        after = _divergences(ws, realigned)
        assert ws.alignment() == realigned
        states = dict(zip(map(review_key, after), review_states(
            after, ws.reviews(), ws.ignore_rules()), strict=True))
        assert states[review_key(confirmed)].status is ReviewStatus.CONFIRMED
        assert states[review_key(confirmed)].comment == "a real cut"
        assert states[review_key(dismissed)].status is ReviewStatus.DISMISSED
        assert states[review_key(before[names[0]])].status is ReviewStatus.IGNORED
        assert gone in ws.reviews() and gone not in states  # kept, harmlessly


def test_an_older_workspace_gains_the_tables_on_opening(tmp_path: Path) -> None:
    small_workspace(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "w.prw")
    conn.execute("DROP TABLE divergence_reviews")
    conn.execute("DROP TABLE ignore_rules")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.reviews() == {} and ws.ignore_rules() == []


def test_a_read_only_workspace_refuses_a_verdict_and_keeps_its_rows(tmp_path: Path) -> None:
    key = ReviewKey("omission", "source", "2")
    with small_workspace(tmp_path) as ws:
        ws.set_review(Review(key, ReviewStatus.DISMISSED))
    with Workspace.open(tmp_path / "w.prw", read_only=True) as ws:
        with pytest.raises(WorkspaceReadOnlyError):
            ws.set_review(Review(key, ReviewStatus.CONFIRMED))
        assert ws.reviews()[key].status is ReviewStatus.DISMISSED


def test_a_hand_edited_rule_row_is_skipped_not_fatal(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        ws.add_ignore_rule(IgnoreRule("number_mismatch", ("180",), ()))
    conn = sqlite3.connect(tmp_path / "w.prw")
    conn.execute("INSERT INTO ignore_rules VALUES ('name_mismatch', 'not json', '[3]', '', '', "
                 "'2026-01-01')")
    conn.commit()
    conn.close()
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert [r.kind for r in ws.ignore_rules()] == ["number_mismatch"]
