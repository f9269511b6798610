"""Several annotators' files into one workspace: creators kept, creatorless files named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core.annotate.annotations import TagRef
from reader.core.annotators.importing import import_annotators
from reader.core.errors import InputError
from reader.core.export.formats import export
from reader.core.export.report import report_from_workspace
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import small_workspace

TAG = TagRef("p", "a")


def _file(base: Path, folder: Path, stem: str, author: str, paragraph: int) -> Path:
    copy = folder / f"{stem}.prw"
    shutil.copy(base, copy)
    with Workspace.open(copy) as ws:
        ws.annotate("target", paragraph, 0, 4, tags=(TAG,), author=author)
        out = folder / f"{stem}.jsonld"
        export(report_from_workspace(ws), "w3c", out)
    return out


def test_each_file_keeps_its_creator_and_a_nameless_one_gets_the_file_name(tmp_path) -> None:
    small_workspace(tmp_path, "base.prw").close()
    base = tmp_path / "base.prw"
    files = [_file(base, tmp_path, "lina", "Lina", 0), _file(base, tmp_path, "omar", "", 1)]
    seen: list[float] = []
    with Workspace.open(base) as ws:
        done = import_annotators(ws, files, progress=seen.append)
        assert [d.named for d in done] == [None, "omar"]
        assert sorted(a.author for a in ws.annotations()) == ["Lina", "omar"]
    assert seen == [0.5, 1.0]


def test_a_bad_file_stops_the_import_after_the_good_ones(tmp_path) -> None:
    small_workspace(tmp_path, "base.prw").close()
    base = tmp_path / "base.prw"
    good = _file(base, tmp_path, "lina", "Lina", 0)
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json", encoding="utf-8")
    with Workspace.open(base) as ws:
        with pytest.raises(InputError, match=r"bad\.jsonld"):
            import_annotators(ws, [good, bad])
        assert [a.author for a in ws.annotations()] == ["Lina"]
