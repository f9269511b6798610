"""Finding a batch's pairs: folders in both layouts, CSV and TOML manifests, and bad ones."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.archive.inputs import PairJob, discover, discover_jobs, id_from_path
from reader.core.errors import InputError


def _touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x\n")


def test_a_folder_pairs_files_by_name(tmp_path: Path) -> None:
    _touch(tmp_path, "b.ar.txt", "b.en.txt", "a.ar.txt", "a.en.txt", "c.ar.txt", "notes.txt",
           "README.md", ".hidden.ar.txt", ".hidden.en.txt")
    found = discover(tmp_path)
    assert found.jobs == [
        PairJob("a", str(tmp_path / "a.ar.txt"), str(tmp_path / "a.en.txt")),
        PairJob("b", str(tmp_path / "b.ar.txt"), str(tmp_path / "b.en.txt")),
    ]
    assert found.unmatched == [str(tmp_path / "c.ar.txt"), str(tmp_path / "notes.txt")]


def test_a_folder_of_ar_and_en_folders(tmp_path: Path) -> None:
    _touch(tmp_path, "ar/مقال-1.txt", "en/مقال-1.txt", "ar/x.txt", "en/y.txt", "ar/z.md")
    found = discover(tmp_path)
    assert found.jobs == [PairJob("مقال-1", str(tmp_path / "ar/مقال-1.txt"),
                                  str(tmp_path / "en/مقال-1.txt"))]
    assert found.unmatched == [str(tmp_path / "ar/x.txt"), str(tmp_path / "en/y.txt")]


def test_both_layouts_in_one_folder_and_a_clash(tmp_path: Path) -> None:
    _touch(tmp_path, "a.ar.txt", "a.en.txt", "ar/b.txt", "en/b.txt")
    assert [j.id for j in discover_jobs(tmp_path)] == ["a", "b"]
    _touch(tmp_path, "ar/a.txt")
    with pytest.raises(InputError, match=r"the pair 'a' is there twice"):
        discover(tmp_path)


def test_paths_are_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path, "in/a.ar.txt", "in/a.en.txt")
    monkeypatch.chdir(tmp_path)
    assert discover_jobs(Path("in"))[0].source == "in/a.ar.txt"  # as `reader align` would be given


def test_a_csv_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "pairs.csv").write_text(
        "\ufeffsource,target,id,original,glossary,blocks\r\n"
        "texts/a.ar.txt,texts/a.en.txt,first,target,g1.tsv;g2.tsv,yes\r\n"
        "/abs/b.ar.txt,https://example.org/b.en.txt,,,,\r\n"
        ",,,,,\r\n"
        "2019/c.ar.txt,2019/c.en.txt,,source,,false\r\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert discover_jobs(Path("m/pairs.csv")) == [
        PairJob("first", "m/texts/a.ar.txt", "m/texts/a.en.txt",
                {"original": "target", "blocks": "true", "glossary": "m/g1.tsv\nm/g2.tsv"}),
        PairJob("b", "/abs/b.ar.txt", "https://example.org/b.en.txt"),
        PairJob("c", "m/2019/c.ar.txt", "m/2019/c.en.txt", {"original": "source"}),
    ]
    assert discover_jobs(Path("m/pairs.csv"))[0].glossaries == ["m/g1.tsv", "m/g2.tsv"]


def test_a_toml_manifest(tmp_path: Path) -> None:
    (tmp_path / "pairs.toml").write_text(
        '[[pair]]\nsource = "a.ar.txt"\ntarget = "a.en.txt"\nid = "a"\n'
        'glossary = ["g.tsv"]\nblocks = true\n\n'
        '[[pair]]\nsource = "b.ar.txt"\ntarget = "b.en.txt"\noriginal = "source"\n'
        'glossary = "h.tsv"\n', encoding="utf-8")
    assert discover_jobs(tmp_path / "pairs.toml") == [
        PairJob("a", str(tmp_path / "a.ar.txt"), str(tmp_path / "a.en.txt"),
                {"blocks": "true", "glossary": str(tmp_path / "g.tsv")}),
        PairJob("b", str(tmp_path / "b.ar.txt"), str(tmp_path / "b.en.txt"),
                {"original": "source", "glossary": str(tmp_path / "h.tsv")}),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.csv", "src,target\na,b\n", "has no source column"),
        ("m.csv", "source,target,orginal\na,b,source\n", "unknown column 'orginal'"),
        ("m.csv", "source,target\na,b,c\n", "line 2: more cells than columns"),
        ("m.csv", "source,target\na,\n", "line 2: no target"),
        ("m.csv", "source,target,original\na,b,both\n", "original must be source or target"),
        ("m.csv", "source,target,blocks\na,b,maybe\n", "blocks must be true or false"),
        ("m.csv", "source,target,id\na,b,x\nc,d,x\n", "the id 'x' is given to two pairs"),
        ("m.csv", "source,target,id\na,b,X\nc,d,x\n", "the id 'x' is given to two pairs"),
        ("m.csv", "source,target\nx/a.txt,b\ny/a.txt,c\n", "the id 'a' is given to two pairs"),
        ("m.csv", "source,target,id\na,b,up/down\n", "holds a slash"),
        ("m.csv", "source,target,id\na,b,../up\n", "starts with a dot"),
        ("m.csv", "source,target,id\na,b,.hidden\n", "starts with a dot"),
        ("m.csv", "source,target\n", "lists no pair"),
        ("m.csv", b"source,target\n\xff\xfe,b\n", "is not UTF-8 text"),
        ("m.csv", "", "has no source or target column"),
        ("m.toml", "[[pair]\n", "is not valid TOML"),
        ("m.toml", '[[pairs]]\nsource = "a"\n', "unknown key 'pairs'"),
        ("m.toml", '[[pair]]\nsource = "a"\ntarget = 3\n', "pair 1: target must be a string"),
        ("m.toml", '[[pair]]\nsource = "a"\ntarget = "b"\ncolour = "red"\n',
         "pair 1: unknown key 'colour'"),
        ("m.toml", '[[pair]]\nsource = "a"\ntarget = "b"\nglossary = [1]\n',
         "glossary must be a path or a list of paths"),
        ("m.toml", 'pair = "a"\n', "pair must be an array of tables"),
        ("m.json", "{}", "is neither a folder nor a manifest"),
    ],
)
def test_a_bad_manifest_is_one_line_naming_it(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        discover(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_and_empty_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.csv: no such file"):
        discover(tmp_path / "nothing.csv")
    with pytest.raises(InputError, match="nothing: no such file or folder"):
        discover(tmp_path / "nothing")
    with pytest.raises(InputError, match="holds no pair"):
        discover(tmp_path)


@pytest.mark.parametrize(
    ("path", "ident"),
    [("a/2019/article-7.ar.txt", "article-7"), ("x.txt", "x"), ("s3://b/k/c.en.txt", "c"),
     ("plain", "plain"), ("مقال.ar.txt", "مقال")],
)
def test_an_id_from_a_path(path: str, ident: str) -> None:
    assert id_from_path(path) == ident


names = st.text(st.sampled_from("ab-_ مقال1٢"), min_size=1, max_size=6).filter(
    lambda n: n.strip() == n and not n.startswith("."))


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(names, st.tuples(st.sampled_from(["flat", "folders"]), st.booleans(),
                                        st.booleans()), max_size=6))
def test_a_folder_gives_every_complete_pair_and_reports_the_rest(
    files: dict[str, tuple[str, bool, bool]]
) -> None:
    """Whatever the names and layouts: each name with both sides is a pair, each lone side is
    reported, nothing else; ids are the names."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        expected, lonely = [], []
        for name, (layout, ar, en) in files.items():
            sides = [(lang, root / (f"{name}.{lang}.txt" if layout == "flat"
                                     else f"{lang}/{name}.txt")) for lang, has in
                     (("ar", ar), ("en", en)) if has]
            for _, path in sides:
                _touch(root, str(path.relative_to(root)))
            if len(sides) == 2:
                expected.append(name)
            else:
                lonely += [str(path) for _, path in sides]
        if not expected:
            with pytest.raises(InputError, match="holds no pair"):
                discover(root)
            return
        found = discover(root)
        assert [j.id for j in found.jobs] == sorted(expected)
        assert all(Path(j.source).exists() and Path(j.target).exists() for j in found.jobs)
        assert sorted(found.unmatched) == sorted(lonely)
