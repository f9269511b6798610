"""Stems and forms read in batches: the readings a stem, and a word, at a time gave."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.one_side import distinct_stems, stem_pairs_of, stems_and_forms
from reader.core.align.readings import Readings, stem_forms
from reader.core.anchors.features import Features
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.lexicon_lookup import StemFinder
from reader.core.anchors.tsv import ar_key
from reader.core.arabic.affixes import LEXICON_ENDINGS, LEXICON_PROCLITICS, PRONOUNS
from reader.core.arabic.normalise import normalize


@functools.cache
def _entries() -> dict[str, tuple[str, ...]]:
    return dict(Lexicon.load().entries)


def _fresh() -> Lexicon:
    """A lexicon of the built-in entries with no word read yet (its English families, the
    same for the same entries, made once for all)."""
    lexicon = Lexicon(_entries())
    lexicon.__dict__["_english_stems"] = Lexicon.load()._english_stems
    return lexicon


def reference_translations(lexicon: Lexicon, token: str) -> tuple[str, ...]:
    """`Lexicon.translations` as it was: every word normalised to its key."""
    entries = lexicon.entries
    key = ar_key(token)
    found = entries.get(key)
    if found is None:
        stem = StemFinder(entries).first(key)
        found = () if stem is None else entries[stem]
    return lexicon.derived(found)


@functools.cache
def _some_stems() -> list[str]:
    return sorted(_entries())[::5]


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة"
_MARKS = ["", "", "\u064e", "\u0650\u0651", "\u0640", "\u0652", "\u064b"]  # harakat, tatweel


@st.composite
def _words(draw: st.DrawFn) -> str:
    """Arabic words as texts write them: clitics, hamza forms, marks, tatweel, digits; some
    with white space or Latin letters."""
    core = draw(st.one_of(st.sampled_from(_some_stems()),
                          st.text(st.sampled_from(_LETTERS), min_size=1, max_size=7),
                          st.sampled_from(["ابيمالك", "يهوذا", "٢٠٢٤", "UN", "x y", " قال ",
                                           "مستخدم", "تقديم", "قائلا", "حكومته", "ـ"])))
    word = (draw(st.sampled_from(["", "", *LEXICON_PROCLITICS, "لل"])) + core
            + draw(st.sampled_from(["", "", *PRONOUNS, *LEXICON_ENDINGS, "ته", "يين"])))
    if draw(st.booleans()):  # marks after some letters
        word = "".join(c + draw(st.sampled_from(_MARKS)) for c in word)
    return word


@settings(max_examples=200, deadline=None)
@given(st.lists(_words(), max_size=30))
def test_words_read_at_once_are_those_read_one_by_one(words: list[str]) -> None:
    one, many = _fresh(), _fresh()
    want = [reference_translations(one, w) for w in words]
    assert [one.translations(w) for w in words] == want
    assert many.translations_of(words) == want
    assert many.translations_of(words) == want  # answered again from what it kept
    assert [many.translations(w) for w in words] == want


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_words(), st.lists(_words(), max_size=4)), max_size=25),
       st.integers(0, 5))
def test_stems_read_at_once_are_those_read_one_by_one(rows: list[tuple[str, list[str]]],
                                                      early: int) -> None:
    # stems and forms as a side has them: normalized, each stem's forms distinct and sorted
    stems = [normalize(s) for s, _ in rows]
    forms = [sorted({normalize(f) for f in found}) for _, found in rows]
    one, many = Readings(_fresh()), Readings(_fresh())
    want = [one.stem(s, f) for s, f in zip(stems, forms, strict=True)]
    # some read before (by the pair's space, or a batch of their own), then all at once
    assert [many.stem(s, f) for s, f in zip(stems[:early], forms[:early], strict=True)] == \
        want[:early]
    assert many.stems(stems, forms) == want
    assert many.stems(stems, forms) == want
    assert [many.stem(s, f) for s, f in zip(stems, forms, strict=True)] == want
    assert many.forms_read().keys() >= {f for found in forms for f in found}


def test_a_stem_no_form_translates_is_read_as_written() -> None:
    readings = Readings(_fresh())
    # a stem the lexicon holds, with forms it does not; twice in one batch
    stem = next(s for s in sorted(_entries()) if len(s) > 3)
    got = readings.stems([stem, "قزحبلوط", stem], [["قزحبلوطي"], [], ["قزحبلوطي"]])
    assert got == [Readings(_fresh()).stem(stem, ["قزحبلوطي"]), (),
                   Readings(_fresh()).stem(stem, ["قزحبلوطي"])]
    assert got[0]


# --- a side's stems and their forms in one pass ------------------------------------------------


def reference_stem_forms(stems: list[str], written: list[str]) -> dict[str, list[str]]:
    """`readings.stem_forms` as it was."""
    stem_of = dict(zip(written, stems, strict=True))
    pairs = (((s, f) for f, s in stem_of.items())
             if list(map(stem_of.__getitem__, written)) == stems
             else set(zip(stems, written, strict=True)))
    forms: dict[str, list[str]] = {}
    for stem, form in pairs:
        forms.setdefault(stem, []).append(form)
    for found in forms.values():
        found.sort()
    return forms


_FORMS = st.sampled_from(["كتاب", "والكتاب", "بالكتاب", "كتب", "قال", "وقال", "فقال", "يهوذا",
                          "ليهوذا", "x", "the", "said", "ملك", "الملك", "وملك"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_FORMS, max_size=8), max_size=6), st.booleans(),
       st.lists(_FORMS, max_size=3))
def test_stems_and_forms_in_one_pass_as_in_two(paragraphs: list[list[str]], one_stem: bool,
                                               odd: list[str]) -> None:
    # a form's stem is its last three letters (one stemmer), or, for some, another
    stem = {f: f[-3:] for f in ["كتاب", "والكتاب", "بالكتاب", "كتب", "قال", "وقال", "فقال",
                                "يهوذا", "ليهوذا", "x", "the", "said", "ملك", "الملك", "وملك"]}
    features = []
    for k, forms in enumerate(paragraphs):
        words = [stem[f] if one_stem or f not in odd or k % 2 else f[:2] for f in forms]
        features.append(Features(len(forms), words, [], [], list(forms)))
    vocab, found = stems_and_forms(features)
    assert vocab == distinct_stems(features)
    assert found == stem_pairs_of(features)
    words = [w for f in features for w in f.words]
    written = [w for f in features for w in f.forms]
    assert found == reference_stem_forms(words, written) == stem_forms(words, written)
    assert list(found) == list(reference_stem_forms(words, written))  # in the same order


def test_features_without_a_form_for_each_word_are_refused() -> None:
    with pytest.raises(ValueError, match="2 words and 1 forms"):
        stems_and_forms([Features(2, ["a", "b"], [], [], ["a"])])
