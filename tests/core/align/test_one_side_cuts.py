"""Sentence cuts made from places alone: the arrays the code before them made from sentences."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.colon_cuts import cut_at_colons
from reader.core.align.one_side import (
    _MAY_CUT,
    SentenceCuts,
    colon_places,
    may_cut,
    sentence_cuts,
)
from reader.core.anchors.features import Features
from reader.core.text import sentences
from reader.core.text.sentences import sentence_places, split_sentences
from tests.core.arabic.mixed_text import MIXED_WORDS, mixed_text, sample_lines
from tests.core.text.test_fast_sentences import old_split_sentences

# --- the code before (sentences made, then cut at colons, then measured) -----------------------


def reference_cuts(texts: Sequence[str], features: Sequence[Features], null_bonus: np.ndarray,
                   lang: str) -> SentenceCuts:
    first = [0]
    start: list[int] = []
    end: list[int] = []
    length: list[float] = []
    split: list[bool] = []
    said_first = [0]
    said_start: list[int] = []
    said_end: list[int] = []
    null = null_bonus.tolist()
    for i, (text, para) in enumerate(zip(texts, features, strict=True)):
        cut = not null[i] and len(para.offsets) == len(para.words)
        split.append(cut)
        if cut:
            said = split_sentences(text, lang)
            said_start.extend(s.start for s in said)
            said_end.extend(s.end for s in said)
            units = cut_at_colons(said, lang)
            start.extend(s.start for s in units)
            end.extend(s.end for s in units)
            if len(units) > 1:
                visible = max(1, len(text) - text.count(" "))
                whole = para.length
                length.extend(whole * ((len(s.text) - s.text.count(" ")) / visible)
                              for s in units)
            else:
                length.extend(0.0 for _ in units)
        first.append(len(start))
        said_first.append(len(said_start))
    return SentenceCuts(np.array(first, dtype=np.int64), np.array(start, dtype=np.int64),
                        np.array(end, dtype=np.int64), np.array(length, dtype=np.float64),
                        np.array(split, dtype=bool), np.array(said_first, dtype=np.int64),
                        np.array(said_start, dtype=np.int64), np.array(said_end, dtype=np.int64))


# --- the comparisons ---------------------------------------------------------------------------


def _features(text: str, placed: bool, length: int) -> Features:
    # what the cuts read of a paragraph's features: whether its words have places, its length
    words = text.split()
    return Features(length, words, [], [], words, list(range(len(words))) if placed else [])


def _same(got: SentenceCuts, want: SentenceCuts) -> None:
    for name in SentenceCuts.__slots__:
        a, b = getattr(got, name), getattr(want, name)
        assert a.dtype == b.dtype and a.tolist() == b.tolist(), name  # the very floats


def _check(texts: list[str], placed: list[bool], null: list[bool], lengths: list[int],
           lang: str) -> None:
    features = [_features(t, p, n) for t, p, n in zip(texts, placed, lengths, strict=True)]
    bonus = np.array([0.5 if x else 0.0 for x in null], dtype=np.float32)
    sentences._recent.clear()  # (each way splits afresh)
    want = reference_cuts(texts, features, bonus, lang)
    sentences._recent.clear()
    _same(sentence_cuts(texts, features, bonus, lang), want)
    # the places kept for detection are those it splits
    assert [split_sentences(t, lang) for t in texts] == [old_split_sentences(t, lang)
                                                         for t in texts]
    # and made again from the sentences it split before
    _same(sentence_cuts(texts, features, bonus, lang), want)


_PIECES = st.one_of(
    mixed_text,
    st.sampled_from([*MIXED_WORDS, ". ", ": ", "; ", ":", " : And ", "; But he ", ": the ",
                     "... ", "?! ", "؟ ", "؛ ", ": قال ", "…» ", ".” He", ". a", "(Dr. ",
                     "U.S.A. ", " So he went up into the land of Egypt ", "  ", "\u00a0",
                     "And Moses said unto them, ", "فقال لهم موسى ", "«د. محمد» ", "هـ. ",
                     "١٢. ", "e.g. ", "Gen. ", "approx. ", "J. K. "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_PIECES, max_size=14).map("".join), st.booleans(),
                          st.booleans(), st.integers(0, 400)), min_size=1, max_size=6),
       st.sampled_from(["ar", "en", "fr"]))
def test_cuts_as_before(rows: list[tuple[str, bool, bool, int]], lang: str) -> None:
    texts, placed, null, lengths = (list(x) for x in zip(*rows, strict=True))
    _check(texts, [p or not n for p, n in zip(placed, null, strict=True)], null, lengths, lang)


def test_cuts_of_the_real_lines_as_before() -> None:
    lines = [line for line in sample_lines() if line.strip()]
    for lang in ("ar", "en"):
        _check(lines, [True] * len(lines), [False] * len(lines),
               [len(line) // 3 for line in lines], lang)


def test_cuts_of_verses_cut_at_colons() -> None:
    verse = ("And the servant put his hand under the thigh of Abraham his master: And he sware "
             "to him concerning that matter; But thou shalt go unto my country. Then he went.")
    _check([verse, verse + " x", "One: Two three four five six."], [True] * 3, [False] * 3,
           [120, 121, 9], "en")
    places = sentence_places(verse, "en")
    assert colon_places(verse, places) == [
        x for s in cut_at_colons(split_sentences(verse, "en"), "en") for x in (s.start, s.end)]
    assert len(colon_places(verse, places)) == 2 * 4


def test_places_of_sentences_split_before_or_kept() -> None:
    text = "Dr. Who came. He said: Go! «د. محمد» قال. Then it ended zq-unique-1"
    sentences._recent.clear()
    want = [x for s in old_split_sentences(text, "en") for x in (s.start, s.end)]
    assert list(sentence_places(text, "en")) == want  # split, kept as places
    assert isinstance(sentences._recent[(text, "en")], tuple)
    assert split_sentences(text, "en") == old_split_sentences(text, "en")  # made from them
    assert list(sentence_places(text, "en")) == want  # read back from the sentences
    sentences._recent.clear()
    sentences.keep_places(text, "en", tuple(want))
    assert split_sentences(text, "en") == old_split_sentences(text, "en")


_COLON_PIECES = st.one_of(
    _PIECES,
    st.sampled_from([":" + " " * k + c for k in range(0, 10) for c in "AaÉé“1("]
                    + [";\t\u00a0B", ":\n\u2003Ω", "; ’Tis ", ": \u0130"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_COLON_PIECES, max_size=16).map("".join), st.data())
def test_a_paragraph_the_prefilter_passes_over_is_not_cut(text: str, data: st.DataObject
                                                          ) -> None:
    # sentence_cuts walks a paragraph's sentences for colon cuts only where `_MAY_CUT` finds
    # a place: where it finds none, the walk keeps every sentence as it is
    places = sentence_places(text, "en")
    if _MAY_CUT.search(text) is None:
        assert colon_places(text, places) == list(places)
    # `may_cut` is the pattern's search, in the whole text or a part
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    for start, end in ((0, len(text)), (a, b)):
        assert may_cut(text, start, end) == (_MAY_CUT.search(text, start, end) is not None)
