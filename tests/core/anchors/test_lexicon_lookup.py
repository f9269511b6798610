"""The lexicon's stem finder, parts of words worked out once: the stems its old search found."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors.arabic_patterns import verb_candidates
from reader.core.anchors.english_forms import by_key, inflections, stem_key
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.lexicon_lookup import StemFinder
from reader.core.anchors.side_features import arabic_words
from reader.core.anchors.tsv import ar_key
from reader.core.arabic.affixes import LEXICON_ENDINGS, LEXICON_PROCLITICS, PRONOUNS
from tests.core.anchors import lexicon_reference as reference
from tests.core.anchors.test_lexicon import candidates


@functools.cache
def _entries() -> dict[str, tuple[str, ...]]:
    return dict(Lexicon.load().entries)


@functools.cache
def _known_stems() -> list[str]:
    return sorted(_entries())[::7]


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويء"
# what words are made of: clitics before and after, stems the lexicon holds (and the patterns
# of verbal nouns and participles around them), names and words it does not
_HEADS = st.sampled_from(["", "", "", *LEXICON_PROCLITICS, "لل", "وس", "فكال"])
_TAILS = st.sampled_from(["", "", "", *PRONOUNS, *LEXICON_ENDINGS, "ته", "تها", "تهم", "يه",
                          "يين", "ون", "اا", "ت"])
_UNKNOWN = st.text(st.sampled_from(_LETTERS), min_size=1, max_size=7)
_NAMES = st.sampled_from(["سلمان", "حسين", "ايران", "بغداد", "واشنطن", "ابيمالك", "يهوذا",
                          "قزحبلوط", "مستخدم", "تقديم", "قائل", "اجتماع", "استخدام", "ارسال"])


@st.composite
def _words(draw: st.DrawFn) -> str:
    core = draw(st.one_of(st.sampled_from(_known_stems()), _UNKNOWN, _NAMES))
    if draw(st.booleans()):
        core = draw(st.sampled_from(["م", "ت", "ا", "مست", "است", ""])) + core
    return draw(_HEADS) + core + draw(_TAILS)


def _reference_first(key: str, entries: dict[str, tuple[str, ...]]) -> str | None:
    return next((c for c in reference._stem_candidates(key) if c in entries), None)


# one finder for all examples: its memories of one word's parts serve the next words
_SHARED = StemFinder(_entries())
_FORGETFUL = StemFinder(_entries(), max_kept=5)


@settings(max_examples=600, deadline=None)
@given(_words())
def test_the_finder_finds_the_stem_the_search_found(word: str) -> None:
    want = _reference_first(word, _entries())
    assert _SHARED.first(word) == want
    assert _FORGETFUL.first(word) == want
    assert StemFinder(_entries()).first(word) == want


@settings(max_examples=300, deadline=None)
@given(st.one_of(_words(), st.text(st.sampled_from(_LETTERS + "ـ a1"), max_size=9)))
def test_the_finder_tries_the_candidates_in_the_search_order(word: str) -> None:
    assert candidates(word) == list(reference._stem_candidates(word))


@settings(max_examples=200, deadline=None)
@given(st.lists(_words(), min_size=1, max_size=30))
def test_the_finder_under_a_small_word_list(words: list[str]) -> None:
    # a word list where the later candidates are the ones held: the stems, heads, verbs
    entries = {w[1:]: ("x",) for w in words} | {w[:-1]: ("y",) for w in words if len(w) > 3}
    finder = StemFinder(entries)
    for word in words:
        assert finder.first(word) == _reference_first(word, entries)


@settings(max_examples=200, deadline=None)
@given(_words())
def test_translations_are_the_reference(word: str) -> None:
    lexicon = Lexicon.load()
    entries = lexicon.entries
    key = ar_key(word)  # the lexicon's spelling of it (قائل -> قايل), which the finder reads
    stem = key if key in entries else _reference_first(key, _entries())
    want = lexicon.derived(() if stem is None else entries[stem])
    assert lexicon.translations(word) == want


def test_a_hamza_seat_is_read_as_the_lexicon_spells_it() -> None:
    # found by the property above: the reference searched the word as written
    assert Lexicon.load().translations("قائلني")[:1] == ("say",)


_CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "iraq-assad-lesson.ar.txt"


def test_the_finder_reads_a_real_text_as_the_search_did() -> None:
    # every word of the built-in Arabic text, with and without clitics added, and read again
    # (its parts kept from the first reading): the stem the reference finds, or none
    entries = _entries()
    words = sorted({ar_key(w) for w in arabic_words(_CORPUS.read_text(encoding="utf-8"))})
    words += [head + w + tail for w in words[::5] for head, tail in (("لل", "ته"), ("وال", "ات"))]
    finder = StemFinder(entries)
    for word in words + words[::3]:
        assert finder.first(word) == _reference_first(word, entries), word


def test_words_of_every_kind_are_read() -> None:
    finder = StemFinder(_entries())
    assert finder.first("للمسيح") == "المسيح"  # ل + the article
    assert finder.first("مدينتها") == "مدينه"  # a ta marbuta before a pronoun
    assert finder.first("عاما") == "عام"  # the alef of tanween
    assert finder.first("قزحبلوط") is None


def _reference_english_stems(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """The verbs' families as first written: every word of the lexicon grouped by its key."""
    groups = by_key(w for found in lexicon.entries.values() for v in found for w in v.split())
    return {
        key: group + tuple(f for w in group for f in inflections(w))
        for key, group in groups.items()
        if any(w.endswith(("ed", "ing")) for w in group)
    }


_ENGLISH = st.sampled_from([
    "accept", "accepted", "accepting", "acceptance", "accepts", "stop", "stopped", "stopping",
    "sing", "singer", "king", "red", "bed", "believe", "believed", "agree", "agreed", "city",
    "cities", "nation", "nationing", "to go", "went", "going", "go", "x-ray", "x-rayed", "ed",
    "ing", "Ring", "rings", "ringing", "state", "stated", "statement", "of course",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["قال", "بيت", "كتب", "علم", "ذهب"]),
                          st.lists(_ENGLISH, min_size=1, max_size=4, unique=True)),
                max_size=5))
def test_the_verbs_families_are_the_reference(rows: list[tuple[str, list[str]]]) -> None:
    lexicon = Lexicon({ar: tuple(en) for ar, en in rows})
    got = lexicon._english_stems
    want = _reference_english_stems(lexicon)
    assert list(got.items()) == list(want.items())


def test_the_builtin_verbs_families_are_the_reference() -> None:
    lexicon = Lexicon.load()
    assert list(lexicon._english_stems.items()) == list(_reference_english_stems(lexicon).items())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ENGLISH, st.text(st.sampled_from("acdeginpstry-' "), max_size=12)),
                min_size=1, max_size=4))
def test_derived_words_are_the_reference(found: list[str]) -> None:
    # (`derived` works out the key of a word only when it starts as a family's key does)
    lexicon = Lexicon({"قبل": ("accept", "accepted", "stopping", "stop")})
    stems = lexicon._english_stems
    more = [w for v in found if " " not in v for w in stems.get(stem_key(v), ())]
    assert lexicon.derived(tuple(found)) == tuple(dict.fromkeys((*found, *more)))


def test_the_builtin_lexicons_derived_words_are_the_reference() -> None:
    lexicon = Lexicon.load()
    stems = lexicon._english_stems
    for found in dict.fromkeys(lexicon.entries.values()):
        more = [w for v in found if " " not in v for w in stems.get(stem_key(v), ())]
        assert lexicon.derived(found) == tuple(dict.fromkeys(found + tuple(more))), found


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(_LETTERS + "اتمسنوي"), max_size=9))
def test_only_words_of_a_verbal_shape_have_verbs(word: str) -> None:
    # the finder asks only words of 4 letters with an alef second, or of 5 to 7 that start
    # with ا ت م, for the verbs they may come from
    n = len(word)
    if not ((n == 4 and word[1] == "ا") or (4 < n < 8 and word[0] in "اتم")):
        assert list(verb_candidates(word)) == []
