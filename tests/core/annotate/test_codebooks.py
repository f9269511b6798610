"""Codebooks: the shipped three, the JSON format and schema, validation, saving, user folders."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reader.core.annotate.codebooks import (
    SCHEMA_FILE,
    Codebook,
    CodebookError,
    Tag,
    builtin_codebooks,
    list_codebooks,
    load_codebook,
    save_codebook,
    validate_codebook,
)

SEMEVAL_2020 = [
    "Loaded_Language", "Name_Calling/Labeling", "Repetition", "Exaggeration/Minimisation",
    "Doubt", "Appeal_to_fear-prejudice", "Flag-Waving", "Causal_Oversimplification", "Slogans",
    "Appeal_to_Authority", "Black-and-White_Fallacy", "Thought-terminating_Cliches",
    "Whataboutism/Straw_Men/Red_Herring", "Bandwagon/Reductio_ad_hitlerum",
]
FRAMES = [
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
    "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
    "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation",
]
SHIFTS = [
    "omission", "addition", "explicitation", "implicitation", "softening", "intensification",
    "label_substitution", "agency_shift", "attribution_change", "embedded_media_dropped",
    "mistranslation",
]


def schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> list[str]:
    """A small JSON Schema check covering the keywords codebook.schema.json uses."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return schema_errors(value, root["$defs"][name], root)
    errors = []
    kind = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "integer": int}
    if kind and not isinstance(value, types[kind]):
        return [f"{value!r} is not {kind}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{value!r} != {schema['const']!r}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{value!r} too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{value!r} does not match {schema['pattern']}")
    if isinstance(value, int) and not schema.get("minimum", value) <= value <= schema.get(
        "maximum", value
    ):
        errors.append(f"{value} out of range")
    if isinstance(value, dict):
        errors += [f"missing {k}" for k in schema.get("required", []) if k not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                errors += schema_errors(value[key], sub, root)
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append("too few items")
        for item in value:
            errors += schema_errors(item, schema.get("items", {}), root)
    return errors


def test_three_codebooks_ship_with_the_expected_tags() -> None:
    books = {c.id: c for c in builtin_codebooks()}
    assert set(books) == {"semeval2020-propaganda", "mfc-frames", "translation-shifts"}
    assert [t.id for t in books["semeval2020-propaganda"].tags] == SEMEVAL_2020
    assert [t.id for t in books["mfc-frames"].tags] == FRAMES
    assert [t.id for t in books["translation-shifts"].tags] == SHIFTS
    for book in books.values():
        assert book.builtin and book.name and book.version and book.description
        for tag in book.tags:
            assert len(tag.definition.split()) >= 8, tag.id
            assert tag.label and tag.colour
    assert "external relations" in books["mfc-frames"].tag(
        "External_regulation_and_reputation").label.lower()


def test_shipped_files_conform_to_the_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for book in builtin_codebooks():
        assert book.path is not None
        data = json.loads(book.path.read_text(encoding="utf-8"))
        assert schema_errors(data, schema, schema) == [], book.path
    assert schema_errors({"id": "x", "name": "n", "version": "1", "tags": []}, schema, schema)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"name": "n", "version": "1", "tags": [{"id": "a", "label": "A", "definition": "d"}]},
         "'id' must be"),
        ({"id": "x", "name": "", "version": "1", "tags": [{"id": "a", "label": "A",
                                                             "definition": "d"}]}, "'name'"),
        ({"id": "x", "name": "n", "version": "1", "tags": []}, "'tags' must be a non-empty"),
        ({"id": "x", "name": "n", "version": "1",
          "tags": [{"id": "a", "label": "A", "definition": "d"},
                   {"id": "a", "label": "B", "definition": "e"}]}, "used twice"),
        ({"id": "x", "name": "n", "version": "1",
          "tags": [{"id": "a", "label": "A", "definition": " "}]}, "'definition'"),
        ({"id": "x", "name": "n", "version": "1",
          "tags": [{"id": "a", "label": "A", "definition": "d", "colour": "red"}]}, "'colour'"),
        ({"id": "x", "name": "n", "version": "1", "format_version": 9,
          "tags": [{"id": "a", "label": "A", "definition": "d"}]}, "format version"),
        ({"id": "has space", "name": "n", "version": "1",
          "tags": [{"id": "a:b", "label": "A", "definition": "d"}]}, "tag 1"),
    ],
)
def test_validation_names_each_problem(data: object, message: str) -> None:
    problems = validate_codebook(data)
    assert any(message in p for p in problems), problems


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    book = Codebook(
        id="mine", name="My codebook", version="2", description="für Übersetzer",
        tags=(Tag("loaded", "Loaded term", "A word chosen for its charge.", ("«النظام»",),
                  "#112233"), Tag("plain", "Plain", "Neutral wording.")),
    )
    path = save_codebook(book, tmp_path / "sub" / "mine.json")
    assert load_codebook(path) == book
    assert not [p for p in path.parent.iterdir() if p.name != "mine.json"]  # no temp left
    edited = replace(book, version="3")
    save_codebook(edited, path)
    assert load_codebook(path).version == "3"
    with pytest.raises(CodebookError, match="not a valid codebook"):
        save_codebook(replace(book, tags=()), path)
    assert load_codebook(path).version == "3"  # the bad save changed nothing


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x",\n  "name": }', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"bad\.json: is not valid JSON \(line 2"):
        load_codebook(bad)
    with pytest.raises(CodebookError, match="no such file"):
        load_codebook(tmp_path / "missing.json")
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CodebookError, match="UTF-8"):
        load_codebook(bad)


def test_user_folder_adds_and_overrides_and_reports_broken_files(tmp_path: Path) -> None:
    shifts = next(c for c in builtin_codebooks() if c.id == "translation-shifts")
    save_codebook(replace(shifts, name="Shifts (edited)", version="1.1"), tmp_path / "s.json")
    save_codebook(
        Codebook("mine", "Mine", "1", (Tag("a", "A", "Defined."),)), tmp_path / "mine.json"
    )
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    errors: list[CodebookError] = []
    books = {c.id: c for c in list_codebooks(tmp_path, errors=errors)}
    assert set(books) == {"semeval2020-propaganda", "mfc-frames", "translation-shifts", "mine"}
    assert books["translation-shifts"].name == "Shifts (edited)"
    assert not books["mine"].builtin
    assert len(errors) == 1 and "broken.json" in str(errors[0])
