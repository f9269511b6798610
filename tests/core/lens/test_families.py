"""Term families: the shipped four, the JSON format and schema, validation, saving, user files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from reader.core.lens.families import (
    SCHEMA_FILE,
    FamilyError,
    Label,
    builtin_families,
    find_family,
    find_label,
    find_term,
    load_families,
    load_family,
    save_family,
    validate_family,
)

LABEL = {"id": "regime", "name": "regime", "note": "delegitimising",
         "forms": {"ar": ["النظام"], "en": ["regime"]}}


def family_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {"id": "mine", "name": "Mine", "labels": [dict(LABEL)]}
    data.update(changes)
    return data


def test_the_shipped_families() -> None:
    families = {f.id: f for f in builtin_families()}
    assert list(families) == ["actors", "armed-groups", "events", "opposition"]
    for family in families.values():
        assert family.builtin and family.name and family.note and family.source is not None
        for label in family.labels:
            assert label.name and len(label.note.split()) >= 5, label.id
            assert label.forms_ar and label.forms_en, label.id
    assert {lab.id for lab in families["actors"].labels} >= {
        "regime", "government", "administration", "leadership", "authorities", "state-name"}
    assert {lab.id for lab in families["armed-groups"].labels} >= {
        "militia", "faction", "resistance", "paramilitary", "pmf", "armed-groups"}
    assert {lab.id for lab in families["events"].labels} >= {
        "liberation", "fall", "collapse", "overthrow", "takeover"}
    assert {lab.id for lab in families["opposition"].labels} >= {
        "rebels", "opposition", "revolutionaries", "jihadists", "terrorists", "hts", "insurgents"}


def test_shipped_files_conform_to_the_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for family in builtin_families():
        assert family.source is not None
        data = json.loads(family.source.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], family.source
        assert family.to_json() == data  # the files are as save_family writes them
    assert list(validator.iter_errors(family_data(labels=[])))
    assert list(validator.iter_errors(family_data(labels=[dict(LABEL, forms={"fr": ["x"]})])))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        (family_data(id="has space"), "'id' must be"),
        (family_data(name=" "), "'name'"),
        (family_data(labels=[]), "'labels' must be a non-empty"),
        (family_data(labels=[LABEL, LABEL]), "used twice"),
        (family_data(labels=[dict(LABEL, note="")]), "'note'"),
        (family_data(labels=[dict(LABEL, forms=["regime"])]), "'forms' must be an object"),
        (family_data(labels=[dict(LABEL, forms={"ar": "النظام"})]), "'forms.ar' must be a list"),
        (family_data(labels=[dict(LABEL, forms={"fr": ["régime"]})]), "the languages are"),
        (family_data(labels=[dict(LABEL, forms={"en": []})]), "at least one form"),
        (family_data(labels=[dict(LABEL, forms={"en": ["--"]})]), "no letter or digit"),
        (family_data(labels=[LABEL, dict(LABEL, id="other")]), "also a form of label 1"),
        (family_data(format_version=9), "format version 1"),
        (family_data(format="parallel-reader-codebook"), "'format'"),
    ],
)
def test_validation_names_the_problem(data: object, message: str) -> None:
    problems = validate_family(data)
    assert any(message in p for p in problems), problems


def test_a_bad_file_is_one_line_naming_it(tmp_path: Path) -> None:
    cases = {
        "broken.json": "{not json",
        "empty.json": "",
        "list.json": "[]",
        "no-labels.json": json.dumps(family_data(labels=[])),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(FamilyError) as info:
            load_family(path)
        assert str(path) in str(info.value) and "\n" not in str(info.value), name
    with pytest.raises(FamilyError, match="no such file"):
        load_family(tmp_path / "missing.json")


def test_save_and_load_round_trip_atomically(tmp_path: Path) -> None:
    family = builtin_families()[0]
    edited = replace(family, labels=(*family.labels, Label(
        "junta", "junta", "military rulers", ("المجلس العسكري",), ("junta",))))
    path = save_family(edited, tmp_path / "sub" / "actors.json")
    again = load_family(path)
    assert again == edited and again.source == path and not again.builtin
    assert [p.name for p in path.parent.iterdir()] == ["actors.json"]  # no temporary left
    bad = replace(edited, labels=())
    with pytest.raises(FamilyError):
        save_family(bad, tmp_path / "bad.json")
    assert not (tmp_path / "bad.json").exists()


def test_user_families_add_replace_and_a_broken_one_is_reported(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text(json.dumps(family_data()), encoding="utf-8")
    copy = builtin_families()[0].to_json()
    copy["name"] = "My actors"
    (tmp_path / "actors.json").write_text(json.dumps(copy), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    errors: list[FamilyError] = []
    families = load_families(tmp_path, errors=errors)
    assert [f.id for f in families] == ["actors", "armed-groups", "events", "opposition", "mine"]
    assert families[0].name == "My actors"
    assert len(errors) == 1 and "broken.json" in str(errors[0])
    with pytest.raises(FamilyError, match=r"broken\.json"):
        load_families(tmp_path / "none", extra=[tmp_path / "broken.json"])


def test_finding_families_labels_and_terms() -> None:
    families = builtin_families()
    assert find_family(families, "ACTORS").id == "actors"
    assert find_family(families, "Actors: who governs").id == "actors"
    with pytest.raises(Exception, match="known: actors, armed-groups"):
        find_family(families, "nope")
    actors = find_family(families, "actors")
    assert find_label(actors, "Regime") is actors.label("regime")
    assert find_term(families, "regime") == (actors, actors.label("regime"))
    assert find_term(families, "events") == (find_family(families, "events"), None)
    assert find_term(families, "Damascus") == (None, None)
    assert find_term(families, "all", actors) == (actors, None)
    with pytest.raises(Exception, match="has no label 'militia'"):
        find_term(families, "militia", actors)
