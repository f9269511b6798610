"""Tests for the glossary: loading, validation, term matching on real text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors.glossary import (
    BUILTIN_GLOSSARY,
    IGNORE_CATEGORY,
    Glossary,
    TermMention,
    slug,
)
from reader.core.arabic.normalise import normalize
from reader.core.errors import InputError
from reader.resources import CORPUS

AR_TEXT = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8")
EN_TEXT = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def ids(mentions: list[TermMention]) -> list[str]:
    return [m.term_id for m in mentions]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- the built-in glossary -------------------------------------------------------------------


def test_builtin_glossary_is_large_and_well_formed(glossary: Glossary) -> None:
    assert len(glossary) >= 400
    for term in glossary:
        assert term.id == term.id.lower() and " " not in term.id
        assert term.ar and term.en


def test_builtin_forms_belong_to_one_term_each(glossary: Glossary) -> None:
    # a normalised Arabic form or a folded English form claimed by two ids would make one
    # of them silently unreachable
    seen_ar: dict[str, str] = {}
    seen_en: dict[str, str] = {}
    clashes = []
    for term in glossary:
        for ar in term.ar:
            key = " ".join(normalize(ar).split())
            if seen_ar.setdefault(key, term.id) != term.id:
                clashes.append((ar, seen_ar[key], term.id))
        for en in term.en:
            key = " ".join(en.lower().replace("-", " ").replace("'", "").split())
            if seen_en.setdefault(key, term.id) != term.id:
                clashes.append((en, seen_en[key], term.id))
    assert clashes == []


SHARED_TERMS = [
    "iraq", "syria", "iran", "lebanon", "baghdad", "damascus", "washington", "united-states",
    "hezbollah", "kataib-hezbollah", "asaib-ahl-al-haq", "nujaba", "kataib-sayyid-al-shuhada",
    "tufuf-brigade", "kataib-imam-ali", "sayyida-zainab", "bukamal", "mayadin", "assad",
    "maliki", "dawa-party", "al-qaeda", "un", "arab-spring", "irgc", "al-hurra", "kaabi",
    "muhandis", "shibl-al-zaydi", "zuhairi", "soleimani", "baghdad-today", "sdf", "isis",
    "umayyad", "shia", "money-laundering", "withdrawal", "liberation", "pakistan", "afghanistan",
    "middle-east", "imam-hussein", "shrine", "militia", "regime", "revolution", "terrorism",
]


@pytest.mark.parametrize("term_id", SHARED_TERMS)
def test_corpus_pair_terms_found_on_both_sides(glossary: Glossary, term_id: str) -> None:
    assert term_id in ids(glossary.find_terms(AR_TEXT, "ar"))
    assert term_id in ids(glossary.find_terms(EN_TEXT, "en"))


# --- Arabic matching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "surface"),
    [
        ("والعراق", ["iraq"], "والعراق"),
        ("بالعراق", ["iraq"], "بالعراق"),
        ("للعراق", ["iraq"], "للعراق"),
        ("العراقيين", ["iraq"], "العراقيين"),
        ("عناصر بالحشد الشعبي", ["pmf"], "بالحشد الشعبي"),
        ("كتائب حزب الله", ["kataib-hezbollah"], "كتائب حزب الله"),
        ("وحزب الله اللبناني", ["hezbollah"], "وحزب الله اللبناني"),
        ("للأمم المتحدة", ["un"], "للأمم المتحدة"),
        ("لحكومته", ["government"], "لحكومته"),
        ("لحكومتهن", ["government"], "لحكومتهن"),  # every pronoun the stemmer strips
        ("والمالكي", ["maliki"], "والمالكي"),
    ],
)
def test_arabic_clitics_article_and_endings(
    glossary: Glossary, text: str, expected: list[str], surface: str
) -> None:
    found = glossary.find_terms(text, "ar")
    assert ids(found) == expected
    assert found[0].surface == surface


def test_arabic_regime_and_country_are_two_terms(glossary: Glossary) -> None:
    assert ids(glossary.find_terms("اصطف مع النظام السوري للنظام السوري", "ar")) == [
        "regime", "syria", "regime", "syria",
    ]


def test_arabic_article_written_in_glossary_is_required(glossary: Glossary) -> None:
    # المالكي is listed with its article: bare مالكي ("my owner") is not the man
    assert glossary.find_terms("هذا مالكي", "ar") == []
    # عراق is listed without it: the bare form matches
    assert ids(glossary.find_terms("عراق اليوم", "ar")) == ["iraq"]


def test_arabic_letters_glued_after_a_term_block_it(glossary: Glossary) -> None:
    assert glossary.find_terms("عراقستاني لبنانيستان", "ar") == []


def test_ignore_category_claims_lookalikes(glossary: Glossary) -> None:
    assert glossary.terms["main-adjective"].category == IGNORE_CATEGORY
    assert glossary.find_terms("السبب الرئيسي والأهداف الرئيسية", "ar") == []
    assert ids(glossary.find_terms("الرئيس السوري", "ar")) == ["president", "syria"]


def test_arabic_offsets_exact_with_diacritics_and_tatweel(glossary: Glossary) -> None:
    text = "قالَ إنّ العِرَاقَ وَحِزْبَ اللّهِ في دمـــشق."
    found = glossary.find_terms(text, "ar")
    assert ids(found) == ["iraq", "hezbollah", "damascus"]
    assert [m.surface for m in found] == ["العِرَاقَ", "وَحِزْبَ اللّهِ", "دمـــشق"]
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_arabic_offsets_with_presentation_forms(glossary: Glossary) -> None:
    # a lam-alef ligature grows to two letters under normalisation
    text = "ﻻ شيء في اﻟﻼذقية"
    found = glossary.find_terms(text, "ar")
    assert ids(found) == ["latakia"]
    assert text[found[0].start : found[0].end] == found[0].surface == "اﻟﻼذقية"


def test_arabic_matching_on_corpus_lines(glossary: Glossary) -> None:
    line = next(p for p in AR_TEXT.splitlines() if "أبو مهدي المهندس" in p)
    found = glossary.find_terms(line, "ar")
    for term_id in ("irgc", "nujaba", "kaabi", "kataib-hezbollah", "muhandis", "kataib-imam-ali",
                    "shibl-al-zaydi", "dawa-party", "zuhairi", "pakistan", "afghanistan"):
        assert term_id in ids(found)
    assert "hezbollah" not in ids(found)  # كتائب حزب الله is the longer term


# --- English matching ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "surface"),
    [
        ("Kataib Hezbollah fled", ["kataib-hezbollah"], "Kataib Hezbollah"),
        ("Kataib-Hezbollah fled", ["kataib-hezbollah"], "Kataib-Hezbollah"),
        ("Hezbollah's allies", ["hezbollah", "alliance"], "Hezbollah's"),
        ("Iraq’s leaders", ["iraq", "commander"], "Iraq’s"),
        ("Nouri al-Maliki", ["maliki"], "Nouri al-Maliki"),
        ("said Al Maliki", ["maliki"], "Al Maliki"),
        ("al-Maliki said", ["maliki"], "al-Maliki"),
        ("MALIKI", ["maliki"], "MALIKI"),
        ("Asa’ib Ahl al-Haq", ["asaib-ahl-al-haq"], "Asa’ib Ahl al-Haq"),
        ("Asaib Ahl al Haq", ["asaib-ahl-al-haq"], "Asaib Ahl al Haq"),
    ],
)
def test_english_variants(glossary: Glossary, text: str, expected: list[str], surface: str) -> None:
    found = glossary.find_terms(text, "en")
    assert ids(found) == expected
    assert found[0].surface == surface
    assert text[found[0].start : found[0].end] == surface


def test_english_acronyms_are_case_sensitive(glossary: Glossary) -> None:
    assert ids(glossary.find_terms("the US and the UN", "en")) == ["united-states", "un"]
    assert glossary.find_terms("tell us, un-", "en") == []


def test_english_word_boundaries(glossary: Glossary) -> None:
    assert glossary.find_terms("Iraqistan Hezbollahish unIraq", "en") == []
    assert ids(glossary.find_terms("Iraqi militias", "en")) == ["iraq", "militia"]


def test_unknown_language_is_refused(glossary: Glossary) -> None:
    with pytest.raises(ValueError, match="fr"):
        glossary.find_terms("Paris", "fr")
    assert glossary.find_terms("", "ar") == []
    assert ids(glossary.find_terms("Baghdad", "en-GB")) == ["baghdad"]


# --- properties ------------------------------------------------------------------------------

AR_PIECES = ["العراق", "وحزب الله", "كتائب حزب", "الله", "ال", "و", "ب", "ي", "ين", " ", " ",
             "\u064e", "\u0651", "\u0640", "ﻻ", "ة", "سوري", "نظام", "لل", "بشار الأسد", "x", "،"]
EN_PIECES = ["Iraq", "'s", "’", "al-", "Al ", "Maliki", "Kataib", " ", "-", "Hezbollah", "US",
             "us", "s", "Syria", "n", "Asa", "'ib", ".", "Ahl al-Haq"]


def check_mentions(text: str, found: list[TermMention]) -> None:
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end  # in order, no overlap
        assert text[m.start : m.end] == m.surface
        last_end = m.end


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(AR_PIECES), max_size=30).map("".join))
def test_arabic_mentions_never_overlap_and_stay_in_range(text: str) -> None:
    check_mentions(text, Glossary.load().find_terms(text, "ar"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(EN_PIECES), max_size=30).map("".join))
def test_english_mentions_never_overlap_and_stay_in_range(text: str) -> None:
    check_mentions(text, Glossary.load().find_terms(text, "en"))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_valid_mentions(text: str) -> None:
    g = Glossary.load()
    check_mentions(text, g.find_terms(text, "ar"))
    check_mentions(text, g.find_terms(text, "en"))


# --- user files and validation ---------------------------------------------------------------


def test_user_glossary_extends_builtin(tmp_path: Path) -> None:
    user = write(
        tmp_path / "mine.tsv",
        "# my terms\nid\tar\ten\tcategory\n"
        "falcon-brigade\tلواء الصقور\tFalcon Brigade|Saqour Brigade\tmilitia\n",
    )
    g = Glossary.load([user])
    assert "falcon-brigade" in g and "hezbollah" in g
    assert ids(g.find_terms("وصل لواء الصقور إلى بغداد", "ar")) == ["falcon-brigade", "baghdad"]
    assert ids(g.find_terms("the Saqour Brigade", "en")) == ["falcon-brigade"]
    only = Glossary.load([user], include_builtin=False)
    assert len(only) == 1


def test_two_column_user_file_merges_into_builtin_term(tmp_path: Path) -> None:
    user = write(tmp_path / "pairs.tsv", "ar\ten\nحزب اللات\tHezbollah|Hizbollat\n")
    g = Glossary.load([user])
    assert "حزب اللات" in g.terms["hezbollah"].ar
    assert ids(g.find_terms("Hizbollat", "en")) == ["hezbollah"]
    assert ids(g.find_terms("حزب اللات", "ar")) == ["hezbollah"]


def test_loading_is_cached_and_reloads_an_edited_file(tmp_path: Path) -> None:
    assert Glossary.load() is Glossary.load()
    user = write(tmp_path / "u.tsv", "ar\ten\nزيتون\tOlive Branch\n")
    first = Glossary.load([user])
    assert Glossary.load([user]) is first
    write(user, "ar\ten\nزيتون\tOlive Branch\nتفاح\tApple Op\n")
    os.utime(user, ns=(1, 1))
    assert "apple-op" in Glossary.load([user])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id\tar\ten\tcategory\nok\tعراق\tIraq\tcountry\nbad\tسوريا\n", "line 3: missing column"),
        ("", "no entries"),
        ("# only a comment\n\n", "no entries"),
        ("id\tar\ten\tcategory\nBad Id\tعراق\tIraq\tcountry\n", "line 2: id 'Bad Id'"),
        ("a\tعراق\tIraq\tx\na\tسوريا\tSyria\tx\n", "line 2: id 'a' already used on line 1"),
        ("a\tIraq\tIraq\tx\n", "line 1: 'ar' variant 'Iraq' has no Arabic letters"),
        ("a\tعراق\tعراق\tx\n", "line 1: 'en' variant"),
        ("a\t|\tIraq\tx\n", "line 1: no variant in the 'ar' column"),
        ("a\t\tIraq\tx\n", "line 1: empty 'ar' column"),
        ("one column only\n", "line 1: 1 tab-separated column"),
    ],
)
def test_bad_glossary_files_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "bad.tsv", content)
    with pytest.raises(InputError) as err:
        Glossary.load([path])
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_slug() -> None:
    assert slug("Kataib Hezbollah") == "kataib-hezbollah"
    assert slug("Asa’ib Ahl al-Haq") == "asaib-ahl-al-haq"


def test_builtin_path_is_shipped() -> None:
    assert BUILTIN_GLOSSARY.is_file()


@given(st.text(alphabet=st.sampled_from(list("Iraq's ’‘ʼʻ`´‐‑‒–—-al")), max_size=30))
def test_english_text_without_curly_marks_is_searched_as_it_is(text: str) -> None:
    # the fold is skipped for text holding none of its characters: the same terms are found
    from reader.core.anchors import glossary

    g = Glossary.load()
    found = g.find_terms(text, "en")
    expected = []
    for m in g._matcher("en").pattern.finditer(text.translate(glossary._EN_FOLD)):
        term_id = g._matcher("en").ids.get(glossary._core_key_en(m["core"]))
        if term_id is not None:
            expected.append((term_id, m.start(), m.end()))
    assert [(t.term_id, t.start, t.end) for t in found] == expected
