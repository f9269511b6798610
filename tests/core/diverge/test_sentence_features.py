"""Sentences' features cut from their paragraph's are those `paragraph_features` reads afresh."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_segment_batch
from reader.core.anchors.features import Features, find_anchors, paragraph_features, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.parts import sentence_anchors
from reader.core.diverge.context import SOURCE, make_side
from reader.core.diverge.finder import find_divergences
from reader.core.diverge.sentence_features import _Cutter, prepared_features, sentence_features
from reader.core.diverge.sentences import Segment, _SentenceFeatures
from reader.core.pair import PairOptions, open_pair
from reader.core.text.document import load_text
from reader.core.text.sentences import Sentence, split_sentences
from reader.resources import CORPUS

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
DOCUMENTS = sorted([*CORPUS.glob("*.txt"), *REAL.glob("*.txt")])
GLOSSARY = Glossary.load()
STEMMER = Lexicon.load().stemmer


def reference(text: str, lang: str, anchors: list) -> list[Features]:
    """What the batch read before: each sentence's features from its own text."""
    return [paragraph_features(s.text, lang, GLOSSARY, a, STEMMER)
            for s, a in zip(split_sentences(text, lang), anchors, strict=True)]


def check(text: str, lang: str, anchors=None) -> list[Features]:
    anchors = anchors if anchors is not None else find_anchors(text, lang, GLOSSARY)
    sentences = split_sentences(text, lang)
    parts = sentence_anchors(text, anchors, sentences, lang, GLOSSARY)
    features = paragraph_features(text, lang, GLOSSARY, anchors, STEMMER)
    cut = sentence_features(text, features, anchors, sentences, parts, lang, GLOSSARY, STEMMER)
    assert cut == reference(text, lang, parts)
    # and afresh, without the paragraph's
    assert sentence_features(text, None, anchors, sentences, parts, lang, GLOSSARY,
                             STEMMER) == cut
    return cut


_AR = [
    "قال", "الرئيس", "العراق", "والعراقيين", "في", "على", "عن", "بغداد", "مُحَمَّد", "كتـــاب",
    "الولايات المتحدة", "سوريا", "ثلاثة", "عشر", "عَشَرَ", "ـعشر", "التاسع", "كانون الأول",
    "2014", "١٢", "ﻋﺸﺮ", "ﷲ", "أحمد", "إلى", "مؤسسة", "ى", "ة", "\u064e", "\u0640", "\u06d6",
    "\u0670", "د.", "هـ.", "ترامب", "@user", "#وسم", "x", "Iraq", "b'c",
]
_EN = [
    "Iraq", "Iraq's", "the", "of", "United", "States", "Donald", "J.", "Trump", "U.S.", "said",
    "don't", "rock’n’roll", "O'Brien", "a", "I", "km", "5", "December", "2024-12-08", "Mr.",
    "ABC", "Abc", "e.g.", "it's", "'quoted'", "İstanbul", "café", "naïve", "@user", "#tag",
    "عشر", "قال",
]
_GLUE = [" ", " ", " ", ". ", "! ", "? ", "؟ ", "؛ ", "… ", ".\" ", ".) ", ", ", "-", "",
         "'", "’", ".'", "\u064e. ", ". \u064e", "\u0640. ", " http://x.com/a. ", "\t"]


def _paragraph(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(_GLUE)), max_size=16).map(
        lambda parts: "".join(a + b for a, b in parts)
    )


def test_an_arabic_sentence_with_latin_words_but_no_two_latin_letters_in_a_row() -> None:
    # the paragraph reads its words in Latin letters (it holds "React"), the second sentence
    # reads none ("a'b" is a Latin word, but alone it has no two letters in a row): the cut
    # once kept "a'b" for it
    text = "استخدم الفريق مكتبة React في المشروع. ثم كتب a'b في الملف الجديد."
    second = check(text, "ar")[1]
    assert second.words and all(not w.isascii() for w in second.words)
    assert "react" in check(text, "ar")[0].words


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_paragraph(_AR))
def test_arabic_sentences_as_read_afresh(text: str) -> None:
    check(text, "ar")


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_paragraph(_EN))
def test_english_sentences_as_read_afresh(text: str) -> None:
    check(text, "en")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_documents_sentences_as_read_afresh(path: Path) -> None:
    text = load_text(path)
    for p, anchors in zip(text.paragraphs, text_anchors(text, GLOSSARY), strict=True):
        check(p.text, text.language, anchors)


@pytest.mark.parametrize(
    ("text", "lang", "cut"),
    [
        ("Iraq said so. Trump agreed! Don't.", "en", True),
        # a sentence end inside a word: "so.Trump" is one sentence, but "U.S.A" ends none
        ("He left the U.S. Then he came back.", "en", True),
        # marks and tatweel at a sentence's edge, which normalising drops
        ("قال الرئيسُ. \u064eكتب محمد. ـالعراق", "ar", True),
        # presentation forms: normalised through NFKC, read afresh
        ("ﻋﺸﺮ رجال. قال ﷲ.", "ar", False),
        # a term of the glossary across the sentences' edge, and a link
        ("It was the United. States said so. See http://x.com/a. Then.", "en", True),
    ],
)
def test_sentences_at_the_edges(text: str, lang: str, cut: bool) -> None:
    check(text, lang)
    anchors = find_anchors(text, lang, GLOSSARY)
    features = paragraph_features(text, lang, GLOSSARY, anchors, STEMMER)
    assert (_Cutter.of(text, features, anchors, lang) is not None) == cut


@pytest.mark.parametrize(
    ("text", "lang", "cuts"),
    [
        ("Peoples agreed, Iraqis too", "en", [3, 7, 20]),  # inside a word, after, in a term
        ("don't stop", "en", [3, 4]),  # at an apostrophe
        ("الشعبَـقال كتب", "ar", [3, 6, 7]),  # marks and tatweel between letters
        ("قال العراق كتب", "ar", [6, 8]),  # inside a term: masked
    ],
)
def test_sentences_cutting_words_are_read_afresh(text: str, lang: str, cuts: list[int]) -> None:
    # sentences no splitter makes (a word cut in two): the cut tells them apart
    anchors = find_anchors(text, lang, GLOSSARY)
    features = paragraph_features(text, lang, GLOSSARY, anchors, STEMMER)
    ends = [0, *cuts, len(text)]
    sentences = [Sentence(a, b, text[a:b]) for a, b in itertools.pairwise(ends)]
    parts = [find_anchors(x.text, lang, GLOSSARY) for x in sentences]
    assert sentence_features(text, features, anchors, sentences, parts, lang, GLOSSARY,
                             STEMMER) == [paragraph_features(x.text, lang, GLOSSARY, a, STEMMER)
                                          for x, a in zip(sentences, parts, strict=True)]


def test_the_batch_aligns_the_same_with_features_given() -> None:
    src = "قال الرئيس إن العراق سيفعل. ثم غادر بغداد. وصل إلى سوريا في 2014."
    tgt = "The president said Iraq would act. He arrived in Syria in 2014."
    s_sent, t_sent = split_sentences(src, "ar"), split_sentences(tgt, "en")
    s_anch = sentence_anchors(src, find_anchors(src, "ar", GLOSSARY), s_sent, "ar", GLOSSARY)
    t_anch = sentence_anchors(tgt, find_anchors(tgt, "en", GLOSSARY), t_sent, "en", GLOSSARY)
    problems = [([s.text for s in s_sent], [t.text for t in t_sent])] * 2
    by_anchors = align_segment_batch(problems, "ar", "en", GLOSSARY,
                                     anchors=[(s_anch, t_anch)] * 2)
    features = [(reference(src, "ar", s_anch), reference(tgt, "en", t_anch))] * 2
    assert align_segment_batch(problems, "ar", "en", GLOSSARY, features=features) == by_anchors
    # the other way round (English first): swapped, as the anchors are
    swapped = [(t, s) for s, t in problems]
    assert align_segment_batch(swapped, "en", "ar", GLOSSARY,
                               features=[(t, s) for s, t in features]) == align_segment_batch(
        swapped, "en", "ar", GLOSSARY, anchors=[(t_anch, s_anch)] * 2)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("iraq-assad-lesson.ar.txt", "iraq-assad-lesson.en.txt"),
        ("iraq-assad-lesson.ar.txt", "iraq-spectator-axis-of-resistance.en.txt"),
        # English first: the aligner's sides are the other way round
        ("iraq-spectator-axis-of-resistance.en.txt", "iraq-assad-lesson.ar.txt"),
    ],
)
def test_detection_finds_the_same_with_the_aligners_features(source: str, target: str) -> None:
    pair = open_pair(CORPUS / source, CORPUS / target, PairOptions(), keep_prepared=True)
    assert pair.prepared is not None and pair.settings is not None
    settings = pair.settings

    def found(features: tuple[list[Features], list[Features]] | None) -> list[dict]:
        return [d.to_json() for d in find_divergences(
            pair.source, pair.target, pair.alignment, settings.thresholds,
            glossary=settings.glossary, original=settings.original, features=features)]

    given = found(prepared_features(pair.prepared))
    assert given == found(None)
    assert any(d["kind"] == "sentence_omission" for d in given) == ("spectator" in source + target)
    assert given == [d.to_json() for d in pair.divergences]


def test_a_users_glossary_reaches_the_features_and_detection_alike(tmp_path: Path) -> None:
    # a longer form of a built-in term: the paragraphs' masks change, and the sentences' with them
    glossary = tmp_path / "g.tsv"
    glossary.write_text("id\tar\ten\tcategory\nassad-lesson\tدرس الأسد\tAssad's lesson\tterm\n"
                        "iraq\tالعراق الجديد\tthe new Iraq\tcountry\n", encoding="utf-8")
    pair = open_pair(CORPUS / "iraq-assad-lesson.ar.txt",
                     CORPUS / "iraq-spectator-axis-of-resistance.en.txt",
                     PairOptions(glossaries=[glossary]), keep_prepared=True)
    assert pair.prepared is not None and pair.settings is not None
    settings = pair.settings
    assert settings.glossary is not GLOSSARY
    again = find_divergences(pair.source, pair.target, pair.alignment, settings.thresholds,
                             glossary=settings.glossary, original=settings.original)
    assert [d.to_json() for d in again] == [d.to_json() for d in pair.divergences]


@pytest.mark.parametrize(("text", "lang"), [("Iraq said so in 2014", "en"),
                                            ("قال الرئيس العراقي في بغداد عام 2014", "ar")])
def test_a_paragraph_of_one_sentence_keeps_its_own_anchors_and_features(text: str,
                                                                        lang: str) -> None:
    # the shortcut: nothing cut, the paragraph's very objects, as the sentence read afresh
    anchors = find_anchors(text, lang, GLOSSARY)
    features = paragraph_features(text, lang, GLOSSARY, anchors, STEMMER)
    sentences = split_sentences(text, lang)
    parts = sentence_anchors(text, anchors, sentences, lang, GLOSSARY)
    assert len(parts) == 1 and parts[0] is anchors
    found = sentence_features(text, features, anchors, sentences, parts, lang, GLOSSARY,
                              STEMMER)
    assert len(found) == 1 and found[0] is features
    assert found == reference(text, lang, parts)
    # anchors equal but not the paragraph's own: cut, with the same result
    again = sentence_features(text, features, anchors, sentences,
                              [find_anchors(text, lang, GLOSSARY)], lang, GLOSSARY, STEMMER)
    assert again == found and again[0] is not features


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.name.endswith((".ar.txt",
                                                                          ".en.txt"))],
                         ids=lambda p: p.name)
def test_the_features_read_in_one_go_are_those_read_one_by_one(path: Path) -> None:
    # _SentenceFeatures.read hands an Arabic side's folds over made all at once
    text = load_text(path)
    anchors = text_anchors(text, GLOSSARY)
    features = [paragraph_features(p.text, text.language, GLOSSARY, a, STEMMER)
                for p, a in zip(text.paragraphs, anchors, strict=True)]
    side = make_side(SOURCE, text, anchors, features)
    at_once = _SentenceFeatures(side, GLOSSARY, STEMMER)
    everything = list(range(len(text.paragraphs)))
    at_once.read(everything[::-1] + everything)  # any order, repeats read once
    one_by_one = _SentenceFeatures(side, GLOSSARY, STEMMER)
    for i in everything:
        paragraph = text.paragraphs[i].text
        sentences = split_sentences(paragraph, text.language)
        segs = [Segment(i, s, 0, k) for k, s in enumerate(sentences)]
        assert at_once.of(segs) == one_by_one.of(segs) == reference(
            paragraph, text.language,
            [find_anchors(s.text, text.language, GLOSSARY) for s in sentences])
