"""The corpus manifest: it describes the shipped files truly, and a broken one fails clearly."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.corpus.manifest import ROLES, Corpus, load_manifest, parse_manifest
from reader.core.errors import InputError
from reader.core.text.document import load_text
from reader.resources import CORPUS, PROJECT_ROOT

MANIFEST = CORPUS / "corpus.toml"
SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
CORPUS_FILES = {
    "iraq-assad-lesson.ar.txt",
    "iraq-assad-lesson.en.txt",
    "iraq-adapts-to-new-syria.en.txt",
    "iraq-resistance-and-fall-of-assad.en.txt",
    "iraq-spectator-axis-of-resistance.en.txt",
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_manifest()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_manifest_lists_every_corpus_file_once(corpus: Corpus) -> None:
    files = [e.file for e in corpus.texts]
    assert sorted(files) == sorted(CORPUS_FILES)
    assert {p.name for p in CORPUS.glob("*.txt")} == CORPUS_FILES
    assert len({e.id for e in corpus.texts}) == len(corpus.texts)


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared/corpus is not beside the checkout")
def test_corpus_files_are_byte_identical_to_the_shared_corpus(corpus: Corpus) -> None:
    for entry in corpus.texts:
        assert _sha256(corpus.path_of(entry)) == _sha256(SHARED_CORPUS / entry.file), entry.file


def test_languages_and_directions_match_the_texts(corpus: Corpus) -> None:
    for entry in corpus.texts:
        text = load_text(corpus.path_of(entry))
        assert entry.language == text.language, entry.id
        assert entry.direction == text.direction, entry.id
        assert entry.title.strip()


def test_default_pair_is_the_arabic_original_and_its_english_version(corpus: Corpus) -> None:
    source, target = corpus.default_pair()
    assert (source.file, target.file) == ("iraq-assad-lesson.ar.txt", "iraq-assad-lesson.en.txt")
    assert (source.language, source.direction, source.role) == ("ar", "rtl", "original")
    assert (target.language, target.direction, target.role) == ("en", "ltr", "translation")
    assert target.translates == source.id
    assert len(corpus.load(source).paragraphs) == 46
    assert len(corpus.load(target.id).paragraphs) == 39


def test_only_the_english_version_is_a_translation(corpus: Corpus) -> None:
    roles = {e.id: e.role for e in corpus.texts}
    assert sorted(roles.values()) == ["comparable"] * 3 + ["original", "translation"]
    for entry in corpus.texts:
        assert (entry.translates is not None) == (entry.role == "translation")


def test_dates_and_sources_are_recorded(corpus: Corpus) -> None:
    by_file = {e.file: e for e in corpus.texts}
    assert by_file["iraq-resistance-and-fall-of-assad.en.txt"].date == "2025-01-13"
    assert by_file["iraq-adapts-to-new-syria.en.txt"].outlet == "Wilson Center"
    for entry in corpus.texts:
        assert entry.date, entry.id
        # a date or title the file does not print says where it came from
        if entry.file != "iraq-resistance-and-fall-of-assad.en.txt":
            assert "title" in entry.basis, entry.id


def test_path_of_and_get(corpus: Corpus) -> None:
    entry = corpus.texts[0]
    assert corpus.path_of(entry) == CORPUS / entry.file
    assert corpus.path_of(entry.id) == corpus.path_of(entry)
    with pytest.raises(InputError, match="no text with id 'nope'"):
        corpus.get("nope")


def test_manifest_folder_can_be_given(corpus: Corpus) -> None:
    assert [e.id for e in load_manifest(CORPUS).texts] == [e.id for e in corpus.texts]


# --- broken manifests -----------------------------------------------------------------------


def _manifest(tmp_path: Path, text: str, files: tuple[str, ...] = ("a.txt", "b.txt")) -> Path:
    for name in files:
        (tmp_path / name).write_text("a paragraph\n", encoding="utf-8")
    path = tmp_path / "corpus.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
[[text]]
id = "a"
file = "a.txt"
title = "A"
language = "ar"
role = "original"

[[text]]
id = "b"
file = "b.txt"
title = "B"
language = "en"
role = "translation"
translates = "a"

[[pair]]
source = "a"
target = "b"
"""


def test_a_small_good_manifest_loads(tmp_path: Path) -> None:
    corpus = load_manifest(_manifest(tmp_path, GOOD))
    source, target = corpus.default_pair()
    assert (source.id, target.id) == ("a", "b")
    assert source.direction == "rtl" and target.direction == "ltr"  # from the language
    assert corpus.pairs[0].id == "a--b"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('file = "b.txt"', 'file = "missing.txt"'), "file 'missing.txt' not found in"),
        (('target = "b"', 'target = "c"'), "pair 1: target is unknown id 'c'"),
        (('role = "original"', 'role = "source"'), "bad role 'source'"),
        (('translates = "a"', 'translates = "z"'), "translates unknown id 'z'"),
        (('translates = "a"\n', ""), "a translation must name the id it 'translates'"),
        (('id = "b"', 'id = "a"'), "id 'a' is used twice"),
        (('title = "A"\n', ""), "text 1 ('a'): missing 'title'"),
        (('title = "A"', 'title = "A"\ndirection = "ltr"'), "direction 'ltr' does not fit"),
        (('title = "A"', 'title = "A"\ndate = "8 Dec 2024"'), "is not YYYY, YYYY-MM"),
        (('title = "A"', 'title = "A"\ntranlsates = "b"'), "unknown keys: tranlsates"),
        (('file = "a.txt"', 'file = "../a.txt"'), "must be a path inside"),
        (('target = "b"', 'target = "a"'), "source and target are the same text"),
        (('[[text]]\nid = "a"', 'version = 2\n[[text]]\nid = "a"'), "manifest version 2"),
        (('language = "en"', 'language = "English"'), "not a two- or three-letter code"),
    ],
)
def test_broken_manifest_gives_a_clear_error(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    old, new = edit
    assert old in GOOD
    path = _manifest(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(InputError) as info:
        load_manifest(path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_missing_manifest_invalid_toml_and_empty_manifest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"corpus\.toml: no such file"):
        load_manifest(tmp_path / "corpus.toml")
    with pytest.raises(InputError, match="is not valid TOML"):
        load_manifest(_manifest(tmp_path, "[[text]\nid = 1\n"))
    with pytest.raises(InputError, match="lists no texts"):
        load_manifest(_manifest(tmp_path, "version = 1\n"))
    with pytest.raises(InputError, match="is not UTF-8"):
        path = tmp_path / "corpus.toml"
        path.write_bytes(b"title = '\xff'\n")
        load_manifest(path)


def test_no_pair_means_no_default_pair(tmp_path: Path) -> None:
    corpus = load_manifest(_manifest(tmp_path, GOOD.split("[[pair]]")[0]))
    with pytest.raises(InputError, match="names no"):
        corpus.default_pair()
    assert corpus.to_json()["default_pair"] is None


def test_two_default_pairs_are_refused(tmp_path: Path) -> None:
    text = GOOD + "default = true\n\n[[pair]]\nsource = \"a\"\ntarget = \"b\"\ndefault = true\n"
    with pytest.raises(InputError, match="more than one pair as default"):
        load_manifest(_manifest(tmp_path, text))


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.sampled_from(ROLES), st.text(min_size=1, max_size=12)))
def test_a_role_is_accepted_exactly_when_it_is_a_known_role(role: str) -> None:
    data = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    comparable = next(t for t in data["text"] if t["role"] == "comparable")
    comparable["role"] = role
    if role.strip() == "translation":
        comparable["translates"] = "iraq-assad-lesson-ar"
    if role.strip() in ROLES:  # surrounding white space is forgiven
        assert parse_manifest(data, MANIFEST).get(comparable["id"]).role == role.strip()
    else:
        with pytest.raises(InputError):
            parse_manifest(data, MANIFEST)


# --- the command ----------------------------------------------------------------------------


def test_reader_corpus_lists_every_text(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus"]) == 0
    out = capsys.readouterr().out
    for entry in corpus.texts:
        assert entry.id in out and entry.file in out and entry.title in out
    assert "default pair: iraq-assad-lesson-ar (ar) -> iraq-assad-lesson-en (en)" in out


def test_reader_corpus_json(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["id"] for t in data["texts"]] == [e.id for e in corpus.texts]
    assert data["default_pair"] == {
        "source": "iraq-assad-lesson-ar",
        "target": "iraq-assad-lesson-en",
    }
    assert data["texts"][1]["translates"] == "iraq-assad-lesson-ar"


def test_reader_corpus_with_a_broken_manifest_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _manifest(tmp_path, GOOD.replace('role = "original"', 'role = "origin"'))
    assert main(["corpus", "--manifest", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad role 'origin'" in err and str(path) in err


def test_a_copied_corpus_folder_works(tmp_path: Path) -> None:
    for name in [*CORPUS_FILES, "corpus.toml"]:
        shutil.copy(CORPUS / name, tmp_path / name)
    copy = load_manifest(tmp_path)
    assert copy.path_of(copy.default_pair()[0]) == tmp_path / "iraq-assad-lesson.ar.txt"
    (tmp_path / "iraq-assad-lesson.en.txt").unlink()
    with pytest.raises(InputError, match=r"file 'iraq-assad-lesson\.en\.txt' not found"):
        load_manifest(tmp_path)
