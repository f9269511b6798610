"""Tests for reader.core.arabic.stemmer: strip_clitics and the Stemmer that reads a word list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchors.lexicon import Lexicon
from reader.core.arabic.affixes import STEM_SUFFIXES
from reader.core.arabic.normalise import normalize
from reader.core.arabic.stemmer import _SUFFIXES_ENDING_IN, Stemmer, strip_clitics


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        # proclitics and the article, from the corpus
        ("والميادين", "ميادين"),
        ("بالتعاون", "تعاون"),
        ("للنظام", "نظام"),
        ("وبالتعاون", "تعاون"),
        ("للأسد", "اسد"),
        # suffixes
        ("المالكي", "مالك"),
        ("العراقيين", "عراق"),
        ("العراقي", "عراق"),
        ("الإيرانية", "ايران"),
        ("وتجنيدهم", "تجنيد"),
        ("ورواتبهم", "رواتب"),
        ("المعلومات", "معلوم"),
        ("حكومته", "حكوم"),
        ("حكومة", "حكوم"),
        ("دعمه", "دعم"),
        # short and proper words stay whole
        ("إيران", "ايران"),
        ("لبنان", "لبنان"),
        ("بغداد", "بغداد"),
        ("بشار", "بشار"),
        ("وزير", "وزير"),
        ("الله", "الله"),
        ("فيه", "فيه"),
        ("القوات", "قوات"),
        ("سوريا", "سوريا"),
        ("حسين", "حسين"),
    ],
)
def test_strip_clitics(word: str, stem: str) -> None:
    assert strip_clitics(word) == stem


@given(st.text(st.sampled_from(list("ابتهمنكيا")), min_size=1, max_size=8))
def test_suffixes_by_last_letter(word: str) -> None:
    # strip_clitics tries only the suffixes ending in the word's last letter, in the same order
    matching = [s for s in STEM_SUFFIXES if word.endswith(s)]
    assert [s for s in _SUFFIXES_ENDING_IN.get(word[-1], ()) if word.endswith(s)] == matching


def test_strip_clitics_leaves_other_scripts() -> None:
    assert strip_clitics("Assad") == "Assad"
    assert strip_clitics("2014") == "2014"


@given(st.text(st.sampled_from(list("ابتسمنهويلكفة")), min_size=1, max_size=10))
def test_strip_clitics_never_empties_a_word(word: str) -> None:
    stem = strip_clitics(word)
    assert stem
    assert len(stem) >= min(2, len(word))
    assert stem in normalize(word)


@pytest.fixture(scope="module")
def stemmer() -> Stemmer:
    return Lexicon.load().stemmer


@pytest.mark.parametrize(
    ("word", "plain", "stem"),
    [
        # a proclitic that is a letter of a known word stays
        ("كبيرة", "بير", "كبير"),  # not بير "well"
        ("كامل", "امل", "كامل"),  # not امل "hope"
        ("بعيد", "عيد", "بعيد"),
        ("وصلت", "صلت", "وصلت"),
        ("فساد", "ساد", "فساد"),
        ("كلام", "لام", "كلام"),
        ("فاسد", "اسد", "فاسد"),
        ("وضعت", "ضعت", "وضعت"),
        ("فقدت", "قدت", "فقدت"),
        ("كانوا", "انوا", "كانوا"),
        ("فتحت", "تحت", "فتحت"),
        ("ليلة", "يله", "ليل"),
        ("والدين", "دين", "والد"),  # the article too, in a known word
        ("بالطبع", "طبع", "بالطبع"),
        ("للمسيح", "مسيح", "المسيح"),  # لل is ل + the article of the known المسيح
        # a final ي, a nisba that is part of a known word
        ("يجري", "يجر", "يجري"),
        ("يؤدي", "يود", "يودي"),
        ("يصلي", "يصل", "يصلي"),
        ("أنهى", "انه", "انهي"),
        ("ولاية", "ولا", "ولاي"),  # as ولايات
        ("فعلية", "علي", "فعلي"),
        ("بلدية", "لدي", "بلدي"),
        ("تحتية", "تحت", "تحتي"),
        ("السياسية", "سياس", "سياسي"),
        # clitics go as before where the rest is the known word
        ("وكان", "كان", "كان"),
        ("والبيت", "بيت", "بيت"),
        ("بيتهم", "يتهم", "بيت"),  # not ب + يتهم "accuses"
        ("حكومته", "حكوم", "حكوم"),
        ("حكومات", "حكوم", "حكوم"),  # with حكومة, though حكومات is listed
        ("مدينتها", "مدين", "مدين"),
        ("المهم", "مهم", "مهم"),  # not الم "pain" + هم
        ("العراقي", "عراق", "عراق"),
    ],
)
def test_stemmer_keeps_the_letters_of_known_words(
    stemmer: Stemmer, word: str, plain: str, stem: str
) -> None:
    assert strip_clitics(word) == plain
    assert stemmer(word) == stem


@given(st.text(st.sampled_from(list("ابتسمنهويلكفةى")), min_size=1, max_size=10))
def test_stemmer_without_words_is_strip_clitics(word: str) -> None:
    assert Stemmer()(word) == strip_clitics(word)
    assert Stemmer(["كتب", "مكتبة", "الكتاب", "بيت"])(word)  # never empty
