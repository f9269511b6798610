"""Bringing a workspace up to date with a re-read pair: which sides, which alignment, orphans."""

from __future__ import annotations

from pathlib import Path

from reader.core.align.beads import Alignment, Bead
from reader.core.annotate.annotations import Status
from reader.core.pair import Pair
from reader.core.store.sync import is_up_to_date, sync_with_pair
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text
from tests.core.workspace_helpers import (
    SOURCE_LINES,
    small_pair,
    small_workspace,
    span_of,
    write_pair,
)


def _edited(folder: Path, lines: list[str], alignment: Alignment) -> Pair:
    src, tgt = write_pair(folder, lines)
    return Pair(load_text(src), load_text(tgt), alignment, [])


def test_an_unchanged_pair_needs_nothing(tmp_path: Path) -> None:
    source, target, alignment = small_pair(tmp_path)
    with small_workspace(tmp_path) as ws:
        pair = Pair(source, target, alignment, [])
        assert is_up_to_date(ws, pair)
        report = sync_with_pair(ws, pair)
        assert report.changed_sides == 0 and report.orphans == []


def test_a_changed_side_is_reanchored_saved_and_its_orphans_reported(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        src = ws.text("source")
        keep = ws.annotate("source", 0, *span_of(src, 0, "@umtikrit"), comment="kept")
        lost = ws.annotate("source", 2, *span_of(src, 2, "فقرة محذوفة"), comment="lost")
        alignment = ws.alignment()
    lines = list(SOURCE_LINES)
    lines[0] = "كلمات جديدة في البداية. " + lines[0]
    lines[2] = "جملة أخرى تماما مكان الجملة القديمة."
    pair = _edited(tmp_path, lines, alignment)
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert not is_up_to_date(ws, pair)
        report = sync_with_pair(ws, pair)
        assert report.changed_sides == 1
        assert [a.id for a in report.orphans] == [lost.id]
        assert is_up_to_date(ws, pair)
    with Workspace.open(tmp_path / "w.prw") as ws:  # saved
        assert ws.document("source").sha256 == pair.source.sha256
        moved = ws.get_annotation(keep.id)
        assert moved.status is Status.ANCHORED
        assert pair.source.content[moved.abs_start : moved.abs_end] == "@umtikrit"
        assert ws.get_annotation(lost.id).status is Status.ORPHAN


def test_a_side_with_new_paragraphs_takes_the_pairs_alignment(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        keep = ws.annotate("source", 3, *span_of(ws.text("source"), 3, "لا يتعظ"))
    lines = [*SOURCE_LINES[:2], *SOURCE_LINES[3:]]  # the left-out paragraph is gone
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((2,), (2,), 0.9)]
    pair = _edited(tmp_path, lines, Alignment(beads, 3, 3))
    with Workspace.open(tmp_path / "w.prw") as ws:
        report = sync_with_pair(ws, pair)
        assert report.changed_sides == 1 and report.orphans == []
        assert ws.alignment().beads == beads
        assert ws.get_annotation(keep.id).paragraph == 2


def test_both_sides_changed_in_length_end_with_the_pairs_alignment(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        ws.annotate("target", 0, 0, 4)
    src, tgt = write_pair(tmp_path, SOURCE_LINES[:3])
    tgt.write_text("Iraq again.\nA second line.\n", encoding="utf-8")
    beads = [Bead((0,), (0,), 0.9), Bead((1, 2), (1,), 0.5)]
    pair = Pair(load_text(src), load_text(tgt), Alignment(beads, 3, 2), [])
    with Workspace.open(tmp_path / "w.prw") as ws:
        report = sync_with_pair(ws, pair)
        assert report.changed_sides == 2
        assert ws.alignment().beads == beads  # the null alignment in between is gone
        assert is_up_to_date(ws, pair)



def test_beads_made_by_hand_survive_an_edit_that_keeps_the_paragraphs(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        merged = ws.replace_beads(2, 4, [Bead((2, 3), (2,), 1.0, "confirmed")])
        note = ws.annotate("source", 3, *span_of(ws.text("source"), 3, "لا يتعظ"))
    lines = list(SOURCE_LINES)
    lines[0] = lines[0].replace("باقٍ", "باق")  # a typo fixed
    machine = Alignment([Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), (2,))],
                        4, 3)
    pair = _edited(tmp_path, lines, machine)
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert sync_with_pair(ws, pair).changed_sides == 1
        assert ws.alignment().beads == merged.beads
        assert ws.get_annotation(note.id).status is Status.ANCHORED
    # with no bead made by hand, the pair's alignment is taken as before
    (tmp_path / "w.prw").unlink()
    with small_workspace(tmp_path) as ws:
        ws.set_alignment(machine)
    lines[0] = lines[0] + " زيادة."
    pair = _edited(tmp_path, lines, Alignment([Bead((0, 1), (0, 1)), Bead((2, 3), (2,))], 4, 3))
    with Workspace.open(tmp_path / "w.prw") as ws:
        sync_with_pair(ws, pair)
        assert ws.alignment().beads == pair.alignment.beads
