"""`reader agree`: two annotators' exported files merged into one workspace, then compared."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotate.agreement import agreement
from reader.core.annotate.annotations import TagRef
from reader.core.store.workspace import Workspace
from tests.cli.test_workspace import gold_workspace, one_line_error
from tests.core.workspace_helpers import span_of

LOADED = TagRef("semeval2020-propaganda", "Loaded_Language")
DOUBT = TagRef("semeval2020-propaganda", "Doubt")


def _annotator_file(base: Path, folder: Path, name: str, notes) -> Path:
    """A copy of the base workspace annotated by `name`, exported as W3C JSON-LD."""
    copy = folder / f"{name}.prw"
    shutil.copy(base, copy)
    with Workspace.open(copy) as ws:
        text = ws.text("target")
        for paragraph, needle, tags in notes:
            ws.annotate("target", paragraph, *span_of(text, paragraph, needle), tags=tags,
                        author=name)
    out = folder / f"{name}.jsonld"
    assert main(["export", str(copy), "--format", "w3c", "-o", str(out)]) == 0
    return out


@pytest.fixture
def merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    base = tmp_path / "base.prw"
    gold_workspace(base).close()
    with Workspace.open(base) as ws:
        words = ws.text("target").paragraphs[0].text.split()
    first, second = " ".join(words[:3]), " ".join(words[3:6])
    lina = _annotator_file(base, tmp_path, "Lina", [(0, first, (LOADED,)), (1, "the", (DOUBT,))])
    omar = _annotator_file(base, tmp_path, "Omar", [(0, first, (LOADED,)),
                                                    (0, second, (DOUBT,))])
    merged = tmp_path / "merged.prw"
    shutil.copy(base, merged)
    for f in (lina, omar):
        assert main(["import", str(merged), str(f)]) == 0
    capsys.readouterr()
    return merged


def test_agree_json_equals_the_core_and_the_package(merged: Path, capsys) -> None:
    assert main(["agree", str(merged), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["annotators"] == ["Lina", "Omar"] and data["unit"] == "char"
    assert [t["tag"] for t in data["tags"]] == [str(LOADED), str(DOUBT)]
    with Workspace.open(merged, read_only=True) as ws:
        texts = {s: ws.text(s) for s in ("source", "target")}
        core = agreement(ws.annotations(), texts)
        assert {a.author for a in ws.annotations()} == {"Lina", "Omar"}
    assert data["overall"]["kappa"] == pytest.approx(core.overall.kappa, abs=1e-12)
    loaded = data["tags"][0]
    assert loaded["annotations"] == {"Lina": 1, "Omar": 1}
    assert loaded["kappa"] == pytest.approx(1.0) and loaded["alpha"] == pytest.approx(1.0)
    doubt = data["tags"][1]
    assert doubt["alpha"] == pytest.approx(core.tags[1].alpha, abs=1e-12) and doubt["alpha"] < 0


def test_agree_table_and_csv(merged: Path, capsys) -> None:
    assert main(["agree", str(merged)]) == 0
    table = capsys.readouterr().out
    assert "Lina" in table and "Omar" in table and "kappa" in table and "all tags" in table
    assert "Loaded language" in table
    assert main(["agree", str(merged), "--format", "csv", "--unit", "token"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:4] == ["tag", "label", "annotations:Lina", "annotations:Omar"]
    assert rows[-1][0] == "" and rows[-1][1] == "all tags"
    assert float(rows[-1][-1]) <= 1.0


def test_agree_with_one_annotator_or_an_unknown_one_is_a_one_line_error(
    merged: Path, capsys
) -> None:
    assert main(["agree", str(merged), "--annotators", "Lina"]) == 2
    assert "two or more annotators" in one_line_error(capsys)
    assert main(["agree", str(merged), "--annotators", "Lina,Zed"]) == 2
    assert "no annotations by 'Zed'" in one_line_error(capsys)
    assert main(["agree", str(merged.with_name("missing.prw"))]) == 2
    one_line_error(capsys)


def test_agree_prints_control_characters_in_names_as_escapes(tmp_path: Path, capsys) -> None:
    path = tmp_path / "w.prw"
    with gold_workspace(path) as ws:
        text = ws.text("target")
        for name in ("A\x1b[2J", "B"):
            ws.annotate("target", 0, *span_of(text, 0, text.paragraphs[0].text.split()[0]),
                        tags=(LOADED,), author=name)
    assert main(["agree", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "A\\x1b[2J" in out
