"""Tests for reader.core.export.w3c_jsonld and the strict importer: any JSON-LD shape of the
same annotations imports alike (PyLD, offline); bad values are one-line errors, never reprs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from reader.cli import main
from reader.core.annotate.annotations import TagRef
from reader.core.errors import InputError
from reader.core.export.formats import export
from reader.core.export.report import report_from_workspace
from reader.core.export.w3c import ANNO_CONTEXT
from reader.core.export.w3c_import import import_w3c
from reader.core.export.w3c_jsonld import anno_context, offline_loader
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import small_pair, small_workspace, span_of

LOADER = {"documentLoader": offline_loader}
SHIFT = TagRef("translation-shifts", "softening")


def exported(tmp_path: Path, offsets: str = "codepoint") -> tuple[dict[str, Any], list]:
    with small_workspace(tmp_path) as ws:
        src, tgt = ws.text("source"), ws.text("target")
        ws.annotate("source", 0, *span_of(src, 0, "النظام العراقي"), tags=[SHIFT],
                    comment="regime → Iraq", severity="warning", author="Ann",
                    link=(0, *span_of(tgt, 0, "Iraq")))
        ws.annotate("target", 1, *span_of(tgt, 1, "#Tamra💢"), author="Ann")
        ws.annotate("source", 3, 0, 6, comment="after the emoji", author="Bob")
        path = export(report_from_workspace(ws), "w3c", tmp_path / "a.jsonld", offsets=offsets)
        return json.loads(path.read_text("utf-8")), ws.annotations()


def imported(tmp_path: Path, data: Any, name: str) -> tuple[Any, list]:
    folder = tmp_path / name
    folder.mkdir()
    source, target, alignment = small_pair(tmp_path)
    (folder / "in.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with Workspace.create(folder / "w.prw", source, target, alignment) as ws:
        report = import_w3c(ws, folder / "in.json")
        return report, ws.annotations()


OTHER_CONTEXT = {
    "@vocab": "http://www.w3.org/ns/oa#",
    "oa": "http://www.w3.org/ns/oa#",
    "as": "http://www.w3.org/ns/activitystreams#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "ext": "urn:x-parallel-reader:ns#",
}


@pytest.mark.parametrize("shape", ["expanded", "compacted-other-terms", "flattened-keys"])
def test_any_json_ld_shape_imports_alike(tmp_path: Path, shape: str) -> None:
    data, original = exported(tmp_path)
    expanded = jsonld.expand(data, LOADER)
    if shape == "expanded":
        other: Any = expanded
    elif shape == "compacted-other-terms":
        other = jsonld.compact(expanded, {"@context": OTHER_CONTEXT}, LOADER)
        assert "ext:codebook" in json.dumps(other)  # not our term names at all
    else:
        other = jsonld.compact(expanded, {"@context": [ANNO_CONTEXT]}, LOADER)
        assert "pr:" not in json.dumps(other)
    report, got = imported(tmp_path, other, shape)
    assert report.skipped == []
    assert got == original  # codebook, severity, creator, link: nothing lost


def test_the_shipped_context_is_the_recommendation_s(tmp_path: Path) -> None:
    context = anno_context()["@context"]
    assert context["TextQuoteSelector"] == "oa:TextQuoteSelector"
    assert context["motivation"] == {"@type": "@vocab", "@id": "oa:motivatedBy"}
    with pytest.raises(InputError, match="cannot be read offline"):
        offline_loader("https://example.org/context.jsonld")
    (tmp_path / "remote.json").write_text(
        json.dumps({"@context": "https://example.org/x.jsonld", "type": "Annotation"}), "utf-8")
    with small_workspace(tmp_path) as ws, pytest.raises(InputError, match=r"remote\.json: uses"):
        import_w3c(ws, tmp_path / "remote.json")


def test_utf16_positions_import_as_code_points(tmp_path: Path) -> None:
    data, original = exported(tmp_path, offsets="utf16")
    for item in data["first"]["items"]:  # position alone: the quote no help
        target = item["target"] if isinstance(item["target"], dict) else item["target"][0]
        target["selector"] = [target["selector"][1]]
        target["source"].pop("sha256")
    _, got = imported(tmp_path, data, "utf16")
    assert [(a.side, a.abs_start, a.abs_end, a.quote) for a in got] == [
        (a.side, a.abs_start, a.abs_end, a.quote) for a in original]


def bad(item: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    out = json.loads(json.dumps(item))
    where = out
    *path, last = key.split(".")
    for part in path:
        where = where[int(part)] if part.isdigit() else where[part]
    where[last] = value
    return out


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("creator", {"type": "Person", "name": {"first": "Ann"}}, "creator name that is an object"),
        ("creator", 5, "creator that is a number"),
        ("severity", ["high", "low"], "severity that is a list"),
        ("modified", "<script>alert(1)</script>", "modified time that is no ISO 8601"),
        ("created", 20260101, "created time that is a number"),
        ("body", [{"type": "TextualBody", "value": {"x": 1}}], "body value that is an object"),
        ("target.selector.1.start", -4, "start is a number, not a whole number"),
        ("target.selector.1.start", 2.5, "start is a number"),
        ("target.selector.0.prefix", ["a", "b"], "quote prefix that is a list"),
    ],
)
def test_wrong_types_are_one_line_errors_naming_file_index_and_id(
    tmp_path: Path, key: str, value: Any, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, original = exported(tmp_path)
    items = data["first"]["items"]
    items[1] = bad(items[1], key, value)
    report, got = imported(tmp_path, data, "bad")
    assert len(report.skipped) == 1 and len(got) == len(original) - 1
    line = report.skipped[0]
    assert line.startswith(f"annotation 2 (id “{items[1]['id']}”): ") and problem in line
    assert "\n" not in line and "{'" not in line  # never a Python repr
    # the command: one summary line, the workspace never called damaged
    folder = tmp_path / "bad"
    assert main(["import", str(folder / "w.prw"), str(folder / "in.json")]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "1 annotation(s) skipped" in err and "damaged" not in err


def test_skipped_annotations_are_summed_up_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = exported(tmp_path)
    good = data["first"]["items"][0]
    data["first"]["items"] = [good] + [bad(good, "severity", 1)] * 40 + [7, "x", None]
    report, got = imported(tmp_path, data, "many")
    assert len(report.skipped) == 43 and len(got) == 1
    folder = tmp_path / "many"
    assert main(["import", str(folder / "w.prw"), str(folder / "in.json")]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "43 annotation(s) skipped" in err
    assert main(["-v", "import", str(folder / "w.prw"), str(folder / "in.json")]) == 0
    err = capsys.readouterr().err
    assert "annotation 43: is a string, not an annotation object" in err
    assert err.count("skipped annotation") == 43


def test_foreign_ids_are_kept_and_made_iris_on_export(tmp_path: Path) -> None:
    data, _ = exported(tmp_path)
    items = data["first"]["items"]
    items[0]["id"], items[1]["id"] = "note-3", "=cmd|' /C calc'!A0"
    items[2].pop("id")
    _, got = imported(tmp_path, data, "ids")
    ids = [a.id for a in got]
    assert "note-3" in ids and not any(i.startswith("=") for i in ids)
    with Workspace.open(tmp_path / "ids" / "w.prw") as ws:
        again = json.loads(export(report_from_workspace(ws), "w3c", tmp_path / "b.jsonld")
                           .read_text("utf-8"))
    out = {i.get("importedId"): i["id"] for i in again["first"]["items"]}
    assert out["note-3"].startswith("urn:uuid:")
    _, back = imported(tmp_path, again, "ids-again")
    assert sorted(a.id for a in back) == sorted(ids)  # a round trip keeps every id
