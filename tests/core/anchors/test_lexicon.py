"""Tests for the word lexicon: its built-in forms, clitics stripped to find a word, user files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchors import lexicon_lookup
from reader.core.anchors.lexicon import Lexicon
from reader.core.arabic.affixes import LEXICON_ENDINGS, PRONOUNS
from reader.core.arabic.normalise import normalize
from reader.core.errors import InputError


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


class Asked:
    """A word list that holds nothing and keeps the words it was asked for, in turn."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __contains__(self, word: object) -> bool:
        self.asked.append(str(word))
        return False


def candidates(token: str) -> list[str]:
    """The lexicon's candidate stems for a word, in the order it tries them (repeats and all)."""
    asked = Asked()
    lexicon_lookup.StemFinder(asked).first(token)
    return asked.asked


def _clitic_candidates(token: str) -> list[str]:
    """The lexicon's candidate stems for a word, each once, in the order it tries them."""
    return list(dict.fromkeys(candidates(token)))


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_builtin_lexicon_size_and_form(lexicon: Lexicon) -> None:
    assert len(lexicon) >= 3000
    for ar, en in lexicon.entries.items():
        assert ar == normalize(ar)
        assert en and all(e == e.lower() for e in en)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("قال", "said"), ("قالت", "said"), ("قالوا", "said"), ("يقول", "say"), ("تقول", "say"),
        ("كانوا", "were"), ("يكون", "be"), ("بيوت", "houses"), ("رجال", "men"), ("ملوك", "kings"),
        ("أيام", "days"), ("سنين", "years"), ("أبناء", "sons"), ("إخوة", "brothers"),
        ("مدن", "cities"), ("قبل", "before"), ("هناك", "there"), ("عندما", "when"),
    ],
)
def test_lexicon_common_forms(lexicon: Lexicon, token: str, expected: str) -> None:
    assert expected in lexicon.translations(token)


@pytest.mark.parametrize("token", ["حيا", "معين", "مدين", "كلم", "عما", "لكم", "حياة"])
def test_clitic_candidates_leave_no_two_letter_stem(token: str) -> None:
    # حيا is not حي + ا, معين not مع "with" + ين, كلم not ك + لم, لكم not ل + كم
    assert all(len(c) >= 3 for c in _clitic_candidates(normalize(token)))


def test_clitic_candidates(lexicon: Lexicon) -> None:
    assert _clitic_candidates(normalize("عامًا"))[0] == "عام"  # the alef of tanween
    assert "يد" in _clitic_candidates("يدي")  # two letters are left before a pronoun
    assert "كل" in _clitic_candidates("بكل")  # ... and after و ف ب
    assert "المسيح" in _clitic_candidates("للمسيح")  # لل is ل + the article
    assert "hand" in lexicon.translations("يدي")
    assert "with" not in lexicon.translations("معين")
    assert lexicon.translations("ناسا") == ("nasa",)
    assert "christ" in lexicon.translations("للمسيح")
    assert "mexico" in lexicon.translations("مكسيك")  # listed with the article only


def test_lexicon_normalises_and_strips_clitics(lexicon: Lexicon) -> None:
    assert "said" in lexicon.translations("قَالَ")
    assert "said" in lexicon.translations("وقال")
    assert "house" in lexicon.translations("والبيت")
    assert "house" in lexicon.translations("بيتهم")
    assert "city" in lexicon.translations("مدينتها")
    assert "year" in lexicon.translations("عامًا")
    assert lexicon.translations("قزحبلوط") == ()


def test_user_lexicon_extends_builtin(tmp_path: Path) -> None:
    user = write(tmp_path / "lex.tsv", "ar\ten\nقزحبلوط\tgizmo|gizmos\nبيت\tabode\n")
    lx = Lexicon.load([user])
    assert lx.translations("قزحبلوط") == ("gizmo", "gizmos")
    assert {"house", "abode"} <= set(lx.translations("بيت"))
    assert Lexicon.load([user], include_builtin=False).translations("قال") == ()


def test_bad_lexicon_file(tmp_path: Path) -> None:
    path = write(tmp_path / "lex.tsv", "ar\ten\nقال\tsaid\nبيت\n")
    with pytest.raises(InputError, match=r"lex.tsv: line 3: missing column"):
        Lexicon.load([path])
    path = write(tmp_path / "lex4.tsv", "a\tقال\tsaid\tverb\n")
    with pytest.raises(InputError, match="line 1: 4 tab-separated"):
        Lexicon.load([path])


@given(st.text(st.sampled_from(list("وفبكلسالتهمنياك")), max_size=7))
def test_tails_are_looked_up_by_their_letter(word: str) -> None:
    # the lexicon tests a word only for the tails ending in its last letter, in their order:
    # the same ones as testing them all
    tails = PRONOUNS + LEXICON_ENDINGS
    assert [
        t[0] for t in lexicon_lookup._TAIL_TESTS.get(word[-1:], ()) if word.endswith(t[0])
    ] == [t for t in tails if word.endswith(t)]
