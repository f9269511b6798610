"""A workspace's annotations: code-point offsets, add/update/delete/restore, checks, filters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.annotate.annotations import Status, TagRef
from reader.core.errors import InputError
from reader.core.store.schema import AnnotationNotFoundError
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import SOURCE_LINES, small_workspace, span_of

SHIFT = TagRef("translation-shifts", "label_substitution")
LOADED = TagRef("semeval2020-propaganda", "Loaded_Language")


def test_offsets_are_code_points_in_paragraphs_with_emoji_and_mixed_text(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        source, target = ws.text("source"), ws.text("target")
        start, end = span_of(source, 0, "@umtikrit")
        a = ws.annotate("source", 0, start, end, tags=[SHIFT])
        assert a.quote == "@umtikrit"
        # 🇮🇶 is two code points (and four UTF-16 units); the offsets count code points.
        assert start == SOURCE_LINES[0].index("@umtikrit")
        assert source.content[a.abs_start : a.abs_end] == "@umtikrit"
        t_start, t_end = span_of(target, 1, "Oh God")
        link = ws.annotate("target", 1, t_start, t_end)
        assert link.quote == "Oh God"
        assert link.prefix.endswith("#Tamra💢|| ")
        assert target.paragraphs[1].start + t_start == link.abs_start
        emoji = ws.annotate("source", 1, 0, 6)  # '#تمرة💢'
        assert emoji.quote == "#تمرة💢"
        assert len(emoji.quote) == 6 and len(emoji.quote.encode("utf-16-le")) // 2 == 7


def test_add_get_update_delete_restore(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        src = ws.text("source")
        start, end = span_of(src, 0, "النظام العراقي")
        t_start, t_end = span_of(ws.text("target"), 0, "Iraq")
        a = ws.annotate(
            "source", 0, start, end, tags=[SHIFT, LOADED], comment="regime → Iraq",
            severity="warning", author="Ann", link=(0, t_start, t_end),
        )
        assert ws.get_annotation(a.id) == a
        assert a.link is not None and a.link.quote == "Iraq" and a.link.side == "target"
        changed = ws.update_annotation(replace(a, comment="changed", tags=(LOADED,)))
        assert changed.modified >= a.modified and changed.created == a.created
        assert ws.get_annotation(a.id).comment == "changed"
        assert ws.get_annotation(a.id).tags == (LOADED,)
        deleted = ws.delete_annotation(a.id)
        assert deleted == changed
        assert ws.annotations() == []
        with pytest.raises(AnnotationNotFoundError):
            ws.get_annotation(a.id)
        with pytest.raises(AnnotationNotFoundError):
            ws.update_annotation(a)
        ws.restore_annotation(deleted)
        assert ws.get_annotation(a.id) == deleted
        with pytest.raises(Exception, match="already holds"):
            ws.add_annotation(deleted)


def test_records_that_do_not_fit_the_text_are_refused(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        a = ws.annotate("source", 0, 0, 7)
        with pytest.raises(InputError, match="do not hold its quote"):
            ws.update_annotation(replace(a, quote="something else"))
        with pytest.raises(InputError):
            ws.annotate("source", 9, 0, 3)
        with pytest.raises(InputError):
            ws.annotate("source", 0, 5, 5)
        with pytest.raises(InputError):
            ws.annotate("middle", 0, 0, 3)
        assert ws.get_annotation(a.id) == a


def test_list_filters(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        a = ws.annotate("source", 0, 0, 7, tags=[SHIFT], author="Ann", comment="Regime")
        b = ws.annotate("target", 0, 0, 4, tags=[LOADED], author="Bob")
        c = ws.annotate("source", 3, 0, 6, tags=[SHIFT, LOADED], author="Bob")
        assert [x.id for x in ws.annotations()] == [a.id, c.id, b.id]
        assert {x.id for x in ws.annotations(side="source")} == {a.id, c.id}
        assert {x.id for x in ws.annotations(tag=LOADED)} == {b.id, c.id}
        assert {x.id for x in ws.annotations(tag="translation-shifts:label_substitution")} == {
            a.id, c.id}
        assert {x.id for x in ws.annotations(tag="Loaded_Language")} == {b.id, c.id}
        assert {x.id for x in ws.annotations(author="Bob", side="source")} == {c.id}
        assert {x.id for x in ws.annotations(paragraph=3)} == {c.id}
        assert [x.id for x in ws.annotations(text="regime")] == [a.id]
        assert ws.annotations(status=Status.ORPHAN) == []
        assert ws.authors() == ["Ann", "Bob"]


def test_annotations_persist_across_reopen(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        a = ws.annotate("source", 0, 0, 7, tags=[SHIFT], comment="c", author="Ann")
    with Workspace.open(tmp_path / "w.prw") as ws:
        assert ws.annotations() == [a]
