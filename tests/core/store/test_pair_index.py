"""Which workspace a pair uses: its default file, the pairs.json index, opening it headless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.align.beads import Alignment, Bead
from reader.core.pair import Pair
from reader.core.store.pair_index import (
    INDEX_FILE,
    PairIndex,
    default_path_for,
    default_workspace_dir,
    matches_pair,
    open_for_pair,
    pair_key,
    text_files,
)
from reader.core.store.schema import SUFFIX, WorkspaceError
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text, text_from_string
from tests.core.workspace_helpers import SOURCE_LINES, small_pair, write_pair


def _pair(folder: Path) -> Pair:
    source, target, alignment = small_pair(folder)
    return Pair(source, target, alignment, [])


def test_the_default_file_is_named_for_the_source_and_both_hashes(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    key = pair_key(pair.source, pair.target)
    assert key == f"{pair.source.sha256[:16]}-{pair.target.sha256[:16]}"
    path = default_path_for(pair.source, pair.target, tmp_path / "ws")
    assert path == tmp_path / "ws" / f"pair.ar-{key}{SUFFIX}"
    unnamed = text_from_string("نص\n", language="ar")
    assert default_path_for(unnamed, pair.target, tmp_path).name.startswith("pair-")


def test_without_a_folder_workspaces_go_to_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    pair = _pair(tmp_path)
    assert default_workspace_dir() == tmp_path / "data" / "parallel-reader" / "workspaces"
    assert default_path_for(pair.source, pair.target).parent == default_workspace_dir()
    assert PairIndex().path == default_workspace_dir() / INDEX_FILE


def test_the_index_remembers_a_pair_of_files_in_pairs_json(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    folder = tmp_path / "ws"
    index = PairIndex(folder)
    assert index.path == folder / "pairs.json"
    assert index.get(pair.source, pair.target) is None  # no index yet
    chosen = tmp_path / "mine.prw"
    index.put(pair.source, pair.target, chosen)
    assert PairIndex(folder).get(pair.source, pair.target) == chosen
    # the file's format: one JSON object, resolved paths joined by a tab, indented by one
    key = f"{pair.source.path.resolve()}\t{pair.target.path.resolve()}"
    assert index.path.read_text(encoding="utf-8") == json.dumps(
        {key: str(chosen)}, ensure_ascii=False, indent=1) + "\n"


def test_a_damaged_index_costs_only_the_lookup(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    index = PairIndex(tmp_path)
    for damaged in ("{not json", "[1, 2]", '{"a": 3}'):
        index.path.write_text(damaged, encoding="utf-8")
        assert index.get(pair.source, pair.target) is None
    index.put(pair.source, pair.target, tmp_path / "w.prw")
    assert index.get(pair.source, pair.target) == tmp_path / "w.prw"


def test_texts_without_files_are_not_indexed(tmp_path: Path) -> None:
    source = text_from_string("نص\n", language="ar")
    target = text_from_string("text\n", language="en")
    index = PairIndex(tmp_path)
    index.put(source, target, tmp_path / "w.prw")
    assert not index.path.exists()
    assert index.get(source, target) is None


def test_open_for_pair_makes_the_default_file_then_opens_it(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    folder = tmp_path / "ws"
    with open_for_pair(pair, folder=folder) as ws:
        assert ws.path == default_path_for(pair.source, pair.target, folder)
        assert matches_pair(ws, pair)
        ws.annotate("target", 0, 0, 4, comment="kept")
    with open_for_pair(pair, folder=folder) as ws:
        assert [a.comment for a in ws.annotations()] == ["kept"]


def test_an_edited_text_finds_the_workspace_its_files_used_last(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    folder = tmp_path / "ws"
    with open_for_pair(pair, folder=folder) as ws:
        first = ws.path
    PairIndex(folder).put(pair.source, pair.target, first)
    lines = list(SOURCE_LINES)
    lines[0] = "كلمات جديدة. " + lines[0]
    src, tgt = write_pair(tmp_path, lines)
    edited = Pair(load_text(src), load_text(tgt), pair.alignment, [])
    assert default_path_for(edited.source, edited.target, folder) != first  # its hash changed
    with open_for_pair(edited, folder=folder) as ws:
        assert ws.path == first
        assert matches_pair(ws, edited)  # by file name, since the hash differs


def test_another_pairs_workspace_is_refused_and_left_alone(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    other_source = text_from_string("أ\nب\n", language="ar")
    other_target = text_from_string("a\nb\n", language="en")
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9)]
    path = tmp_path / "other.prw"
    Workspace.create(path, other_source, other_target, Alignment(beads, 2, 2)).close()
    before = path.read_bytes()
    with Workspace.open(path) as ws:
        assert not matches_pair(ws, pair)
    with pytest.raises(WorkspaceError, match="another pair"):
        open_for_pair(pair, path)
    assert path.read_bytes() == before
    with Workspace.open(path):  # closed again: it can be opened for writing
        pass


def test_text_files_names_the_texts_that_are_gone(tmp_path: Path) -> None:
    pair = _pair(tmp_path)
    with open_for_pair(pair, folder=tmp_path / "ws") as ws:
        documents = ws.documents()
    paths, missing = text_files(documents)
    assert paths == [pair.source.path.resolve(), pair.target.path.resolve()]
    assert missing == []
    pair.target.path.unlink()
    assert text_files(documents)[1] == [str(pair.target.path.resolve())]
    unnamed = text_from_string("أ\n", language="ar")
    with Workspace.create(tmp_path / "u.prw", unnamed, pair.target, Alignment(
        [Bead((0,), tuple(range(len(pair.target))), 0.9)], 1, len(pair.target)
    )) as ws:
        assert text_files(ws.documents())[1] == ["source.txt", str(pair.target.path.resolve())]
