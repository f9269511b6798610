"""Each side's stem readings and sentences made with the side: what the alignment made before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align import space
from reader.core.align.one_side import (
    StemWork,
    file_word_parts,
    file_word_parts_back,
    file_words,
    keep_cut_sentences,
    lexicon_key,
    sentence_cuts,
    stem_readings,
    words_read,
    written_of,
)
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.prepared import PreparedPair, SideInput, prepare_side
from reader.core.align.readings import Readings
from reader.core.align.space import Side
from reader.core.align.unit_pieces import sentence_pieces
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.arabic.normalise import normalize
from reader.core.text import sentences
from reader.core.text.document import load_text
from reader.core.text.kinds import Kind
from reader.core.text.sentences import split_sentences
from reader.resources import CORPUS
from tests.core.align.test_fast_paths import assert_same, assert_same_space

_AR_WORD_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")  # anchors.features
_SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"


def _sentences(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [s.text for line in text.splitlines() for s in split_sentences(line)][:300]


# the corpus's sentences, and what makes cutting hard: abbreviations, initials, numbers, quotes,
# a lower-case word after a question mark, runs of spaces, a sentence with no terminator
_AR = [*_sentences("iraq-assad-lesson.ar.txt"), "قال د. محمد:", "؟", "  ", "عام ٢٠٢٤.", "«نعم.»"]
_EN = [*_sentences("iraq-assad-lesson.en.txt"), "Dr. Smith left.", "U.S. forces", "2.5 m.",
       '"Really?" he asked.', "e.g. this", "  ", "...", "J. K. Rowling",
       # the sentence pass cuts its units at these (align.colon_cuts), the splitter does not
       "and he put his hand under the thigh of Abraham his master: And he sware to him;",
       "Then he said: Go up now and see the land;"]
_KINDS = st.sampled_from([Kind.BODY, Kind.BODY, Kind.BODY, Kind.EMBEDDED_POST, Kind.DUPLICATE])


def _side(paragraphs: Sequence[str], kinds: Sequence[Kind], lang: str,
          lexicon: Lexicon | None = None) -> Side:
    words = Lexicon.load()
    return prepare_side(SideInput(paragraphs, kinds, lang), "source", Glossary.load(),
                        DEFAULT_PARAMS, words.stemmer, lexicon)


def _bare(side: Side) -> Side:
    """The side as the alignment read it before: nothing made with it."""
    return replace(side, readings=None, cuts=None)


def _paragraphs(pool: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.lists(st.sampled_from(pool), max_size=6).map(" ".join).map(str.strip),
                    min_size=1, max_size=8)


def _same_pieces(side: Side) -> None:
    assert side.cuts is not None
    got, want = sentence_pieces(side), sentence_pieces(_bare(side))
    assert [[(p.paragraph, p.start, p.end) for p in ps] for ps in got] == [
        [(p.paragraph, p.start, p.end) for p in ps] for ps in want]
    # the very floats: a length is a share of the paragraph's, worked out alike
    assert [[p.length for p in ps] for ps in got] == [[p.length for p in ps] for ps in want]


@_SLOW
@given(st.data(), st.sampled_from([("ar", _AR), ("en", _EN)]))
def test_pieces_from_the_cuts_are_those_cut_in_the_pass(data: st.DataObject,
                                                        lang_pool: tuple[str, list[str]]) -> None:
    lang, pool = lang_pool
    paragraphs = data.draw(_paragraphs(pool))
    kinds = data.draw(st.lists(_KINDS, min_size=len(paragraphs), max_size=len(paragraphs)))
    _same_pieces(_side([p or "." for p in paragraphs], kinds, lang))


def test_pieces_of_paragraphs_without_places_or_sentences() -> None:
    # presentation forms leave words without places: such a paragraph stays whole
    side = _side(["ﻣﺮﺣﺒﺎ ﺑﻜﻢ. ﻛﻴﻒ ﺣﺎﻟﻜﻢ؟", "x", "One. Two. Three.", "A lone line"],
                 [Kind.BODY] * 4, "en")
    _same_pieces(side)
    assert side.cuts is not None and side.cuts.split.tolist()[1:] == [True, True, True]


def test_no_cuts_without_a_sentence_pass() -> None:
    side = prepare_side(SideInput(["One. Two."], [Kind.BODY], "en"), "source", Glossary.load(),
                        replace(DEFAULT_PARAMS, unit_pass=False), Lexicon.load().stemmer, None)
    assert side.cuts is None


def test_kept_sentences_are_those_split_again() -> None:
    text = 'He said "Go." Then: e.g. the U.S. left?  yes! And 2.5 more. تم. ' * 3 + "Zzz unique 1"
    want = sentences._split(text, "en")
    sentences.keep_sentences(text, "en", tuple((s.start, s.end) for s in want))
    assert split_sentences(text, "en") == want
    assert split_sentences(text, "en") is not split_sentences(text, "en")  # each its own list
    # what was split here stays: a kept place never replaces it
    sentences.keep_sentences(text, "en", ((0, 1),))
    assert split_sentences(text, "en") == want


def test_cut_sentences_kept_for_another_process() -> None:
    paragraphs = ["Only in this test. A second one here! And «a third» ok.", "Whole unique q",
                  "And the servant put his hand under the thigh: And he sware to him concerning "
                  "that matter this time. He went."]
    side = _side(paragraphs, [Kind.BODY] * len(paragraphs), "en")
    want = [split_sentences(p, "en") for p in paragraphs]
    sentences._recent.clear()
    assert side.cuts is not None
    # the last paragraph: two sentences for the splitter, three units (cut at ":")
    assert side.cuts.said_first.tolist()[-2:] == [4, 6]
    assert side.cuts.first.tolist()[-2:] == [4, 7]
    keep_cut_sentences(side.texts, "en", side.cuts)
    assert all(isinstance(sentences._recent[(p, "en")], tuple) for p in paragraphs)
    assert [split_sentences(p, "en") for p in paragraphs] == want


def _check_readings(src: Side, tgt: Side, lexicon: Lexicon) -> None:
    assert src.readings is not None
    got, got_translation = space.pair_space(src, tgt, lexicon, DEFAULT_PARAMS)
    want, want_translation = space.pair_space(_bare(src), tgt, lexicon, DEFAULT_PARAMS)
    assert_same_space(got, want)
    assert_same(got_translation, want_translation)
    assert src.readings.translations == space.stem_translations(want, _bare(src), lexicon)
    assert src.readings.written == space.read_as_written(want, _bare(src), lexicon)


@_SLOW
@given(_paragraphs(_AR), _paragraphs(_EN))
def test_readings_made_with_the_side_are_those_of_the_space(src: list[str],
                                                            tgt: list[str]) -> None:
    words = Lexicon.load()
    _check_readings(_side(src, [Kind.BODY] * len(src), "ar", words),
                    _side(tgt, [Kind.BODY] * len(tgt), "en"), words)


def test_the_corpus_readings_are_those_of_the_space() -> None:
    words = Lexicon.load()
    ar = [x for x in AR.read_text("utf-8").splitlines() if x]
    en = [x for x in EN.read_text("utf-8").splitlines() if x]
    _check_readings(_side(ar, [Kind.BODY] * len(ar), "ar", words),
                    _side(en, [Kind.BODY] * len(en), "en"), words)


def test_readings_of_another_lexicon_are_read_again() -> None:
    words = Lexicon.load()
    other = Lexicon({"قال": ("said",)})
    ar = ["قال الرئيس إن بغداد", "قالت"]
    src = _side(ar, [Kind.BODY] * 2, "ar", other)
    assert src.readings is not None and src.readings.lexicon == lexicon_key(other)
    assert src.readings.lexicon != lexicon_key(words)
    tgt = _side(["The president said Baghdad", "she said"], [Kind.BODY] * 2, "en")
    _, got_translation = space.pair_space(src, tgt, words, DEFAULT_PARAMS)
    want, want_translation = space.pair_space(_bare(src), tgt, words, DEFAULT_PARAMS)
    assert_same(got_translation, want_translation)
    # (had they been used, the translation would differ)
    assert src.readings.translations != space.stem_translations(want, _bare(src), words)
    # and the readings of a side's slice (another vocabulary) are never used for it
    part = space.side_slice(src, 1, 2)
    assert part.readings is None and part.cuts is None


@pytest.mark.parametrize("order", [(AR, EN), (EN, AR)])
def test_one_process_prepares_the_readings_of_the_source_it_reads(order: tuple) -> None:
    pair = PreparedPair.of_texts(load_text(order[0]), load_text(order[1]))
    assert pair.src.lang == "ar" and pair.src.readings is not None
    assert pair.tgt.readings is None and pair.lexicon is not None
    words = pair.lexicon
    assert pair.src.readings == stem_readings(pair.src.features, words)
    want = sentence_cuts(pair.tgt.texts, pair.tgt.features, pair.tgt.null_bonus, pair.tgt.lang)
    assert pair.tgt.cuts is not None
    for field in ("first", "start", "end", "length", "split"):
        assert np.array_equal(getattr(pair.tgt.cuts, field), getattr(want, field))


def test_words_read_ahead_are_the_lexicons_answers_until_told_to_stop() -> None:
    words = Lexicon.load()
    found = file_words(AR)
    assert len(found) > 600 and len(set(found)) == len(found)
    every = words_read(words, found, lambda: False)
    assert list(every) == found and all(every[w] == words.translations(w) for w in found)
    calls = iter([False, True])
    assert list(words_read(words, found, lambda: next(calls))) == found[:256]
    assert words_read(words, found, lambda: True) == {}
    # read from parts of the file as they come: told to stop, it reads no further part
    parts = file_word_parts(AR, part=2_000)
    calls = iter([False, True])
    assert list(words_read(words, chain.from_iterable(parts), lambda: next(calls))) == found[:256]
    assert len(list(parts)) < len(list(file_word_parts(AR, part=2_000))) - 1


def test_the_words_read_ahead_hold_the_forms_of_the_side() -> None:
    ar = [x for x in AR.read_text("utf-8").splitlines() if x]
    side = _side(ar, [Kind.BODY] * len(ar), "ar")
    arabic_forms = {f for p in side.features for f in p.forms if "\u0621" <= f[0] <= "\u06d3"}
    assert arabic_forms <= set(file_words(AR))


def test_words_of_a_file_read_a_part_at_a_time_and_up_to_a_limit() -> None:
    every = file_words(AR)
    whole = list(dict.fromkeys(_AR_WORD_RE.findall(normalize(AR.read_text("utf-8")))))
    assert every == whole
    assert file_words(AR, part=7) == every  # parts end at the end of a line
    assert file_words(AR, limit=10) == every[:10]
    assert [w for p in file_word_parts(AR, part=7) for w in p] == every


@pytest.mark.parametrize("part", [7, 100, 2_000, 1 << 17])
def test_words_of_a_file_read_from_its_end_back(part: int) -> None:
    every = file_words(AR)
    back = [w for p in file_word_parts_back(AR, part=part) for w in p]
    assert sorted(back) == sorted(every) and len(set(back)) == len(back)
    # the last words first: the file's words read in reverse, each where it last occurs
    whole = _AR_WORD_RE.findall(normalize(AR.read_text("utf-8")))
    if part >= AR.stat().st_size:
        assert back == list(dict.fromkeys(reversed(whole)))
    assert back[:20] == list(dict.fromkeys(reversed(whole)))[:20]
    assert [w for p in file_word_parts_back(AR, limit=10, part=part) for w in p][:10] == back[:10]


def test_words_read_from_the_end_of_a_file_without_lines_or_spaces(tmp_path: Path) -> None:
    glued = tmp_path / "glued.txt"
    glued.write_text("كتاب." * 500 + "\nقلم" + " بيت" * 3, encoding="utf-8")
    assert [w for p in file_word_parts_back(glued, part=64) for w in p] == ["بيت", "قلم", "كتاب"]
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café ".encode("latin-1"))
    assert list(file_word_parts_back(latin1)) == []
    assert list(file_word_parts_back(tmp_path / "missing.txt")) == []


def test_files_without_words_to_read_ahead(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café ".encode("latin-1"))
    assert file_words(latin1) == [] and file_words(tmp_path / "missing.txt") == []
    assert file_words(EN) == []


def test_readings_with_words_read_ahead_are_the_same() -> None:
    ar = [x for x in AR.read_text("utf-8").splitlines() if x]
    base = Lexicon.load()
    side = _side(ar, [Kind.BODY] * len(ar), "ar")
    # a lexicon with every word read by its twin (as a forked child reads them), one with
    # half of them, and one with none, whose caches start empty
    twin, ahead = Lexicon(base.entries, base.paths), file_words(AR)
    found = words_read(twin, ahead, lambda: False)
    alone = stem_readings(side.features, Lexicon(base.entries, base.paths))
    for share in (found, dict(list(found.items())[::2])):
        seeded = Lexicon(base.entries, base.paths)
        seeded.keep_translations(share)
        got = stem_readings(side.features, seeded)
        assert (got.translations, got.written) == (alone.translations, alone.written)


def test_kept_translations_never_replace_those_found() -> None:
    words = Lexicon({"كتاب": ("book",)})
    assert words.translations("كتاب") == ("book",)
    words.keep_translations({"كتاب": ("wrong",), "قلم": ("pen",)})
    assert words.translations("كتاب") == ("book",) and words.translations("قلم") == ("pen",)


def test_written_stems_of_any_mapping_and_worked_out_once() -> None:
    # the lexicon's entries as a dict (read by its keys at once) or as any other mapping
    entries = {"كتاب": ("book",), "مدرس": ("teacher",), "حكومه": ("government",)}
    vocab = ["كتاب", "حكوم", "بيت", "مدرس", "قلم"]
    forms = {"كتاب": ["الكتاب"], "بيت": ["بيت", "كتاب"], "قلم": ["اقلام"], "مدرس": ["مدرسين"]}
    want = {"كتاب", "حكوم", "بيت", "مدرس"}
    for mapping in (entries, MappingProxyType(entries)):
        lexicon = Lexicon(mapping)
        readings = Readings.of(lexicon)
        readings.entries = mapping  # (a Lexicon keeps a dict of its own)
        assert written_of(vocab, forms, readings) == want
    work = StemWork(lexicon_key(lexicon), vocab, forms, Readings.of(lexicon))
    first = work.written()
    assert first == frozenset(want) and work.written() is first
