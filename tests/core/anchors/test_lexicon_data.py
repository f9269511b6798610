"""Tests for the built-in word list as data: the readings the aligner gets for common words.

The aligner reads a word by its stem (`Lexicon.stemmer`, which keeps the letters of known words)
and merges the stem's own entry with the readings of the word as written
(`align.space.stem_translations`), so these tests read words the same way.
"""

from __future__ import annotations

import pytest

from reader.core.anchors.lexicon import BUILTIN_LEXICON, Lexicon
from reader.core.anchors.words import stopwords
from reader.core.arabic.normalise import normalize


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def aligner_reading(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    form = normalize(word)
    stem = lexicon.stemmer(form)
    found = lexicon.entries.get(stem, ()) + lexicon.translations(form)
    return tuple(dict.fromkeys(found)) or lexicon.translations(stem)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # first- and second-person verb forms and verbs added with them
        ("نستطيع", "can"), ("أستطيع", "can"), ("أريد", "want"), ("نحتاج", "need"),
        ("قمنا", "did"), ("قلتم", "said"), ("أعرف", "know"), ("نعمل", "work"),
        ("أتحدث", "speak"), ("اكتشفنا", "discover"), ("تخيل", "imagine"), ("أود", "would like"),
        ("يوجد", "exist"), ("يشبه", "resemble"),
        # nouns, adjectives and adverbs
        ("التكنولوجيا", "technology"), ("الدماغ", "brain"), ("مجال", "field"),
        ("ببساطة", "simply"), ("بالضبط", "exactly"), ("رائع", "wonderful"), ("مشاعر", "feelings"),
    ],
)
def test_common_words_are_known(lexicon: Lexicon, word: str, expected: str) -> None:
    assert expected in aligner_reading(lexicon, word)


@pytest.mark.parametrize(
    ("word", "expected", "wrong"),
    [
        # a common word is read as itself, whatever its stem (no entry of its own is needed)
        ("مدينة", "city", "period"),  # stem مدين, not مد "duration"
        ("كلمات", "words", "not"),  # stem كلم, not لم "did not"
        ("السياسية", "political", "despair"),  # stem سياسي, not ياس
        ("شركة", "company", "evil"),  # stem شرك, not شر + ك
        ("الحياة", "life", "neighborhood"),  # stem حيا, not حي
        ("المرأة", "woman", "pass"),  # stem مرا, not مر
        ("لجنة", "committee", "jinn"),
        ("كبيرة", "big", "well"),  # stem كبير, not بير "well"
        ("كاملة", "complete", "hope"),  # stem كامل, not امل "hope"
        ("فتحت", "opened", "under"),  # not تحت "under", a stopword
        ("يصلي", "pray", "arrive"),  # not يصل "arrive"
        ("والدين", "parents", "religion"),  # not دين "religion"
        ("بالطبع", "of course", "print"),  # not طبع "print"
        # wrong entries fixed
        ("آل", "family", "end"),
        ("ظهور", "appearance", "noon"),
        ("السنة", "year", "tongue"),
        # verb forms added must not capture other words' stems
        ("بنات", "girls", "come"),
        ("وضعت", "put", "lost"),
        ("فقدت", "lose", "lead"),
        ("بارد", "cold", "reply"),
        ("بينما", "while", "sleep"),
        ("السينما", "cinema", "sleep"),
    ],
)
def test_readings_on_the_aligner_path(
    lexicon: Lexicon, word: str, expected: str, wrong: str
) -> None:
    found = aligner_reading(lexicon, word)
    assert expected in found
    if wrong:
        assert wrong not in found


MISLEADING_PHRASES = {"take place", "took place", "in order to", "as well", "at his place",
                      "for that reason", "every time", "in place of", "no matter"}


def test_no_phrase_variant_whose_words_match_the_wrong_thing(lexicon: Lexicon) -> None:
    # the aligner splits a variant into its words: "in order to" would match "order"
    for ar, en in lexicon.entries.items():
        assert not MISLEADING_PHRASES & set(en), ar


def test_entries_are_single_words(lexicon: Lexicon) -> None:
    # texts are read word by word: a key with a space could never be looked up
    assert all(" " not in ar for ar in lexicon.entries)


def test_entries_give_a_content_word(lexicon: Lexicon) -> None:
    # a key none of whose variants has a word outside the English stopwords matches nothing;
    # the pronoun-preposition entries (له "to him") are the known exceptions and stay few
    stops = stopwords("en")
    empty = [ar for ar, en in lexicon.entries.items()
             if all(w in stops for v in en for w in v.split())]
    assert len(empty) < 150


def test_builtin_file_lines_are_well_formed() -> None:
    for number, line in enumerate(BUILTIN_LEXICON.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        ar, en = line.split("\t")  # exactly two columns
        assert ar.strip() == ar and en.strip() == en, number
        assert all(v and v == v.strip() for v in ar.split("|")), number
        assert all(v and v == v.strip() for v in en.split("|")), number
        assert en == en.lower(), number
