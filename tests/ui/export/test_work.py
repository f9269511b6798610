"""The export's targets: the workspace, the files SQLite keeps beside it and the texts refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import InputError
from reader.core.export.formats import FORMATS
from reader.ui.export.work import ExportChoice, run_export, suffix_for, with_suffix
from tests.core.workspace_helpers import small_workspace


def test_suffixes_follow_the_format_and_keep_other_names() -> None:
    assert suffix_for("w3c") == ".jsonld" and suffix_for("csv") == ".csv"
    assert with_suffix(Path("a/notes.csv"), "md") == Path("a/notes.md")
    assert with_suffix(Path("a/notes"), "md") == Path("a/notes.md")
    assert with_suffix(Path("a/notes.v2"), "md") == Path("a/notes.v2.md")
    assert len({suffix_for(f) for f in FORMATS}) == len(FORMATS)


def test_the_workspace_its_companions_the_texts_and_folders_are_refused(tmp_path) -> None:
    with small_workspace(tmp_path) as ws:
        text = tmp_path / "pair.ar.txt"
        text.write_text("نص", encoding="utf-8")
        wal = Path(f"{ws.path}-wal")
        assert wal.exists()  # the workspace is open in WAL mode
        for bad in (ws.path, wal, tmp_path / "." / "pair.ar.txt"):
            with pytest.raises(InputError, match="an input of this command"):
                run_export(ws, ExportChoice("csv", bad), protected=[text])
        with pytest.raises(InputError, match="is a directory"):
            run_export(ws, ExportChoice("csv", tmp_path))
        assert ws.annotations() == [] and ws.path.read_bytes()[:6] == b"SQLite"
        seen: list[float] = []
        out = run_export(ws, ExportChoice("md", tmp_path / "r.md"), progress=seen.append)
        assert out.read_text(encoding="utf-8") and seen[-1] == 1.0 and seen == sorted(seen)
        with pytest.raises(InputError, match="unknown export format"):
            run_export(ws, ExportChoice("docx", tmp_path / "r.docx"))
