"""The glossary's matchers kept in the cache: read back, they find what freshly built ones find."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors import glossary_cache, lexicon_cache
from reader.core.anchors.glossary import BUILTIN_GLOSSARY, Glossary, Term, _read_glossary
from reader.core.errors import InputError
from reader.resources import CORPUS

AR_TEXT = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8")
EN_TEXT = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8")
TERMS = list(Glossary.load())
# words of the built-in glossary with clitics and endings, and other words and signs
PIECES = st.sampled_from([
    *sorted({w for t in TERMS[:80] for v in t.ar + t.en for w in v.split()}),
    "و", "ال", "بال", "لل", "ه", "ات", "ية", "'s", "s", "al-", "El ", "-", "’", " ", "  ",
    ".", ",", "\n", "US", "us", "ـ", "\u064e", "the", "قال", "2", "١٩",
])
TEXTS = st.lists(PIECES, max_size=14).map("".join)


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / "glossary").glob("*.marshal"))


def _fresh(monkeypatch: pytest.MonkeyPatch, terms: list[Term]) -> Glossary:
    with monkeypatch.context() as m:
        m.setenv("READER_CACHE_DIR", "")  # no cache: built as before the cache
        glossary = Glossary(terms)
        for language in ("ar", "en"):
            glossary.find_terms("", language)
    return glossary


def _same_matchers(kept: Glossary, fresh: Glossary) -> None:
    for language in ("ar", "en"):
        a, b = kept._matcher(language), fresh._matcher(language)
        assert a is not None and b is not None
        assert a.pattern.pattern == b.pattern.pattern
        assert a.pattern.flags == b.pattern.flags
        assert a.pattern.groupindex == b.pattern.groupindex
        assert a.pattern.groups == b.pattern.groups
        assert (a.ids, a.ignored, a.firsts, a.key) == (b.ids, b.ignored, b.firsts, b.key)
        assert a.further == b.further and (language == "en" or a.further == {})
        assert (a.heads is None) == (b.heads is None) == (language == "en")
        if a.heads is not None and b.heads is not None:
            assert (a.heads.pattern, a.heads.flags) == (b.heads.pattern, b.heads.flags)
        assert list(a.ids) == list(b.ids)


def test_read_back_matchers_are_the_built_ones(user_cache: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _fresh(monkeypatch, TERMS)
    first = Glossary(TERMS)  # built, and kept
    for language in ("ar", "en"):
        first.find_terms("", language)
    assert len(_kept(user_cache)) == 2
    again = Glossary(TERMS)  # read back
    _same_matchers(again, fresh)
    assert again.find_terms(AR_TEXT, "ar") == fresh.find_terms(AR_TEXT, "ar")
    assert again.find_terms(EN_TEXT, "en") == fresh.find_terms(EN_TEXT, "en")
    assert again.find_terms(EN_TEXT, "en")  # the texts do hold terms


@pytest.fixture(scope="module")
def kept_and_fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Glossary, Glossary]:
    """A glossary whose matchers were read back from the cache, and one built without it."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("READER_CACHE_DIR", "")
        fresh = Glossary(TERMS)
        m.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        Glossary(TERMS).find_terms("", "ar")  # built, and kept
        Glossary(TERMS).find_terms("", "en")
        kept = Glossary(TERMS)
        for language in ("ar", "en"):
            fresh.find_terms("", language)
            kept.find_terms("", language)  # read back
    return kept, fresh


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_read_back_matchers_find_what_built_ones_find(
    kept_and_fresh: tuple[Glossary, Glossary], text: str
) -> None:
    kept, fresh = kept_and_fresh
    for language in ("ar", "en"):
        assert kept.find_terms(text, language) == fresh.find_terms(text, language)


def test_damaged_matchers_are_built_again_and_kept_again(user_cache: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _fresh(monkeypatch, TERMS)
    Glossary(TERMS).find_terms("", "ar")
    (kept,) = _kept(user_cache)
    whole = kept.read_bytes()
    built = lexicon_cache.load_table(kept)
    assert built is not None
    code_at = whole.index(b"code")
    for damage in (whole[:40], b"", b"not ours", whole[:-3],
                   whole[:code_at + 12] + b"\x00" * 8 + whole[code_at + 20:]):
        kept.write_bytes(damage)
        glossary = Glossary(TERMS)
        assert glossary.find_terms(AR_TEXT, "ar") == fresh.find_terms(AR_TEXT, "ar")
        again = lexicon_cache.load_table(kept)  # kept again as built
        assert again is not None and again == built


def test_other_terms_have_their_own_matchers(user_cache: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    Glossary(TERMS).find_terms("", "en")
    mine = [*TERMS, Term("zorb", ("زورب",), ("Zorbing Club",), "term")]
    assert Glossary(mine).find_terms("the zorbing club met", "en")[0].term_id == "zorb"
    assert len(_kept(user_cache)) == 2
    assert not Glossary(TERMS).find_terms("the zorbing club met", "en")


def test_no_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))
    fresh = _fresh(monkeypatch, TERMS)
    assert Glossary(TERMS).find_terms(AR_TEXT, "ar") == fresh.find_terms(AR_TEXT, "ar")


@pytest.mark.parametrize("pattern", [
    r"(?<!\w)(?P<a>ab|a(?:c|d)e?)(?P<b>x)?(?!\w)", r"(?i:al|el)[\s-]+\d{2,4}", "[^\u0600-\u06ff]+",
    r"(?i)straße|ǅ", r"(a)|(?P<n>b)\1", r"x*?y+?", "",
])
def test_a_pattern_made_from_its_code_is_the_compiled_one(pattern: str) -> None:
    compiled = re.compile(pattern)
    made = glossary_cache.pattern_from_code(glossary_cache.compiled_code(compiled))
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
    for text in ("", "ab x", "ace", "al- 1999 el 12", "سلام abc", "STRASSE straße ǆ", "aa bb",
                 "xxyy"):
        assert [m.span() + m.groups() for m in made.finditer(text)] == [
            m.span() + m.groups() for m in compiled.finditer(text)]


def test_code_the_engine_refuses_is_an_error() -> None:
    kept = glossary_cache.compiled_code(re.compile("ab+c"))
    with pytest.raises(RuntimeError):
        glossary_cache.pattern_from_code({**kept, "code": [99999, 1, 2]})


def _terms_kept(folder: Path) -> int:
    return len(_kept(folder))


USER_GLOSSARY = "ar\ten\nكتاب الحرب\tThe War Book|War Book\nزورب\tZorb\n"


def test_a_file_s_terms_read_back_are_the_parsed_ones(user_cache: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(USER_GLOSSARY, encoding="utf-8")
    for path in (BUILTIN_GLOSSARY, mine):
        expected = _read_glossary(path)
        assert glossary_cache.cached_terms(path, _read_glossary, Term) == expected  # kept
        again = glossary_cache.cached_terms(path, _read_glossary, Term)  # read back
        assert again == expected
        assert all(type(t.ar) is tuple and type(t.en) is tuple for t in again)
    assert _terms_kept(user_cache) == 2
    mine.write_text(USER_GLOSSARY.replace("Zorb", "Zorbing"), encoding="utf-8")
    (zorb,) = [t for t in glossary_cache.cached_terms(mine, _read_glossary, Term)
               if t.ar == ("زورب",)]
    assert zorb.en == ("Zorbing",)  # other bytes, other terms


def test_damaged_terms_are_read_again_and_kept_again(user_cache: Path) -> None:
    expected = _read_glossary(BUILTIN_GLOSSARY)
    glossary_cache.cached_terms(BUILTIN_GLOSSARY, _read_glossary, Term)
    (kept,) = _kept(user_cache)
    whole = kept.read_bytes()
    for damage in (b"", whole[:25], whole[:-2], b"not ours", whole[:30] + b"\x01" + whole[31:]):
        kept.write_bytes(damage)
        assert glossary_cache.cached_terms(BUILTIN_GLOSSARY, _read_glossary, Term) == expected
        assert glossary_cache.cached_terms(BUILTIN_GLOSSARY, _read_glossary, Term) == expected


@pytest.mark.parametrize("content", [
    b"id\tar\ten\nBad Id\t\xd9\x83\tx\n", b"\xff\xfe\x00", b"ar\ten\n\xc3\x28\tx\n", None,
])
def test_a_bad_file_is_refused_as_before(user_cache: Path, tmp_path: Path,
                                         content: bytes | None) -> None:
    path = tmp_path / "bad.tsv"
    if content is None:
        path.mkdir()  # a folder, not a file
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as before:
        _read_glossary(path)
    for _ in range(2):
        with pytest.raises(InputError) as now:
            glossary_cache.cached_terms(path, _read_glossary, Term)
        assert str(now.value) == str(before.value)
    assert not _kept(user_cache)


def test_a_change_of_code_is_another_cache_file(user_cache: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # a stale matcher is never read: the key holds the source of the code that shapes it
    import types

    source = tmp_path / "shaping.py"
    source.write_text("A = 1\n", encoding="utf-8")
    module = types.ModuleType("shaping")
    module.__file__ = str(source)
    monkeypatch.setitem(sys.modules, "shaping", module)
    monkeypatch.setattr(glossary_cache, "_MODULES", (*glossary_cache._MODULES, "shaping"))
    before = glossary_cache._path("ar", b"terms")
    assert before == glossary_cache._path("ar", b"terms")
    source.write_text("A = 2\n", encoding="utf-8")
    assert glossary_cache._path("ar", b"terms") not in (before, None)
    source.unlink()  # unreadable code: no cache at all
    assert glossary_cache._path("ar", b"terms") is None
