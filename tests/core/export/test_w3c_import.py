"""Tests for reader.core.export.w3c and w3c_import: W3C Web Annotation out, and merged back in."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reader.core.align.beads import Alignment, Bead
from reader.core.annotate.annotations import Status, TagRef
from reader.core.errors import InputError
from reader.core.export.formats import export
from reader.core.export.report import report_from_workspace
from reader.core.export.w3c_import import import_w3c, read_w3c
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text
from tests.core.workspace_helpers import (
    SOURCE_LINES,
    small_pair,
    small_workspace,
    span_of,
    write_pair,
)

SHIFT = TagRef("translation-shifts", "softening")
FRAME = TagRef("mfc-frames", "Security_and_defense")


def export_w3c(ws: Workspace, path: Path) -> Path:
    return export(report_from_workspace(ws), "w3c", path)


def annotate_some(ws: Workspace, author: str) -> None:
    src, tgt = ws.text("source"), ws.text("target")
    ws.annotate("source", 0, *span_of(src, 0, "النظام العراقي"), tags=[SHIFT, FRAME],
                comment=f"{author}: regime → Iraq, \"quoted\"\nline two", author=author,
                severity="warning", link=(0, *span_of(tgt, 0, "Iraq")))
    ws.annotate("source", 3, *span_of(src, 3, "النظام العراقي", occurrence=1), author=author)
    ws.annotate("target", 1, *span_of(tgt, 1, "#Tamra💢"), tags=[FRAME], author=author)


def fresh_workspace(folder: Path, name: str) -> Workspace:
    source, target, alignment = small_pair(folder)
    return Workspace.create(folder / name, source, target, alignment)


def test_export_shape(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        annotate_some(ws, "Ann")
        data = json.loads(export_w3c(ws, tmp_path / "a.jsonld").read_text("utf-8"))
        docs = {d.side: d for d in ws.documents()}
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    assert "http://www.w3.org/ns/anno.jsonld" in data["@context"]
    assert "code points" in data["offsets"] and "LF" in data["offsets"]
    first = data["first"]["items"][0]
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert first["creator"] == {"type": "Person", "name": "Ann"}
    primary, linked = first["target"]
    assert primary["source"]["id"].startswith("file:///")
    assert primary["source"]["id"].endswith("pair.ar.txt")
    assert primary["source"]["sha256"] == docs["source"].sha256
    quote, position = primary["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "النظام العراقي"
    content = docs["source"].content
    assert content[position["start"] : position["end"]] == quote["exact"]
    assert linked["source"]["sha256"] == docs["target"].sha256
    bodies = first["body"]
    assert bodies[0]["purpose"] == "commenting"
    assert {(b["codebook"], b["value"]) for b in bodies if b["purpose"] == "tagging"} == {
        ("translation-shifts", "softening"), ("mfc-frames", "Security_and_defense")}


def test_export_then_import_gives_back_the_same_annotations(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        annotate_some(ws, "Ann")
        original = ws.annotations()
        export_w3c(ws, tmp_path / "a.jsonld")
    with fresh_workspace(tmp_path, "b.prw") as other:
        report = import_w3c(other, tmp_path / "a.jsonld")
        assert sorted(report.added) == sorted(a.id for a in original)
        assert other.annotations() == original
        again = import_w3c(other, tmp_path / "a.jsonld")  # idempotent
        assert again.added == [] and len(again.unchanged) == 3
        assert other.annotations() == original


def test_merge_two_annotators(tmp_path: Path) -> None:
    (tmp_path / "ann").mkdir()
    (tmp_path / "bob").mkdir()
    with small_workspace(tmp_path / "ann") as ann:
        annotate_some(ann, "Ann")
        export_w3c(ann, tmp_path / "ann.jsonld")
        ann_records = ann.annotations()
    with small_workspace(tmp_path / "bob") as bob:
        annotate_some(bob, "Bob")
        export_w3c(bob, tmp_path / "bob.jsonld")
        bob_records = bob.annotations()
    with fresh_workspace(tmp_path, "merged.prw") as merged:
        import_w3c(merged, tmp_path / "ann.jsonld")
        import_w3c(merged, tmp_path / "bob.jsonld")
        got = merged.annotations()
        assert len(got) == 6 and merged.authors() == ["Ann", "Bob"]
        assert {a.id: a for a in got} == {a.id: a for a in ann_records + bob_records}


def test_newer_copy_updates_older_is_kept(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        annotate_some(ws, "Ann")
        export_w3c(ws, tmp_path / "old.jsonld")
        target = ws.annotations(side="target")[0]
        ws.update_annotation(replace(target, comment="newer"))
        export_w3c(ws, tmp_path / "new.jsonld")
    with fresh_workspace(tmp_path, "b.prw") as other:
        import_w3c(other, tmp_path / "new.jsonld")
        report = import_w3c(other, tmp_path / "old.jsonld")
        assert report.kept == [target.id]
        assert other.get_annotation(target.id).comment == "newer"
    with fresh_workspace(tmp_path, "c.prw") as other:
        import_w3c(other, tmp_path / "old.jsonld")
        report = import_w3c(other, tmp_path / "new.jsonld")
        assert report.updated == [target.id]
        assert other.get_annotation(target.id).comment == "newer"


def foreign_annotation(source: str, exact: str, prefix: str, suffix: str, start: int) -> Any:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/1",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "regime"},
                 {"type": "TextualBody", "value": "a note"}],
        "creator": "Carol",
        "target": {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": start, "end": start + len(exact)},
            ],
        },
    }


def test_import_by_bare_name_prefix_and_suffix_settle_a_repeated_quote(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        content = ws.text("source").content
        quote = "النظام العراقي"
        second = content.index(quote, content.index("مرة أخرى"))
        item = foreign_annotation("pair.ar.txt", quote, "مرة أخرى هنا، و", " لا يتعظ", 0)
        (tmp_path / "f.json").write_text(json.dumps([item], ensure_ascii=False), "utf-8")
        report = import_w3c(ws, tmp_path / "f.json")
        assert len(report.added) == 1
        got = ws.get_annotation("https://example.org/anno/1")
        assert got.abs_start == second and got.paragraph == 3
        assert got.tags == (TagRef("", "regime"),) and got.comment == "a note"
        assert got.author == "Carol"


def test_import_into_an_edited_text_finds_quotes_and_keeps_orphans(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    with small_workspace(tmp_path / "old") as ws:
        annotate_some(ws, "Ann")
        gone = ws.annotate("source", 2, *span_of(ws.text("source"), 2, "فقرة محذوفة"))
        export_w3c(ws, tmp_path / "a.jsonld")
    lines = ["سطر جديد.", *SOURCE_LINES]
    lines[3] = "نص مختلف تماما."
    write_pair(tmp_path, lines)
    source, target = load_text(tmp_path / "pair.ar.txt"), load_text(tmp_path / "pair.en.txt")
    beads = [Bead((0,), ()), Bead((1,), (0,)), Bead((2,), (1,)), Bead((3,), ()), Bead((4,), (2,))]
    with Workspace.create(tmp_path / "new.prw", source, target, Alignment(beads, 5, 3)) as ws:
        report = import_w3c(ws, tmp_path / "a.jsonld")
        assert len(report.added) == 4 and report.orphans == [gone.id]
        got = {a.id: a for a in ws.annotations()}
        assert got[gone.id].status is Status.ORPHAN and got[gone.id].quote == "فقرة محذوفة"
        for a in got.values():
            if a.status is Status.ANCHORED:
                assert source.content[a.abs_start : a.abs_end] == a.quote or a.side == "target"
        linked = next(a for a in got.values() if a.link is not None)
        assert linked.paragraph == 1 and linked.quote == "النظام العراقي"
        assert linked.link is not None and linked.link.quote == "Iraq"


def test_unknown_documents_and_bad_files(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        item = foreign_annotation("file:///elsewhere/other.txt", "x", "", "", 0)
        (tmp_path / "f.json").write_text(json.dumps(item), "utf-8")
        report = import_w3c(ws, tmp_path / "f.json")
        assert report.added == [] and "not a document of this workspace" in report.skipped[0]
        (tmp_path / "bad.json").write_text("{not json", "utf-8")
        with pytest.raises(InputError, match=r"bad\.json: is not valid JSON"):
            import_w3c(ws, tmp_path / "bad.json")
        (tmp_path / "odd.json").write_text('{"type": "Something"}', "utf-8")
        with pytest.raises(InputError, match="no W3C annotations"):
            read_w3c(tmp_path / "odd.json")
        assert ws.annotations() == []


def test_found_by_sha256_when_the_file_was_renamed(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        annotate_some(ws, "Ann")
        export_w3c(ws, tmp_path / "a.jsonld")
        original = ws.annotations()
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    shutil.copy(tmp_path / "pair.ar.txt", renamed / "arabic.txt")
    shutil.copy(tmp_path / "pair.en.txt", renamed / "english.txt")
    source, target = load_text(renamed / "arabic.txt"), load_text(renamed / "english.txt")
    _, _, alignment = small_pair(tmp_path)
    with Workspace.create(renamed / "w.prw", source, target, alignment) as ws:
        import_w3c(ws, tmp_path / "a.jsonld")
        assert ws.annotations() == original
