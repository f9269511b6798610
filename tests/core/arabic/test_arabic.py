"""Tests for reader.core.arabic: normalize, the search fold, tokens, clitics, name skeletons."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchors.glossary import Lexicon
from reader.core.arabic import (
    Stemmer,
    fold_for_search,
    letter_runs,
    name_similarity,
    normalize,
    original_span,
    skeleton,
    strip_clitics,
    to_ascii_digits,
    tokens,
)
from reader.resources import CORPUS

AR_LINES = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8").splitlines()

# Arabic letters, harakat, tatweel, hamza forms, digits, presentation forms, Latin, spaces
_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىةٱ")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
    + list("٠١٢٣٤٥٦٧٨٩۰۴0123456789٬٫,.")
    + list("\ufefb\ufe8d\ufef7\ufdf2\ufb01")
    + list("AbCdEİ ")
    + ["😀", "\u200c"]
)
_TEXT = st.text(_ALPHABET, max_size=60)


def test_normalize_folds_forms_marks_and_digits() -> None:
    assert normalize("إِيرَان") == "ايران"
    assert normalize("الـــعراق") == "العراق"
    assert normalize("مدرسة مستشفى") == "مدرسه مستشفي"
    assert normalize("١٨٬٠٠٠ ۲۰۲۴") == "18٬000 2024"
    assert normalize("\ufefb") == "لا"  # the lam-alef ligature of presentation forms


def test_normalize_long_text_matches_short_path() -> None:
    # beyond 20,000 characters normalize maps code points with numpy: same result
    text = "\n".join(AR_LINES) * 3 + "😀\u064e"
    assert len(text) > 20_000
    assert normalize(text) == "\n".join(normalize(line) for line in text.split("\n"))


def test_normalize_leaves_alone_what_it_does_not_change() -> None:
    # normalize returns a text with no character it changes or drops as it is: check that the
    # full normalisation leaves every other character alone, on the short and the long path
    from reader.core import arabic

    kept = [chr(c) for c in range(0x110000) if not arabic._NORMALIZED_AWAY.match(chr(c))]
    long_text = "".join(kept)
    assert len(long_text) > arabic._LONG_TEXT
    assert arabic._normalize(long_text) == long_text
    for i in range(0, len(kept), 5000):
        chunk = "".join(kept[i : i + 5000])
        assert arabic._normalize(chunk) == chunk
    # and that each character it does change or drop is in the set
    changed = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    changed = [c for c in changed if arabic._normalize(c) != c]
    assert all(arabic._NORMALIZED_AWAY.match(c) for c in changed)


@given(_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_to_ascii_digits_keeps_length() -> None:
    assert to_ascii_digits("في ٨ كانون ۲۰۲۴") == "في 8 كانون 2024"
    assert to_ascii_digits("١٨٬٠٠٠") == "18٬000"


def test_fold_for_search_ignores_marks_forms_and_case() -> None:
    folded, index = fold_for_search("عامًا Assad والإيرانيّة")
    assert folded == "عاما assad والايرانيه"
    assert len(index) == len(folded)
    # the hit "ايرانيه" maps back to the original word, shadda included
    at = folded.index("ايرانيه")
    start, end = original_span(index, at, at + len("ايرانيه"), len("عامًا Assad والإيرانيّة"))
    assert "عامًا Assad والإيرانيّة"[start:end] == "إيرانيّة"


def test_fold_for_search_expands_ligatures() -> None:
    text = "\ufefb \ufdf2 \ufb01le"
    folded, index = fold_for_search(text)
    assert folded == "لا الله file"
    assert index[:2] == [0, 0]
    start, end = original_span(index, folded.index("الله"), folded.index("الله") + 4, len(text))
    assert text[start:end] == "\ufdf2"


@given(_TEXT)
def test_fold_map_is_monotone_and_in_range(text: str) -> None:
    folded, index = fold_for_search(text)
    assert len(index) == len(folded)
    assert all(0 <= i < len(text) for i in index)
    assert all(a <= b for a, b in itertools.pairwise(index))
    # every kept character appears: no original index is skipped unless it was dropped
    for i in range(len(text)):
        if i not in index:
            assert text[i] in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"


@given(st.text(st.sampled_from(list("ابتسمنهويءأإآؤئىة\u064e\u0651\u0640 ABc09٣")), max_size=40))
def test_fold_agrees_with_normalize_without_presentation_forms(text: str) -> None:
    assert fold_for_search(text)[0] == normalize(text).lower()


@given(_TEXT, st.data())
def test_original_span_covers_the_hit(text: str, data: st.DataObject) -> None:
    folded, index = fold_for_search(text)
    if not folded:
        return
    a = data.draw(st.integers(0, len(folded) - 1))
    b = data.draw(st.integers(a + 1, len(folded)))
    start, end = original_span(index, a, b, len(text))
    assert 0 <= start < end <= len(text)
    # folding the original span gives back (at least) the hit
    assert folded[a:b] in fold_for_search(text[start:end])[0]


def test_tokens_keep_marks_and_split_clitic_digits() -> None:
    text = "ثلاثةَ عشرَ عامًا، 2012 و2014 ١٨٬٠٠٠ 2.5 Assad’s الـعراق"
    surfaces = [t[2] for t in tokens(text)]
    assert surfaces == [
        "ثلاثةَ", "عشرَ", "عامًا", "2012", "و", "2014", "١٨٬٠٠٠", "2.5", "Assad", "s", "الـعراق",
    ]
    for start, end, surface in tokens(text):
        assert text[start:end] == surface


_MARK_LETTERS = st.sampled_from(list("اعeé12,.٬ _\u0301\u064e\u200c\u200d\u00b2-"))


@given(st.text(_ALPHABET, max_size=40) | st.text(_MARK_LETTERS, max_size=40))
def test_tokens_are_letters_then_letters_and_marks(text: str) -> None:
    # the token pattern writes "a letter, then letters or marks" as runs of each
    marks = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    first = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{marks}\u200c\u200d])*|\d+(?:[,.٬٫]\d+)*")
    assert tokens(text) == [(m.start(), m.end(), m.group()) for m in first.finditer(text)]


@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_folds_to_lower_case_as_the_code_map_does(text: str) -> None:
    from reader.core import arabic

    folded, keep = arabic._map_codes(text, arabic._FOLD_CODES)
    assert keep.all()
    assert fold_for_search(text) == (folded, list(range(len(text))))


@given(_TEXT)
def test_letter_runs(text: str) -> None:
    assert letter_runs(text) == set(re.findall("[\u0621-\u064a]+", text))
    assert letter_runs(text) is letter_runs(text)  # kept for the same text


def test_tokens_of_a_corpus_line() -> None:
    line = AR_LINES[23]
    toks = tokens(line)
    picked = tuple(t[2] for t in toks if t[2] in {"2012", "و", "2014"})
    assert picked[:3] == ("2012", "و", "2014")
    assert all(line[s:e] == w for s, e, w in toks)


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
    from reader.core import arabic

    matching = [s for s in arabic._SUFFIXES if word.endswith(s)]
    assert [s for s in arabic._SUFFIXES_ENDING_IN.get(word[-1], ()) if word.endswith(s)] == matching


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


PAIRS = [
    ("المالكي", "Maliki"),
    ("الأسد", "Assad"),
    ("بشار", "Bashar"),
    ("سليماني", "Soleimani"),
    ("الكعبي", "al-Kaabi"),
    ("الزيدي", "al-Zaydi"),
    ("المهندس", "al-Muhandis"),
    ("نوري", "Nouri"),
    ("حزب الله", "Hezbollah"),
    ("قاسم", "Qassem"),
    ("الزهيري", "al-Zuhairi"),
    ("البوكمال", "Bukamal"),
    ("البوكمال", "Al-Bukamal"),
    ("الميادين", "Mayadeen"),
    ("زينب", "Zainab"),
    ("أكرم", "Akram"),
    ("النجباء", "al-Nujaba"),
    ("بغداد", "Baghdad"),
    ("طهران", "Tehran"),
    ("المالكي", "al Maliki"),
]


@pytest.mark.parametrize(("ar", "en"), PAIRS)
def test_names_match_across_scripts(ar: str, en: str) -> None:
    assert skeleton(ar, "ar") == skeleton(en, "en")
    assert name_similarity(ar, en) == 1.0


@pytest.mark.parametrize(
    ("ar", "en"),
    [
        ("المالكي", "Bashar"),
        ("الأسد", "Saddam"),
        ("بشار", "Maliki"),
        ("سليماني", "Muhandis"),
        ("زينب", "Zaydi"),
        ("قاسم", "Kaabi"),
        ("نوري", "Nasrallah"),
        ("الميادين", "Damascus"),
        ("الكعبي", "Kirkuk"),
        ("حزب الله", "Hamas"),
        ("الزيدي", "Sadr"),
        ("بشار", "Bush"),
        ("نوري", "Nouriyah"),
    ],
)
def test_unrelated_names_score_low(ar: str, en: str) -> None:
    assert name_similarity(ar, en) < 0.5


def test_near_names_score_between() -> None:
    # a close transliteration that misses one class still scores well
    assert 0.75 <= name_similarity("دمشق", "Damascus") < 1.0


def test_skeleton_details() -> None:
    assert skeleton("حمزة", "ar") == skeleton("Hamza", "en") == "HMZ"
    assert skeleton("وليد", "ar") == skeleton("Walid", "en") == "WLD"
    assert skeleton("ash-Shuhada", "en") == skeleton("الشهداء", "ar")
    assert skeleton("", "en") == ""
    assert name_similarity("", "Assad") == 0.0
    with pytest.raises(ValueError, match="unsupported language"):
        skeleton("x", "fr")


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_similarity_in_range(ar: str, en: str) -> None:
    assert 0.0 <= name_similarity(ar, en) <= 1.0
